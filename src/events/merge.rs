//! Merging: reports of one event, within and across articles, become one
//! event listing every source; analysts' curated events join the reports
//! they match and override them.
//!
//! Near-linear by construction: each mention is compared only with the
//! clusters filed under one of its (participant, month) keys — a blocking
//! index — never with every other mention. A mention joins the best
//! compatible cluster or starts a new one; order is fixed (by date, then
//! article, then position) so the result is deterministic.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, Days, NaiveDate};

use super::title::{short_name, title, TitleParts};
use super::{CuratedEvent, EventMention};
use crate::corpus::diagnostics::Diagnostic;
use crate::corpus::DateInterval;
use crate::corpus::{ActorKind, Registry};
use crate::corpus::{DateBasis, Event, EventDate, EventKind, EventSource, EventStatus};

/// A "reported on" date only bounds the event: it happened on or shortly
/// before publication. News of the week is the common case.
const REPORTED_ON_WINDOW_DAYS: u64 = 7;
/// Two day-precise dates this close, with the same people, are one event
/// told differently (time zones, "yesterday" misread) — kept as a conflict.
const DATE_SLACK_DAYS: i64 = 2;

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
    (events, diagnostics, stats)
}

fn order_key(m: &EventMention) -> (bool, i64, Option<NaiveDate>, String, usize) {
    let span = m
        .date
        .as_ref()
        .map(|d| (d.interval.end - d.interval.start).num_days())
        .unwrap_or(i64::MAX);
    (
        m.date.is_none(),
        span,
        m.date.as_ref().map(|d| d.interval.start),
        m.article.clone(),
        m.sources.first().map(|s| s.start).unwrap_or(0),
    )
}

/// The interval a mention's event may lie in.
fn effective_interval(
    date: Option<&EventDate>,
    published: Option<NaiveDate>,
) -> Option<DateInterval> {
    let d = date?;
    if d.basis == DateBasis::ReportedOn {
        let end = published.unwrap_or(d.interval.end);
        let start = end
            .checked_sub_days(Days::new(REPORTED_ON_WINDOW_DAYS))
            .unwrap_or(end);
        return Some(DateInterval { start, end });
    }
    Some(d.interval)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Bucket {
    Month(i32),
    Year(i32),
    Undated,
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// Where a cluster is filed: the months its (slightly widened) interval
/// touches, or its years when it is coarser than a quarter.
fn own_buckets(window: Option<DateInterval>) -> Vec<Bucket> {
    let Some(w) = window else {
        return vec![Bucket::Undated];
    };
    let slack = Days::new(DATE_SLACK_DAYS as u64);
    let start = w.start.checked_sub_days(slack).unwrap_or(w.start);
    let end = w.end.checked_add_days(slack).unwrap_or(w.end);
    let (a, b) = (month_index(start), month_index(end));
    if b - a <= 3 {
        (a..=b).map(Bucket::Month).collect()
    } else if end.year() - start.year() <= 3 {
        (start.year()..=end.year()).map(Bucket::Year).collect()
    } else {
        vec![Bucket::Undated]
    }
}

/// Where to look for clusters a mention may join: its own buckets, the
/// coarser buckets containing them, and (for coarse mentions) the months of
/// their years. A bounded number of keys per mention.
fn probe_buckets(window: Option<DateInterval>) -> Vec<Bucket> {
    let own = own_buckets(window);
    let mut out: BTreeSet<Bucket> = own.iter().copied().collect();
    for b in &own {
        match *b {
            Bucket::Month(m) => {
                out.insert(Bucket::Year(m.div_euclid(12)));
            }
            Bucket::Year(y) => {
                out.extend((y * 12..y * 12 + 12).map(Bucket::Month));
            }
            Bucket::Undated => {}
        }
    }
    out.insert(Bucket::Undated);
    out.into_iter().collect()
}

struct Cluster {
    members: Vec<usize>,
    family: u8,
    status: EventStatus,
    participants: BTreeSet<String>,
    window: Option<DateInterval>,
    /// Day-precise explicit dates seen, to spot conflicts.
    places: BTreeSet<String>,
    objects: Vec<String>,
}

impl Cluster {
    fn new(mi: usize, m: &EventMention, window: Option<DateInterval>) -> Self {
        let mut c = Cluster {
            members: Vec::new(),
            family: m.kind.family(),
            status: m.status,
            participants: BTreeSet::new(),
            window: None,
            places: BTreeSet::new(),
            objects: Vec::new(),
        };
        c.add(mi, m, window);
        c
    }

    fn add(&mut self, mi: usize, m: &EventMention, window: Option<DateInterval>) {
        self.members.push(mi);
        if m.status == EventStatus::Reported {
            self.status = EventStatus::Reported;
        }
        self.participants.extend(m.participants.iter().cloned());
        // The cluster's window narrows to what all its dated reports allow.
        self.window = match (self.window, window) {
            (None, w) => w,
            (w, None) => w,
            (Some(a), Some(b)) => {
                let start = a.start.max(b.start);
                let end = a.end.min(b.end);
                if start <= end {
                    Some(DateInterval { start, end })
                } else {
                    Some(a)
                }
            }
        };
        if let Some(p) = &m.place {
            self.places.insert(p.clone());
        }
        if let Some(o) = &m.object {
            self.objects.push(o.clone());
        }
    }
}

fn overlaps(a: DateInterval, b: DateInterval) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn significant_words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3 || w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "the" | "and" | "with" | "from"))
        .collect()
}

