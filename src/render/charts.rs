//! Pictures drawn at build time as inline SVG, so they need no JavaScript
//! and print like text: the events timeline (home page, and any page with a
//! list of events), counts of events by month (events index), a person's
//! activity over time and the network of people they met.
//!
//! Every function returns a complete `<figure>` of HTML: the SVG (with
//! `<title>` and `<desc>`), a caption with the legend, and a visually hidden
//! table with the same numbers for screen readers. All text from content is
//! escaped here, so templates can mark the result `safe`.
//!
//! Sizes are bounded whatever the corpus: dates are grouped by month, then
//! quarter, year or decade so a chart never has more than [`MAX_BINS`]
//! columns; stacks of markers and the network are capped with a note.

use crate::briefing::dates::{MONTH_ABBREVIATIONS, MONTH_NAMES};
use std::collections::BTreeMap;
use std::fmt::Write;

use crate::briefing::{ActorPage, ActorRef, EventRef};
use crate::corpus::{EventKind, EventStatus};
use crate::markup::html::escape_html;

/// Most columns a chart gets before months are grouped into longer steps.
pub const MAX_BINS: usize = 48;
/// Months the events timeline shows: the latest stretch of the story.
pub const TIMELINE_MONTHS: i32 = 24;
/// Markers stacked in one timeline column before the rest become "+N".
const MAX_STACK: usize = 8;
/// People drawn around a person in the network picture.
pub const MAX_NETWORK_NODES: usize = 12;

const INK: &str = "#1b1f24";
const MUTED: &str = "#5a636e";
const RULE: &str = "#c4c9d0";

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html(text, &mut out);
    out
}

/// Months since year 0 of a `YYYY-MM…` value, or `None` when it has no month.
fn month_index(value: &str) -> Option<i32> {
    let year: i32 = value.get(0..4)?.parse().ok()?;
    if value.get(4..5)? != "-" {
        return None;
    }
    let month: i32 = value.get(5..7)?.parse().ok()?;
    (1..=12).contains(&month).then_some(year * 12 + month - 1)
}

/// How many months one column covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Month,
    Quarter,
    Year,
    Decade,
}

impl Step {
    fn months(self) -> i32 {
        match self {
            Step::Month => 1,
            Step::Quarter => 3,
            Step::Year => 12,
            Step::Decade => 120,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Step::Month => "month",
            Step::Quarter => "quarter",
            Step::Year => "year",
            Step::Decade => "decade",
        }
    }
}

/// Consecutive columns from `first` to `last` (month indexes), in the
/// shortest step that keeps them within [`MAX_BINS`].
#[derive(Debug)]
struct Axis {
    step: Step,
    /// Month index each column starts at.
    starts: Vec<i32>,
}

impl Axis {
    /// Writes column `i`'s label under the baseline (when `short` is set)
    /// and, where a year starts, the year below it at `year_x`.
    fn write_labels(
        &self,
        svg: &mut String,
        i: usize,
        cx: f64,
        year_x: f64,
        base_y: f64,
        short: bool,
    ) {
        if short {
            let _ = writeln!(
                svg,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
                base_y + 14.0,
                esc(&self.short(i))
            );
        }
        if let Some(year) = self.year_label(i) {
            let _ = writeln!(
                svg,
                "<text x=\"{year_x:.1}\" y=\"{:.1}\" fill=\"{INK}\" font-weight=\"700\">{year}</text>",
                base_y + 28.0
            );
        }
    }

    fn new(first: i32, last: i32) -> Axis {
        let steps = [Step::Month, Step::Quarter, Step::Year, Step::Decade];
        let mut chosen = Step::Decade;
        for step in steps {
            if Self::span(first, last, step) <= MAX_BINS as i32 {
                chosen = step;
                break;
            }
        }
        let m = chosen.months();
        let start = first.div_euclid(m) * m;
        let count = Self::span(first, last, chosen).max(1);
        Axis {
            step: chosen,
            starts: (0..count).map(|i| start + i * m).collect(),
        }
    }

    fn span(first: i32, last: i32, step: Step) -> i32 {
        let m = step.months();
        last.div_euclid(m) - first.div_euclid(m) + 1
    }

