//! The analysed corpus: the types every stage passes on, at the bottom of
//! the tree. Each stage imports these (and the language layer and the
//! shared text utilities below them), never a stage above it.
//!
//! - [`article`]: an article after ingest (cleaned text, metadata, dateline).
//! - [`timex`]: time expressions with their TIMEX3 values.
//! - [`actors`]: actors, their mentions, and the registry of the corpus.
//! - [`events`]: events with their sources.
//! - [`notes`]: the analyst's notes with their explicit links.
//! - [`page`]: standalone pages (`content/pages/*.md`).
//! - [`period`]: the calendar periods briefings are cut by.
//! - [`diagnostics`]: problems found in the content.
//!
//! [`AnalysedArticle`] and [`Analysis`] tie them together: one article with
//! everything found in it, and the whole corpus after every analysis stage.

pub mod actors;
pub mod article;
pub mod diagnostics;
pub mod events;
pub mod notes;
pub mod page;
pub mod period;
pub mod timex;

#[cfg(test)]
pub(crate) mod sample;

use chrono::NaiveDate;

use crate::config::SiteConfig;
use crate::lang::Sentence;

pub use actors::{
    Actor, ActorKind, ArticleActors, Mention, MentionVia, PossibleDuplicate, Quote, Registry,
    ReportedRole, Role,
};
pub use article::{Article, Dateline, SourceFormat};
pub use diagnostics::{Diagnostic, Severity};
pub use events::{DateBasis, Event, EventDate, EventKind, EventSource, EventStatus};
pub use notes::{AnalysedNote, ExplicitLink, LinkKind, Note};
pub use page::Page;
pub use period::PeriodId;
pub use timex::{Anchoring, DateInterval, Granularity, Timex, TimexKind, TimexMod};

/// One article with everything the normalization stages found in it.
#[derive(Debug, Clone)]
pub struct AnalysedArticle {
    pub article: Article,
    /// The date every relative expression is anchored to: the given
    /// publication date, or one inferred from the text.
    pub published: Option<NaiveDate>,
    /// Set when `published` was inferred, saying from what.
    pub published_evidence: Option<String>,
    /// For an inferred date, the days it may fall on: one day when the
    /// evidence fixes the day, else the range `published` was chosen from.
    pub published_range: Option<DateInterval>,
    pub sentences: Vec<Sentence>,
    pub timexes: Vec<Timex>,
    pub actors: ArticleActors,
}

/// The corpus after every analysis stage, before anything is rendered.
#[derive(Debug)]
pub struct Analysis {
    pub config: SiteConfig,
    pub articles: Vec<AnalysedArticle>,
    pub registry: Registry,
    pub events: Vec<Event>,
    /// The analyst's notes, by period.
    pub notes: Vec<AnalysedNote>,
    /// Standalone pages, in navigation order.
    pub pages: Vec<Page>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}
