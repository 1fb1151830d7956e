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

mod activity;
mod axis;
mod bars;
mod by_month;
mod markers;
mod network;
mod svg;
mod timeline;

pub use activity::person_activity;
pub use axis::MAX_BINS;
pub use by_month::events_by_month;
pub use network::{person_network, MAX_NETWORK_NODES};
pub use timeline::{event_timeline, TIMELINE_MONTHS};

// What tests.rs reaches through `use super::*`.
#[cfg(test)]
use {
    crate::briefing::{ActorPage, ActorRef, EventRef},
    crate::corpus::EventStatus,
    axis::{month_index, Axis, Step},
    std::collections::BTreeMap,
    timeline::MAX_STACK,
};

#[cfg(test)]
mod tests;
