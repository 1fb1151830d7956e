//! Periodic briefings: one page per week, month or quarter (`period` in
//! `content/site.yaml`) with what happened, what was reported, who appeared
//! for the first time, who was most active and with whom, what is planned,
//! and the analyst's notes.
//!
//! Everything is bucketed in one pass per input (events by event date,
//! articles by publication date, notes by period) into a `BTreeMap` keyed by
//! period, so the work is linear in the corpus and the order deterministic.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

use super::{
    article_ref, briefing_url, day_view, event_ref, timeline_key, ActorRef, ArticleRef, DateView,
    EventRef,
};
use crate::corpus::period::{self as periods, PeriodId};
use crate::corpus::ActorKind;
use crate::corpus::AnalysedNote;
use crate::corpus::{AnalysedArticle, Analysis};
use crate::corpus::{Event, EventStatus};

/// How many events the home page and the archive show per briefing.
const KEY_EVENTS: usize = 5;
/// How many people the "most active" list of a briefing shows.
const ACTIVE_PEOPLE: usize = 8;
/// How many counterparts each active person lists.
const COUNTERPARTS: usize = 6;
/// How many planned events a briefing lists as coming up.
const UPCOMING: usize = 10;

/// A briefing as lists show it (the archive, the home page).
#[derive(Debug, Clone, Serialize)]
pub struct BriefingRef {
    /// `2025-11`, `2025-W45`, `2025-Q4`.
    pub id: String,
    pub url: String,
    /// "November 2025", "Week 45, 2025 (3–9 Nov)", "Q4 2025".
    pub label: String,
    /// "week", "month" or "quarter".
    pub noun: &'static str,
    pub start: DateView,
    pub end: DateView,
    /// One sentence saying what the period held.
    pub summary: String,
    pub events: usize,
    pub reports: usize,
    pub late_reports: usize,
    pub new_people: usize,
    /// The most widely reported events of the period, in date order.
    pub key_events: Vec<EventRef>,
    pub note_titles: Vec<String>,
}

/// Previous or next briefing.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingLink {
    /// The period (`2025-11`), for templates that label it themselves.
    pub id: String,
    pub url: String,
    pub label: String,
}

