//! Stage 5, render: Tera templates turn the briefing model into HTML pages,
//! the JSON export and the stylesheet. The default templates are embedded in
//! the binary; a project's own `templates/` folder overrides them file by file
//! (and may add partials of its own).
//!
//! Autoescaping is on for every `.html` template. The one piece of
//! pre-escaped HTML in the model is an article's annotated paragraphs, which
//! the briefing stage builds with `html::write_annotated`.

use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use tera::{Context, Tera};

use crate::briefing::{urls, ActorPage, Site};
use crate::corpus::ActorKind;

pub mod charts;
pub mod feeds;

/// The templates shipped in the binary, by file name.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "components.html",
        include_str!("../../templates/components.html"),
    ),
    ("index.html", include_str!("../../templates/index.html")),
    ("article.html", include_str!("../../templates/article.html")),
    (
        "articles.html",
        include_str!("../../templates/articles.html"),
    ),
    ("person.html", include_str!("../../templates/person.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    ("people.html", include_str!("../../templates/people.html")),
    ("event.html", include_str!("../../templates/event.html")),
    ("events.html", include_str!("../../templates/events.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    ("sources.html", include_str!("../../templates/sources.html")),
    (
        "briefing.html",
        include_str!("../../templates/briefing.html"),
    ),
    (
        "briefings.html",
        include_str!("../../templates/briefings.html"),
    ),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
];

/// Copied to `assets/style.css` as is (not a template, so CSS braces never
/// clash with template syntax); a project's `templates/style.css` replaces it.
pub const DEFAULT_STYLESHEET: &str = include_str!("../../templates/style.css");

/// Where a project's own templates live, relative to its root.
pub const TEMPLATE_DIR: &str = "templates";

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed to parse or to render; `name` is the template's
    /// file as the user knows it (`templates/article.html`).
    #[error("{name}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Template {
        name: String,
        line: Option<usize>,
        message: String,
    },
    #[error("{path}: cannot read template: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write the JSON export: {0}")]
    Export(#[from] serde_json::Error),
    /// The sink the files go to failed (a full disk, a bad path).
    #[error("{0}")]
    Output(Box<dyn std::error::Error + Send + Sync>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Forward-slash path relative to the output root, e.g. `people/x.html`.
    pub path: String,
    pub contents: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }
}

/// Where rendered files go as they are made: a build's staging folder (see
/// `write::Staging`), or memory. Pages are handed over as soon as they are
/// rendered, so memory holds the site model and a page per thread, not the
/// whole rendered site.
pub trait Sink: Sync {
    type Error: std::error::Error + Send + Sync + 'static;

    /// Stores one file.
    fn put(&self, path: &str, contents: &[u8]) -> Result<(), Self::Error>;

    /// Stores one file written by `write`, streamed rather than built in
    /// memory first (the JSON export).
    fn put_with(
        &self,
        path: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), Self::Error>;
}

fn output_error(e: impl std::error::Error + Send + Sync + 'static) -> RenderError {
    RenderError::Output(Box::new(e))
}

/// The loaded templates plus the stylesheet, defaults overridden by the
/// project's files.
pub struct Templates {
    tera: Tera,
    stylesheet: String,
}

fn template_error(err: &tera::Error, fallback: &str) -> RenderError {
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let name = if report.filename().is_empty() {
                fallback
            } else {
                report.filename()
            };
            RenderError::Template {
                name: format!("{TEMPLATE_DIR}/{name}"),
                line: Some(report.span().start_line),
                message: report.message().to_string(),
            }
        }
        _ => {
            // Other kinds (missing parent, unknown template …) carry their
            // detail in the message and the source chain.
            let mut message = err.to_string();
            let mut source = std::error::Error::source(err);
            while let Some(s) = source {
                message.push_str(": ");
                message.push_str(&s.to_string());
                source = s.source();
            }
            RenderError::Template {
                name: format!("{TEMPLATE_DIR}/{fallback}"),
                line: None,
                message,
            }
        }
    }
}

