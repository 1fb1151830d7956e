//! The pipeline, stage after stage: ingest → normalize (dates, actors) →
//! extract events → build the briefing model → render → write.
//!
//! Data flows one way. Per-article work runs in parallel (rayon); the only
//! cross-article steps (actor clustering, event merging) are keyed, never
//! all-pairs.

use rayon::prelude::*;
use std::path::Path;

use crate::actors::{self, kb::KnowledgeBase};
use crate::cache::{self, AnalysisCache};
use crate::config::{self, SiteConfig};
use crate::corpus::diagnostics::{self, Diagnostic, Severity};
use crate::corpus::LinkKind;
use crate::corpus::{AnalysedArticle, Analysis, Article};
use crate::corpus::{ArticleActors, Registry};
use crate::events;
use crate::ingest;
use crate::lang::{self};
use crate::notes;
use crate::progress::{Progress, Silent, Stage};
use crate::timex;
use crate::{briefing, render, search, write};

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
    Search(#[from] search::SearchError),
    #[error(transparent)]
    Write(#[from] write::WriteError),
    #[error(transparent)]
    Cache(#[from] cache::CacheError),
    #[error("the content has {} error(s):\n{}", .0.len(), .0.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Content(Vec<Diagnostic>),
}

/// How a build uses the on-disk analysis cache (`src/cache.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CacheUse {
    /// Analyse every article; read and write nothing.
    #[default]
    Off,
    /// Take what the cache has; write nothing (`dossier check`).
    Read,
    /// Take what the cache has, store what was analysed, prune the rest
    /// (`dossier build` and `serve`).
    ReadWrite,
}

/// Runs every analysis stage over the project at `root`.
pub fn analyse(root: &Path) -> Result<Analysis, BuildError> {
    analyse_with(root, &Silent)
}

/// [`analyse`], telling `progress` how far it got.
pub fn analyse_with(root: &Path, progress: &dyn Progress) -> Result<Analysis, BuildError> {
    Ok(analyse_cached(root, progress, CacheUse::Off)?.0)
}

/// [`analyse_with`] using the analysis cache as `cache` says; also returns
/// how many articles came from the cache.
pub fn analyse_cached(
    root: &Path,
    progress: &dyn Progress,
    cache: CacheUse,
) -> Result<(Analysis, usize), BuildError> {
    analyse_cached_with(root, progress, cache, &Overrides::default())
}

/// [`analyse_cached`] with some settings of `site.yaml` overridden.
pub fn analyse_cached_with(
    root: &Path,
    progress: &dyn Progress,
    cache: CacheUse,
    overrides: &Overrides,
) -> Result<(Analysis, usize), BuildError> {
    progress.stage(Stage::Reading, None, "reading content");
    let mut config = config::load(root)?;
    overrides.apply(&mut config);
    let kb = KnowledgeBase::load(root)?;
    let corpus = ingest::load_corpus(root, &config)?;
    let cache = match cache {
        CacheUse::Off => None,
        use_ => {
            // The knowledge base as bytes: part of every entry's key.
            let kb_bytes = std::fs::read(root.join(actors::kb::KB_PATH)).unwrap_or_default();
            Some(AnalysisCache::open(
                root,
                &kb_bytes,
                use_ == CacheUse::ReadWrite,
            )?)
        }
    };
    let mut diagnostics = corpus.diagnostics;
    diagnostics.extend(kb.warnings.iter().cloned());

    let total = corpus.articles.len();
    progress.stage(
        Stage::Analysing,
        Some(total as u64),
        &format!("analysing {total} articles"),
    );
    let mut articles: Vec<AnalysedArticle> = corpus
        .articles
        .into_par_iter()
        .map(|article| {
            let analysed = match &cache {
                None => analyse_article(article, &kb),
                Some(cache) => match cache.get(article) {
                    cache::Lookup::Hit(hit) => hit,
                    cache::Lookup::Miss(article, key) => {
                        let analysed = analyse_article(article, &kb);
                        if let Some(key) = key {
                            cache.put(&key, &analysed);
                        }
                        analysed
                    }
                },
            };
            progress.advance(1);
            analysed
        })
        .collect();
    let cached = cache.as_ref().map_or(0, |c| {
        c.prune();
        c.hits()
    });

    progress.stage(Stage::Events, None, "resolving people and events");

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

    // Events: extracted per article in parallel (order kept, so the merge
    // sees the same input every run), then merged with the curated ones.
    let mentions: Vec<events::EventMention> = articles
        .par_iter()
        .flat_map_iter(|a| events::extract(a, &registry))
        .collect();
    let (curated, mut curated_diagnostics) = events::load_curated(root, &registry);
    diagnostics.append(&mut curated_diagnostics);
    let (events, mut merge_diagnostics) = events::merge(mentions, curated, &registry);
    diagnostics.append(&mut merge_diagnostics);

    // Notes last: their explicit links must point at the final actors,
    // events and articles.
    let targets = notes::Targets::new(
        &registry,
        &events,
        articles
            .iter()
            .map(|a| (a.article.id.as_str(), a.article.title.as_str())),
    );
    let (notes, mut note_diagnostics) = notes::load(root, &config, &kb, &targets);
    diagnostics.append(&mut note_diagnostics);
    let (pages, mut page_diagnostics) = ingest::load_pages(root, config.drafts);
    diagnostics.append(&mut page_diagnostics);

    // Pages only for the actors this corpus names (and what they link to).
    let mut registry = registry;
    let referenced: Vec<&str> = articles
        .iter()
        .flat_map(|a| a.actors.mentions.iter().map(|m| m.actor.as_str()))
        .chain(events.iter().flat_map(|e| {
            e.participants
                .iter()
                .chain(e.place.iter())
                .map(String::as_str)
        }))
        .chain(notes.iter().flat_map(|n| {
            n.mentions.iter().map(|m| m.actor.as_str()).chain(
                n.note
                    .links
                    .iter()
                    .filter(|l| l.kind == LinkKind::Actor)
                    .map(|l| l.id.as_str()),
            )
        }))
        .collect();
    registry.retain_referenced(referenced);

    diagnostics.extend(base_url_diagnostic(&config));
    diagnostics.extend(config_field_diagnostics(&config));
    diagnostics.extend(ingest::unknown::unknown_content(root, &config));
    diagnostics::sort(&mut diagnostics);
    Ok((
        Analysis {
            config,
            articles,
            registry,
            events,
            notes,
            pages,
            diagnostics,
        },
        cached,
    ))
}

/// Feeds, the sitemap and canonical links need the site's public address;
/// say what is skipped without it, and reject one that is not a web URL.
fn base_url_diagnostic(config: &SiteConfig) -> Option<Diagnostic> {
    let file = "content/site.yaml";
    match config.base_url.as_deref().map(str::trim) {
        None | Some("") => Some(
            Diagnostic::note(
                "no-base-url",
                "base_url is not set: no sitemap.xml, canonical links or og:url, and feeds use relative links; set it to the address the site is published at",
            )
            .in_file(file),
        ),
        Some(url) if briefing::normalise_base_url(Some(url)).is_none() => Some(
            Diagnostic::warning(
                "invalid-base-url",
                format!("base_url {url:?} is not an http(s) address; it is ignored"),
            )
            .in_file(file),
        ),
        Some(_) => None,
    }
}

/// Unknown fields of `site.yaml` are warnings (the rest of the file is
/// used), with the known field they are closest to.
fn config_field_diagnostics(config: &SiteConfig) -> Vec<Diagnostic> {
    config
        .unknown_fields
        .iter()
        .map(|f| {
            let hint = f
                .closest
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            let d = Diagnostic::warning(
                "unknown-field",
                format!(
                    "unknown field `{}` in the site settings; it is ignored{hint}",
                    f.key
                ),
            )
            .in_file("content/site.yaml");
            match f.line {
                Some(l) => d.at_line(l),
                None => d,
            }
        })
        .collect()
}

fn analyse_article(article: Article, kb: &KnowledgeBase) -> AnalysedArticle {
    // Without a publication date, infer one from the text (dateline, weekday
    // agreement, explicit years, and the tenures of the office-holders it
    // names) so relative dates still resolve; the evidence travels with it so
    // pages and `dossier check` can say the date is inferred.
    let sentences = lang::sentences(&article.text);
    // One recognition pass: the inference reads it, then it is anchored.
    let recognized = timex::recognize_sentences(&article.text, &sentences);
    // The names are found once: an undated article's reported roles give
    // the tenures the inference reads.
    let mut inferred = None;
    let found = match article.published {
        Some(d) => actors::find_mentions(&article.text, &sentences, Some(d), kb),
        None => actors::find_mentions_dating(&article.text, &sentences, kb, |roles| {
            inferred = timex::infer_from(
                &article.text,
                &sentences,
                &recognized,
                article
                    .dateline
                    .as_ref()
                    .and_then(|d| d.date_text.as_deref()),
                &kb.tenure_constraints_of(&article.text, roles),
            );
            inferred.as_ref().map(|i| i.date)
        }),
    };
    let published = article.published.or(inferred.as_ref().map(|i| i.date));
    let published_range = inferred.as_ref().map(|i| i.range);
    let published_evidence = inferred.map(|i| i.evidence.join("; "));
    let timexes = timex::anchor_recognized(&article.text, &recognized, published);
    AnalysedArticle {
        article,
        published,
        published_evidence,
        published_range,
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
    /// Articles whose analysis came from the cache.
    pub cached: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// How a build treats problems in the content, and what it overrides of
/// the site settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// Build anyway when the content has errors (what `dossier check`
    /// calls an error: a broken `[[actor:id]]` link, a Markdown link to a
    /// missing page …), reporting them as warnings (`--keep-going`).
    pub errors_as_warnings: bool,
    /// How the analysis cache is used (library default: not at all; the
    /// `build` and `serve` commands read and write it).
    pub cache: CacheUse,
    /// Build drafts too (`serve --drafts`).
    pub drafts: bool,
    /// Use this address instead of `base_url` in `site.yaml`
    /// (`serve --base-url`).
    pub base_url: Option<String>,
}

/// The settings a build changes over `site.yaml` (see [`BuildOptions`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub drafts: bool,
    pub base_url: Option<String>,
}

impl Overrides {
    fn apply(&self, config: &mut SiteConfig) {
        config.drafts |= self.drafts;
        if let Some(url) = &self.base_url {
            config.base_url = Some(url.clone());
        }
    }
}

/// Builds the site of the project at `root` into `output`. On any error the
/// previous contents of `output` are left as they were.
pub fn build(root: &Path, output: &Path) -> Result<BuildReport, BuildError> {
    build_with(root, output, &Silent)
}

/// [`build`], telling `progress` which stage it is in.
pub fn build_with(
    root: &Path,
    output: &Path,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    build_with_options(root, output, progress, BuildOptions::default())
}

/// [`build_with`] with [`BuildOptions`].
pub fn build_with_options(
    root: &Path,
    output: &Path,
    progress: &dyn Progress,
    options: BuildOptions,
) -> Result<BuildReport, BuildError> {
    let result = build_stages(root, output, progress, options);
    progress.finish();
    result
}

/// Content errors stop the build, unless `options` turns them into
/// warnings.
fn gate(diagnostics: &mut [Diagnostic], options: &BuildOptions) -> Result<(), BuildError> {
    let errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    if !errors {
        return Ok(());
    }
    if options.errors_as_warnings {
        for d in diagnostics
            .iter_mut()
            .filter(|d| d.severity == Severity::Error)
        {
            d.severity = Severity::Warning;
        }
        return Ok(());
    }
    Err(BuildError::Content(
        diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect(),
    ))
}

fn build_stages(
    root: &Path,
    output: &Path,
    progress: &dyn Progress,
    options: BuildOptions,
) -> Result<BuildReport, BuildError> {
    // The output rules are checked (and the output's lock taken) before
    // anything is read, so a refused output costs nothing and is untouched.
    let settings = config::load(root)?;
    let target = write::Target::claim(root, output, &settings.sources)?;
    let overrides = Overrides {
        drafts: options.drafts,
        base_url: options.base_url.clone(),
    };
    let (mut analysis, cached) = analyse_cached_with(root, progress, options.cache, &overrides)?;
    gate(&mut analysis.diagnostics, &options)?;
    let pages = analysis.articles.len() + analysis.registry.actors.len() + analysis.events.len();
    progress.stage(
        Stage::Rendering,
        None,
        &format!("rendering about {pages} pages"),
    );
    let site = briefing::build(&analysis);
    // Pages are written as they are rendered, into a staging folder that
    // replaces `output` only once everything is written.
    let staging = write::Staging::new(target)?;
    let (mut files, interface_warnings) = render::render_into(root, &site, &staging)?;
    progress.stage(Stage::Indexing, None, "building the search index");
    for file in search::site_files(&site)? {
        staging.put(&file.path, &file.contents)?;
        files += 1;
    }
    let (statics, static_warnings) = ingest::static_files(root)?;
    files += staging.copy_static(&statics, render::DEFAULT_FAVICON)?;
    // Links in Markdown articles are checked against the files written.
    let mut links = briefing::links::broken_links(root, &analysis, |p| staging.contains(p));
    gate(&mut links, &options)?;
    progress.stage(Stage::Writing, None, &format!("finishing {files} files"));
    staging.commit()?;
    let mut diagnostics = analysis.diagnostics;
    diagnostics.extend(static_warnings);
    diagnostics.extend(interface_warnings);
    diagnostics.extend(links);
    diagnostics::sort(&mut diagnostics);
    Ok(BuildReport {
        articles: analysis.articles.len(),
        actors: analysis.registry.actors.len(),
        events: analysis.events.len(),
        files,
        cached,
        diagnostics,
    })
}
