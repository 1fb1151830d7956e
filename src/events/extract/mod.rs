//! Event extraction: one pass over an article's sentences, finding trigger
//! words ("met", "held talks", "visited", "laid flowers", "summit" …) and
//! filling each event's participants, place, date and status from the
//! sentence and, where the sentence is silent, from the article around it.
//!
//! Rules, not a model: every decision below can be read and argued with,
//! and each one is written for news prose in general, not for one article.
//!
//! This file holds the driver, which walks the sentences and carries what
//! the article said so far; each step of filling an event is a file:
//! `triggers`, `modality`, `object`, `participants`, `reference` (triggers
//! that refer back to an event already reported), `place` and `date`.

mod date;
mod modality;
mod object;
mod participants;
mod place;
mod reference;
mod triggers;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::corpus::AnalysedArticle;
use crate::corpus::Timex;
use crate::corpus::{ActorKind, Mention, Registry};
use crate::corpus::{DateBasis, EventDate, EventKind, EventSource, EventStatus};
use crate::lang::Sentence;

use date::dates_and_status;
use modality::{did_not_happen, planned_in_words, reports_no_event};
use object::object_of;
use participants::{lead_delegation, led_by, missing_sides, named_participants};
use place::place_of;
use reference::{adds_signatories, refers_back};
use triggers::{find_triggers, noun_use, Trigger};

/// One report of an event in one article, before merging.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMention {
    pub article: String,
    pub kind: EventKind,
    pub status: EventStatus,
    /// Actor ids: the acting side first. A delegation named without its
    /// members is represented by its country or organization.
    pub participants: Vec<String>,
    /// "Russian delegation" when a side is named only as a delegation.
    pub delegation: Option<String>,
    pub place: Option<String>,
    pub place_relation: Option<String>,
    pub date: Option<EventDate>,
    /// What was visited, inspected, signed or honoured.
    pub object: Option<String>,
    /// The word that reported the event, as written.
    pub trigger: String,
    /// The sentences reporting it: the first one found it, later ones
    /// referred back to it ("the meeting", "today's negotiations").
    pub sources: Vec<EventSource>,
    /// The article's publication date, which bounds a "reported on" date.
    pub published: Option<NaiveDate>,
    /// Who published the article, for "N reports in M articles from K outlets".
    pub outlet: Option<String>,
}

/// One trigger in its sentence: what the steps read to fill its event.
struct Site<'s> {
    /// The article's text; every range is a byte range into it.
    text: &'s str,
    sentence: &'s Sentence,
    sentence_text: &'s str,
    /// The trigger's span.
    range: &'s Range<usize>,
    trigger: &'s Trigger,
    trigger_text: &'s str,
    /// The sentence up to the trigger.
    before: &'s str,
    /// From where the previous trigger (or its object) ended to this one.
    window_before: &'s str,
    previous_end: usize,
    /// Where the next trigger starts, or the sentence ends.
    next_start: usize,
    /// Used as a noun ("the visit of …", "his arrival").
    nounish: bool,
    /// A noun that refers back to something said ("the talks").
    is_definite: bool,
    mentions: &'s [&'s Mention],
    places: &'s [(usize, String, Option<String>, Range<usize>)],
    timexes: &'s [&'s Timex],
}