impl Templates {
    /// Loads the embedded defaults, then every file of `root/templates/`
    /// over them. A missing folder just means "use the defaults".
    pub fn load(root: &Path) -> Result<Templates, RenderError> {
        let mut sources: BTreeMap<String, String> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        let mut stylesheet = DEFAULT_STYLESHEET.to_string();
        let dir = root.join(TEMPLATE_DIR);
        if dir.is_dir() {
            // Files are named as the user knows them: `templates/x.html`.
            let shown = |path: &Path| {
                format!(
                    "{TEMPLATE_DIR}/{}",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                )
            };
            let read_err = |path: &Path, source| RenderError::Read {
                path: shown(path),
                source,
            };
            let mut entries: Vec<_> = std::fs::read_dir(&dir)
                .map_err(|e| read_err(&dir, e))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            entries.sort();
            for path in entries {
                let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                let name = name.to_string();
                // A byte-order mark some editors write would be copied into
                // every page (or the stylesheet) before its first line.
                let read = |path: &Path| {
                    let bytes = std::fs::read(path).map_err(|e| read_err(path, e))?;
                    crate::markup::textfile::text(bytes).map_err(|e| RenderError::Template {
                        name: shown(path),
                        line: Some(e.line()),
                        message: e.to_string(),
                    })
                };
                if name == "style.css" {
                    stylesheet = read(&path)?;
                } else if name.ends_with(".html") {
                    sources.insert(name, read(&path)?);
                }
            }
        }
        Self::from_sources(sources, stylesheet)
    }

    /// Builds the template set from sources given by name (used by `load`
    /// and by tests).
    pub fn from_sources(
        sources: BTreeMap<String, String>,
        stylesheet: String,
    ) -> Result<Templates, RenderError> {
        let mut tera = Tera::new();
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| template_error(&e, "(template set)"))?;
        Ok(Templates { tera, stylesheet })
    }

    fn render(&self, template: &str, context: &Context) -> Result<String, RenderError> {
        self.tera
            .render(template, context)
            .map_err(|e| template_error(&e, template))
    }
}

/// Site-wide values every template gets as `site`.
#[derive(Debug, Serialize)]
struct SiteMeta<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    counts: &'a crate::briefing::Counts,
}

/// A row of the people and actor indexes.
#[derive(Debug, Serialize)]
struct IndexRow<'a> {
    id: &'a str,
    name: &'a str,
    url: &'a str,
    kind_label: &'a str,
    curated: bool,
    mentions: usize,
    events: usize,
    articles: usize,
}

impl<'a> IndexRow<'a> {
    fn of(a: &'a ActorPage) -> Self {
        IndexRow {
            id: &a.id,
            name: &a.name,
            url: &a.url,
            kind_label: a.kind_label,
            curated: a.curated,
            mentions: a.mentions,
            events: a.events.len() + a.events_here.len(),
            articles: a.articles.len(),
        }
    }
}

/// One page to render: its output path, template, title and data.
struct PageJob<'a> {
    path: String,
    template: &'static str,
    title: String,
    section: &'static str,
    /// One or two sentences for `<meta name="description">` and Open Graph.
    description: String,
    /// Open Graph type: `article` for articles, `website` otherwise.
    og_type: &'static str,
    page: PageValue<'a>,
}

/// A page's template data: the per-item pages (articles, actors, events —
/// nearly all of a large site) are converted only when rendered, so the
/// converted data of one page per thread is in memory, not of all pages.
enum PageValue<'a> {
    Ready(serde_json::Value),
    Lazy(Box<dyn Fn() -> Result<serde_json::Value, serde_json::Error> + Send + Sync + 'a>),
}

impl PageValue<'_> {
    fn get(&self) -> Result<std::borrow::Cow<'_, serde_json::Value>, serde_json::Error> {
        match self {
            PageValue::Ready(v) => Ok(std::borrow::Cow::Borrowed(v)),
            PageValue::Lazy(f) => f().map(std::borrow::Cow::Owned),
        }
    }
}

/// The 404 page (see [`urls::NOT_FOUND`]).
pub const NOT_FOUND_PAGE: &str = urls::NOT_FOUND;

/// "" for a page at the site root, "../" for one in a folder.
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Renders every page of the site with the project's templates.
pub fn render_site(root: &Path, site: &Site) -> Result<Vec<OutputFile>, RenderError> {
    let templates = Templates::load(root)?;
    render_with(&templates, site)
}