/// An event an article reports, flagged when it happened before the period
/// the article was published in (a late report of an old event).
#[derive(Debug, Clone, Serialize)]
pub struct ReportedEvent {
    pub event: EventRef,
    pub late: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportedArticle {
    pub article: ArticleRef,
    pub events: Vec<ReportedEvent>,
    pub late: bool,
}

/// A person active in the period: events taken part in and mentions, with
/// the people met at those events.
#[derive(Debug, Clone, Serialize)]
pub struct ActivePerson {
    pub person: ActorRef,
    pub events: usize,
    pub mentions: usize,
    pub counterparts: Vec<ActorRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub title: String,
    /// Fragment id on the briefing page.
    pub anchor: String,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub date: Option<DateView>,
    pub source_path: String,
    /// The note as escaped, annotated HTML; templates mark it safe.
    pub body: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefingPage {
    pub url: String,
    pub info: BriefingRef,
    /// Events that happened in the period (by event date), in date order.
    pub events: Vec<EventRef>,
    /// Articles published in the period, oldest first.
    pub reported: Vec<ReportedArticle>,
    /// People named for the first time in the corpus in this period.
    pub new_people: Vec<ActorRef>,
    pub active_people: Vec<ActivePerson>,
    /// Planned events dated after the period started, as known by its end.
    pub upcoming: Vec<EventRef>,
    pub notes: Vec<NoteView>,
    pub previous: Option<BriefingLink>,
    pub next: Option<BriefingLink>,
}

/// What one period holds, before it becomes a page.
#[derive(Default)]
struct Bucket<'a> {
    events: Vec<&'a Event>,
    articles: Vec<&'a AnalysedArticle>,
    notes: Vec<&'a AnalysedNote>,
    new_people: BTreeSet<&'a str>,
}

/// The period an event belongs to: the one that wholly contains its date.
/// An event dated more coarsely than the period ("in 2023" on a monthly
/// site) belongs to none rather than to an arbitrary one.
fn event_period(e: &Event, kind: crate::config::Period) -> Option<PeriodId> {
    let d = e.date.as_ref()?;
    periods::enclosing(d.interval.start, d.interval.end, kind)
}

/// Builds every briefing page, oldest first, linked to its neighbours.
/// `ordered` is the corpus's events in timeline order.
pub fn build(analysis: &Analysis, ordered: &[&Event]) -> Vec<BriefingPage> {
    let kind = analysis.config.period;
    let registry = &analysis.registry;
    let is_person = |id: &str| {
        registry
            .get(id)
            .is_some_and(|a| a.kind == ActorKind::Person)
    };
    let mut buckets: BTreeMap<PeriodId, Bucket> = BTreeMap::new();

    // Planned events never make a period of their own: they have not
    // happened. They are listed as coming up instead.
    for e in ordered.iter().copied() {
        if e.status == EventStatus::Planned {
            continue;
        }
        if let Some(p) = event_period(e, kind) {
            buckets.entry(p).or_default().events.push(e);
        }
    }
    // First appearance: the earliest publication date of an article naming
    // the person.
    let mut first_seen: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    for a in &analysis.articles {
        let Some(day) = a.published else { continue };
        buckets
            .entry(PeriodId::containing(day, kind))
            .or_default()
            .articles
            .push(a);
        for m in &a.actors.mentions {
            first_seen
                .entry(m.actor.as_str())
                .and_modify(|d| *d = (*d).min(day))
                .or_insert(day);
        }
    }
    for (actor, day) in first_seen {
        if is_person(actor) {
            buckets
                .entry(PeriodId::containing(day, kind))
                .or_default()
                .new_people
                .insert(actor);
        }
    }
    for n in &analysis.notes {
        buckets.entry(n.note.period).or_default().notes.push(n);
    }

    // Article → events it reports; event → the first day it was reported.
    let mut article_events: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    let published: BTreeMap<&str, NaiveDate> = analysis
        .articles
        .iter()
        .filter_map(|a| Some((a.article.id.as_str(), a.published?)))
        .collect();
    let mut first_reported: BTreeMap<&str, NaiveDate> = BTreeMap::new();
    for e in ordered.iter().copied() {
        let mut seen = BTreeSet::new();
        for s in &e.sources {
            if seen.insert(s.article.as_str()) {
                article_events.entry(&s.article).or_default().push(e);
            }
            if let Some(day) = published.get(s.article.as_str()) {
                first_reported
                    .entry(e.id.as_str())
                    .and_modify(|d| *d = (*d).min(*day))
                    .or_insert(*day);
            }
        }
    }
    // Planned events by date, for the "coming up" lists.
    let planned: Vec<&Event> = ordered
        .iter()
        .copied()
        .filter(|e| e.status == EventStatus::Planned && e.date.is_some())
        .collect();

    let actor_ref = |id: &str, count: usize| -> Option<ActorRef> {
        registry.get(id).map(|a| ActorRef {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            url: super::actor_url(a),
            count,
        })
    };

    let mut pages: Vec<BriefingPage> = Vec::with_capacity(buckets.len());
    for (id, bucket) in &buckets {
        let Some((start, end)) = id.bounds() else {
            continue;
        };
        let events: Vec<EventRef> = bucket.events.iter().map(|e| event_ref(e)).collect();

        // What was reported: every article published in the period.
        let mut articles = bucket.articles.clone();
        articles.sort_by(|a, b| (a.published, &a.article.id).cmp(&(b.published, &b.article.id)));
        let mut late_events: BTreeSet<&str> = BTreeSet::new();
        let reported: Vec<ReportedArticle> = articles
            .iter()
            .map(|a| {
                let events: Vec<ReportedEvent> = article_events
                    .get(a.article.id.as_str())
                    .into_iter()
                    .flatten()
                    .filter(|e| e.status != EventStatus::Background)
                    .map(|e| {
                        let late = e.status == EventStatus::Reported
                            && e.date.as_ref().is_some_and(|d| d.interval.end < start);
                        if late {
                            late_events.insert(e.id.as_str());
                        }
                        ReportedEvent {
                            event: event_ref(e),
                            late,
                        }
                    })
                    .collect();
                ReportedArticle {
                    article: article_ref(a),
                    late: events.iter().any(|e| e.late),
                    events,
                }
            })
            .collect();

        let mut new_people: Vec<ActorRef> = bucket
            .new_people
            .iter()
            .filter_map(|p| actor_ref(p, 0))
            .collect();
        new_people.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));

        // Activity: events taken part in weigh more than being named, as on
        // the home page.
        let mut in_events: BTreeMap<&str, usize> = BTreeMap::new();
        let mut mentions: BTreeMap<&str, usize> = BTreeMap::new();
        let mut met: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        for e in &bucket.events {
            let people: Vec<&str> = e
                .participants
                .iter()
                .map(String::as_str)
                .filter(|p| is_person(p))
                .collect();
            for &p in &people {
                *in_events.entry(p).or_default() += 1;
                for &q in &people {
                    if p != q {
                        *met.entry(p).or_default().entry(q).or_default() += 1;
                    }
                }
            }
        }
        for a in &bucket.articles {
            for m in &a.actors.mentions {
                if is_person(&m.actor) {
                    *mentions.entry(m.actor.as_str()).or_default() += 1;
                }
            }
        }
        let mut active: Vec<ActivePerson> = in_events
            .keys()
            .chain(mentions.keys())
            .copied()
            .collect::<BTreeSet<&str>>()
            .into_iter()
            .filter_map(|p| {
                let ev = in_events.get(p).copied().unwrap_or(0);
                let mn = mentions.get(p).copied().unwrap_or(0);
                let mut counterparts: Vec<ActorRef> = met
                    .get(p)
                    .into_iter()
                    .flatten()
                    .filter_map(|(q, n)| actor_ref(q, *n))
                    .collect();
                counterparts
                    .sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
                counterparts.truncate(COUNTERPARTS);
                Some(ActivePerson {
                    person: actor_ref(p, 3 * ev + mn)?,
                    events: ev,
                    mentions: mn,
                    counterparts,
                })
            })
            .collect();
        active.sort_by(|a, b| {
            b.person
                .count
                .cmp(&a.person.count)
                .then_with(|| a.person.name.cmp(&b.person.name))
        });
        active.truncate(ACTIVE_PEOPLE);