    fn column(&self, month: i32) -> Option<usize> {
        let first = *self.starts.first()?;
        let i = (month - first).div_euclid(self.step.months());
        usize::try_from(i).ok().filter(|&i| i < self.starts.len())
    }

    /// Short label under a column ("Jun", "Q3", "2024", "1990s").
    fn short(&self, i: usize) -> String {
        let Some(&s) = self.starts.get(i) else {
            return String::new();
        };
        let (year, month) = (s.div_euclid(12), s.rem_euclid(12) as usize);
        match self.step {
            Step::Month => MONTH_ABBREVIATIONS
                .get(month)
                .copied()
                .unwrap_or("")
                .to_string(),
            Step::Quarter => format!("Q{}", month / 3 + 1),
            Step::Year => format!("{year}"),
            Step::Decade => format!("{year}s"),
        }
    }

    /// Full label for tables and tooltips ("June 2024", "Q3 2024").
    fn long(&self, i: usize) -> String {
        let Some(&s) = self.starts.get(i) else {
            return String::new();
        };
        let (year, month) = (s.div_euclid(12), s.rem_euclid(12) as usize);
        match self.step {
            Step::Month => format!("{} {year}", MONTH_NAMES.get(month).copied().unwrap_or("")),
            Step::Quarter => format!("Q{} {year}", month / 3 + 1),
            Step::Year => format!("{year}"),
            Step::Decade => format!("{year}s"),
        }
    }

    /// A year label goes under the first column and each column opening a
    /// new year (months and quarters only; longer steps name the year).
    fn year_label(&self, i: usize) -> Option<i32> {
        let s = *self.starts.get(i)?;
        // The first column names its year unless a new year opens right
        // after it, where the two labels would run into each other.
        let crowded = |j: usize| self.starts.get(j).is_some_and(|&t| t.rem_euclid(12) == 0);
        let opens_year = s.rem_euclid(12) == 0 || (i == 0 && !crowded(1) && !crowded(2));
        (matches!(self.step, Step::Month | Step::Quarter) && opens_year).then(|| s.div_euclid(12))
    }
}

/// Four families of event kinds, each with its own marker shape and colour,
/// so kinds stay apart in greyscale print as well as on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    Meeting,
    Visit,
    Agreement,
    Ceremony,
}

const FAMILIES: [Family; 4] = [
    Family::Meeting,
    Family::Visit,
    Family::Agreement,
    Family::Ceremony,
];

impl Family {
    fn of(kind: EventKind) -> Family {
        match kind {
            EventKind::Meeting | EventKind::Talks | EventKind::Summit => Family::Meeting,
            EventKind::Visit | EventKind::PlannedVisit | EventKind::Inspection => Family::Visit,
            EventKind::Signing | EventKind::Ratification => Family::Agreement,
            EventKind::Reception
            | EventKind::Banquet
            | EventKind::Ceremony
            | EventKind::WreathLaying => Family::Ceremony,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Family::Meeting => "Meetings, talks, summits",
            Family::Visit => "Visits and inspections",
            Family::Agreement => "Signings and ratifications",
            Family::Ceremony => "Receptions and ceremonies",
        }
    }

    fn short(self) -> &'static str {
        match self {
            Family::Meeting => "meetings",
            Family::Visit => "visits",
            Family::Agreement => "signings",
            Family::Ceremony => "ceremonies",
        }
    }

    /// Colours with at least 4.5:1 contrast on white.
    fn colour(self) -> &'static str {
        match self {
            Family::Meeting => "#0b5cad",
            Family::Visit => "#b3261e",
            Family::Agreement => "#2e6b30",
            Family::Ceremony => "#6a3d9a",
        }
    }

    /// The marker's outline centred on (x, y), about 12 px across.
    fn path(self, x: f64, y: f64) -> String {
        match self {
            Family::Meeting => format!("M{:.1} {y:.1}a6 6 0 1 0 12 0a6 6 0 1 0 -12 0z", x - 6.0),
            Family::Visit => format!(
                "M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}z",
                y - 6.5,
                x + 6.5,
                y + 5.5,
                x - 6.5,
                y + 5.5
            ),
            Family::Agreement => format!("M{:.1} {:.1}h11v11h-11z", x - 5.5, y - 5.5),
            Family::Ceremony => format!(
                "M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}z",
                y - 7.0,
                x + 7.0,
                y + 7.0,
                x - 7.0
            ),
        }
    }
}

