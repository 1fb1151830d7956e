//! The events index chart: events per month, stacked by status.

use std::fmt::Write;

use super::axis::{event_months, Axis};
use super::bars::{bar_chart, bar_legend, bar_table, hatch_def, Series};
use super::markers::status_rank;
use super::svg::{esc, figure, plural};
use crate::briefing::EventRef;
use crate::corpus::EventStatus;

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
        (EventStatus::NotHappened, "Did not happen"),
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
                EventStatus::NotHappened => {
                    "fill=\"#ffffff\" stroke=\"#8a8f96\" stroke-width=\"1\" stroke-dasharray=\"1 2\"".to_string()
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