/// Renders the site with an already loaded template set, keeping every file
/// in memory, sorted by path (for tests and small tools; builds stream).
pub fn render_with(templates: &Templates, site: &Site) -> Result<Vec<OutputFile>, RenderError> {
    let files = std::sync::Mutex::new(Vec::new());
    render_each(templates, site, |path: &str, contents: Vec<u8>| {
        files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(OutputFile::new(path, contents));
        Ok(())
    })?;
    let mut files = files
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut json = serde_json::to_vec_pretty(&site.export)?;
    json.push(b'\n');
    files.push(OutputFile::new("data/dossier.json", json));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Renders the site straight into a staging folder: each page is written as
/// soon as it is rendered and then dropped, so memory holds the site model
/// and a page per thread, not the whole rendered site. Returns the number of
/// files written.
pub fn render_into<S: Sink>(root: &Path, site: &Site, sink: &S) -> Result<usize, RenderError> {
    let templates = Templates::load(root)?;
    let files = render_each(&templates, site, |path: &str, contents: Vec<u8>| {
        sink.put(path, &contents).map_err(output_error)
    })?;
    sink.put_with("data/dossier.json", |out| {
        serde_json::to_writer_pretty(&mut *out, &site.export)?;
        out.write_all(b"\n")
    })
    .map_err(output_error)?;
    Ok(files + 1)
}

/// Renders every page (in parallel; each output depends only on its own
/// page, so the order pages finish in never shows) and hands each file to
/// `emit`, then the feeds, sitemap and stylesheet. The JSON export is left
/// to the caller, which may stream it. Returns the number of files emitted.
fn render_each<F>(templates: &Templates, site: &Site, emit: F) -> Result<usize, RenderError>
where
    F: Fn(&str, Vec<u8>) -> Result<(), RenderError> + Sync,
{
    let actor_pages: BTreeMap<&str, &ActorPage> =
        site.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let jobs = page_jobs(site, &actor_pages)?;
    let meta = SiteMeta {
        title: &site.title,
        description: &site.description,
        language: &site.language,
        counts: &site.home.counts,
    };
    let base = {
        let mut c = Context::new();
        c.insert("site", &meta);
        c
    };
    let addresses = feeds::Addresses::new(site);
    jobs.par_iter().try_for_each(|job| {
        let mut context = base.clone();
        // The 404 page is served at whatever address was missed, so
        // its links must be absolute when they can be.
        let root = match (&job.path[..], &site.base_url) {
            (NOT_FOUND_PAGE, Some(base)) => base.clone(),
            _ => root_of(&job.path),
        };
        context.insert("root", &root);
        context.insert("path", &job.path);
        context.insert("page_title", &job.title);
        context.insert("section", job.section);
        context.insert("page_description", &job.description);
        context.insert("og_type", job.og_type);
        let canonical = (job.path != NOT_FOUND_PAGE)
            .then(|| addresses.absolute(&job.path))
            .flatten();
        context.insert("canonical", &canonical);
        context.insert("page", &*job.page.get()?);
        let html = templates.render(job.template, &context)?;
        emit(&job.path, html.into_bytes())
    })?;
    let indexable: Vec<&str> = jobs
        .iter()
        .map(|j| j.path.as_str())
        .filter(|p| *p != NOT_FOUND_PAGE)
        .collect();
    let mut count = jobs.len();
    for file in feeds::discovery_files(site, &indexable) {
        emit(&file.path, file.contents)?;
        count += 1;
    }
    emit(
        "assets/style.css",
        templates.stylesheet.clone().into_bytes(),
    )?;
    Ok(count + 1)
}

/// The articles index reads like a news archive: newest first, undated last.
fn newest_first(site: &Site) -> Vec<&crate::briefing::ArticleRef> {
    let mut refs: Vec<_> = site.articles.iter().map(|a| &a.info).collect();
    refs.sort_by(|a, b| {
        (b.published.is_some(), &b.published)
            .cmp(&(a.published.is_some(), &a.published))
            .then_with(|| a.id.cmp(&b.id))
    });
    refs
}

/// Adds `key: html` to a page's data (charts are built here, in render,
/// because they are presentation of data the model already has).
fn with(mut page: serde_json::Value, key: &str, html: String) -> serde_json::Value {
    if let Some(map) = page.as_object_mut() {
        map.insert(key.to_string(), serde_json::Value::String(html));
    }
    page
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A list of names for a sentence: "A, B and C" (at most `max`, then "…").
fn names<'a>(list: impl Iterator<Item = &'a str>, max: usize) -> String {
    let all: Vec<&str> = list.collect();
    let shown: Vec<&str> = all.iter().copied().take(max).collect();
    match shown.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] if all.len() <= max => format!("{} and {last}", init.join(", ")),
        _ => format!("{} and others", shown.join(", ")),
    }
}

fn describe_home(site: &Site) -> String {
    let c = &site.home.counts;
    let counts = format!(
        "Briefing from {}, {} and {}.",
        plural(c.articles, "article", "articles"),
        plural(c.events, "event", "events"),
        plural(c.people, "person", "people")
    );
    if site.description.trim().is_empty() {
        counts
    } else {
        format!("{} {counts}", site.description.trim())
    }
}

