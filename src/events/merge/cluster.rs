//! Clustering: mention order, (participant, month) blocking keys, clusters, and fit tests.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};

use crate::corpus::DateInterval;
use crate::corpus::Registry;
use crate::corpus::{DateBasis, EventDate, EventKind, EventStatus};
use crate::events::{CuratedEvent, EventMention};

/// A "reported on" date only bounds the event: it happened on or shortly
/// before publication. News of the week is the common case.
const REPORTED_ON_WINDOW_DAYS: u64 = 7;
/// Two day-precise dates this close, with the same people, are one event
/// told differently (time zones, "yesterday" misread) — kept as a conflict.
const DATE_SLACK_DAYS: i64 = 2;

pub(super) fn order_key(m: &EventMention) -> (bool, i64, Option<NaiveDate>, String, usize) {
    let span = m
        .date
        .as_ref()
        .map(|d| (d.interval.end - d.interval.start).num_days())
        .unwrap_or(i64::MAX);
    (
        m.date.is_none(),
        span,
        m.date.as_ref().map(|d| d.interval.start),
        m.article.clone(),
        m.sources.first().map(|s| s.start).unwrap_or(0),
    )
}

/// The interval a mention's event may lie in.
pub(super) fn effective_interval(
    date: Option<&EventDate>,
    published: Option<NaiveDate>,
) -> Option<DateInterval> {
    let d = date?;
    if d.basis == DateBasis::ReportedOn {
        let end = published.unwrap_or(d.interval.end);
        let start = end
            .checked_sub_days(Days::new(REPORTED_ON_WINDOW_DAYS))
            .unwrap_or(end);
        return Some(DateInterval { start, end });
    }
    Some(d.interval)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Bucket {
    Month(i32),
    Year(i32),
    Undated,
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// Where a cluster is filed: the months its (slightly widened) interval
/// touches, or its years when it is coarser than a quarter.
pub(super) fn own_buckets(window: Option<DateInterval>) -> Vec<Bucket> {
    let Some(w) = window else {
        return vec![Bucket::Undated];
    };
    let slack = Days::new(DATE_SLACK_DAYS as u64);
    let start = w.start.checked_sub_days(slack).unwrap_or(w.start);
    let end = w.end.checked_add_days(slack).unwrap_or(w.end);
    let (a, b) = (month_index(start), month_index(end));
    if b - a <= 3 {
        (a..=b).map(Bucket::Month).collect()
    } else if end.year() - start.year() <= 3 {
        (start.year()..=end.year()).map(Bucket::Year).collect()
    } else {
        vec![Bucket::Undated]
    }
}

/// Where to look for clusters a mention may join: its own buckets, the
/// coarser buckets containing them, and (for coarse mentions) the months of
/// their years. A bounded number of keys per mention.
pub(super) fn probe_buckets(window: Option<DateInterval>) -> Vec<Bucket> {
    let own = own_buckets(window);
    let mut out: BTreeSet<Bucket> = own.iter().copied().collect();
    for b in &own {
        match *b {
            Bucket::Month(m) => {
                out.insert(Bucket::Year(m.div_euclid(12)));
            }
            Bucket::Year(y) => {
                out.extend((y * 12..y * 12 + 12).map(Bucket::Month));
            }
            Bucket::Undated => {}
        }
    }
    out.insert(Bucket::Undated);
    out.into_iter().collect()
}

pub(super) struct Cluster {
    pub(super) members: Vec<usize>,
    family: u8,
    status: EventStatus,
    participants: BTreeSet<String>,
    window: Option<DateInterval>,
    /// Day-precise explicit dates seen, to spot conflicts.
    places: BTreeSet<String>,
    objects: Vec<String>,
}

impl Cluster {
    pub(super) fn new(mi: usize, m: &EventMention, window: Option<DateInterval>) -> Self {
        let mut c = Cluster {
            members: Vec::new(),
            family: m.kind.family(),
            status: m.status,
            participants: BTreeSet::new(),
            window: None,
            places: BTreeSet::new(),
            objects: Vec::new(),
        };
        c.add(mi, m, window);
        c
    }

    pub(super) fn add(&mut self, mi: usize, m: &EventMention, window: Option<DateInterval>) {
        self.members.push(mi);
        if m.status == EventStatus::Reported
            || (m.status == EventStatus::NotHappened && self.status == EventStatus::Planned)
        {
            self.status = m.status;
        }
        self.participants.extend(m.participants.iter().cloned());
        // The cluster's window narrows to what all its dated reports allow.
        self.window = match (self.window, window) {
            (None, w) => w,
            (w, None) => w,
            (Some(a), Some(b)) => {
                let start = a.start.max(b.start);
                let end = a.end.min(b.end);
                if start <= end {
                    Some(DateInterval { start, end })
                } else {
                    Some(a)
                }
            }
        };
        if let Some(p) = &m.place {
            self.places.insert(p.clone());
        }
        if let Some(o) = &m.object {
            self.objects.push(o.clone());
        }
    }
}

pub(super) fn overlaps(a: DateInterval, b: DateInterval) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn significant_words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3 || w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "the" | "and" | "with" | "from"))
        .collect()
}