        // Coming up: planned events dated from the period's start on, that
        // had been reported by its end (a briefing says what was known then).
        let from =
            planned.partition_point(|e| e.date.as_ref().is_some_and(|d| d.interval.start < start));
        let upcoming: Vec<EventRef> = planned
            .iter()
            .skip(from)
            .filter(|e| {
                first_reported
                    .get(e.id.as_str())
                    .is_none_or(|day| *day <= end)
            })
            .take(UPCOMING)
            .map(|e| event_ref(e))
            .collect();

        let notes: Vec<NoteView> = bucket
            .notes
            .iter()
            .map(|n| note_view(n, analysis))
            .collect();

        // Key events: the most widely reported, shown in date order.
        let mut key: Vec<&Event> = bucket.events.clone();
        key.sort_by(|a, b| {
            b.sources
                .len()
                .cmp(&a.sources.len())
                .then_with(|| timeline_key(a).cmp(&timeline_key(b)))
        });
        key.truncate(KEY_EVENTS);
        key.sort_by(|a, b| timeline_key(a).cmp(&timeline_key(b)));

        let info = BriefingRef {
            id: id.to_string(),
            url: briefing_url(*id),
            label: id.label(),
            noun: id.noun(),
            start: day_view(start),
            end: day_view(end),
            summary: summary(
                id.noun(),
                key.first().copied(),
                events.len(),
                reported.len(),
                late_events.len(),
                new_people.len(),
            ),
            events: events.len(),
            reports: reported.len(),
            late_reports: late_events.len(),
            new_people: new_people.len(),
            key_events: key.into_iter().map(event_ref).collect(),
            note_titles: notes.iter().map(|n| n.title.clone()).collect(),
        };
        pages.push(BriefingPage {
            url: info.url.clone(),
            info,
            events,
            reported,
            new_people,
            active_people: active,
            upcoming,
            notes,
            previous: None,
            next: None,
        });
    }

    let links: Vec<BriefingLink> = pages
        .iter()
        .map(|p| BriefingLink {
            id: p.info.id.clone(),
            url: p.url.clone(),
            label: p.info.label.clone(),
        })
        .collect();
    for (i, page) in pages.iter_mut().enumerate() {
        page.previous = i.checked_sub(1).and_then(|j| links.get(j)).cloned();
        page.next = links.get(i + 1).cloned();
    }
    pages
}

/// One sentence for the archive and the home page: "3 events, chiefly …;
/// 2 articles published, 1 reporting earlier events; 4 people named for the
/// first time."
fn summary(
    noun: &str,
    lead: Option<&Event>,
    events: usize,
    reports: usize,
    late: usize,
    new_people: usize,
) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = Vec::new();
    match (events, lead) {
        (0, _) => parts.push(format!("No events dated in this {noun}")),
        (_, Some(e)) => parts.push(format!(
            "{}, led by {}",
            plural(events, "event", "events"),
            e.title
        )),
        (_, None) => parts.push(plural(events, "event", "events")),
    }
    if reports > 0 {
        let mut p = format!("{} published", plural(reports, "article", "articles"));
        if late > 0 {
            p.push_str(&format!(
                ", with {}",
                plural(
                    late,
                    "late report of an earlier event",
                    "late reports of earlier events"
                )
            ));
        }
        parts.push(p);
    }
    if new_people > 0 {
        parts.push(format!(
            "{} named for the first time",
            plural(new_people, "person", "people")
        ));
    }
    let mut s = parts.join("; ");
    s.push('.');
    s
}

fn note_view(n: &AnalysedNote, analysis: &Analysis) -> NoteView {
    // Briefing pages live in `briefings/`, one folder below the root.
    let root = "../";
    let annotations = super::annotations_from(&n.mentions, &n.timexes, &analysis.registry, root);
    let body = crate::markup::markdown::render_annotated(
        &super::note_markdown(&n.note, &analysis.registry, root),
        &annotations,
    );
    let stem = n
        .note
        .path
        .rsplit('/')
        .next()
        .unwrap_or(&n.note.path)
        .trim_end_matches(".md");
    NoteView {
        title: n.note.title.clone(),
        anchor: format!("note-{}", super::slug(stem)),
        author: n.note.author.clone(),
        tags: n.note.tags.clone(),
        date: n.note.date.map(day_view),
        source_path: n.note.path.clone(),
        body,
    }
}

#[cfg(test)]
mod tests;
