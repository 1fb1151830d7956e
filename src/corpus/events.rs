//! Events: who met whom, where and when, each with the sentences that
//! report it.

use serde::{Deserialize, Serialize};

use super::timex::{DateInterval, Granularity};

/// The kinds of event this field reports, with their CAMEO codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Meeting,
    Visit,
    Reception,
    Summit,
    Signing,
    Inspection,
    Ceremony,
    /// A visit announced for later. Extraction marks planned events with
    /// [`EventStatus::Planned`] and keeps the kind `Visit`; this kind is for
    /// analysts who want to say so in `content/events/`.
    PlannedVisit,
    /// Formal negotiations ("held talks with").
    Talks,
    /// Lunches, dinners, banquets given for a guest.
    Banquet,
    /// Ratification of a signed agreement.
    Ratification,
    /// Laying wreaths or flowers at a monument.
    WreathLaying,
    /// A telephone or video call ("spoke by phone").
    PhoneCall,
    /// A message or letter sent or handed over ("sent a letter to").
    Message,
}

impl EventKind {
    /// The CAMEO code GDELT/PETRARCH would give this kind of event, so the
    /// export can be joined with event-coded data sets.
    pub fn cameo(self) -> &'static str {
        match self {
            EventKind::Meeting => "040",
            EventKind::Summit => "040",
            EventKind::PhoneCall => "041",
            EventKind::Message => "030",
            EventKind::Visit => "042",
            EventKind::Reception | EventKind::Banquet => "043",
            EventKind::PlannedVisit => "036",
            EventKind::Talks => "046",
            EventKind::Signing | EventKind::Ratification => "057",
            EventKind::Inspection => "062",
            EventKind::Ceremony | EventKind::WreathLaying => "050",
        }
    }

    /// Human label for pages ("wreath-laying", "talks").
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Reception => "reception",
            EventKind::Summit => "summit",
            EventKind::Signing => "signing",
            EventKind::Inspection => "inspection",
            EventKind::Ceremony => "ceremony",
            EventKind::PlannedVisit => "planned visit",
            EventKind::Talks => "talks",
            EventKind::Banquet => "banquet",
            EventKind::Ratification => "ratification",
            EventKind::WreathLaying => "wreath-laying",
            EventKind::PhoneCall => "phone call",
            EventKind::Message => "message",
        }
    }

    /// Kinds that different outlets use for one occurrence ("met", "held
    /// talks", "summit") share a family; merging never crosses families.
    pub fn family(self) -> u8 {
        match self {
            EventKind::Meeting | EventKind::Talks | EventKind::Summit => 0,
            EventKind::Visit | EventKind::PlannedVisit => 1,
            EventKind::Reception | EventKind::Banquet => 2,
            EventKind::Signing | EventKind::Ratification => 3,
            EventKind::Inspection => 4,
            EventKind::Ceremony | EventKind::WreathLaying => 5,
            EventKind::PhoneCall => 6,
            EventKind::Message => 7,
        }
    }

    /// Events with two sides (someone meets someone); the others have one
    /// actor doing something (visits, inspects, lays a wreath).
    pub fn is_encounter(self) -> bool {
        matches!(
            self,
            EventKind::Meeting
                | EventKind::Talks
                | EventKind::Summit
                | EventKind::Reception
                | EventKind::Banquet
                | EventKind::Signing
                | EventKind::PhoneCall
                | EventKind::Message
        )
    }
}

/// Whether an event is news of the period, announced for later, history,
/// or one the reports say did not take place (denied, cancelled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Reported,
    Planned,
    Background,
    /// "denied reports that … had met", "the visit has been cancelled".
    #[serde(rename = "not-happened")]
    NotHappened,
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
    /// CAMEO code of `kind`, for joining with event-coded data.
    pub cameo: &'static str,
    /// What was visited, inspected or signed ("the Kim Il Sung Military and
    /// Political Academy", "a comprehensive strategic partnership treaty").
    pub object: Option<String>,
    /// The side named only as a delegation ("Russian delegation").
    pub delegation: Option<String>,
    /// How the place relates to the event as the text says it ("in",
    /// "near", "at").
    pub place_relation: Option<String>,
    /// True when an analyst confirmed or added the event in `content/events/`.
    pub curated: bool,
    /// The trip this event is a stop of: the id of the trip's first event,
    /// shared by every event of one journey ("arrived in Kuala Lumpur …
    /// met Prabowo in Bogor"). `None` for events on no trip.
    pub trip: Option<String>,
    /// The outlets of the articles reporting it, sorted, each once.
    pub outlets: Vec<String>,
}
