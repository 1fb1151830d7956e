//! Progress reporting without UI: the pipeline says which stage it is in and
//! how far it got through the articles; the CLI decides whether and how to
//! show that (a progress bar on a terminal, nothing in CI or with
//! `--quiet`). The library never prints.

/// A stage of a build, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Loading settings, the knowledge base and every article file.
    Reading,
    /// Dates and names, per article (the long part; counted).
    Analysing,
    /// Actor resolution across articles and event extraction and merging.
    Events,
    /// Building the site model and rendering every page.
    Rendering,
    /// Building the search index.
    Indexing,
    /// Writing the files and swapping the new site in.
    Writing,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Analysing => "analysing",
            Stage::Events => "events",
            Stage::Rendering => "rendering",
            Stage::Indexing => "indexing",
            Stage::Writing => "writing",
        }
    }
}

/// Receives progress from the pipeline. Called from worker threads, so it
/// must be `Sync`; every method has a do-nothing default.
pub trait Progress: Sync {
    /// A stage starts; `total` is the number of items it will count through
    /// with [`Progress::advance`], when known.
    fn stage(&self, _stage: Stage, _total: Option<u64>, _message: &str) {}
    /// `n` more items of the current stage are done.
    fn advance(&self, _n: u64) {}
    /// The pipeline is done (successfully or not).
    fn finish(&self) {}
}

/// Reports nothing: what `build` and `analyse` use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
