//! Related events of an event page: events sharing a participant, close
//! in time, found by a bounded window per participant.

use std::collections::BTreeMap;

use super::*;

/// Related events: sharing a participant and at most this many days apart.
const RELATED_WINDOW_DAYS: i64 = 45;
const RELATED_MAX: usize = 6;

/// Events sharing a participant, close in time. Each participant's events
/// are already in date order, so a window around the event is found by
/// binary search: the work per event is bounded by the window, not by how
/// many events a busy person has.
pub(super) fn related_events(
    e: &Event,
    actor_events: &BTreeMap<&str, Vec<&str>>,
    refs: &BTreeMap<&str, EventRef>,
    ordered: &[&Event],
    position: &BTreeMap<&str, usize>,
) -> Vec<EventRef> {
    let Some(date) = e.date.as_ref() else {
        return Vec::new();
    };
    let day_of = |id: &str| {
        position
            .get(id)
            .and_then(|&i| ordered.get(i))
            .and_then(|ev| ev.date.as_ref())
            .map(|d| d.interval.start)
    };
    let lo = date.interval.start - chrono::Duration::days(RELATED_WINDOW_DAYS);
    let hi = date.interval.end + chrono::Duration::days(RELATED_WINDOW_DAYS);
    let mut found: BTreeMap<(i64, &str), ()> = BTreeMap::new();
    for p in &e.participants {
        let Some(list) = actor_events.get(p.as_str()) else {
            continue;
        };
        // Undated events sort last, so they never fall inside the window.
        let first = list.partition_point(|id| day_of(id).is_some_and(|d| d < lo));
        for id in list.iter().skip(first) {
            let Some(day) = day_of(id) else { break };
            if day > hi {
                break;
            }
            if *id != e.id {
                let distance = (day - date.interval.start).num_days().abs();
                found.insert((distance, id), ());
            }
        }
    }
    found
        .keys()
        .filter_map(|(_, id)| refs.get(id).cloned())
        .take(RELATED_MAX)
        .collect()
}
