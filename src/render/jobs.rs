//! The list of pages to render: one job per page of the site, with its
//! output path, template, title, description and data, and the lists that
//! [`paging`] cuts into pages.

use serde::Serialize;
use std::collections::BTreeMap;

use super::describe::*;
use super::paging::List;
use super::{charts, root_of, NOT_FOUND_PAGE};
use crate::briefing::{urls, ActorPage, Site};
use crate::corpus::ActorKind;

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

/// One page to render: its output path, template, title and data, and the
/// lists of its data that are cut into pages.
pub(super) struct PageJob<'a> {
    pub path: String,
    pub template: &'static str,
    pub title: String,
    pub section: &'static str,
    /// One or two sentences for `<meta name="description">` and Open Graph.
    pub description: String,
    /// Open Graph type: `article` for articles, `website` otherwise.
    pub og_type: &'static str,
    pub page: PageValue<'a>,
    /// The long lists of `page` (see [`super::paging`]); empty: one page.
    pub lists: &'static [List],
}

/// A page's template data: the per-item pages (articles, actors, events —
/// nearly all of a large site) are converted only when rendered, so the
/// converted data of one page per thread is in memory, not of all pages.
pub(super) enum PageValue<'a> {
    Ready(serde_json::Value),
    Lazy(Box<dyn Fn() -> Result<serde_json::Value, serde_json::Error> + Send + Sync + 'a>),
}

impl PageValue<'_> {
    pub fn get(&self) -> Result<std::borrow::Cow<'_, serde_json::Value>, serde_json::Error> {
        match self {
            PageValue::Ready(v) => Ok(std::borrow::Cow::Borrowed(v)),
            PageValue::Lazy(f) => f().map(std::borrow::Cow::Owned),
        }
    }
}

/// The long lists of each kind of page.
const ROWS: &[List] = &[&["rows"]];
const ARTICLES: &[List] = &[&["articles"]];
const EVENTS: &[List] = &[&["events"]];
const ACTOR_LISTS: &[List] = &[
    &["articles"],
    &["events"],
    &["events_here"],
    &["met"],
    &["mentioned_with"],
    &["spellings"],
    &["reported_roles"],
    &["quotes"],
];
const EVENT_LISTS: &[List] = &[&["sources"], &["related"]];
const TIMELINE_LISTS: &[List] = &[&["years.months.events", "undated"]];
const BRIEFING_LISTS: &[List] = &[
    &["events"],
    &["reported"],
    &["upcoming"],
    &["active_people"],
    &["new_people"],
];
const BRIEFINGS: &[List] = &[&["briefings"]];
const OUTLETS: &[List] = &[&["outlets"]];
const TAGS: &[List] = &[&["tags"]];

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

fn v<T: Serialize>(x: &T) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::to_value(x)
}

/// A page with ready data and no long lists.
fn fixed(
    path: &str,
    template: &'static str,
    title: &str,
    section: &'static str,
    description: String,
    page: serde_json::Value,
    lists: &'static [List],
) -> PageJob<'static> {
    PageJob {
        path: path.into(),
        template,
        title: title.into(),
        section,
        description,
        og_type: "website",
        page: PageValue::Ready(page),
        lists,
    }
}