/// Whether two places can be the same location: equal, or one inside the
/// other (a city and its country).
fn places_agree(a: &str, b: &str, registry: &Registry) -> bool {
    if a == b {
        return true;
    }
    let inside = |x: &str, y: &str| registry.get(x).and_then(|p| p.country.as_deref()) == Some(y);
    inside(a, b) || inside(b, a)
}

/// None when the mention cannot be part of the cluster; otherwise a score
/// (higher is a better fit).
fn compatibility(
    m: &EventMention,
    window: Option<DateInterval>,
    c: &Cluster,
    registry: &Registry,
) -> Option<i64> {
    if m.kind.family() != c.family {
        return None;
    }
    // A visit announced for dates that a later report says it happened on
    // is one event: the plan is an earlier report of it. Only with both
    // dates known and overlapping; history never mixes with news.
    if m.status != c.status {
        let plan_and_report = matches!(
            (m.status, c.status),
            (EventStatus::Planned, EventStatus::Reported)
                | (EventStatus::Reported, EventStatus::Planned)
        );
        let dates_meet = matches!((window, c.window), (Some(a), Some(b)) if overlaps(a, b));
        if !(plan_and_report && dates_meet) {
            return None;
        }
    }
    let shared = m
        .participants
        .iter()
        .filter(|p| c.participants.contains(*p))
        .count();
    if shared == 0 {
        return None;
    }
    let subset = shared == m.participants.len() || shared == c.participants.len();
    if !subset && shared < 2 {
        return None;
    }
    let mut strong_date = false;
    match (window, c.window) {
        (Some(a), Some(b)) if overlaps(a, b) => strong_date = true,
        (Some(a), Some(b)) => {
            let gap = (a.start - b.end)
                .num_days()
                .max((b.start - a.end).num_days());
            if !(gap <= DATE_SLACK_DAYS && shared >= 2) {
                return None;
            }
        }
        _ => {}
    }
    // Different things visited or signed are different events.
    if let (Some(o), false) = (&m.object, c.objects.is_empty()) {
        if m.kind != EventKind::Banquet {
            let mine = significant_words(o);
            if !c
                .objects
                .iter()
                .any(|co| !significant_words(co).is_disjoint(&mine))
            {
                return None;
            }
        }
    }
    let mut place_score = 0;
    if let Some(p) = &m.place {
        if c.places.iter().any(|cp| places_agree(p, cp, registry)) {
            place_score = 1;
        } else if !(c.places.is_empty() || strong_date && shared >= 2) {
            return None;
        }
    }
    Some(shared as i64 * 10 + place_score + i64::from(strong_date) * 5)
}

