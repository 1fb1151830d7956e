//! The bar chart with its legend and table (events by month, activity).

use std::fmt::Write;

use super::axis::Axis;
use super::svg::{capitalise, esc, legend_swatch, svg_head, INK, MUTED, RULE};

/// One series of a bar chart: a name, how it is drawn, and a value per
/// column.
pub(super) struct Series {
    pub(super) name: String,
    /// `fill="…"` and friends; patterns come from [`hatch_defs`].
    pub(super) style: String,
    pub(super) values: Vec<usize>,
}

/// A hatch pattern for a series that must read without colour.
pub(super) fn hatch_def(id: &str, colour: &str) -> String {
    format!(
        "<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"1.5\" y1=\"0\" x2=\"1.5\" y2=\"6\" stroke=\"{colour}\" stroke-width=\"3\"/></pattern>"
    )
}

/// Bars per column, stacked (one total) or side by side (several measures).
pub(super) fn bar_chart(
    id: &str,
    axis: &Axis,
    series: &[Series],
    stacked: bool,
    defs: &str,
    title: &str,
    desc: &str,
) -> String {
    let n = axis.starts.len();
    let per_col = if stacked { 1 } else { series.len().max(1) };
    // Narrow bars when several share a column, so a two-year span still
    // fits a page at full size.
    let bar_w = if per_col > 1 || n > 24 { 11.0 } else { 16.0 };
    let col_w = bar_w * per_col as f64 + 10.0;
    let (left, right, top) = (30.0, 8.0, 18.0);
    let plot_h = 120.0;
    let base_y = top + plot_h;
    let width = left + right + col_w * n as f64;
    let height = base_y + 34.0;
    let max = (0..n)
        .map(|i| {
            let vals = series.iter().map(|s| s.values.get(i).copied().unwrap_or(0));
            if stacked {
                vals.sum()
            } else {
                vals.max().unwrap_or(0)
            }
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = plot_h / max as f64;

    let mut svg = svg_head(id, "chart-bars", (width, height), "img", title, desc);
    if !defs.is_empty() {
        let _ = writeln!(svg, "<defs>{defs}</defs>");
    }
    // Scale: zero and the maximum, with a faint line at the top.
    for (value, y) in [(0, base_y), (max, top)] {
        let _ = writeln!(
            svg,
            "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{MUTED}\">{value}</text>",
            left - 4.0,
            width - right,
            if value == 0 { MUTED } else { RULE },
            left - 6.0,
            y + 4.0
        );
    }
    for i in 0..n {
        let x0 = left + col_w * i as f64 + 5.0;
        let mut y = base_y;
        let mut total = 0;
        for (k, s) in series.iter().enumerate() {
            let v = s.values.get(i).copied().unwrap_or(0);
            if v == 0 {
                continue;
            }
            total += v;
            let h = v as f64 * scale;
            let x = if stacked { x0 } else { x0 + bar_w * k as f64 };
            let y_top = if stacked { y - h } else { base_y - h };
            let _ = writeln!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y_top:.1}\" width=\"{:.1}\" height=\"{h:.1}\" {}><title>{}: {v} {}</title></rect>",
                bar_w - 1.0,
                s.style,
                esc(&axis.long(i)),
                esc(&s.name.to_lowercase())
            );
            // Every value is written over its bar, not left to a tooltip.
            if stacked {
                y -= h;
            } else {
                let _ = writeln!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"{}\">{v}</text>",
                    x + (bar_w - 1.0) / 2.0,
                    y_top - 3.0,
                    if v >= 100 { 8 } else { 10 }
                );
            }
        }
        let cx = x0 + (col_w - 10.0) / 2.0;
        if stacked && total > 0 {
            let _ = writeln!(
                svg,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"{}\">{total}</text>",
                y - 3.0,
                if total >= 100 { 8 } else { 10 }
            );
        }
        // With many columns, label every other one so labels never collide.
        axis.write_labels(&mut svg, i, cx, x0 - 3.0, base_y, n <= 24 || i % 2 == 0);
    }
    svg.push_str("</svg>");
    svg
}

pub(super) fn bar_table(title: &str, axis: &Axis, series: &[Series]) -> String {
    let mut t = format!(
        "<div class=\"visually-hidden\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        esc(title),
        capitalise(axis.step.noun())
    );
    for s in series {
        let _ = write!(t, "<th scope=\"col\">{}</th>", esc(&s.name));
    }
    t.push_str("</tr></thead><tbody>");
    for i in 0..axis.starts.len() {
        if series
            .iter()
            .all(|s| s.values.get(i).copied().unwrap_or(0) == 0)
        {
            continue;
        }
        let _ = write!(t, "<tr><th scope=\"row\">{}</th>", esc(&axis.long(i)));
        for s in series {
            let _ = write!(t, "<td>{}</td>", s.values.get(i).copied().unwrap_or(0));
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table></div>");
    t
}

pub(super) fn bar_legend(series: &[Series]) -> String {
    let mut legend = String::from("<ul class=\"chart-legend\">");
    for s in series {
        let _ = write!(
            legend,
            "<li>{}{}</li>",
            legend_swatch(&format!(
                "<rect x=\"2\" y=\"2\" width=\"14\" height=\"14\" {}/>",
                s.style
            )),
            esc(&s.name)
        );
    }
    legend.push_str("</ul>");
    legend
}