/// Whether two places can be the same location: equal, or one inside the
/// other (a city and its country).
pub(super) fn places_agree(a: &str, b: &str, registry: &Registry) -> bool {
    if a == b {
        return true;
    }
    let inside = |x: &str, y: &str| registry.get(x).and_then(|p| p.country.as_deref()) == Some(y);
    inside(a, b) || inside(b, a)
}

/// None when the mention cannot be part of the cluster; otherwise a score
/// (higher is a better fit).
pub(super) fn compatibility(
    m: &EventMention,
    window: Option<DateInterval>,
    c: &Cluster,
    registry: &Registry,
) -> Option<i64> {
    if m.kind.family() != c.family {
        return None;
    }
    // A visit announced for dates that a later report says it happened on
    // is one event: the plan is an earlier report of it; so is a plan that
    // a later report says was cancelled. Only with both dates known and
    // overlapping; history never mixes with news.
    if m.status != c.status {
        let plan_and_report = matches!(
            (m.status, c.status),
            (
                EventStatus::Planned,
                EventStatus::Reported | EventStatus::NotHappened
            ) | (
                EventStatus::Reported | EventStatus::NotHappened,
                EventStatus::Planned
            )
        );
        let dates_meet = matches!((window, c.window), (Some(a), Some(b)) if overlaps(a, b));
        if !(plan_and_report && dates_meet) {
            return None;
        }
    }
    let shared = m
        .participants
        .iter()
        .filter(|p| c.participants.contains(*p))
        .count();
    if shared == 0 {
        return None;
    }
    let subset = shared == m.participants.len() || shared == c.participants.len();
    if !subset && shared < 2 {
        return None;
    }
    let mut strong_date = false;
    match (window, c.window) {
        (Some(a), Some(b)) if overlaps(a, b) => strong_date = true,
        (Some(a), Some(b)) => {
            let gap = (a.start - b.end)
                .num_days()
                .max((b.start - a.end).num_days());
            if !(gap <= DATE_SLACK_DAYS && shared >= 2) {
                return None;
            }
        }
        _ => {}
    }
    // Different things visited or signed are different events.
    if let (Some(o), false) = (&m.object, c.objects.is_empty()) {
        if m.kind != EventKind::Banquet {
            let mine = significant_words(o);
            if !c
                .objects
                .iter()
                .any(|co| !significant_words(co).is_disjoint(&mine))
            {
                return None;
            }
        }
    }
    let mut place_score = 0;
    if let Some(p) = &m.place {
        if c.places.iter().any(|cp| places_agree(p, cp, registry)) {
            place_score = 1;
        } else if !(c.places.is_empty() || strong_date && shared >= 2) {
            return None;
        }
    }
    Some(shared as i64 * 10 + place_score + i64::from(strong_date) * 5)
}

pub(super) fn curated_matches(
    c: &CuratedEvent,
    window: Option<DateInterval>,
    cluster: &Cluster,
) -> bool {
    if c.kind.family() != cluster.family {
        return false;
    }
    if let (Some(a), Some(b)) = (window, cluster.window) {
        if !overlaps(a, b) {
            return false;
        }
    }
    if c.participants.is_empty() {
        return true;
    }
    c.participants
        .iter()
        .any(|p| cluster.participants.contains(p))
}