fn describe_article(a: &crate::briefing::ArticlePage, text: &str) -> String {
    let mut d = String::new();
    if let Some(outlet) = &a.info.outlet {
        d.push_str(outlet);
    }
    if let Some(label) = &a.info.published_label {
        if !d.is_empty() {
            d.push_str(", ");
        }
        d.push_str(label);
    }
    if !d.is_empty() {
        d.push_str(": ");
    }
    let body = text
        .trim_start()
        .strip_prefix(a.info.title.trim())
        .unwrap_or(text);
    let flat: Vec<&str> = body.split_whitespace().collect();
    let mut snippet = String::new();
    for w in flat {
        if snippet.chars().count() + w.chars().count() > 160 {
            snippet.push('…');
            break;
        }
        if !snippet.is_empty() {
            snippet.push(' ');
        }
        snippet.push_str(w);
    }
    if snippet.is_empty() {
        d.push_str(&a.info.title);
    } else {
        d.push_str(&snippet);
    }
    d
}

fn describe_actor(a: &ActorPage) -> String {
    let mut d = format!("{} ({})", a.name, a.kind_label.to_lowercase());
    if let Some(c) = &a.country {
        d.push_str(", ");
        d.push_str(&c.name);
    }
    d.push_str(&format!(
        ": {} in {}, {}.",
        plural(a.mentions, "mention", "mentions"),
        plural(a.articles.len(), "article", "articles"),
        plural(a.events.len() + a.events_here.len(), "event", "events")
    ));
    if !a.met.is_empty() {
        d.push_str(&format!(
            " Met {}.",
            names(a.met.iter().map(|p| p.name.as_str()), 3)
        ));
    }
    d
}

fn describe_event(e: &crate::briefing::EventPage) -> String {
    let mut d = e.info.kind_label.clone();
    if let Some(date) = &e.info.date {
        d.push_str(", ");
        d.push_str(&date.label);
    }
    if let Some(place) = &e.place {
        d.push_str(", ");
        d.push_str(&place.name);
    }
    d.push_str(": ");
    d.push_str(&e.info.title);
    if !e.participants.is_empty() {
        d.push_str(&format!(
            ", with {}",
            names(e.participants.iter().map(|p| p.name.as_str()), 4)
        ));
    }
    d.push_str(&format!(
        ". {}.",
        plural(e.sources.len(), "source", "sources")
    ));
    d
}