fn curated_matches(c: &CuratedEvent, window: Option<DateInterval>, cluster: &Cluster) -> bool {
    if c.kind.family() != cluster.family {
        return false;
    }
    if let (Some(a), Some(b)) = (window, cluster.window) {
        if !overlaps(a, b) {
            return false;
        }
    }
    if c.participants.is_empty() {
        return true;
    }
    c.participants
        .iter()
        .any(|p| cluster.participants.contains(p))
}

struct Draft {
    event: Event,
    first_source: Option<(String, usize)>,
}

impl Draft {
    fn sort_key(&self) -> (Option<NaiveDate>, String, Option<(String, usize)>) {
        (
            self.event.date.as_ref().map(|d| d.interval.start),
            self.event.title.clone(),
            self.first_source.clone(),
        )
    }

    fn slug(&self, registry: &Registry) -> String {
        let date = self
            .event
            .date
            .as_ref()
            .map(|d| d.value.clone())
            .unwrap_or_else(|| "undated".to_string());
        let mut parts = vec![date];
        let names: Vec<String> = self
            .event
            .participants
            .iter()
            .take(2)
            .map(|p| short_name(p, registry))
            .collect();
        parts.extend(names);
        parts.push(self.event.kind.label().to_string());
        slugify(&parts.join(" "))
    }

    fn from_cluster(cluster: &Cluster, mentions: &[EventMention], registry: &Registry) -> Self {
        let members: Vec<&EventMention> = cluster
            .members
            .iter()
            .filter_map(|i| mentions.get(*i))
            .collect();
        Self::build(&members, None, registry)
    }

    fn from_curated(
        c: &CuratedEvent,
        clusters: &[&Cluster],
        mentions: &[EventMention],
        registry: &Registry,
    ) -> Self {
        let members: Vec<&EventMention> = clusters
            .iter()
            .flat_map(|cl| cl.members.iter())
            .filter_map(|i| mentions.get(*i))
            .collect();
        Self::build(&members, Some(c), registry)
    }

