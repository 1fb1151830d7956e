//! Stage 5, render: Tera templates turn the briefing model into HTML pages,
//! the JSON export and the stylesheet. The default templates are embedded in
//! the binary; a project's own `templates/` folder overrides them file by file
//! (and may add partials of its own).
//!
//! Autoescaping is on for every `.html` template. The one piece of
//! pre-escaped HTML in the model is an article's annotated paragraphs, which
//! the briefing stage builds with `text::write_annotated`.

use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Tera};

use crate::actors::ActorKind;
use crate::briefing::{ActorPage, ArticleRef, Site};
use crate::write::OutputFile;

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
    #[error(transparent)]
    Output(#[from] crate::write::WriteError),
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
            let read_err = |path: &Path, source| RenderError::Read {
                path: path.display().to_string(),
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
                if name == "style.css" {
                    stylesheet = std::fs::read_to_string(&path).map_err(|e| read_err(&path, e))?;
                } else if name.ends_with(".html") {
                    let text = std::fs::read_to_string(&path).map_err(|e| read_err(&path, e))?;
                    sources.insert(name, text);
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

/// A page's data, borrowed from the site model and converted to template
/// values only when the page is rendered: converting every page up front
/// would hold the whole site twice in memory.
#[derive(Serialize)]
#[serde(untagged)]
enum PageData<'a> {
    Home(&'a crate::briefing::Home),
    Timeline(&'a crate::briefing::Timeline),
    Articles {
        articles: Vec<&'a ArticleRef>,
    },
    Sources {
        outlets: &'a [crate::briefing::Outlet],
    },
    Events {
        events: Vec<&'a crate::briefing::EventRef>,
    },
    People {
        people: Vec<IndexRow<'a>>,
        organizations: Vec<IndexRow<'a>>,
        places: Vec<IndexRow<'a>>,
    },
    Article(&'a crate::briefing::ArticlePage),
    Actor(&'a ActorPage),
    Event(&'a crate::briefing::EventPage),
}

/// One page to render: its output path, template, title and data.
struct PageJob<'a> {
    path: &'a str,
    template: &'static str,
    title: &'a str,
    section: &'static str,
    page: PageData<'a>,
}

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
/// in memory, sorted by path.
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
pub fn render_into(
    root: &Path,
    site: &Site,
    staging: &crate::write::Staging,
) -> Result<usize, RenderError> {
    let templates = Templates::load(root)?;
    let pages = render_each(&templates, site, |path: &str, contents: Vec<u8>| {
        staging.put(path, &contents).map_err(RenderError::from)
    })?;
    staging.put_with("data/dossier.json", |out| {
        serde_json::to_writer_pretty(&mut *out, &site.export)?;
        out.write_all(b"\n")
    })?;
    Ok(pages + 1)
}

/// Renders every page (in parallel; each output depends only on its own
/// page, so the order pages finish in never shows) and hands each file to
/// `emit`, then the stylesheet. The JSON export is left to the caller, which
/// may stream it. Returns the number of files emitted.
fn render_each<F>(templates: &Templates, site: &Site, emit: F) -> Result<usize, RenderError>
where
    F: Fn(&str, Vec<u8>) -> Result<(), RenderError> + Sync,
{
    let jobs = page_jobs(site);
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
    jobs.par_iter().try_for_each(|job| {
        let mut context = base.clone();
        context.insert("root", &root_of(job.path));
        context.insert("path", job.path);
        context.insert("page_title", job.title);
        context.insert("section", job.section);
        context.insert("page", &job.page);
        let html = templates.render(job.template, &context)?;
        emit(job.path, html.into_bytes())
    })?;
    emit(
        "assets/style.css",
        templates.stylesheet.clone().into_bytes(),
    )?;
    Ok(jobs.len() + 1)
}

/// The articles index reads like a news archive: newest first, undated last.
fn newest_first(site: &Site) -> Vec<&ArticleRef> {
    let mut refs: Vec<_> = site.articles.iter().map(|a| &a.info).collect();
    refs.sort_by(|a, b| {
        (b.published.is_some(), &b.published)
            .cmp(&(a.published.is_some(), &a.published))
            .then_with(|| a.id.cmp(&b.id))
    });
    refs
}

fn page_jobs(site: &Site) -> Vec<PageJob<'_>> {
    let mut jobs = vec![
        PageJob {
            path: "index.html",
            template: "index.html",
            title: "Briefing",
            section: "home",
            page: PageData::Home(&site.home),
        },
        PageJob {
            path: "timeline.html",
            template: "timeline.html",
            title: "Timeline",
            section: "timeline",
            page: PageData::Timeline(&site.timeline),
        },
        PageJob {
            path: "articles/index.html",
            template: "articles.html",
            title: "Articles",
            section: "articles",
            page: PageData::Articles {
                articles: newest_first(site),
            },
        },
        PageJob {
            path: "sources/index.html",
            template: "sources.html",
            title: "Sources",
            section: "sources",
            page: PageData::Sources {
                outlets: &site.outlets,
            },
        },
        PageJob {
            path: "events/index.html",
            template: "events.html",
            title: "Events",
            section: "events",
            page: PageData::Events {
                events: site.events.iter().map(|e| &e.info).collect(),
            },
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
        path: "people/index.html",
        template: "people.html",
        title: "People",
        section: "people",
        page: PageData::People {
            people: rows(&[ActorKind::Person]),
            organizations: rows(&[ActorKind::Organization]),
            places: rows(&[ActorKind::Country, ActorKind::Place]),
        },
    });
    for a in &site.articles {
        jobs.push(PageJob {
            path: &a.url,
            template: "article.html",
            title: &a.info.title,
            section: "articles",
            page: PageData::Article(a),
        });
    }
    for a in &site.actors {
        jobs.push(PageJob {
            path: &a.url,
            template: if a.kind == ActorKind::Person {
                "person.html"
            } else {
                "actor.html"
            },
            title: &a.name,
            section: "people",
            page: PageData::Actor(a),
        });
    }
    for e in &site.events {
        jobs.push(PageJob {
            path: &e.url,
            template: "event.html",
            title: &e.info.title,
            section: "events",
            page: PageData::Event(e),
        });
    }
    jobs
}

#[cfg(test)]
mod tests;
