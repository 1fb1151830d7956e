//! The events timeline: one marker per event, stacked by month.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::axis::{month_index, Axis};
use super::markers::{marker_style, status_noun, status_rank, Family, FAMILIES};
use super::svg::{capitalise, esc, figure, legend_swatch, plural, svg_head, INK, MUTED, RULE};
use crate::briefing::EventRef;
use crate::corpus::EventStatus;

/// Months the events timeline shows: the latest stretch of the story.
pub const TIMELINE_MONTHS: i32 = 24;
/// Markers stacked in one timeline column before the rest become "+N".
pub(super) const MAX_STACK: usize = 8;

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
        } else if !col.is_empty() {
            // The count is written over the stack, not left to tooltips.
            let _ = writeln!(
                svg,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\" font-size=\"10\">{}</text>",
                base_y - row_h * col.len() as f64 - 4.0,
                col.len()
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
        (
            EventStatus::NotHappened,
            "Did not happen: denied or cancelled (dotted outline)",
        ),
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
        "<div class=\"visually-hidden\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">Events</th><th scope=\"col\">Kinds</th><th scope=\"col\">Planned</th><th scope=\"col\">Background</th><th scope=\"col\">Did not happen</th></tr></thead><tbody>",
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
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&axis.long(i)),
            col.len(),
            kinds.join(", "),
            count(EventStatus::Planned),
            count(EventStatus::Background),
            count(EventStatus::NotHappened)
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
            "<p>Events by {}, latest {} {}s with events.{note}<span class=\"screen-only\"> The number over each month counts its events; hover a marker for its event.</span></p>{legend}",
            axis.step.noun(),
            axis.starts.len(),
            axis.step.noun()
        ),
        &table,
    )
}
