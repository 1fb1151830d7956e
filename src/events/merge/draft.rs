//! One event from its cluster: votes on kind, date and place, conflicts, curated overrides.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::cluster::{overlaps, places_agree, Cluster};
use crate::corpus::{ActorKind, Registry};
use crate::corpus::{DateBasis, Event, EventDate, EventKind, EventSource, EventStatus};
use crate::events::title::{short_name, title, TitleParts};
use crate::events::{CuratedEvent, EventMention};

pub(super) struct Draft {
    pub(super) event: Event,
    first_source: Option<(String, usize)>,
}

impl Draft {
    pub(super) fn sort_key(&self) -> (Option<NaiveDate>, String, Option<(String, usize)>) {
        (
            self.event.date.as_ref().map(|d| d.interval.start),
            self.event.title.clone(),
            self.first_source.clone(),
        )
    }

    pub(super) fn slug(&self, registry: &Registry) -> String {
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

    pub(super) fn from_cluster(
        cluster: &Cluster,
        mentions: &[EventMention],
        registry: &Registry,
    ) -> Self {
        let members: Vec<&EventMention> = cluster
            .members
            .iter()
            .filter_map(|i| mentions.get(*i))
            .collect();
        Self::build(&members, None, registry)
    }

    pub(super) fn from_curated(
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

        // Kind: the most reported, ties to the more specific (later) kind;
        // once the event is reported, the words of the reports, not of the
        // plan ("will visit … for talks" then "met").
        let reported = members.iter().any(|m| m.status == EventStatus::Reported);
        let mut kind_counts: BTreeMap<EventKind, usize> = BTreeMap::new();
        for m in members
            .iter()
            .filter(|m| !reported || m.status == EventStatus::Reported)
        {
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
        // Once one source reports it happened, a planned event happened;
        // a plan reported cancelled did not.
        let status = if members.iter().any(|m| m.status == EventStatus::Reported) {
            Some(EventStatus::Reported)
        } else if members.iter().any(|m| m.status == EventStatus::NotHappened) {
            Some(EventStatus::NotHappened)
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
                summit_of_leaders(
                    extracted_kind.unwrap_or(EventKind::Meeting),
                    &participants,
                    registry,
                ),
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
        let outlets: Vec<String> = members
            .iter()
            .filter_map(|m| m.outlet.clone())
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect();
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
                trip: None,
                outlets,
            },
            first_source,
        }
    }
}

/// A summit is a meeting of heads of state or government: a "summit" of
/// ministers, or of anyone the knowledge base gives roles none of which
/// leads a state, is a meeting. People with no known roles are given the
/// benefit of the doubt.
fn summit_of_leaders(kind: EventKind, participants: &[String], registry: &Registry) -> EventKind {
    if kind != EventKind::Summit {
        return kind;
    }
    let not_a_leader = participants.iter().any(|p| {
        registry.get(p).is_some_and(|a| {
            a.kind == ActorKind::Person
                && !a.roles.is_empty()
                && !a.roles.iter().any(|r| is_head_role(&r.title))
        })
    });
    if not_a_leader {
        EventKind::Meeting
    } else {
        kind
    }
}

/// President, prime minister, premier, chancellor, monarch, party leader
/// ruling a state, chairman of state affairs — not vice-presidents.
fn is_head_role(title: &str) -> bool {
    let t = title.to_lowercase();
    if t.contains("vice") || t.contains("deputy") || t.contains("first lady") {
        return false;
    }
    [
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emperor",
        "emir",
        "sultan",
        "supreme leader",
        "head of state",
        "head of government",
        "general secretary",
        "state affairs",
        "leader",
    ]
    .iter()
    .any(|h| t.contains(h))
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