    fn build(
        members: &[&EventMention],
        curated: Option<&CuratedEvent>,
        registry: &Registry,
    ) -> Self {
        let mut members: Vec<&EventMention> = members.to_vec();
        members.sort_by(|a, b| {
            (&a.article, a.sources.first().map(|s| s.start))
                .cmp(&(&b.article, b.sources.first().map(|s| s.start)))
        });
        let mut conflicts = Vec::new();

        // Kind: the most reported, ties to the more specific (later) kind.
        let mut kind_counts: BTreeMap<EventKind, usize> = BTreeMap::new();
        for m in &members {
            *kind_counts.entry(m.kind).or_default() += 1;
        }
        let extracted_kind = kind_counts
            .iter()
            .max_by_key(|(k, n)| (**n, **k))
            .map(|(k, _)| *k);

        // Date: the best-founded, then the most precise.
        let rank = |b: DateBasis| match b {
            DateBasis::Curated => 0,
            DateBasis::Explicit => 1,
            DateBasis::Narrative => 2,
            DateBasis::ReportedOn => 3,
        };
        let extracted_date = members
            .iter()
            .filter_map(|m| m.date.as_ref())
            .min_by_key(|d| (rank(d.basis), d.granularity, d.interval.start))
            .cloned();
        let explicit: Vec<(&EventDate, &str)> = members
            .iter()
            .filter_map(|m| m.date.as_ref().map(|d| (d, m.article.as_str())))
            .filter(|(d, _)| d.basis == DateBasis::Explicit)
            .collect();
        let mut date_conflict: BTreeSet<String> = BTreeSet::new();
        for (i, (a, art_a)) in explicit.iter().enumerate() {
            for (b, art_b) in explicit.iter().skip(i + 1).take(8) {
                if !overlaps(a.interval, b.interval) {
                    date_conflict.insert(format!(
                        "sources disagree on the date: {} ({}) vs {} ({})",
                        a.value, art_a, b.value, art_b
                    ));
                }
            }
        }
        conflicts.extend(date_conflict);

        // Place: the most reported; a city beats the country containing it.
        let mut place_counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &members {
            if let Some(p) = &m.place {
                *place_counts.entry(p.as_str()).or_default() += 1;
            }
        }
        let is_place = |p: &str| registry.get(p).is_some_and(|a| a.kind == ActorKind::Place);
        let extracted_place = place_counts
            .iter()
            .max_by_key(|(p, n)| (is_place(p), **n, std::cmp::Reverse(**p)))
            .map(|(p, _)| p.to_string());
        if let Some(chosen) = &extracted_place {
            let mut others: Vec<String> = place_counts
                .keys()
                .filter(|p| !places_agree(p, chosen, registry))
                .map(|p| {
                    let arts: BTreeSet<&str> = members
                        .iter()
                        .filter(|m| m.place.as_deref() == Some(*p))
                        .map(|m| m.article.as_str())
                        .collect();
                    format!(
                        "{} ({})",
                        short_name(p, registry),
                        arts.into_iter().collect::<Vec<_>>().join(", ")
                    )
                })
                .collect();
            if !others.is_empty() {
                others.sort();
                conflicts.push(format!(
                    "sources disagree on the place: {} vs {}",
                    short_name(chosen, registry),
                    others.join(", ")
                ));
            }
        }
        let relation = extracted_place.as_ref().and_then(|p| {
            members
                .iter()
                .find(|m| m.place.as_deref() == Some(p.as_str()))
                .and_then(|m| m.place_relation.clone())
        });

        let mut participants: Vec<String> = Vec::new();
        for m in &members {
            for p in &m.participants {
                if !participants.contains(p) {
                    participants.push(p.clone());
                }
            }
        }
        let mut sources: Vec<EventSource> = Vec::new();
        for m in &members {
            for s in &m.sources {
                if !sources
                    .iter()
                    .any(|x| x.article == s.article && x.start == s.start)
                {
                    sources.push(s.clone());
                }
            }
        }
        sources.sort_by(|a, b| (&a.article, a.start).cmp(&(&b.article, b.start)));
        // Once one source reports it happened, a planned event happened.
        let status = if members.iter().any(|m| m.status == EventStatus::Reported) {
            Some(EventStatus::Reported)
        } else {
            members.first().map(|m| m.status)
        };
        let delegation = members.iter().find_map(|m| m.delegation.clone());
        let object = members.iter().find_map(|m| m.object.clone());
        let first_source = sources.first().map(|s| (s.article.clone(), s.start));

        // Curated facts win.
        let (kind, status, date, place, participants, note, object, relation) = match curated {
            Some(c) => {
                let place = c.place.clone().or(extracted_place);
                let relation = if c.place.is_some() {
                    Some("in".to_string())
                } else {
                    relation
                };
                (
                    c.kind,
                    c.status,
                    c.date.clone().or(extracted_date),
                    place,
                    if c.participants.is_empty() {
                        participants
                    } else {
                        c.participants.clone()
                    },
                    c.note.clone(),
                    c.object.clone().or(object),
                    relation,
                )
            }
            None => (
                extracted_kind.unwrap_or(EventKind::Meeting),
                status.unwrap_or(EventStatus::Reported),
                extracted_date,
                extracted_place,
                participants,
                None,
                object,
                relation,
            ),
        };
        let generated = title(
            &TitleParts {
                kind,
                status,
                participants: &participants,
                delegation: delegation.as_deref(),
                object: object.as_deref(),
                place: place.as_deref(),
                place_relation: relation.as_deref(),
            },
            registry,
        );
        let title = curated.and_then(|c| c.title.clone()).unwrap_or(generated);
        Draft {
            event: Event {
                id: String::new(),
                title,
                kind,
                status,
                date,
                place,
                participants,
                sources,
                conflicts,
                note,
                cameo: kind.cameo(),
                object,
                delegation,
                place_relation: relation,
                curated: curated.is_some(),
            },
            first_source,
        }
    }
}

/// Lower-case ASCII slug: letters and digits joined by single hyphens.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in unicode_normalization::UnicodeNormalization::nfkd(s) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '/' || c == '_' || c == '.')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
