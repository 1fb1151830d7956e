//! Stage 3, events: who met whom, where and when, found sentence by sentence
//! and merged across articles. Every event keeps the sentences it came from.

pub mod curated;
pub mod extract;
pub mod merge;
pub mod title;

pub use curated::{load_curated, CuratedEvent};
pub use extract::{extract, EventMention};
pub use merge::merge;

#[cfg(test)]
mod tests;
