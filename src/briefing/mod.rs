//! Stage 4, the briefing model: turns the analysis into the pages of the site
//! (articles, people, events, timeline, indexes) with their URLs and
//! cross-links, ready to render. No templates are involved here; the only
//! HTML produced is the annotated article body, built with
//! [`html::write_annotated`] so that every piece of article text is escaped.
//!
//! URLs are relative to the site root (`people/x.html`); templates prefix
//! them with the page's `root` ("" or "../") so every link stays relative and
//! the site works from `file://` and from any sub-path.

pub mod briefings;
pub mod dates;
pub mod export;
pub mod urls;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::{ActorKind, Mention, Registry};
use crate::corpus::{AnalysedArticle, Analysis};
use crate::corpus::{DateBasis, Event, EventKind, EventStatus};
use crate::corpus::{Granularity, Timex};
use crate::lang;
use crate::markup::html::{self, Annotation};

pub use export::Export;
pub use urls::{
    actor_url, article_url, briefing_url, event_url, is_web_url, link_url, normalise_base_url,
    note_markdown, slug,
};

/// How many items the home page lists in each section.
const HOME_KEY_EVENTS: usize = 8;
const HOME_KEY_PEOPLE: usize = 10;
const HOME_LATEST_ARTICLES: usize = 10;
/// Related events: sharing a participant and at most this many days apart.
const RELATED_WINDOW_DAYS: i64 = 45;
const RELATED_MAX: usize = 6;

/// The whole site as data; each page's template context is cut from it.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    pub title: String,
    pub description: String,
    pub language: String,
    /// Absolute address the site is published at, normalised to end in
    /// `/`; only feeds, the sitemap and canonical links use it.
    pub base_url: Option<String>,
    pub home: Home,
    pub articles: Vec<ArticlePage>,
    pub actors: Vec<ActorPage>,
    pub events: Vec<EventPage>,
    pub timeline: Timeline,
    pub outlets: Vec<Outlet>,
    /// Periodic briefings, oldest first.
    pub briefings: Vec<briefings::BriefingPage>,
    pub export: Export,
}

/// A link to an article, as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
    pub url: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub published_label: Option<String>,
    pub published_inferred: bool,
}

/// A link to an actor, with how often it appears where it is listed.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub url: String,
    pub count: usize,
}

