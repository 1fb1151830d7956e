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

pub mod charts;
mod describe;
pub mod feeds;
pub mod i18n;
mod jobs;
pub mod paging;

use i18n::Translation;
use jobs::page_jobs;

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
    ("outlet.html", include_str!("../../templates/outlet.html")),
    ("tag.html", include_str!("../../templates/tag.html")),
    ("tags.html", include_str!("../../templates/tags.html")),
    ("page.html", include_str!("../../templates/page.html")),
];

/// Copied to `assets/style.css` as is (not a template, so CSS braces never
/// clash with template syntax); a project's `templates/style.css` replaces it.
pub const DEFAULT_STYLESHEET: &str = include_str!("../../templates/style.css");

/// The site's icon when the project's `static/` has none (a blue square
/// with a white D, 16 and 32 pixels).
pub const DEFAULT_FAVICON: &[u8] = include_bytes!("../../templates/favicon.ico");

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
    #[error("{0}")]
    Translation(#[from] i18n::TranslationError),
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
    translation: std::sync::Arc<Translation>,
    warnings: Vec<crate::corpus::Diagnostic>,
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
    /// over them (a missing folder just means "use the defaults"), and the
    /// interface strings of `language` (see [`i18n`]).
    pub fn load(root: &Path, language: &str) -> Result<Templates, RenderError> {
        let (translation, warnings) = Translation::load(root, language)?;
        let mut templates = Self::load_templates(root)?;
        templates.set_translation(translation);
        templates.warnings = warnings;
        Ok(templates)
    }

    /// What loading the translation found (unknown language, unknown or
    /// missing strings).
    pub fn warnings(&self) -> &[crate::corpus::Diagnostic] {
        &self.warnings
    }

    /// Uses `translation` for the interface strings (English by default).
    pub fn set_translation(&mut self, translation: Translation) {
        let translation = std::sync::Arc::new(translation);
        translation.clone().register(&mut self.tera);
        self.translation = translation;
    }

    fn load_templates(root: &Path) -> Result<Templates, RenderError> {
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
        // The functions are known before the templates are compiled.
        let translation = std::sync::Arc::new(Translation::english());
        translation.clone().register(&mut tera);
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| template_error(&e, "(template set)"))?;
        Ok(Templates {
            tera,
            stylesheet,
            translation,
            warnings: Vec::new(),
        })
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
    /// How many tag pages there are.
    tags: usize,
    /// How many organizations, and places and countries, have pages (the
    /// navigation links their indexes when there are any).
    organizations: usize,
    places: usize,
    /// The standalone pages the navigation links (title, url).
    pages: Vec<NavLink<'a>>,
}

/// A link of the main navigation.
#[derive(Debug, Serialize)]
struct NavLink<'a> {
    title: &'a str,
    url: &'a str,
}

/// The 404 page (see [`urls::NOT_FOUND`]).
pub const NOT_FOUND_PAGE: &str = urls::NOT_FOUND;

/// "" for a page at the site root, "../" for one in a folder.
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Renders every page of the site with the project's templates.
pub fn render_site(root: &Path, site: &Site) -> Result<Vec<OutputFile>, RenderError> {
    let templates = Templates::load(root, &site.language)?;
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
/// files written, and what loading the interface strings found.
pub fn render_into<S: Sink>(
    root: &Path,
    site: &Site,
    sink: &S,
) -> Result<(usize, Vec<crate::corpus::Diagnostic>), RenderError> {
    let templates = Templates::load(root, &site.language)?;
    let files = render_each(&templates, site, |path: &str, contents: Vec<u8>| {
        sink.put(path, &contents).map_err(output_error)
    })?;
    sink.put_with("data/dossier.json", |out| {
        serde_json::to_writer_pretty(&mut *out, &site.export)?;
        out.write_all(b"\n")
    })
    .map_err(output_error)?;
    Ok((files + 1, templates.warnings))
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
    let tr = &*templates.translation;
    let jobs = page_jobs(site, &actor_pages, tr)?;
    let count_kind = |kinds: &[crate::corpus::ActorKind]| {
        site.actors
            .iter()
            .filter(|a| kinds.contains(&a.kind))
            .count()
    };
    let meta = SiteMeta {
        title: &site.title,
        description: &site.description,
        language: &site.language,
        counts: &site.home.counts,
        tags: site.tags.len(),
        organizations: count_kind(&[crate::corpus::ActorKind::Organization]),
        places: count_kind(&[
            crate::corpus::ActorKind::Country,
            crate::corpus::ActorKind::Place,
        ]),
        pages: site
            .pages
            .iter()
            .map(|p| NavLink {
                title: &p.title,
                url: &p.url,
            })
            .collect(),
    };
    let base = {
        let mut c = Context::new();
        c.insert("site", &meta);
        c
    };
    let addresses = feeds::Addresses::new(site);
    // Each job renders its page, or the pages of its long lists; the
    // paths come back in job order (an indexed collect), for the sitemap.
    let written: Vec<Vec<String>> = jobs
        .par_iter()
        .map(|job| -> Result<Vec<String>, RenderError> {
            let data = job.page.get()?.into_owned();
            let pages = paging::paginate(&job.path, data, job.lists, site.paginate);
            let mut paths = Vec::with_capacity(pages.len());
            for (pager, page) in pages {
                let path = urls::paged_url(&job.path, pager.number);
                let mut context = base.clone();
                // The 404 page is served at whatever address was missed, so
                // its links must be absolute when they can be.
                let root = match (&path[..], &site.base_url) {
                    (NOT_FOUND_PAGE, Some(base)) => base.clone(),
                    _ => root_of(&path),
                };
                let title = if pager.number > 1 {
                    tr.text(
                        "pager.title",
                        &[
                            ("title", &job.title),
                            ("number", &pager.number.to_string()),
                            ("count", &pager.count.to_string()),
                        ],
                    )
                } else {
                    job.title.clone()
                };
                context.insert("root", &root);
                context.insert("path", &path);
                context.insert("page_title", &title);
                context.insert("section", job.section);
                context.insert("page_description", &job.description);
                context.insert("og_type", job.og_type);
                let canonical = (path != NOT_FOUND_PAGE)
                    .then(|| addresses.absolute(&path))
                    .flatten();
                context.insert("canonical", &canonical);
                context.insert("pager", &pager);
                context.insert("page", &page);
                let html = templates.render(job.template, &context)?;
                emit(&path, html.into_bytes())?;
                paths.push(path);
            }
            Ok(paths)
        })
        .collect::<Result<_, _>>()?;
    let indexable: Vec<&str> = written
        .iter()
        .flatten()
        .map(String::as_str)
        .filter(|p| *p != NOT_FOUND_PAGE)
        .collect();
    let mut count: usize = written.iter().map(Vec::len).sum();
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

#[cfg(test)]
mod tests;
