//! The timeline page: events by year and month, in timeline order.

use chrono::NaiveDate;

use super::*;

pub(super) fn timeline_key(e: &Event) -> (bool, Option<NaiveDate>, Option<Granularity>, &str) {
    (
        e.date.is_none(),
        e.date.as_ref().map(|d| d.interval.start),
        e.date.as_ref().map(|d| d.granularity),
        e.id.as_str(),
    )
}

pub(super) fn build_timeline(ordered: &[&Event]) -> Timeline {
    let mut years: Vec<TimelineYear> = Vec::new();
    let mut undated = Vec::new();
    for e in ordered {
        let Some(date) = &e.date else {
            undated.push(event_ref(e));
            continue;
        };
        let year = chrono::Datelike::year(&date.interval.start);
        let month = chrono::Datelike::month(&date.interval.start);
        // Coarser than a month (a season, a year) cannot go under one month.
        let (key, label) = if date.granularity <= Granularity::Month {
            (
                format!("{year:04}-{month:02}"),
                dates::label(&format!("{year:04}-{month:02}")),
            )
        } else {
            (format!("{year:04}"), format!("{year}, month not known"))
        };
        if years.last().is_none_or(|y| y.year != year) {
            years.push(TimelineYear {
                year,
                anchor: format!("y{year}"),
                months: Vec::new(),
            });
        }
        let Some(y) = years.last_mut() else { continue };
        if y.months.last().is_none_or(|m| m.key != key) {
            y.months.push(TimelineMonth {
                anchor: format!("m{key}"),
                key: key.clone(),
                label,
                events: Vec::new(),
            });
        }
        if let Some(m) = y.months.last_mut() {
            m.events.push(event_ref(e));
        }
    }
    // Within a year the coarse group was interleaved by start day; merge
    // groups with the same key so each month appears once, in order.
    for y in &mut years {
        let mut merged: Vec<TimelineMonth> = Vec::new();
        for m in std::mem::take(&mut y.months) {
            if let Some(existing) = merged.iter_mut().find(|x| x.key == m.key) {
                existing.events.extend(m.events);
            } else {
                merged.push(m);
            }
        }
        // Year-only group last within its year.
        merged.sort_by_key(|m| (m.key.len() == 4, m.key.clone()));
        y.months = merged;
    }
    Timeline { years, undated }
}