/// Fill and stroke by status: reported solid, planned a dashed outline,
/// background a pale fill, so status never rests on colour alone.
fn marker_style(family: Family, status: EventStatus) -> String {
    let c = family.colour();
    match status {
        EventStatus::Reported => format!("fill=\"{c}\" stroke=\"{c}\" stroke-width=\"1.5\""),
        EventStatus::Planned => {
            format!("fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"")
        }
        EventStatus::Background => {
            format!("fill=\"{c}\" fill-opacity=\"0.3\" stroke=\"{c}\" stroke-width=\"1.5\"")
        }
    }
}

fn status_noun(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Reported => "reported",
        EventStatus::Planned => "planned",
        EventStatus::Background => "background",
    }
}

/// A small standalone marker for a legend entry (hidden from screen
/// readers: the text beside it says the same).
fn legend_swatch(inner: &str) -> String {
    format!(
        "<svg class=\"swatch\" width=\"18\" height=\"18\" viewBox=\"0 0 18 18\" aria-hidden=\"true\" focusable=\"false\">{inner}</svg>"
    )
}

/// Opens the SVG with its title and description (both escaped). `id` is
/// ours (never content), so it goes in as is.
fn svg_head(
    id: &str,
    class: &str,
    (width, height): (f64, f64),
    role: &str,
    title: &str,
    desc: &str,
) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {class}\" id=\"{id}\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"{role}\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        esc(title),
        esc(desc)
    )
}