/// Finds the events reported in one article.
pub fn extract(article: &AnalysedArticle, registry: &Registry) -> Vec<EventMention> {
    let text = article.article.text.as_str();
    let ctx = Context::new(article, registry);
    let mut out: Vec<EventMention> = Vec::new();
    // Persons who were the subject of recent sentences, most recent last:
    // "Goremykin noted … The Russian delegation also visited …".
    let mut recent_subjects: Vec<String> = Vec::new();
    let mut narrative: Option<EventDate> = None;
    // The person leading the last delegation introduced ("a delegation led
    // by Yevkurov"), for later sentences that say only "the delegation".
    let mut delegation_leader: Option<String> = None;
    // The date of the last planned event: an undated plan in the sentences
    // that follow ("Lavrov is set to hold talks …") is part of that trip.
    let mut planned_narrative: Option<EventDate> = None;
    // The date of the event the text spoke of last (found or referred back
    // to): "on the same day" means that event's day, not the last date
    // written ("The delegation arrived on March 19. At the talks … the same
    // day").
    let mut last_event_date: Option<EventDate> = None;

    for sentence in &article.sentences {
        let Some(sentence_text) = text.get(sentence.range()) else {
            continue;
        };
        let mentions = ctx.mentions_in(sentence.range());
        let timexes = ctx.timexes_in(sentence.range());
        let mut places = ctx.places_in(text, &mentions);
        places.extend(ctx.venues_in(text, sentence.range()));
        places.sort_by_key(|p| (p.3.start, p.3.end));
        let triggers = find_triggers(sentence_text, sentence.start);

        let mut sentence_subject: Option<String> = None;
        let mut previous_end = sentence.start;
        let mut previous_subject: Option<Vec<String>> = None;
        for (index, (range, trigger)) in triggers.iter().enumerate() {
            let next_start = triggers
                .get(index + 1)
                .map(|(r, _)| r.start)
                .unwrap_or(sentence.end);
            let before = text.get(sentence.start..range.start).unwrap_or("");
            let window_before = text
                .get(previous_end.max(sentence.start)..range.start)
                .unwrap_or("");
            let trigger_text = text.get(range.clone()).unwrap_or("");
            let (nounish, is_definite) = noun_use(trigger, trigger_text, before);
            let site = Site {
                text,
                sentence,
                sentence_text,
                range,
                trigger,
                trigger_text,
                before,
                window_before,
                previous_end,
                next_start,
                nounish,
                is_definite,
                mentions: &mentions,
                places: &places,
                timexes: &timexes,
            };
            if reports_no_event(&ctx, &site) {
                previous_end = range.end;
                continue;
            }
            let object = object_of(&site);
            let object_end = object.as_ref().map(|(r, _)| r.end).unwrap_or(range.end);

            // Participants.
            let delegation = ctx.delegation_near(text, sentence.range(), range.clone());
            let (mut participants, named_persons) = named_participants(
                &ctx,
                &site,
                &delegation,
                &sentence_subject,
                &delegation_leader,
                &previous_subject,
            );

            // "The document was signed by Kozlov and Yun Jong Ho": the
            // signatories of the agreement just reported.
            if adds_signatories(&ctx, &site, &participants, &mut out) {
                previous_end = object_end;
                continue;
            }

            // Refers back to an event this article already reported?
            if refers_back(
                &ctx,
                &site,
                &participants,
                named_persons,
                &delegation,
                &mut out,
                &mut last_event_date,
            ) {
                previous_end = object_end;
                continue;
            }

            // A carried-over subject for a sentence that names no actor,
            // or names only the other side of an encounter.
            let planned_by_words = planned_in_words(&site);
            lead_delegation(
                &ctx,
                &delegation,
                named_persons,
                planned_by_words,
                &recent_subjects,
                &mut participants,
            );
            // "The two presidents then signed": the sides of the last
            // encounter the article reported — the event this one
            // elaborates, whose date it takes when it has none of its own.
            let mut elaborates: Option<EventDate> = None;
            if trigger.kind.is_encounter()
                && participants.len() < 2
                && BOTH_SIDES_BEFORE.is_match(tail(window_before, 60))
            {
                if let Some(last) = out.iter().rev().find(|e| e.kind.is_encounter()) {
                    participants = last.participants.clone();
                    elaborates = last
                        .date
                        .clone()
                        .filter(|_| last.status == EventStatus::Reported);
                }
            }
            if missing_sides(
                &site,
                &delegation_leader,
                &recent_subjects,
                &mut participants,
            ) {
                previous_end = object_end;
                continue;
            }
            if trigger.kind == EventKind::Signing && object.is_none() {
                previous_end = object_end;
                continue;
            }
            if sentence_subject.is_none() {
                sentence_subject = participants.first().cloned();
            }
            previous_subject = Some(
                participants
                    .iter()
                    .take(named_persons.max(1))
                    .cloned()
                    .collect(),
            );

            // Date and status.
            let mut dated = dates_and_status(
                &ctx,
                &site,
                planned_by_words,
                &planned_narrative,
                &last_event_date,
                &narrative,
            );
            if let (Some(d), [(Some(own), EventStatus::Reported)]) = (&elaborates, dated.as_slice())
            {
                if matches!(own.basis, DateBasis::Narrative | DateBasis::ReportedOn) {
                    let mut d = d.clone();
                    if d.basis == DateBasis::Explicit {
                        d.basis = DateBasis::Narrative;
                    }
                    dated = vec![(Some(d), EventStatus::Reported)];
                }
            }

            // Place: the clause's own, else that of this article's last
            // event of one of its participants, of the same status (a
            // plan's or history's place is not today's).
            let status = dated.first().map(|(_, s)| *s);
            // The last few events only: a bounded look back keeps a huge
            // article linear.
            let carried = out
                .iter()
                .rev()
                .take(CARRY_BACK)
                .filter(|e| Some(e.status) == status && e.place.is_some())
                .find(|e| e.participants.iter().any(|p| participants.contains(p)))
                .and_then(|e| {
                    let relation = e
                        .place_relation
                        .as_deref()
                        .filter(|r| matches!(*r, "near" | "outside"))
                        .unwrap_or("in");
                    Some((e.place.clone()?, relation.to_string()))
                });
            let (place, relation) = place_of(&ctx, &site, carried, &participants);

            // Denied or cancelled: an event of its own that did not happen.
            let denied = did_not_happen(&site);
            for (date, status) in dated {
                let status = if denied {
                    EventStatus::NotHappened
                } else {
                    status
                };
                if status == EventStatus::Planned && date.is_some() {
                    planned_narrative = date.clone();
                }
                if date.is_some() {
                    last_event_date = date.clone();
                }
                out.push(EventMention {
                    article: article.article.id.clone(),
                    kind: trigger.kind,
                    status,
                    participants: participants.clone(),
                    delegation: delegation.as_ref().map(|(label, _, _)| label.clone()),
                    place: place.clone(),
                    place_relation: relation.clone(),
                    date,
                    object: object.as_ref().map(|(_, o)| o.clone()),
                    trigger: text.get(range.clone()).unwrap_or("").to_string(),
                    sources: vec![ctx.source(text, sentence)],
                    published: article.published,
                    outlet: article.article.outlet.clone(),
                });
            }
            previous_end = object_end;
        }

        // Update the article context for the sentences that follow.
        let subject = sentence_subject.or_else(|| {
            mentions
                .iter()
                .find(|m| ctx.kind(&m.actor) == Some(ActorKind::Person))
                .map(|m| m.actor.clone())
        });
        if let Some(s) = subject {
            recent_subjects.retain(|p| *p != s);
            recent_subjects.push(s);
        }
        if let Some(leader) = led_by(&ctx, sentence, sentence_text, &mentions) {
            delegation_leader = Some(leader);
        }
        if let Some(t) = timexes
            .iter()
            .rfind(|t| ctx.is_narrative_candidate(text, t))
        {
            narrative = ctx.explicit(t).map(|mut d| {
                d.basis = DateBasis::Narrative;
                d
            });
        }
    }
    out
}

