//! Stage 3, events: who met whom, where and when, found sentence by sentence
//! and merged across articles. Every event keeps the sentences it came from.

use serde::Serialize;

use crate::timex::{DateInterval, Granularity};

/// The kinds of event this field reports, with their CAMEO codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Meeting,
    Visit,
    Reception,
    Summit,
    Signing,
    Inspection,
    Ceremony,
    PlannedVisit,
}

/// Whether an event is news of the period, announced for later, or history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Reported,
    Planned,
    Background,
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateBasis {
    /// A time expression governing the sentence.
    Explicit,
    /// The last date the article mentioned before the sentence.
    Narrative,
    /// Nothing better: the article's publication date ("reported on").
    ReportedOn,
    /// Set by an analyst in `content/events/`.
    Curated,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDate {
    /// TIMEX3-style value.
    pub value: String,
    pub granularity: Granularity,
    pub interval: DateInterval,
    pub basis: DateBasis,
}

/// A sentence that reports an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSource {
    pub article: String,
    pub sentence: String,
    /// Byte range of the sentence in the article's text.
    pub start: usize,
    pub end: usize,
}

/// One event, after merging all its reports.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub status: EventStatus,
    pub date: Option<EventDate>,
    /// Actor id.
    pub place: Option<String>,
    /// Actor ids.
    pub participants: Vec<String>,
    pub sources: Vec<EventSource>,
    /// Disagreements between sources, in words, for the event page.
    pub conflicts: Vec<String>,
    /// Analyst's note when the event was curated.
    pub note: Option<String>,
}
