//! The pipeline, stage after stage: ingest → normalize (dates, actors) →
//! extract events → build the briefing model → render → write.
//!
//! Data flows one way. Per-article work runs in parallel (rayon); the only
//! cross-article steps (actor clustering, event merging) are keyed, never
//! all-pairs.

use chrono::NaiveDate;
use rayon::prelude::*;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Instant;

use crate::actors::{self, kb::KnowledgeBase, ArticleActors, Registry};
use crate::config::{self, SiteConfig};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::events::{self, Event};
use crate::ingest::{self, Article};
use crate::text::{self, Sentence};
use crate::timex::{self, Timex};
use crate::{briefing, render, write};

/// One article with everything the normalization stages found in it.
#[derive(Debug, Clone)]
pub struct AnalysedArticle {
    pub article: Article,
    /// The date every relative expression is anchored to: the given
    /// publication date, or one inferred from the text.
    pub published: Option<NaiveDate>,
    /// Set when `published` was inferred, saying from what.
    pub published_evidence: Option<String>,
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
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Ingest(#[from] ingest::IngestError),
    #[error(transparent)]
    KnowledgeBase(#[from] actors::kb::KbError),
    #[error(transparent)]
    Render(#[from] render::RenderError),
    #[error(transparent)]
    Write(#[from] write::WriteError),
    #[error("the content has {} error(s):\n{}", .0.len(), .0.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Content(Vec<Diagnostic>),
}

/// Wall time per stage on stderr when `DOSSIER_TIMINGS` is set (to anything
/// but `0`): the cheapest way to see where a slow build spends its time.
pub struct StageTimer {
    enabled: bool,
    last: Instant,
}

impl StageTimer {
    pub fn start() -> StageTimer {
        static ENABLED: OnceLock<bool> = OnceLock::new();
        let enabled = *ENABLED.get_or_init(|| {
            std::env::var_os("DOSSIER_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0")
        });
        StageTimer {
            enabled,
            last: Instant::now(),
        }
    }

    /// Reports the time since the previous mark (or the start) as `stage`.
    pub fn mark(&mut self, stage: &str) {
        if self.enabled {
            let now = Instant::now();
            eprintln!(
                "[timing] {stage:<22} {:>8.3} s",
                (now - self.last).as_secs_f64()
            );
            self.last = now;
        }
    }
}

/// Runs every analysis stage over the project at `root`.
pub fn analyse(root: &Path) -> Result<Analysis, BuildError> {
    let mut timer = StageTimer::start();
    let config = config::load(root)?;
    let kb = KnowledgeBase::load(root)?;
    timer.mark("config + knowledge base");
    let corpus = ingest::load_corpus(root, &config)?;
    let mut diagnostics = corpus.diagnostics;
    timer.mark("ingest");

    let mut articles: Vec<AnalysedArticle> = corpus
        .articles
        .into_par_iter()
        .map(|article| analyse_article(article, &kb))
        .collect();
    timer.mark("dates + actors");

    // Actors: people missing from the knowledge base are clustered across
    // articles by name key, and every mention gets its final actor id.
    let mut found: Vec<ArticleActors> = articles
        .iter_mut()
        .map(|a| std::mem::take(&mut a.actors))
        .collect();
    let registry: Registry = actors::resolve(&kb, &mut found);
    for (a, f) in articles.iter_mut().zip(found) {
        a.actors = f;
    }
    timer.mark("actor resolution");

    // Events: extracted per article in parallel (order kept, so the merge
    // sees the same input every run), then merged with the curated ones.
    let mentions: Vec<events::EventMention> = articles
        .par_iter()
        .flat_map_iter(|a| events::extract(a, &registry))
        .collect();
    timer.mark("event extraction");
    let (curated, mut curated_diagnostics) = events::load_curated(root, &registry);
    diagnostics.append(&mut curated_diagnostics);
    let (events, mut merge_diagnostics) = events::merge(mentions, curated, &registry);
    diagnostics.append(&mut merge_diagnostics);
    timer.mark("event merge");

    diagnostics::sort(&mut diagnostics);
    Ok(Analysis {
        config,
        articles,
        registry,
        events,
        diagnostics,
    })
}

fn analyse_article(article: Article, kb: &KnowledgeBase) -> AnalysedArticle {
    // Without a publication date, infer one from the text (dateline, weekday
    // agreement, explicit years, and the tenures of the office-holders it
    // names) so relative dates still resolve; the evidence travels with it so
    // pages and `dossier check` can say the date is inferred.
    let inferred = match article.published {
        Some(_) => None,
        None => timex::infer_publication_date(
            &article.text,
            article
                .dateline
                .as_ref()
                .and_then(|d| d.date_text.as_deref()),
            &kb.tenure_constraints(&article.text),
        ),
    };
    let published = article.published.or(inferred.as_ref().map(|i| i.date));
    let published_evidence = inferred.map(|i| i.evidence.join("; "));
    let sentences = text::sentences(&article.text);
    let timexes = timex::annotate(&article.text, published);
    let found = actors::find_mentions(&article.text, &sentences, published, kb);
    AnalysedArticle {
        article,
        published,
        published_evidence,
        sentences,
        timexes,
        actors: found,
    }
}

/// What a build did, for the CLI to report.
#[derive(Debug)]
pub struct BuildReport {
    pub articles: usize,
    pub actors: usize,
    pub events: usize,
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds the site of the project at `root` into `output`. On any error the
/// previous contents of `output` are left as they were.
pub fn build(root: &Path, output: &Path) -> Result<BuildReport, BuildError> {
    let analysis = analyse(root)?;
    if analysis.has_errors() {
        return Err(BuildError::Content(
            analysis
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect(),
        ));
    }
    let mut timer = StageTimer::start();
    let site = briefing::build(&analysis);
    timer.mark("briefing model");
    // Pages are written as they are rendered, into a staging folder that
    // replaces `output` only once everything is written.
    let staging = write::Staging::new(output)?;
    let files = render::render_into(root, &site, &staging)?;
    timer.mark("render + write");
    staging.commit()?;
    timer.mark("swap");
    Ok(BuildReport {
        articles: analysis.articles.len(),
        actors: analysis.registry.actors.len(),
        events: analysis.events.len(),
        files,
        diagnostics: analysis.diagnostics,
    })
}
