//! Pieces every chart shares: colours, escaping, the SVG head, the figure.
//! Also legend swatches and small words (`plural`, `capitalise`).

use crate::markup::html::escape_html;

pub(super) const INK: &str = "#1b1f24";
pub(super) const MUTED: &str = "#5a636e";
pub(super) const RULE: &str = "#c4c9d0";

pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html(text, &mut out);
    out
}

/// A small standalone marker for a legend entry (hidden from screen
/// readers: the text beside it says the same).
pub(super) fn legend_swatch(inner: &str) -> String {
    format!(
        "<svg class=\"swatch\" width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\" focusable=\"false\">{inner}</svg>"
    )
}

/// Opens the SVG with its title and description (both escaped). `id` is
/// ours (never content), so it goes in as is. The drawn size is the
/// viewBox; the stylesheet scales the picture to the page's width, and the
/// inline `min-width` stops it where its 11-pixel text would fall below
/// about 8 pixels (the network, whose labels sit apart, may shrink further).
pub(super) fn svg_head(
    id: &str,
    class: &str,
    (width, height): (f64, f64),
    role: &str,
    title: &str,
    desc: &str,
) -> String {
    let smallest = if class == "chart-network" { 0.6 } else { 0.75 };
    let min_width = (width * smallest).round();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {class}\" id=\"{id}\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" style=\"min-width: {min_width:.0}px\" role=\"{role}\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        esc(title),
        esc(desc)
    )
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The table of numbers sits in a visually hidden `div`, not a hidden
/// table: Chromium lets a table's cells overflow a clipped table box.
/// The caption comes last: HTML allows a figcaption only as the first or
/// last child.
pub(super) fn figure(class: &str, svg: &str, caption: &str, table: &str) -> String {
    format!(
        "<figure class=\"{class}\">\n<div class=\"chart-scroll\" tabindex=\"0\">{svg}</div>\n{table}\n<figcaption>{caption}</figcaption>\n</figure>"
    )
}