pub(super) fn page_jobs<'a>(
    site: &'a Site,
    actor_pages: &'a BTreeMap<&'a str, &'a ActorPage>,
    tr: &super::i18n::Translation,
) -> Result<Vec<PageJob<'a>>, serde_json::Error> {
    let word = |key: &str| tr.text(key, &[]);
    let event_refs: Vec<crate::briefing::EventRef> =
        site.events.iter().map(|e| e.info.clone()).collect();
    let c = &site.home.counts;
    let mut jobs = vec![
        fixed(
            urls::HOME,
            "index.html",
            &word("home.eyebrow"),
            "home",
            describe_home(site),
            with(
                v(&site.home)?,
                "timeline_chart",
                charts::event_timeline(&event_refs, "chart-timeline"),
            ),
            &[],
        ),
        fixed(
            urls::TIMELINE,
            "timeline.html",
            &word("timeline.heading"),
            "timeline",
            format!(
                "Timeline of {}, month by month, with their dates, kinds and sources.",
                plural(c.events, "event", "events")
            ),
            v(&site.timeline)?,
            TIMELINE_LISTS,
        ),
        fixed(
            urls::ARTICLES_INDEX,
            "articles.html",
            &word("articles.heading"),
            "articles",
            format!(
                "All {}, newest first, from {}.",
                plural(c.articles, "article", "articles"),
                plural(c.outlets, "outlet", "outlets")
            ),
            serde_json::json!({ "articles": newest_first(site) }),
            ARTICLES,
        ),
        fixed(
            urls::SOURCES_INDEX,
            "sources.html",
            &word("sources.heading"),
            "sources",
            format!(
                "The {} behind this briefing and their articles.",
                plural(c.outlets, "outlet", "outlets")
            ),
            serde_json::json!({ "outlets": site.outlets.iter().map(|o| serde_json::json!({
                "name": o.name, "anchor": o.anchor, "url": o.url, "articles": o.articles.len(),
                "latest": o.articles.first(),
            })).collect::<Vec<_>>() }),
            OUTLETS,
        ),
        fixed(
            urls::SEARCH,
            "search.html",
            &word("search.heading"),
            "search",
            "Search the articles, people, places and events of this briefing.".into(),
            serde_json::json!({}),
            &[],
        ),
        fixed(
            urls::EVENTS_INDEX,
            "events.html",
            &word("events.heading"),
            "events",
            format!(
                "Index of {}: meetings, visits and signings with their dates and sources.",
                plural(c.events, "event", "events")
            ),
            serde_json::json!({
                "events": &event_refs,
                "chart": charts::events_by_month(&event_refs, "chart-events"),
            }),
            EVENTS,
        ),
        fixed(
            NOT_FOUND_PAGE,
            "404.html",
            &word("not_found.heading"),
            "none",
            "This page does not exist (any more).".into(),
            serde_json::json!({}),
            &[],
        ),
        fixed(
            urls::TAGS_INDEX,
            "tags.html",
            &word("tags.heading"),
            "articles",
            format!(
                "The {} of the articles, each with its articles and feed.",
                plural(site.tags.len(), "tag", "tags")
            ),
            serde_json::json!({ "tags": site.tags.iter().map(|t| serde_json::json!({
                "name": t.name, "url": t.url, "feed_url": t.feed_url, "articles": t.articles.len(),
            })).collect::<Vec<_>>() }),
            TAGS,
        ),
    ];
    let rows = |kinds: &[ActorKind]| -> Vec<IndexRow> {
        site.actors
            .iter()
            .filter(|a| kinds.contains(&a.kind))
            .map(IndexRow::of)
            .collect()
    };
    let people = rows(&[ActorKind::Person]);
    let organizations = rows(&[ActorKind::Organization]);
    let places = rows(&[ActorKind::Country, ActorKind::Place]);
    // The three actor indexes name each other's sizes in their navigation.
    let sizes = serde_json::json!({
        "people": people.len(), "organizations": organizations.len(), "places": places.len(),
    });
    for (path, kind, noun, list) in [
        (urls::PEOPLE_INDEX, "people", "people", people),
        (
            urls::ORGANIZATIONS_INDEX,
            "organizations",
            "organizations",
            organizations,
        ),
        (urls::PLACES_INDEX, "places", "places and countries", places),
    ] {
        let title = word(&format!("people.{kind}"));
        // Each index is its own section of the navigation.
        let section = match kind {
            "people" => "people",
            "organizations" => "organizations",
            _ => "places",
        };
        jobs.push(fixed(
            path,
            "people.html",
            &title,
            section,
            format!("Index of the {} {noun} named in the articles.", list.len()),
            serde_json::json!({ "kind": kind, "heading": title, "rows": list, "sizes": sizes }),
            ROWS,
        ));
    }
    jobs.push(fixed(
        urls::BRIEFINGS_INDEX,
        "briefings.html",
        &word("briefings.heading"),
        "briefings",
        format!(
            "Archive of the {} periodic briefings, newest first.",
            site.briefings.len()
        ),
        serde_json::json!({
            "briefings": site.briefings.iter().rev().map(|b| &b.info).collect::<Vec<_>>()
        }),
        BRIEFINGS,
    ));
    for b in &site.briefings {
        // A chart earns its place only when the period spans several
        // months (a quarter); a one-column chart says nothing.
        let months: std::collections::BTreeSet<&str> = b
            .events
            .iter()
            .filter_map(|e| e.date.as_ref()?.start.as_deref()?.get(..7))
            .collect();
        let page = v(b)?;
        let page = if months.len() > 1 {
            with(
                page,
                "timeline_chart",
                charts::event_timeline(&b.events, "chart-timeline"),
            )
        } else {
            page
        };
        jobs.push(fixed(
            &b.url,
            "briefing.html",
            &tr.text(
                "briefing.title",
                &[("label", &tr.date_label(&b.info.id, &b.info.label))],
            ),
            "briefings",
            b.info.summary.clone(),
            page,
            BRIEFING_LISTS,
        ));
    }
    for p in &site.pages {
        jobs.push(PageJob {
            path: p.url.clone(),
            template: "page.html",
            title: p.title.clone(),
            section: "page",
            description: format!("{}: {}", site.title, p.title),
            og_type: "website",
            page: PageValue::Lazy(Box::new(move || v(p))),
            lists: &[],
        });
    }
    for o in &site.outlets {
        jobs.push(PageJob {
            path: o.url.clone(),
            template: "outlet.html",
            title: o.name.clone(),
            section: "sources",
            description: format!(
                "{} from {}, newest first.",
                plural(o.articles.len(), "article", "articles"),
                o.name
            ),
            og_type: "website",
            page: PageValue::Lazy(Box::new(move || v(o))),
            lists: ARTICLES,
        });
    }
    for t in &site.tags {
        jobs.push(PageJob {
            path: t.url.clone(),
            template: "tag.html",
            title: tr.text("tags.title", &[("name", &t.name)]),
            section: "articles",
            description: format!(
                "{} tagged {}, newest first.",
                plural(t.articles.len(), "article", "articles"),
                t.name
            ),
            og_type: "website",
            page: PageValue::Lazy(Box::new(move || v(t))),
            lists: ARTICLES,
        });
    }
    let texts = site.export.article_texts();
    for a in &site.articles {
        jobs.push(PageJob {
            path: a.url.clone(),
            template: "article.html",
            title: a.info.title.clone(),
            section: "articles",
            description: describe_article(a, texts.get(a.info.id.as_str()).copied().unwrap_or("")),
            og_type: "article",
            page: PageValue::Lazy(Box::new(move || v(a))),
            lists: &[],
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
            section: match a.kind {
                ActorKind::Person => "people",
                ActorKind::Organization => "organizations",
                ActorKind::Country | ActorKind::Place => "places",
            },
            description: describe_actor(a),
            og_type: "website",
            page,
            lists: ACTOR_LISTS,
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
            lists: EVENT_LISTS,
        });
    }
    Ok(jobs)
}
