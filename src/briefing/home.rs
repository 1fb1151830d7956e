//! The home page (period covered, key events and people, latest articles)
//! and the sources page (articles grouped by outlet).

use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::*;

/// How many items the home page lists in each section.
const HOME_KEY_EVENTS: usize = 8;
const HOME_KEY_PEOPLE: usize = 10;
const HOME_LATEST_ARTICLES: usize = 10;
const HOME_UPCOMING: usize = 10;

pub(super) fn build_outlets(
    articles: &[AnalysedArticle],
    refs: &BTreeMap<&str, ArticleRef>,
) -> Vec<Outlet> {
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
            url: urls::outlet_url(a.article.outlet.as_deref()),
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

pub(super) fn build_home(
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

    // The latest planned events, in timeline order (the timeline has all).
    let planned: Vec<&&Event> = ordered
        .iter()
        .filter(|e| e.status == EventStatus::Planned)
        .collect();
    let upcoming_total = planned.len();
    let upcoming: Vec<EventRef> = planned
        .into_iter()
        .skip(upcoming_total.saturating_sub(HOME_UPCOMING))
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
        upcoming_total,
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