/// A date as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// TIMEX3-style value.
    pub value: String,
    pub label: String,
    /// Valid HTML `datetime`, when the value has one.
    pub datetime: Option<String>,
    pub precision: Option<Granularity>,
    /// Where the date came from, in words ("reported on" …).
    pub basis: Option<&'static str>,
    /// First day the value covers (YYYY-MM-DD), when known: charts place
    /// the event by it.
    pub start: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventRef {
    pub id: String,
    pub title: String,
    pub url: String,
    pub kind: EventKind,
    pub kind_label: String,
    pub status: EventStatus,
    pub date: Option<DateView>,
    pub sources: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Home {
    pub period_start: Option<DateView>,
    pub period_end: Option<DateView>,
    pub key_events: Vec<EventRef>,
    pub key_people: Vec<ActorRef>,
    pub latest_articles: Vec<ArticleRef>,
    pub upcoming: Vec<EventRef>,
    pub counts: Counts,
    /// The most recent periodic briefing, which the home page leads with.
    pub latest_briefing: Option<briefings::BriefingRef>,
    pub briefings: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub articles: usize,
    pub people: usize,
    pub actors: usize,
    pub events: usize,
    pub outlets: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticlePage {
    pub url: String,
    pub info: ArticleRef,
    pub source_path: String,
    pub original_url: Option<String>,
    /// The original URL as a link target, only when it is a web address: a
    /// `javascript:` or `file:` URL from content must never become a link.
    pub original_href: Option<String>,
    pub original_source: Option<String>,
    pub outlet_anchor: String,
    pub published_evidence: Option<String>,
    pub language: Option<String>,
    pub translated_from: Option<String>,
    pub tags: Vec<String>,
    /// The article body as escaped, annotated HTML (paragraphs for raw
    /// text, the rendered Markdown for Markdown articles). The only
    /// pre-escaped text in the site; templates mark it safe.
    pub body: String,
    /// The opening words of the plain text ([`LEAD_WORDS`] of them), for
    /// summaries and the search index; not shown by the page templates.
    #[serde(skip)]
    pub lead: String,
    pub events: Vec<EventRef>,
    pub people: Vec<ActorRef>,
    pub other_actors: Vec<ActorRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
    pub articles: Vec<ArticleRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub title: String,
    pub of: Option<ActorRef>,
    pub from: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportedRoleView {
    pub title: String,
    pub article: ArticleRef,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub text: String,
    pub article: ArticleRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorPage {
    pub url: String,
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub kind_label: &'static str,
    pub curated: bool,
    pub country: Option<ActorRef>,
    pub aliases: Vec<String>,
    pub spellings: Vec<Spelling>,
    pub roles: Vec<RoleView>,
    pub reported_roles: Vec<ReportedRoleView>,
    pub quotes: Vec<QuoteView>,
    /// Events the actor took part in.
    pub events: Vec<EventRef>,
    /// Events that took place here (places and countries).
    pub events_here: Vec<EventRef>,
    /// People who took part in the same events.
    pub met: Vec<ActorRef>,
    /// People named in the same articles.
    pub mentioned_with: Vec<ActorRef>,
    pub articles: Vec<ArticleRef>,
    pub mentions: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub article: ArticleRef,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventPage {
    pub url: String,
    pub info: EventRef,
    pub cameo: &'static str,
    pub object: Option<String>,
    pub delegation: Option<String>,
    pub place_relation: Option<String>,
    pub curated: bool,
    pub status_label: &'static str,
    pub place: Option<ActorRef>,
    pub participants: Vec<ActorRef>,
    pub sources: Vec<SourceView>,
    pub conflicts: Vec<String>,
    pub note: Option<String>,
    pub related: Vec<EventRef>,
    pub previous: Option<EventRef>,
    pub next: Option<EventRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineMonth {
    /// `2024-06`, or the year alone for events known only to the year.
    pub key: String,
    pub label: String,
    pub anchor: String,
    pub events: Vec<EventRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineYear {
    pub year: i32,
    pub anchor: String,
    pub months: Vec<TimelineMonth>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub years: Vec<TimelineYear>,
    pub undated: Vec<EventRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outlet {
    pub name: String,
    pub anchor: String,
    pub articles: Vec<ArticleRef>,
}

fn kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::Country => "Country",
        ActorKind::Place => "Place",
    }
}

/// "wreath-laying" → "Wreath-laying": the events stage names kinds in lower case.
fn event_kind_label(kind: EventKind) -> String {
    let label = kind.label();
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn status_label(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Reported => "Reported",
        EventStatus::Planned => "Planned",
        EventStatus::Background => "Background",
    }
}

fn basis_label(basis: DateBasis) -> &'static str {
    match basis {
        DateBasis::Explicit => "stated in the text",
        DateBasis::Narrative => "from the surrounding narrative",
        DateBasis::ReportedOn => "reported on",
        DateBasis::Curated => "set by an analyst",
    }
}

fn date_view(value: &str, precision: Option<Granularity>, basis: Option<DateBasis>) -> DateView {
    DateView {
        value: value.to_string(),
        label: dates::label(value),
        datetime: dates::html_datetime(value),
        precision,
        basis: basis.map(basis_label),
        start: None,
    }
}

fn day_view(day: NaiveDate) -> DateView {
    let value = day.format("%Y-%m-%d").to_string();
    DateView {
        start: Some(value.clone()),
        ..date_view(&value, Some(Granularity::Day), None)
    }
}

/// Builds the site model from the analysis. Pure and deterministic: every
/// list is sorted by a total order, so two builds give the same site.
pub fn build(analysis: &Analysis) -> Site {
    let registry = &analysis.registry;
    let actor_ref = |id: &str, count: usize| -> Option<ActorRef> {
        registry.get(id).map(|a| ActorRef {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            url: actor_url(a),
            count,
        })
    };

    let article_refs: BTreeMap<&str, ArticleRef> = analysis
        .articles
        .iter()
        .map(|a| (a.article.id.as_str(), article_ref(a)))
        .collect();

    // Events in timeline order: dated ones by start day, then precision
    // (a day before the month that contains it), then id; undated last.
    let mut ordered: Vec<&Event> = analysis.events.iter().collect();
    ordered.sort_by(|a, b| timeline_key(a).cmp(&timeline_key(b)));
    let event_refs: BTreeMap<&str, EventRef> = ordered
        .iter()
        .map(|e| (e.id.as_str(), event_ref(e)))
        .collect();
    let position: BTreeMap<&str, usize> = ordered
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();

    // Per-actor indexes, each built in one pass over the corpus.
    let mut mention_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut spellings: BTreeMap<&str, BTreeMap<&str, (usize, BTreeSet<&str>)>> = BTreeMap::new();
    let mut actor_articles: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut reported_roles: BTreeMap<&str, Vec<ReportedRoleView>> = BTreeMap::new();
    let mut quotes: BTreeMap<&str, Vec<QuoteView>> = BTreeMap::new();
    let mut co_mentioned: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for a in &analysis.articles {
        let id = a.article.id.as_str();
        let Some(aref) = article_refs.get(id) else {
            continue;
        };
        let mut here: BTreeSet<&str> = BTreeSet::new();
        for m in &a.actors.mentions {
            if registry.get(&m.actor).is_none() {
                continue;
            }
            *mention_counts.entry(&m.actor).or_default() += 1;
            let entry = spellings
                .entry(&m.actor)
                .or_default()
                .entry(&m.text)
                .or_default();
            entry.0 += 1;
            entry.1.insert(id);
            *actor_articles
                .entry(&m.actor)
                .or_default()
                .entry(id)
                .or_default() += 1;
            here.insert(&m.actor);
        }
        for r in &a.actors.reported_roles {
            reported_roles
                .entry(&r.actor)
                .or_default()
                .push(ReportedRoleView {
                    title: r.title.clone(),
                    article: aref.clone(),
                    sentence: slice(&a.article.text, r.sentence_start, r.sentence_end),
                });
        }
        for q in &a.actors.quotes {
            quotes.entry(&q.actor).or_default().push(QuoteView {
                text: q.text.clone(),
                article: aref.clone(),
            });
        }
        // Co-mention counts among people only: a person page lists people.
        let people: Vec<&str> = here
            .iter()
            .copied()
            .filter(|id| {
                registry
                    .get(id)
                    .is_some_and(|a| a.kind == ActorKind::Person)
            })
            .collect();
        for &p in &people {
            for &q in &people {
                if p != q {
                    *co_mentioned.entry(p).or_default().entry(q).or_default() += 1;
                }
            }
        }
    }

    let mut actor_events: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut place_events: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut met: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut article_events: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in &ordered {
        for p in &e.participants {
            actor_events.entry(p).or_default().push(&e.id);
            for q in &e.participants {
                if p != q {
                    *met.entry(p).or_default().entry(q).or_default() += 1;
                }
            }
        }
        if let Some(place) = &e.place {
            place_events.entry(place).or_default().push(&e.id);
        }
        for s in &e.sources {
            article_events.entry(&s.article).or_default().insert(&e.id);
        }
    }

    let refs_of = |ids: &[&str]| -> Vec<EventRef> {
        ids.iter()
            .filter_map(|id| event_refs.get(id).cloned())
            .collect()
    };
    let ranked_people = |counts: Option<&BTreeMap<&str, usize>>| -> Vec<ActorRef> {
        let mut v: Vec<ActorRef> = counts
            .into_iter()
            .flatten()
            .filter_map(|(id, n)| actor_ref(id, *n))
            .filter(|a| a.kind == ActorKind::Person)
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        v
    };

    // Actor pages, built in parallel (order kept by the indexed collect);
    // the per-actor lists that move into the pages are taken out first.
    let owned: Vec<(Vec<ReportedRoleView>, Vec<QuoteView>)> = registry
        .actors
        .iter()
        .map(|actor| {
            let id = actor.id.as_str();
            (
                reported_roles.remove(id).unwrap_or_default(),
                quotes.remove(id).unwrap_or_default(),
            )
        })
        .collect();
    let actors: Vec<ActorPage> = registry
        .actors
        .par_iter()
        .zip(owned)
        .map(|(actor, (mut reported, actor_quotes))| {
            let id = actor.id.as_str();
            let mut spelling_list: Vec<Spelling> = spellings
                .get(id)
                .into_iter()
                .flatten()
                .map(|(text, (count, arts))| Spelling {
                    text: text.to_string(),
                    count: *count,
                    articles: arts
                        .iter()
                        .filter_map(|a| article_refs.get(a).cloned())
                        .collect(),
                })
                .collect();
            spelling_list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
            let mut articles: Vec<ArticleRef> = actor_articles
                .get(id)
                .into_iter()
                .flatten()
                .filter_map(|(a, _)| article_refs.get(a).cloned())
                .collect();
            sort_articles_newest_first(&mut articles);
            reported.sort_by(|a, b| {
                (&b.article.published, &a.article.id, &a.title).cmp(&(
                    &a.article.published,
                    &b.article.id,
                    &b.title,
                ))
            });
            ActorPage {
                url: actor_url(actor),
                id: actor.id.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
                kind_label: kind_label(actor.kind),
                curated: actor.curated,
                country: actor
                    .country
                    .as_deref()
                    .filter(|c| *c != id)
                    .and_then(|c| actor_ref(c, 0)),
                aliases: actor.aliases.clone(),
                spellings: spelling_list,
                roles: actor
                    .roles
                    .iter()
                    .map(|r| RoleView {
                        title: r.title.clone(),
                        of: r.of.as_deref().and_then(|o| actor_ref(o, 0)),
                        from: r.from.map(|d| d.format("%Y-%m-%d").to_string()),
                        until: r.until.map(|d| d.format("%Y-%m-%d").to_string()),
                    })
                    .collect(),
                reported_roles: reported,
                quotes: actor_quotes,
                events: refs_of(actor_events.get(id).map_or(&[][..], Vec::as_slice)),
                events_here: refs_of(place_events.get(id).map_or(&[][..], Vec::as_slice)),
                met: ranked_people(met.get(id)),
                mentioned_with: ranked_people(co_mentioned.get(id)),
                articles,
                mentions: mention_counts.get(id).copied().unwrap_or(0),
            }
        })
        .collect();

    // Event pages.
    let events: Vec<EventPage> = ordered
        .par_iter()
        .enumerate()
        .map(|(i, e)| EventPage {
            url: event_url(&e.id),
            info: event_ref(e),
            cameo: e.kind.cameo(),
            object: e.object.clone(),
            delegation: e.delegation.clone(),
            place_relation: e.place_relation.clone(),
            curated: e.curated,
            status_label: status_label(e.status),
            place: e.place.as_deref().and_then(|p| actor_ref(p, 0)),
            participants: e
                .participants
                .iter()
                .filter_map(|p| actor_ref(p, 0))
                .collect(),
            sources: e
                .sources
                .iter()
                .filter_map(|s| {
                    article_refs.get(s.article.as_str()).map(|a| SourceView {
                        article: a.clone(),
                        sentence: s.sentence.clone(),
                    })
                })
                .collect(),
            conflicts: e.conflicts.clone(),
            note: e.note.clone(),
            related: related_events(e, &actor_events, &event_refs, &ordered, &position),
            previous: i
                .checked_sub(1)
                .and_then(|j| ordered.get(j))
                .map(|p| event_ref(p)),
            next: ordered.get(i + 1).map(|n| event_ref(n)),
        })
        .collect();

    // Article pages (annotating the bodies is the bulk of the work).
    let articles: Vec<ArticlePage> = analysis
        .articles
        .par_iter()
        .map(|a| {
            let id = a.article.id.as_str();
            let mut people = Vec::new();
            let mut others = Vec::new();
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for m in &a.actors.mentions {
                *counts.entry(&m.actor).or_default() += 1;
            }
            for (actor, n) in counts {
                if let Some(r) = actor_ref(actor, n) {
                    if r.kind == ActorKind::Person {
                        people.push(r);
                    } else {
                        others.push(r);
                    }
                }
            }
            for list in [&mut people, &mut others] {
                list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
            }
            let mut evs: Vec<&str> = article_events
                .get(id)
                .into_iter()
                .flatten()
                .copied()
                .collect();
            evs.sort_by_key(|e| position.get(e).copied().unwrap_or(usize::MAX));
            ArticlePage {
                url: article_url(id),
                info: article_refs
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| article_ref(a)),
                source_path: a.article.source_path.clone(),
                original_url: a.article.url.clone(),
                original_href: a.article.url.clone().filter(|u| is_web_url(u)),
                original_source: a.article.original_source.clone(),
                outlet_anchor: outlet_anchor(a.article.outlet.as_deref()),
                published_evidence: a.published_evidence.clone(),
                language: a.article.language.clone(),
                translated_from: a.article.translated_from.clone(),
                tags: a.article.tags.clone(),
                body: annotated_body(a, analysis),
                lead: first_words(&a.article.text, LEAD_WORDS),
                events: refs_of(&evs),
                people,
                other_actors: others,
            }
        })
        .collect();

    let timeline = build_timeline(&ordered);
    let outlets = build_outlets(&analysis.articles, &article_refs);
    let mut home = build_home(
        analysis,
        &ordered,
        &actors,
        &article_refs,
        actor_events.len(),
        outlets.len(),
    );
    let briefings = briefings::build(analysis, &ordered);
    home.latest_briefing = briefings.last().map(|b| b.info.clone());
    home.briefings = briefings.len();

    Site {
        title: analysis.config.title.clone(),
        description: analysis.config.description.clone(),
        language: analysis.config.language.clone(),
        base_url: normalise_base_url(analysis.config.base_url.as_deref()),
        home,
        articles,
        actors,
        events,
        timeline,
        outlets,
        briefings,
        export: export::build(analysis),
    }
}

/// How many opening words of an article's text its [`ArticlePage::lead`]
/// keeps.
pub const LEAD_WORDS: usize = 60;

/// The first `n` words of `text`, whitespace collapsed.
fn first_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or_default().trim().to_string()
}

fn article_ref(a: &AnalysedArticle) -> ArticleRef {
    ArticleRef {
        id: a.article.id.clone(),
        title: a.article.title.clone(),
        url: article_url(&a.article.id),
        outlet: a.article.outlet.clone(),
        published: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
        published_label: a.published.map(|d| day_view(d).label),
        published_inferred: a.published.is_some() && a.published_evidence.is_some(),
    }
}

fn event_ref(e: &Event) -> EventRef {
    EventRef {
        id: e.id.clone(),
        title: e.title.clone(),
        url: event_url(&e.id),
        kind: e.kind,
        kind_label: event_kind_label(e.kind),
        status: e.status,
        date: e.date.as_ref().map(|d| DateView {
            start: Some(d.interval.start.format("%Y-%m-%d").to_string()),
            ..date_view(&d.value, Some(d.granularity), Some(d.basis))
        }),
        sources: e.sources.len(),
    }
}

fn timeline_key(e: &Event) -> (bool, Option<NaiveDate>, Option<Granularity>, &str) {
    (
        e.date.is_none(),
        e.date.as_ref().map(|d| d.interval.start),
        e.date.as_ref().map(|d| d.granularity),
        e.id.as_str(),
    )
}

fn sort_articles_newest_first(list: &mut [ArticleRef]) {
    list.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
}

fn outlet_anchor(outlet: Option<&str>) -> String {
    format!("outlet-{}", slug(outlet.unwrap_or("unknown")))
}

/// Events sharing a participant, close in time. Each participant's events
/// are already in date order, so a window around the event is found by
/// binary search: the work per event is bounded by the window, not by how
/// many events a busy person has.
fn related_events(
    e: &Event,
    actor_events: &BTreeMap<&str, Vec<&str>>,
    refs: &BTreeMap<&str, EventRef>,
    ordered: &[&Event],
    position: &BTreeMap<&str, usize>,
) -> Vec<EventRef> {
    let Some(date) = e.date.as_ref() else {
        return Vec::new();
    };
    let day_of = |id: &str| {
        position
            .get(id)
            .and_then(|&i| ordered.get(i))
            .and_then(|ev| ev.date.as_ref())
            .map(|d| d.interval.start)
    };
    let lo = date.interval.start - chrono::Duration::days(RELATED_WINDOW_DAYS);
    let hi = date.interval.end + chrono::Duration::days(RELATED_WINDOW_DAYS);
    let mut found: BTreeMap<(i64, &str), ()> = BTreeMap::new();
    for p in &e.participants {
        let Some(list) = actor_events.get(p.as_str()) else {
            continue;
        };
        // Undated events sort last, so they never fall inside the window.
        let first = list.partition_point(|id| day_of(id).is_some_and(|d| d < lo));
        for id in list.iter().skip(first) {
            let Some(day) = day_of(id) else { break };
            if day > hi {
                break;
            }
            if *id != e.id {
                let distance = (day - date.interval.start).num_days().abs();
                found.insert((distance, id), ());
            }
        }
    }
    found
        .keys()
        .filter_map(|(_, id)| refs.get(id).cloned())
        .take(RELATED_MAX)
        .collect()
}

fn build_timeline(ordered: &[&Event]) -> Timeline {
    let mut years: Vec<TimelineYear> = Vec::new();
    let mut undated = Vec::new();
    for e in ordered {
        let Some(date) = &e.date else {
            undated.push(event_ref(e));
            continue;
        };
        let year = chrono::Datelike::year(&date.interval.start);
        let month = chrono::Datelike::month(&date.interval.start);
        // Coarser than a month (a season, a year) cannot go under one month.
        let (key, label) = if date.granularity <= Granularity::Month {
            (
                format!("{year:04}-{month:02}"),
                dates::label(&format!("{year:04}-{month:02}")),
            )
        } else {
            (format!("{year:04}"), format!("{year}, month not known"))
        };
        if years.last().is_none_or(|y| y.year != year) {
            years.push(TimelineYear {
                year,
                anchor: format!("y{year}"),
                months: Vec::new(),
            });
        }
        let Some(y) = years.last_mut() else { continue };
        if y.months.last().is_none_or(|m| m.key != key) {
            y.months.push(TimelineMonth {
                anchor: format!("m{key}"),
                key: key.clone(),
                label,
                events: Vec::new(),
            });
        }
        if let Some(m) = y.months.last_mut() {
            m.events.push(event_ref(e));
        }
    }
    // Within a year the coarse group was interleaved by start day; merge
    // groups with the same key so each month appears once, in order.
    for y in &mut years {
        let mut merged: Vec<TimelineMonth> = Vec::new();
        for m in std::mem::take(&mut y.months) {
            if let Some(existing) = merged.iter_mut().find(|x| x.key == m.key) {
                existing.events.extend(m.events);
            } else {
                merged.push(m);
            }
        }
        // Year-only group last within its year.
        merged.sort_by_key(|m| (m.key.len() == 4, m.key.clone()));
        y.months = merged;
    }
    Timeline { years, undated }
}

fn build_outlets(articles: &[AnalysedArticle], refs: &BTreeMap<&str, ArticleRef>) -> Vec<Outlet> {
    let mut by_anchor: BTreeMap<String, Outlet> = BTreeMap::new();
    for a in articles {
        let anchor = outlet_anchor(a.article.outlet.as_deref());
        let outlet = by_anchor.entry(anchor.clone()).or_insert_with(|| Outlet {
            name: a
                .article
                .outlet
                .clone()
                .unwrap_or_else(|| "Unknown outlet".to_string()),
            anchor,
            articles: Vec::new(),
        });
        if let Some(r) = refs.get(a.article.id.as_str()) {
            outlet.articles.push(r.clone());
        }
    }
    let mut outlets: Vec<Outlet> = by_anchor.into_values().collect();
    for o in &mut outlets {
        sort_articles_newest_first(&mut o.articles);
    }
    outlets.sort_by_key(|o| (o.name.to_lowercase(), o.anchor.clone()));
    outlets
}

fn build_home(
    analysis: &Analysis,
    ordered: &[&Event],
    actors: &[ActorPage],
    refs: &BTreeMap<&str, ArticleRef>,
    _active_actors: usize,
    outlets: usize,
) -> Home {
    // The period: news events (not history, not plans) and publication days.
    let mut days: Vec<NaiveDate> = ordered
        .iter()
        .filter(|e| e.status == EventStatus::Reported)
        .filter_map(|e| e.date.as_ref())
        .flat_map(|d| [d.interval.start, d.interval.end])
        .collect();
    days.extend(analysis.articles.iter().filter_map(|a| a.published));
    let period_start = days.iter().min().copied().map(day_view);
    let period_end = days.iter().max().copied().map(day_view);

    // Key events: the most widely reported news, then the most recent.
    let mut key: Vec<&Event> = ordered
        .iter()
        .copied()
        .filter(|e| e.status == EventStatus::Reported)
        .collect();
    key.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then_with(|| timeline_key(b).1.cmp(&timeline_key(a).1))
            .then_with(|| a.id.cmp(&b.id))
    });
    key.truncate(HOME_KEY_EVENTS);
    // Shown in timeline order, which is how a reader follows a story.
    key.sort_by(|a, b| timeline_key(a).cmp(&timeline_key(b)));

    let upcoming: Vec<EventRef> = ordered
        .iter()
        .filter(|e| e.status == EventStatus::Planned)
        .map(|e| event_ref(e))
        .collect();

    // Key people: taking part in events weighs more than being named.
    let mut people: Vec<ActorRef> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person && (a.mentions > 0 || !a.events.is_empty()))
        .map(|a| ActorRef {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            url: a.url.clone(),
            count: a.mentions + 3 * a.events.len(),
        })
        .collect();
    people.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    people.truncate(HOME_KEY_PEOPLE);

    let mut latest: Vec<ArticleRef> = refs.values().cloned().collect();
    sort_articles_newest_first(&mut latest);
    latest.truncate(HOME_LATEST_ARTICLES);

    Home {
        period_start,
        period_end,
        key_events: key.into_iter().map(event_ref).collect(),
        key_people: people,
        latest_articles: latest,
        upcoming,
        counts: Counts {
            articles: analysis.articles.len(),
            people: actors
                .iter()
                .filter(|a| a.kind == ActorKind::Person)
                .count(),
            actors: actors.len(),
            events: ordered.len(),
            outlets,
        },
        latest_briefing: None,
        briefings: 0,
    }
}

