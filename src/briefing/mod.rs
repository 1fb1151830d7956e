//! Stage 4, the briefing model: turns the analysis into the pages of the site
//! (articles, people, events, timeline, indexes) with their URLs and
//! cross-links, ready to render. No templates are involved here; the only
//! HTML produced is the annotated article body, built with
//! [`html::write_annotated`] so that every piece of article text is escaped.
//!
//! URLs are relative to the site root (`people/x.html`); templates prefix
//! them with the page's `root` ("" or "../") so every link stays relative and
//! the site works from `file://` and from any sub-path. [`urls`] owns the
//! URL scheme.
//!
//! This file assembles the [`Site`] from per-actor indexes built in one pass
//! over the corpus; the pieces live beside it: `pages` (the page data),
//! `labels` (words for kinds and statuses), `annotations` (annotated
//! bodies), `related` (related events), `timeline`, `home` (home and
//! sources pages), [`briefings`] (periodic briefing pages), [`dates`] (date
//! labels) and [`export`] (the JSON export).

mod annotations;
pub mod briefings;
pub mod dates;
pub mod export;
mod home;
mod labels;
pub mod links;
mod pages;
mod related;
mod tags;
mod timeline;
pub mod urls;

use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::{ActorKind, Mention, Registry};
use crate::corpus::{AnalysedArticle, Analysis};
use crate::corpus::{DateBasis, Event, EventKind, EventStatus};
use crate::corpus::{Granularity, Timex};
use crate::lang;
use crate::markup::html::{self, Annotation};

pub use annotations::{annotations_for, annotations_from};
pub use export::Export;
pub use pages::*;

use annotations::annotated_body;
use home::{build_home, build_outlets};
use labels::*;
use related::related_events;
use timeline::{build_timeline, timeline_key};
pub use urls::{
    actor_url, article_url, briefing_url, event_url, is_web_url, link_url, normalise_base_url,
    note_markdown, slug,
};

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
    /// Tag pages, by file name.
    pub tags: Vec<TagPage>,
    /// Standalone pages, in navigation order.
    pub pages: Vec<StandalonePage>,
    /// Items per page of a long list (`paginate` in `site.yaml`; 0: all
    /// on one page).
    pub paginate: usize,
    pub export: Export,
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
            // "Met" counts only meetings that happened: not plans, not
            // history, not calls or letters.
            let met_in_person = e.status == EventStatus::Reported
                && !matches!(e.kind, EventKind::PhoneCall | EventKind::Message);
            for q in &e.participants {
                if p != q && met_in_person {
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
                .map(|(text, (count, arts))| {
                    let mut list: Vec<ArticleRef> = arts
                        .iter()
                        .filter_map(|a| article_refs.get(a).cloned())
                        .collect();
                    sort_articles_newest_first(&mut list);
                    let more_articles = list.len().saturating_sub(SPELLING_SOURCES);
                    list.truncate(SPELLING_SOURCES);
                    Spelling {
                        text: text.to_string(),
                        count: *count,
                        articles: list,
                        more_articles,
                    }
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
            let roles: Vec<RoleView> = actor
                .roles
                .iter()
                .map(|r| RoleView {
                    title: r.title.clone(),
                    of: r.of.as_deref().and_then(|o| actor_ref(o, 0)),
                    from: r.from.map(|d| d.format("%Y-%m-%d").to_string()),
                    until: r.until.map(|d| d.format("%Y-%m-%d").to_string()),
                })
                .collect();
            let events = refs_of(actor_events.get(id).map_or(&[][..], Vec::as_slice));
            let met_ranked = ranked_people(met.get(id));
            // Events are in timeline order: the last that happened is the latest.
            let latest_event = events
                .iter()
                .rev()
                .find(|e| e.status == EventStatus::Reported)
                .or(events.last())
                .cloned();
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
                description: actor.description.clone(),
                aliases: actor.aliases.clone(),
                spellings: spelling_list,
                current_roles: roles
                    .iter()
                    .filter(|r| r.until.is_none())
                    .cloned()
                    .collect(),
                roles,
                reported_roles: reported,
                quotes: actor_quotes,
                latest_event,
                events,
                events_here: refs_of(place_events.get(id).map_or(&[][..], Vec::as_slice)),
                top_met: met_ranked.iter().take(3).cloned().collect(),
                met: met_ranked,
                mentioned_with: ranked_people(co_mentioned.get(id)),
                articles,
                mentions: mention_counts.get(id).copied().unwrap_or(0),
            }
        })
        .collect();

    // Trips: the events of one journey, in timeline order.
    let mut trips: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for e in &ordered {
        if let Some(trip) = &e.trip {
            trips.entry(trip.as_str()).or_default().push(e);
        }
    }

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
            outlets: e.outlets.clone(),
            trip: e.trip.as_deref().map_or_else(Vec::new, |trip| {
                trips
                    .get(trip)
                    .map(|members| {
                        members
                            .iter()
                            .filter(|other| other.id != e.id)
                            .map(|other| event_ref(other))
                            .collect()
                    })
                    .unwrap_or_default()
            }),
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
                published_range: a
                    .published_evidence
                    .as_ref()
                    .and(a.published_range)
                    .map(labels::inferred_range_label),
                language: a.article.language.clone(),
                translated_from: a.article.translated_from.clone(),
                outlet_url: urls::outlet_url(a.article.outlet.as_deref()),
                tags: tags::tag_refs(&a.article.tags),
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
    let tags = tags::build_tags(&analysis.articles, &article_refs);
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
        tags,
        pages: analysis
            .pages
            .iter()
            .map(|p| StandalonePage {
                title: p.title.clone(),
                url: urls::page_url(&p.stem),
                source_path: p.path.clone(),
                // Pages live in `pages/`, one folder below the root; their
                // Markdown links are the author's and kept as written.
                body: crate::markup::markdown::render_annotated(&p.body, &[]),
            })
            .collect(),
        paginate: analysis.config.paginate,
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
        articles: e
            .sources
            .iter()
            .map(|s| s.article.as_str())
            .collect::<BTreeSet<_>>()
            .len(),
        outlets: e.outlets.len(),
    }
}

fn sort_articles_newest_first(list: &mut [ArticleRef]) {
    list.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
}

fn outlet_anchor(outlet: Option<&str>) -> String {
    format!("outlet-{}", slug(outlet.unwrap_or("unknown")))
}

#[cfg(test)]
pub(crate) mod tests;