/// How many of the article's latest events a place may be carried from.
const CARRY_BACK: usize = 32;

// Regexes read by more than one step.

/// "of the", "by": the agent of a noun trigger follows it.
static OF_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:of|by|from)\s+(?:the\s+)?").expect("valid regex"));

/// Between a trigger and a date these words mean the date belongs to another
/// clause ("the monument, dedicated to the liberation … in 1945", "the war
/// that lasted from 1950-1953", "since he began governing in 2011").
/// ", while …" and ", (two days) after …" open another clause too ("met Kim
/// on Wednesday, weeks after troops fought near Kursk").
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:dedicated|built|erected|founded|established|which|who|where)\b|\b(?:which|that|who|whose|since|anniversary|when|while|whereas)\b|,\s*(?:[\w-]+\s+){0,2}(?:after|before)\b|[;:–—]")
        .expect("valid regex")
});

/// A relative clause closed by a comma: "Lavrov, who is paying a visit to
/// the DPRK, in Wonsan on July 12" — the date belongs to the main clause.
static CLOSED_RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),\s*(?:who|which)\b[^,;:]*,").expect("valid regex"));

/// "the two presidents", "both sides": the sides already named.
static BOTH_SIDES_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the\s+two|both)\s+(?:[\w-]+\s+)?(?:presidents|leaders|sides|ministers|premiers|heads\s+of\s+state|delegations|men|women|governments|parties|countries)\s+(?:[\w-]+\s+){0,2}$")
        .expect("valid regex")
});

static PASSIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:be|is|are|was|were|been|being)\s+(?:\w+ly\s+)?$").expect("valid regex")
});

fn push_unique(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|p| p == id) {
        list.push(id.to_string());
    }
}

/// The last `n` bytes of `s`, cut at a char boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    s.get(start..).unwrap_or("")
}

fn tail_start(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// Per-article lookups shared by every sentence.
struct Context<'a> {
    article: &'a AnalysedArticle,
    registry: &'a Registry,
    /// Mentions sorted by start.
    mentions: Vec<&'a Mention>,
    visit_place: Option<String>,
    /// The people named in the sentence of that visit: its place is theirs
    /// (anyone's when it names none: "The delegation arrived in …").
    visit_people: Vec<String>,
    dateline: Option<Range<usize>>,
    countries: BTreeMap<String, String>,
}

static VISIT_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:arrived|arrives|arrival|visit|visiting|visited|trip|tour|delegation|stay)\s+(?:\w+\s+){0,4}?(?:in|to|at)\s+(?:the\s+)?$")
        .expect("valid regex")
});

impl<'a> Context<'a> {
    fn new(article: &'a AnalysedArticle, registry: &'a Registry) -> Self {
        let mut mentions: Vec<&Mention> = article.actors.mentions.iter().collect();
        mentions.sort_by_key(|m| (m.start, m.end));
        let mut countries = BTreeMap::new();
        for actor in &registry.actors {
            if matches!(actor.kind, ActorKind::Country | ActorKind::Organization) {
                for name in std::iter::once(&actor.name).chain(actor.aliases.iter()) {
                    countries
                        .entry(name.to_lowercase())
                        .or_insert_with(|| actor.id.clone());
                }
            }
        }
        let text = article.article.text.as_str();
        let mut ctx = Context {
            article,
            registry,
            mentions,
            visit_place: None,
            visit_people: Vec::new(),
            dateline: article.article.dateline.as_ref().map(|d| d.span.clone()),
            countries,
        };
        // The visit the article is about: "arrived in the DPRK", "a visit to
        // Pyongyang", "leading a delegation in North Korea".
        let visit = ctx
            .mentions
            .iter()
            .filter(|m| {
                matches!(
                    ctx.kind(&m.actor),
                    Some(ActorKind::Place | ActorKind::Country)
                )
            })
            .find(|m| VISIT_CONTEXT.is_match(tail(text.get(..m.start).unwrap_or(""), 60)));
        if let Some(m) = visit {
            ctx.visit_place = Some(m.actor.clone());
            if let Some(s) = article
                .sentences
                .iter()
                .find(|s| s.range().contains(&m.start))
            {
                ctx.visit_people = ctx
                    .mentions_in(s.range())
                    .iter()
                    .filter(|p| ctx.kind(&p.actor) == Some(ActorKind::Person))
                    .map(|p| p.actor.clone())
                    .collect();
            }
        }
        ctx
    }

    fn kind(&self, id: &str) -> Option<ActorKind> {
        self.registry.get(id).map(|a| a.kind)
    }

    fn country_of(&self, id: &str) -> Option<&str> {
        self.registry.get(id).and_then(|a| a.country.as_deref())
    }

    fn mentions_in(&self, range: Range<usize>) -> Vec<&'a Mention> {
        let first = self.mentions.partition_point(|m| m.start < range.start);
        self.mentions[first..]
            .iter()
            .copied()
            .take_while(|m| m.start < range.end)
            .filter(|m| m.end <= range.end)
            .collect()
    }

    fn timexes_in(&self, range: Range<usize>) -> Vec<&'a Timex> {
        self.article
            .timexes
            .iter()
            .filter(|t| t.start >= range.start && t.end <= range.end)
            .collect()
    }

    fn source(&self, text: &str, sentence: &Sentence) -> EventSource {
        EventSource {
            article: self.article.article.id.clone(),
            sentence: text.get(sentence.range()).unwrap_or("").to_string(),
            start: sentence.start,
            end: sentence.end,
        }
    }
}
