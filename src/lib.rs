//! dossier: a static-site generator for intelligence-style briefings.
//!
//! The modules are layered; each imports only the layers below it:
//!
//! - Bottom: [`corpus`] (the types every stage passes on), [`lang`] (the
//!   language layer: sentences, names), [`markup`] (Markdown and escaped
//!   HTML), [`config`] (site settings).
//! - The stages, in pipeline order: [`ingest`] → normalize ([`timex`] for
//!   dates, [`actors`] for people and places) → [`events`] → [`notes`] →
//!   [`briefing`] (the site model) → [`render`] → [`search`] → [`write`].
//! - Top: [`pipeline`] runs the stages; the commands [`check`], [`serve`] and
//!   [`scaffold`] (`dossier new`) and the progress display serve `main`.

pub mod corpus;
pub mod lang;
pub mod markup;

pub mod config;

pub mod actors;
pub mod briefing;
pub mod cache;
pub mod events;
pub mod ingest;
pub mod notes;
pub mod render;
pub mod search;
pub mod timex;
pub mod write;

pub mod pipeline;

pub mod check;
pub mod progress;
pub mod scaffold;
pub mod serve;

pub use corpus::Analysis;
pub use pipeline::{
    analyse, analyse_with, build, build_with, build_with_options, BuildError, BuildOptions,
    BuildReport,
};

/// Every program built on the library (the command, the tests, the
/// benchmarks) allocates through mimalloc: the stages make many small
/// strings, and the system allocator took about a sixth of the analysis.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
