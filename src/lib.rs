//! dossier: a static-site generator for intelligence-style briefings.
//!
//! The modules follow the pipeline: [`ingest`] → normalize ([`timex`] for
//! dates, [`actors`] for people and places) → [`events`] → [`briefing`] (the
//! site model) → [`render`] → [`write`]. [`pipeline`] runs them in order.

pub mod actors;
pub mod briefing;
pub mod check;
pub mod config;
pub mod diagnostics;
pub mod events;
pub mod ingest;
pub mod markdown;
pub mod notes;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod text;
pub mod timex;
pub mod write;

pub use pipeline::{analyse, analyse_with, build, build_with, Analysis, BuildError, BuildReport};