/// The article body as escaped HTML, with mentions linked to actor pages
/// and dates marked up. Links are written relative to the article page
/// (`articles/x.html`), hence the `../`. Markdown keeps its formatting;
/// raw text becomes one `<p>` per paragraph.
fn annotated_body(a: &AnalysedArticle, analysis: &Analysis) -> String {
    let annotations = annotations_for(a, analysis, "../");
    if let Some(markdown) = &a.article.markdown {
        return crate::markup::markdown::render_annotated(markdown, &annotations);
    }
    let title = a.article.title.trim();
    let mut html = String::new();
    for (i, range) in lang::paragraphs(&a.article.text).into_iter().enumerate() {
        // The page shows the title as its h1; a first paragraph that only
        // repeats it would be said twice.
        if i == 0 && a.article.text.get(range.clone()).map(str::trim) == Some(title) {
            continue;
        }
        html.push_str("<p>");
        html::write_annotated(&a.article.text, range, &annotations, &mut html);
        html.push_str("</p>\n");
    }
    html
}

/// Mentions become links, time expressions `<time>` (or a marked `<span>`
/// where HTML has no valid form for the value). Sorted by start; at equal
/// starts the longer span first, so the wider annotation wins an overlap.
pub fn annotations_for(a: &AnalysedArticle, analysis: &Analysis, root: &str) -> Vec<Annotation> {
    annotations_from(&a.actors.mentions, &a.timexes, &analysis.registry, root)
}