/// The events timeline: one column per month of the latest
/// [`TIMELINE_MONTHS`] months with dated events, one marker per event
/// (shape and colour by kind, fill by status). `id` must be unique in the
/// page. Events dated only to a year or coarser, undated events and events
/// before the window are counted in the note instead.
///
/// Periodic briefing pages can call this with their own events.
pub fn event_timeline(events: &[EventRef], id: &str) -> String {
    let placed: Vec<(i32, &EventRef)> = events
        .iter()
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            let fine = d
                .precision
                .is_some_and(|p| p <= crate::corpus::Granularity::Month);
            fine.then_some(())?;
            Some((month_index(d.start.as_deref()?)?, e))
        })
        .collect();
    let Some(last) = placed.iter().map(|(m, _)| *m).max() else {
        return String::new();
    };
    let first_seen = placed.iter().map(|(m, _)| *m).min().unwrap_or(last);
    let first = first_seen.max(last - (TIMELINE_MONTHS - 1));
    let axis = Axis::new(first, last);
    let mut columns: Vec<Vec<&EventRef>> = vec![Vec::new(); axis.starts.len()];
    let mut earlier = 0usize;
    for (m, e) in &placed {
        match axis.column(*m) {
            Some(i) if *m >= first => {
                if let Some(col) = columns.get_mut(i) {
                    col.push(e);
                }
            }
            _ => earlier += 1,
        }
    }
    // Reported news first in each stack, then planned, then background,
    // then by kind, so stacks read the same way from month to month.
    for col in &mut columns {
        col.sort_by_key(|e| (status_rank(e.status), Family::of(e.kind)));
    }
    let unplaced = events.len() - placed.len();

    let col_w = 30.0;
    let (left, right, top) = (8.0, 8.0, 22.0);
    let row_h = 17.0;
    let plot_h = row_h * MAX_STACK as f64;
    let base_y = top + plot_h;
    let width = left + right + col_w * axis.starts.len() as f64;
    let height = base_y + 34.0;

    let shown: usize = columns.iter().map(Vec::len).sum();
    let title = format!(
        "Timeline of events by {}, {} to {}",
        axis.step.noun(),
        axis.long(0),
        axis.long(axis.starts.len().saturating_sub(1))
    );
    let mut desc = format!(
        "{shown} event{} in {} {}s, one marker per event: shape and colour show the kind, a solid marker a reported event, a dashed outline a planned one, a pale marker background history.",
        plural(shown),
        axis.starts.len(),
        axis.step.noun()
    );
    let mut notes = Vec::new();
    if earlier > 0 {
        notes.push(format!(
            "{earlier} earlier event{} not shown",
            plural(earlier)
        ));
    }
    if unplaced > 0 {
        notes.push(format!(
            "{unplaced} event{} without a known month not shown",
            plural(unplaced)
        ));
    }
    if !notes.is_empty() {
        desc.push(' ');
        desc.push_str(&notes.join("; "));
        desc.push('.');
    }

    let mut svg = svg_head(id, "chart-timeline", (width, height), "img", &title, &desc);
    // Gridlines at each year boundary, baseline under the stacks.
    let _ = writeln!(
        svg,
        "<line x1=\"{left}\" y1=\"{base_y}\" x2=\"{:.1}\" y2=\"{base_y}\" stroke=\"{MUTED}\"/>",
        width - right
    );
    for (i, col) in columns.iter().enumerate() {
        let x0 = left + col_w * i as f64;
        let cx = x0 + col_w / 2.0;
        if i > 0 && axis.year_label(i).is_some() {
            let _ = writeln!(
                svg,
                "<line x1=\"{x0:.1}\" y1=\"{top}\" x2=\"{x0:.1}\" y2=\"{:.1}\" stroke=\"{RULE}\" stroke-dasharray=\"2 3\"/>",
                base_y + 30.0
            );
        }
        for (k, e) in col.iter().take(MAX_STACK).enumerate() {
            let cy = base_y - row_h * (k as f64 + 0.5);
            let family = Family::of(e.kind);
            let when = e.date.as_ref().map(|d| d.label.as_str()).unwrap_or("");
            let _ = writeln!(
                svg,
                "<path d=\"{}\" {}><title>{} ({}, {}, {})</title></path>",
                family.path(cx, cy),
                marker_style(family, e.status),
                esc(&e.title),
                esc(&e.kind_label),
                status_noun(e.status),
                esc(when)
            );
        }
        if col.len() > MAX_STACK {
            let _ = writeln!(
                svg,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-weight=\"700\">+{}</text>",
                top - 8.0,
                col.len() - MAX_STACK
            );
        }
        axis.write_labels(&mut svg, i, cx, x0 + 3.0, base_y, true);
    }
    svg.push_str("</svg>");

    // Legend: kinds by shape and colour, statuses by fill.
    let mut legend = String::from("<ul class=\"chart-legend\">");
    for f in FAMILIES {
        let _ = write!(
            legend,
            "<li>{}{}</li>",
            legend_swatch(&format!(
                "<path d=\"{}\" {}/>",
                f.path(9.0, 9.0),
                marker_style(f, EventStatus::Reported)
            )),
            f.label()
        );
    }
    for (status, label) in [
        (EventStatus::Planned, "Planned (dashed outline)"),
        (EventStatus::Background, "Background history (pale)"),
    ] {
        let _ = write!(
            legend,
            "<li>{}{label}</li>",
            legend_swatch(&format!(
                "<path d=\"{}\" {}/>",
                Family::Meeting.path(9.0, 9.0),
                marker_style(Family::Meeting, status)
            ))
        );
    }
    legend.push_str("</ul>");

    // The same numbers as a table.
    let mut table = format!(
        "<div class=\"visually-hidden\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">Events</th><th scope=\"col\">Kinds</th><th scope=\"col\">Planned</th><th scope=\"col\">Background</th></tr></thead><tbody>",
        esc(&title),
        capitalise(axis.step.noun())
    );
    for (i, col) in columns.iter().enumerate() {
        if col.is_empty() {
            continue;
        }
        let mut kinds: BTreeMap<Family, usize> = BTreeMap::new();
        for e in col {
            *kinds.entry(Family::of(e.kind)).or_default() += 1;
        }
        let kinds: Vec<String> = kinds
            .iter()
            .map(|(f, n)| format!("{n} {}", f.short()))
            .collect();
        let count = |s: EventStatus| col.iter().filter(|e| e.status == s).count();
        let _ = write!(
            table,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&axis.long(i)),
            col.len(),
            kinds.join(", "),
            count(EventStatus::Planned),
            count(EventStatus::Background)
        );
    }
    table.push_str("</tbody></table></div>");

    let note = if notes.is_empty() {
        String::new()
    } else {
        format!(" {}.", capitalise(&notes.join("; ")))
    };
    figure(
        "chart-figure",
        &svg,
        &format!(
            "<p>Events by {}, latest {} {}s with events.{note}<span class=\"screen-only\"> Hover a marker for its event.</span></p>{legend}",
            axis.step.noun(),
            axis.starts.len(),
            axis.step.noun()
        ),
        &table,
    )
}

