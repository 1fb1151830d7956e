//! Merging: reports of one event, within and across articles, become one
//! event listing every source; analysts' curated events join the reports
//! they match and override them.
//!
//! Near-linear by construction: each mention is compared only with the
//! clusters filed under one of its (participant, month) keys — a blocking
//! index — never with every other mention. A mention joins the best
//! compatible cluster or starts a new one; order is fixed (by date, then
//! article, then position) so the result is deterministic.

mod cluster;
mod draft;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{CuratedEvent, EventMention};
use crate::corpus::diagnostics::Diagnostic;
use crate::corpus::{ActorKind, Event, EventKind, EventStatus, Registry};

use cluster::{compatibility, curated_matches, effective_interval, order_key};
use cluster::{own_buckets, probe_buckets, Bucket, Cluster};
pub use draft::slugify;
use draft::Draft;

/// Counters for tests and for `dossier check` to prove the merge stays
/// near-linear.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MergeStats {
    pub mentions: usize,
    /// Mention–cluster compatibility checks performed.
    pub comparisons: usize,
    pub clusters: usize,
}

/// Merges the mentions of all articles and the curated events into events.
pub fn merge(
    mentions: Vec<EventMention>,
    curated: Vec<CuratedEvent>,
    registry: &Registry,
) -> (Vec<Event>, Vec<Diagnostic>) {
    let (events, diagnostics, _) = merge_with_stats(mentions, curated, registry);
    (events, diagnostics)
}

/// [`merge`], also returning how much work it did.
pub fn merge_with_stats(
    mut mentions: Vec<EventMention>,
    curated: Vec<CuratedEvent>,
    registry: &Registry,
) -> (Vec<Event>, Vec<Diagnostic>, MergeStats) {
    // Precise, dated reports first: coarse and undated ones then join them.
    mentions.sort_by_key(order_key);
    let mut stats = MergeStats {
        mentions: mentions.len(),
        ..MergeStats::default()
    };
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index: HashMap<(String, Bucket), Vec<usize>> = HashMap::new();
    let mut by_article: HashMap<String, Vec<usize>> = HashMap::new();

    for (mi, m) in mentions.iter().enumerate() {
        let window = effective_interval(m.date.as_ref(), m.published);
        let mut candidates: Vec<usize> = Vec::new();
        for p in &m.participants {
            for b in probe_buckets(window) {
                if let Some(list) = index.get(&(p.clone(), b)) {
                    candidates.extend(list.iter().copied());
                }
            }
        }
        if window.is_none() {
            // Undated ("upcoming visits"): only reports of the same article.
            if let Some(list) = by_article.get(&m.article) {
                candidates.extend(list.iter().copied());
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(i64, usize)> = None;
        for ci in candidates {
            stats.comparisons += 1;
            if let Some(score) = compatibility(m, window, &clusters[ci], registry) {
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, ci));
                }
            }
        }
        let ci = match best {
            Some((_, ci)) => {
                clusters[ci].add(mi, m, window);
                ci
            }
            None => {
                clusters.push(Cluster::new(mi, m, window));
                clusters.len() - 1
            }
        };
        for p in &m.participants {
            for b in own_buckets(window) {
                let list = index.entry((p.clone(), b)).or_default();
                if !list.contains(&ci) {
                    list.push(ci);
                }
            }
        }
        let list = by_article.entry(m.article.clone()).or_default();
        if !list.contains(&ci) {
            list.push(ci);
        }
    }

    let mut diagnostics = Vec::new();
    // Curated events: claim the clusters they match.
    let mut claimed: Vec<Option<usize>> = vec![None; clusters.len()];
    for (k, c) in curated.iter().enumerate() {
        let window = c.date.as_ref().map(|d| d.interval);
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for p in &c.participants {
            for b in probe_buckets(window) {
                if let Some(list) = index.get(&(p.clone(), b)) {
                    candidates.extend(list.iter().copied());
                }
            }
        }
        for a in &c.sources {
            if let Some(list) = by_article.get(a) {
                candidates.extend(list.iter().copied());
            }
        }
        let mut matched = 0;
        for ci in candidates {
            stats.comparisons += 1;
            if claimed[ci].is_some() {
                continue;
            }
            if curated_matches(c, window, &clusters[ci]) {
                claimed[ci] = Some(k);
                matched += 1;
            }
        }
        if matched == 0 {
            diagnostics.push(
                Diagnostic::note(
                    "curated-event-unmatched",
                    "curated event matches no reported event; it is listed on its own",
                )
                .in_file(&c.file)
                .at_line(c.line),
            );
        }
    }

    // Build events: clusters not claimed stand alone; claimed clusters are
    // folded into their curated event.
    let mut drafts: Vec<Draft> = Vec::new();
    for (ci, cluster) in clusters.iter().enumerate() {
        if claimed[ci].is_none() {
            drafts.push(Draft::from_cluster(cluster, &mentions, registry));
        }
    }
    for (k, c) in curated.iter().enumerate() {
        let members: Vec<&Cluster> = clusters
            .iter()
            .enumerate()
            .filter(|(ci, _)| claimed[*ci] == Some(k))
            .map(|(_, cl)| cl)
            .collect();
        drafts.push(Draft::from_curated(c, &members, &mentions, registry));
    }
    stats.clusters = clusters.len();

    // Deterministic order and ids.
    drafts.sort_by_key(Draft::sort_key);
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let mut events = Vec::with_capacity(drafts.len());
    for d in drafts {
        let base = d.slug(registry);
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        for conflict in &d.event.conflicts {
            diagnostics.push(Diagnostic::warning(
                "event-conflict",
                format!("event {id}: {conflict}"),
            ));
        }
        let mut event = d.event;
        event.id = id;
        events.push(event);
    }
    link_trips(&mut events, registry);
    (events, diagnostics, stats)
}

