//! A person's activity chart: articles and events per month.

use super::axis::{event_months, month_index, Axis};
use super::bars::{bar_chart, bar_legend, bar_table, hatch_def, Series};
use super::svg::figure;
use crate::briefing::ActorPage;

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