fn status_rank(s: EventStatus) -> u8 {
    match s {
        EventStatus::Reported => 0,
        EventStatus::Planned => 1,
        EventStatus::Background => 2,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn capitalise(s: &str) -> String {
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
fn figure(class: &str, svg: &str, caption: &str, table: &str) -> String {
    format!(
        "<figure class=\"{class}\">\n<div class=\"chart-scroll\" tabindex=\"0\">{svg}</div>\n{table}\n<figcaption>{caption}</figcaption>\n</figure>"
    )
}

/// One series of a bar chart: a name, how it is drawn, and a value per
/// column.
struct Series {
    name: String,
    /// `fill="…"` and friends; patterns come from [`hatch_defs`].
    style: String,
    values: Vec<usize>,
}

/// A hatch pattern for a series that must read without colour.
fn hatch_def(id: &str, colour: &str) -> String {
    format!(
        "<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"1.5\" y1=\"0\" x2=\"1.5\" y2=\"6\" stroke=\"{colour}\" stroke-width=\"3\"/></pattern>"
    )
}

/// Bars per column, stacked (one total) or side by side (several measures).
fn bar_chart(
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
            if stacked {
                y -= h;
            } else if n <= 24 {
                let _ = writeln!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"10\">{v}</text>",
                    x + (bar_w - 1.0) / 2.0,
                    y_top - 3.0
                );
            }
        }
        let cx = x0 + (col_w - 10.0) / 2.0;
        if stacked && total > 0 && n <= 24 {
            let _ = writeln!(
                svg,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"10\">{total}</text>",
                y - 3.0
            );
        }
        // With many columns, label every other one so labels never collide.
        axis.write_labels(&mut svg, i, cx, x0 - 3.0, base_y, n <= 24 || i % 2 == 0);
    }
    svg.push_str("</svg>");
    svg
}

fn bar_table(title: &str, axis: &Axis, series: &[Series]) -> String {
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

fn bar_legend(series: &[Series]) -> String {
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

/// Month indexes of dated events, with the event, for events whose start
/// is known at least to the month.
fn event_months(events: &[EventRef]) -> Vec<(i32, &EventRef)> {
    events
        .iter()
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            d.precision
                .is_some_and(|p| p <= crate::corpus::Granularity::Month)
                .then_some(())?;
            Some((month_index(d.start.as_deref()?)?, e))
        })
        .collect()
}