/// The annotations of any analysed text (an article, an analyst's note):
/// its actor mentions and time expressions, with links relative to `root`.
pub fn annotations_from(
    mentions: &[Mention],
    timexes: &[Timex],
    registry: &Registry,
    root: &str,
) -> Vec<Annotation> {
    let mut out = Vec::new();
    for m in mentions {
        let Some(actor) = registry.get(&m.actor) else {
            continue;
        };
        let mut open = String::from("<a class=\"mention mention-");
        open.push_str(match actor.kind {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Place => "place",
        });
        open.push_str("\" href=\"");
        html::escape_html(root, &mut open);
        html::escape_html(&actor_url(actor), &mut open);
        open.push_str("\" title=\"");
        html::escape_html(&actor.name, &mut open);
        open.push_str("\">");
        out.push(Annotation {
            start: m.start,
            end: m.end,
            open,
            close: "</a>".to_string(),
        });
    }
    for t in timexes {
        let mut value = String::new();
        html::escape_html(&t.value, &mut value);
        let (open, close) = match dates::html_datetime(&t.value) {
            Some(dt) => {
                let mut dt_escaped = String::new();
                html::escape_html(&dt, &mut dt_escaped);
                (
                    format!("<time class=\"timex\" datetime=\"{dt_escaped}\" title=\"{value}\">"),
                    "</time>",
                )
            }
            None => (
                format!("<span class=\"timex\" data-value=\"{value}\" title=\"{value}\">"),
                "</span>",
            ),
        };
        out.push(Annotation {
            start: t.start,
            end: t.end,
            open,
            close: close.to_string(),
        });
    }
    out.sort_by(|x, y| {
        x.start
            .cmp(&y.start)
            .then_with(|| y.end.cmp(&x.end))
            .then_with(|| x.open.cmp(&y.open))
    });
    out
}

#[cfg(test)]
pub(crate) mod tests;