fn page_jobs<'a>(
    site: &'a Site,
    actor_pages: &'a BTreeMap<&'a str, &'a ActorPage>,
) -> Result<Vec<PageJob<'a>>, serde_json::Error> {
    fn v<T: Serialize>(x: &T) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::to_value(x)
    }
    let event_refs: Vec<crate::briefing::EventRef> =
        site.events.iter().map(|e| e.info.clone()).collect();
    let c = &site.home.counts;
    let mut jobs = vec![
        PageJob {
            path: urls::HOME.into(),
            template: "index.html",
            title: "Briefing".into(),
            section: "home",
            description: describe_home(site),
            og_type: "website",
            page: PageValue::Ready(with(
                v(&site.home)?,
                "timeline_chart",
                charts::event_timeline(&event_refs, "chart-timeline"),
            )),
        },
        PageJob {
            path: urls::TIMELINE.into(),
            template: "timeline.html",
            title: "Timeline".into(),
            section: "timeline",
            description: format!(
                "Timeline of {}, month by month, with their dates, kinds and sources.",
                plural(c.events, "event", "events")
            ),
            og_type: "website",
            page: PageValue::Ready(v(&site.timeline)?),
        },
        PageJob {
            path: urls::ARTICLES_INDEX.into(),
            template: "articles.html",
            title: "Articles".into(),
            section: "articles",
            description: format!(
                "All {}, newest first, from {}.",
                plural(c.articles, "article", "articles"),
                plural(c.outlets, "outlet", "outlets")
            ),
            og_type: "website",
            page: PageValue::Ready(serde_json::json!({ "articles": newest_first(site) })),
        },
        PageJob {
            path: urls::SOURCES_INDEX.into(),
            template: "sources.html",
            title: "Sources".into(),
            section: "sources",
            description: format!(
                "The {} behind this briefing and their articles.",
                plural(c.outlets, "outlet", "outlets")
            ),
            og_type: "website",
            page: PageValue::Ready(serde_json::json!({ "outlets": v(&site.outlets)? })),
        },
        PageJob {
            path: urls::SEARCH.into(),
            template: "search.html",
            title: "Search".into(),
            section: "search",
            description: "Search the articles, people, places and events of this briefing.".into(),
            og_type: "website",
            page: PageValue::Ready(serde_json::json!({})),
        },
        PageJob {
            path: urls::EVENTS_INDEX.into(),
            template: "events.html",
            title: "Events".into(),
            section: "events",
            description: format!(
                "Index of {}: meetings, visits and signings with their dates and sources.",
                plural(c.events, "event", "events")
            ),
            og_type: "website",
            page: PageValue::Ready(serde_json::json!({
                "events": &event_refs,
                "chart": charts::events_by_month(&event_refs, "chart-events"),
            })),
        },
        PageJob {
            path: NOT_FOUND_PAGE.into(),
            template: "404.html",
            title: "Page not found".into(),
            section: "none",
            description: "This page does not exist (any more).".into(),
            og_type: "website",
            page: PageValue::Ready(serde_json::json!({})),
        },
    ];
    let rows = |kinds: &[ActorKind]| -> Vec<IndexRow> {
        site.actors
            .iter()
            .filter(|a| kinds.contains(&a.kind))
            .map(IndexRow::of)
            .collect()
    };
    jobs.push(PageJob {
        path: urls::PEOPLE_INDEX.into(),
        template: "people.html",
        title: "People".into(),
        section: "people",
        description: format!(
            "Index of the {} and {} named in the articles.",
            plural(c.people, "person", "people"),
            plural(
                c.actors.saturating_sub(c.people),
                "organization or place",
                "organizations and places"
            )
        ),
        og_type: "website",
        page: PageValue::Ready(serde_json::json!({
            "people": rows(&[ActorKind::Person]),
            "organizations": rows(&[ActorKind::Organization]),
            "places": rows(&[ActorKind::Country, ActorKind::Place]),
        })),
    });
    jobs.push(PageJob {
        path: urls::BRIEFINGS_INDEX.into(),
        template: "briefings.html",
        title: "Briefings".into(),
        section: "briefings",
        description: format!(
            "Archive of the {} periodic briefings, newest first.",
            site.briefings.len()
        ),
        og_type: "website",
        page: PageValue::Ready(serde_json::json!({
            "briefings": site.briefings.iter().rev().map(|b| &b.info).collect::<Vec<_>>()
        })),
    });
    for b in &site.briefings {
        jobs.push(PageJob {
            path: b.url.clone(),
            template: "briefing.html",
            title: format!("Briefing: {}", b.info.label),
            section: "briefings",
            description: b.info.summary.clone(),
            og_type: "website",
            page: PageValue::Ready({
                // A chart earns its place only when the period spans several
                // months (a quarter); a one-column chart says nothing.
                let months: std::collections::BTreeSet<&str> = b
                    .events
                    .iter()
                    .filter_map(|e| e.date.as_ref()?.start.as_deref()?.get(..7))
                    .collect();
                let page = v(b)?;
                if months.len() > 1 {
                    with(
                        page,
                        "timeline_chart",
                        charts::event_timeline(&b.events, "chart-timeline"),
                    )
                } else {
                    page
                }
            }),
        });
    }
    let texts: BTreeMap<&str, &str> = site
        .export
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    for a in &site.articles {
        jobs.push(PageJob {
            path: a.url.clone(),
            template: "article.html",
            title: a.info.title.clone(),
            section: "articles",
            description: describe_article(a, texts.get(a.info.id.as_str()).copied().unwrap_or("")),
            og_type: "article",
            page: PageValue::Lazy(Box::new(move || v(a))),
        });
    }
    for a in &site.actors {
        let person = a.kind == ActorKind::Person;
        let page = PageValue::Lazy(Box::new(move || {
            let mut page = v(a)?;
            if person {
                let root = root_of(&a.url);
                page = with(
                    page,
                    "activity_chart",
                    charts::person_activity(a, "chart-activity"),
                );
                page = with(
                    page,
                    "network_chart",
                    charts::person_network(a, actor_pages, &root, "chart-network"),
                );
            }
            Ok(page)
        }));
        jobs.push(PageJob {
            path: a.url.clone(),
            template: if person { "person.html" } else { "actor.html" },
            title: a.name.clone(),
            section: "people",
            description: describe_actor(a),
            og_type: "website",
            page,
        });
    }
    for e in &site.events {
        jobs.push(PageJob {
            path: e.url.clone(),
            template: "event.html",
            title: e.info.title.clone(),
            section: "events",
            description: describe_event(e),
            og_type: "website",
            page: PageValue::Lazy(Box::new(move || v(e))),
        });
    }
    Ok(jobs)
}

#[cfg(test)]
mod tests;