/// The events index picture: how many events fall in each month (quarter,
/// year … for long spans), stacked by status.
pub fn events_by_month(events: &[EventRef], id: &str) -> String {
    let dated = event_months(events);
    let (Some(first), Some(last)) = (
        dated.iter().map(|(m, _)| *m).min(),
        dated.iter().map(|(m, _)| *m).max(),
    ) else {
        return String::new();
    };
    let axis = Axis::new(first, last);
    let statuses = [
        (EventStatus::Reported, "Reported"),
        (EventStatus::Planned, "Planned"),
        (EventStatus::Background, "Background"),
    ];
    let hatch = format!("{id}-hatch");
    let mut series: Vec<Series> = statuses
        .iter()
        .map(|(s, name)| Series {
            name: name.to_string(),
            style: match s {
                EventStatus::Reported => "fill=\"#0b5cad\"".to_string(),
                EventStatus::Planned => {
                    format!("fill=\"url(#{hatch})\" stroke=\"#7a4b00\" stroke-width=\"1\"")
                }
                EventStatus::Background => {
                    "fill=\"#d9dde3\" stroke=\"#5a636e\" stroke-width=\"1\"".to_string()
                }
            },
            values: vec![0; axis.starts.len()],
        })
        .collect();
    for (m, e) in &dated {
        let Some(i) = axis.column(*m) else { continue };
        let k = status_rank(e.status) as usize;
        if let Some(v) = series.get_mut(k).and_then(|s| s.values.get_mut(i)) {
            *v += 1;
        }
    }
    // Only the statuses that occur get a legend entry and a table column.
    series.retain(|s| s.values.iter().any(|&v| v > 0));
    let unplaced = events.len() - dated.len();
    let title = format!(
        "Events by {}, {} to {}",
        axis.step.noun(),
        axis.long(0),
        axis.long(axis.starts.len().saturating_sub(1))
    );
    let mut desc = format!(
        "Bar chart: number of events starting in each {}, stacked by status.",
        axis.step.noun()
    );
    if unplaced > 0 {
        let _ = write!(
            desc,
            " {unplaced} event{} without a known month not counted.",
            plural(unplaced)
        );
    }
    let svg = bar_chart(
        id,
        &axis,
        &series,
        true,
        &hatch_def(&hatch, "#7a4b00"),
        &title,
        &desc,
    );
    figure(
        "chart-figure",
        &svg,
        &format!("<p>{}</p>{}", esc(&desc), bar_legend(&series)),
        &bar_table(&title, &axis, &series),
    )
}

/// A person's activity: articles naming them (by publication month) and
/// events they took part in (by event month), side by side.
pub fn person_activity(person: &ActorPage, id: &str) -> String {
    let articles: Vec<i32> = person
        .articles
        .iter()
        .filter_map(|a| month_index(a.published.as_deref()?))
        .collect();
    let events: Vec<i32> = event_months(&person.events)
        .into_iter()
        .map(|(m, _)| m)
        .collect();
    let all = articles.iter().chain(&events);
    let (Some(&first), Some(&last)) = (all.clone().min(), all.max()) else {
        return String::new();
    };
    let axis = Axis::new(first, last);
    let hatch = format!("{id}-hatch");
    let count = |months: &[i32]| {
        let mut v = vec![0; axis.starts.len()];
        for &m in months {
            if let Some(slot) = axis.column(m).and_then(|i| v.get_mut(i)) {
                *slot += 1;
            }
        }
        v
    };
    let series = vec![
        Series {
            name: "Articles naming them".to_string(),
            style: "fill=\"#0b5cad\"".to_string(),
            values: count(&articles),
        },
        Series {
            name: "Events taken part in".to_string(),
            style: format!("fill=\"url(#{hatch})\" stroke=\"#b3261e\" stroke-width=\"1\""),
            values: count(&events),
        },
    ];
    let title = format!("Activity of {} by {}", person.name, axis.step.noun());
    let desc = format!(
        "Bar chart: for each {} from {} to {}, the number of articles naming {} (by publication date) and of events they took part in (by event date).",
        axis.step.noun(),
        axis.long(0),
        axis.long(axis.starts.len().saturating_sub(1)),
        person.name
    );
    let svg = bar_chart(
        id,
        &axis,
        &series,
        false,
        &hatch_def(&hatch, "#b3261e"),
        &title,
        &desc,
    );
    figure(
        "chart-figure chart-small",
        &svg,
        &format!(
            "<p>Articles and events by {}.</p>{}",
            axis.step.noun(),
            bar_legend(&series)
        ),
        &bar_table(&title, &axis, &series),
    )
}