/// Trips: the events of one journey abroad share the id of its first event
/// as their `trip`. A person's events reported by one article, in a country
/// not their own, are one trip when one of them is a visit ("arrived in
/// Kuala Lumpur … held talks with Anwar … met Prabowo in Bogor"). One pass
/// over the events with a map keyed by (person, article, status): linear.
fn link_trips(events: &mut [Event], registry: &Registry) {
    let mut parent: Vec<usize> = (0..events.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: HashMap<(&str, &str, EventStatus), usize> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if e.status == EventStatus::Background {
            continue;
        }
        let Some(place) = e.place.as_deref().and_then(|p| registry.get(p)) else {
            continue;
        };
        let place_country = match place.kind {
            ActorKind::Country => Some(place.id.as_str()),
            _ => place.country.as_deref(),
        };
        let Some(place_country) = place_country else {
            continue;
        };
        for p in &e.participants {
            let Some(person) = registry.get(p).filter(|a| a.kind == ActorKind::Person) else {
                continue;
            };
            if person.country.as_deref().is_none_or(|c| c == place_country) {
                continue;
            }
            for s in &e.sources {
                let key = (p.as_str(), s.article.as_str(), e.status);
                match first.get(&key) {
                    Some(&j) => {
                        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                        let (low, high) = (a.min(b), a.max(b));
                        parent[high] = low;
                    }
                    None => {
                        first.insert(key, i);
                    }
                }
            }
        }
    }
    let mut size: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        let root = find(&mut parent, i);
        let entry = size.entry(root).or_insert((0, false));
        entry.0 += 1;
        entry.1 |= e.kind.family() == EventKind::Visit.family();
    }
    let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
    for (i, e) in events.iter_mut().enumerate() {
        let root = find(&mut parent, i);
        if size.get(&root).is_some_and(|(n, visit)| *n > 1 && *visit) {
            e.trip = Some(ids[root].clone());
        }
    }
}