/// The people a person met, drawn around them on an ellipse, each node a
/// link to the person's page (relative to `root`). Lines between two
/// neighbours mean they met too. Only the [`MAX_NETWORK_NODES`] most
/// frequent contacts are drawn; the caption says how many were left out.
/// `pages` looks up the neighbours' own contacts.
pub fn person_network(
    person: &ActorPage,
    pages: &BTreeMap<&str, &ActorPage>,
    root: &str,
    id: &str,
) -> String {
    let shown: Vec<&ActorRef> = person.met.iter().take(MAX_NETWORK_NODES).collect();
    if shown.is_empty() {
        return String::new();
    }
    let (width, height) = (640.0, 330.0);
    let (cx, cy) = (width / 2.0, height / 2.0);
    let (rx, ry) = (165.0, 118.0);
    let n = shown.len();
    let positions: Vec<(f64, f64, f64)> = (0..n)
        .map(|i| {
            // Start at the top and go clockwise; one or two contacts sit
            // beside the centre, where their labels have room.
            let angle = if n <= 2 {
                std::f64::consts::PI * i as f64
            } else {
                -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64
            };
            (cx + rx * angle.cos(), cy + ry * angle.sin(), angle)
        })
        .collect();
    let index: BTreeMap<&str, usize> = shown
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();

    let left_out = person.met.len() - n;
    let title = format!("People {} met", person.name);
    let mut desc = format!(
        "Network: {} in the centre, linked to the {} {} met at events; thicker lines mean more events together, thin dashed lines join contacts who also met each other. The same people are listed under “Met”.",
        person.name,
        n,
        if n == 1 { "person" } else { "people" }
    );
    if left_out > 0 {
        let _ = write!(
            desc,
            " Only the {n} most frequent contacts are drawn; {left_out} more are listed."
        );
    }
    let mut svg = svg_head(id, "chart-network", (width, height), "group", &title, &desc);
    // Contacts who met each other, drawn first so they sit underneath.
    for (i, p) in shown.iter().enumerate() {
        let Some(page) = pages.get(p.id.as_str()) else {
            continue;
        };
        for q in &page.met {
            let Some(&j) = index.get(q.id.as_str()) else {
                continue;
            };
            if j <= i {
                continue;
            }
            if let (Some(a), Some(b)) = (positions.get(i), positions.get(j)) {
                let _ = writeln!(
                    svg,
                    "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{MUTED}\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>",
                    a.0, a.1, b.0, b.1
                );
            }
        }
    }
    for (p, (x, y, _)) in shown.iter().zip(&positions) {
        let _ = writeln!(
            svg,
            "<line x1=\"{cx:.1}\" y1=\"{cy:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#0b5cad\" stroke-width=\"{}\"/>",
            1 + p.count.min(5)
        );
    }
    let _ = writeln!(
        svg,
        "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"9\" fill=\"{INK}\"/>\n<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"13\" font-weight=\"700\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\">{}</text>",
        cy + 26.0,
        esc(&short_name(&person.name))
    );
    for (p, (x, y, angle)) in shown.iter().zip(&positions) {
        // Labels sit outside the ring, pointing away from the centre, so
        // neighbouring labels grow apart instead of across each other.
        let (dx, dy) = (angle.cos(), angle.sin());
        let (anchor, lx, ly) = if dx.abs() < 0.3 {
            ("middle", *x, y + dy.signum() * 18.0 + 4.0)
        } else if dx > 0.0 {
            ("start", x + 12.0, y + 4.0)
        } else {
            ("end", x - 12.0, y + 4.0)
        };
        let events = if p.count == 1 { "event" } else { "events" };
        let _ = writeln!(
            svg,
            "<a href=\"{}{}\"><title>{}: {} {events} together</title><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"#ffffff\" stroke=\"#0b5cad\" stroke-width=\"2.5\"/><text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" fill=\"#0b5cad\" font-size=\"12\" text-decoration=\"underline\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\">{}</text></a>",
            esc(root),
            esc(&p.url),
            esc(&p.name),
            p.count,
            esc(&short_name(&p.name))
        );
    }
    svg.push_str("</svg>");
    let caption = if left_out > 0 {
        format!(
            "<p>The {n} people {} met most often; {left_out} more are listed under “Met”. <span class=\"screen-only\">Select a name to open that person’s page.</span></p>",
            esc(&person.name)
        )
    } else {
        format!(
            "<p>People {} met at events. <span class=\"screen-only\">Select a name to open that person’s page.</span></p>",
            esc(&person.name)
        )
    };
    figure("chart-figure", &svg, &caption, "")
}

/// Labels longer than this are cut with an ellipsis (the full name is in
/// the node's title and in the list beside the picture).
const LABEL_CHARS: usize = 24;

fn short_name(name: &str) -> String {
    if name.chars().count() <= LABEL_CHARS {
        return name.to_string();
    }
    let mut s: String = name.chars().take(LABEL_CHARS - 1).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests;
