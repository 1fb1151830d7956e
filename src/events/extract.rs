//! Event extraction: one pass over an article's sentences, finding trigger
//! words ("met", "held talks", "visited", "laid flowers", "summit" …) and
//! filling each event's participants, place, date and status from the
//! sentence and, where the sentence is silent, from the article around it.
//!
//! Rules, not a model: every decision below can be read and argued with,
//! and each one is written for news prose in general, not for one article.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Days, NaiveDate};
use regex::Regex;

use crate::corpus::AnalysedArticle;
use crate::corpus::{ActorKind, Mention, Registry};
use crate::corpus::{DateBasis, EventDate, EventKind, EventSource, EventStatus};
use crate::corpus::{DateInterval, Granularity, Timex, TimexKind, TimexMod};
use crate::lang::Sentence;

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
}

/// Dates more than this far before publication are history, not news.
const BACKGROUND_AFTER_DAYS: u64 = 365;

struct Trigger {
    kind: EventKind,
    /// A noun ("meeting", "visit") rather than a verb: nouns after "the",
    /// "this", "his" … usually refer back to an event already reported.
    noun: bool,
    /// "hosted", "received": only a trigger when no stronger one follows
    /// ("hosted a lunch" is one banquet, not a reception plus a banquet).
    weak: bool,
    /// Whether the words after the trigger name what was visited, signed …
    takes_object: bool,
}

static TRIGGERS: LazyLock<Vec<(Regex, Trigger)>> = LazyLock::new(|| {
    let t = |re: &str, kind, noun, weak, takes_object| {
        (
            Regex::new(&format!("(?i){re}")).expect("trigger regex is valid"),
            Trigger {
                kind,
                noun,
                weak,
                takes_object,
            },
        )
    };
    use EventKind::*;
    vec![
        t(r"\b(?:met|meets|meet)\b", Meeting, false, false, false),
        t(r"\bmeetings?\b", Meeting, true, false, false),
        t(r"\b(?:talks|negotiations)\b", Talks, true, false, false),
        t(r"\bsummits?\b", Summit, true, false, false),
        t(
            r"\b(?:visited|visits|visit|visiting|toured|tours|touring)\b",
            Visit,
            false,
            false,
            true,
        ),
        t(
            r"\b(?:arrived|arrives|arrive|arriving|arrival)\b",
            Visit,
            false,
            false,
            false,
        ),
        t(
            r"\b(?:leads|leading|led|heads|heading|headed)\s+(?:a|the|an|his|her)\s+(?:[\w-]+\s+){0,3}?delegations?\s+(?:in|to)\b",
            Visit,
            false,
            false,
            false,
        ),
        t(r"\breceptions?\b", Reception, true, false, false),
        t(
            r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|accepted)\b",
            Meeting,
            false,
            true,
            false,
        ),
        t(
            r"\b(?:lunch|luncheon|dinner|banquet|breakfast)s?\b",
            Banquet,
            true,
            false,
            false,
        ),
        t(r"\b(?:signed|signs|signing)\b", Signing, false, false, true),
        t(
            r"\b(?:ratified|ratifies|ratify|ratifying|ratification)\b",
            Ratification,
            false,
            false,
            true,
        ),
        t(
            r"\b(?:inspected|inspects|inspect|inspecting|inspection)\b",
            Inspection,
            false,
            false,
            true,
        ),
        t(
            r"\b(?:laid|lay|lays|laying)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?(?:wreaths?|flowers|floral\s+tributes?)\b|\bwreath-laying\b",
            WreathLaying,
            false,
            false,
            true,
        ),
        t(r"\bceremon(?:y|ies)\b", Ceremony, true, false, false),
    ]
});

/// Words before a noun trigger that make it refer back to something said.
static DEFINITE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the|this|that|these|those|such|today's|yesterday's|his|her|their|its)\s+(?:[\w-]+\s+){0,2}$")
        .expect("valid regex")
});

/// Trigger words that are nouns as often as verbs.
static NOUN_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:visit|visits|arrival|inspection|signing|tour|tours)$")
        .expect("valid regex")
});

/// A determiner or possessive right before a word makes it a noun.
static DETERMINER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the|a|an|this|that|these|those|his|her|their|its|today's|upcoming|planned|official|working|state|first|next|[A-Z][\w-]*'s)\s+(?:[\w-]+\s+){0,2}$")
        .expect("valid regex")
});

/// "of the", "by": the agent of a noun trigger follows it.
static OF_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:of|by|from)\s+(?:the\s+)?").expect("valid regex"));

/// Future and intention: the event has not happened yet.
static PLANNED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|shall|set\s+to|expected\s+to|scheduled\s+to|due\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|intending\s+to|is\s+to|are\s+to|upcoming|planned|forthcoming|invited\s+\S+(?:\s+\S+){0,4}\s+to|agreed\s+to|going\s+to)\b",
    )
    .expect("valid regex")
});

/// Hypotheticals, denials and wishes are not events.
static UNREAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:could|might|may|if|whether|not|never|no|hopes?\s+to|wants?\s+to|would\s+like\s+to|ready\s+to|willing\s+to)\b")
        .expect("valid regex")
});

/// Between a trigger and a date these words mean the date belongs to another
/// clause ("the monument, dedicated to the liberation … in 1945", "the war
/// that lasted from 1950-1953", "since he began governing in 2011").
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:dedicated|built|erected|founded|established|which|who|where)\b|\b(?:which|that|who|whose|since|anniversary|when)\b|[;:–—]")
        .expect("valid regex")
});

/// Words that open a subordinate clause.
static SUBORDINATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:since|which|who|whose|when|while|dedicated|anniversary|because)\b")
        .expect("valid regex")
});

/// A date right after a reporting verb is when the news came out, not when
/// the event happened ("state media reported Sunday").
static REPORTING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:reported|said|announced|stated|told|added|wrote|noted|confirmed)\s+(?:on\s+)?$",
    )
    .expect("valid regex")
});

/// A locative right before a place mention.
static LOCATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(in|at|near|outside|to|into|inside|visited|visits|visit|visiting|toured|tours|touring)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){0,2}(?:city|town|port|region|village|capital|province|area|resort)\s+(?:of\s+)?(?:the\s+)?)?$")
        .expect("valid regex")
});

/// "Pyongyang hosted a reception": a city as the host is where it happened.
static HOST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:hosted|hosts|welcomed|received)\b").expect("valid regex")
});

/// "the Russian military delegation", "Russian party and parliamentary
/// delegations", "a DPRK delegation".
static DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:[A-Z][\w'-]*\s+){1,3})(?:(?:and\s+)?(?:military|party|parliamentary|government|governmental|defen[cs]e|official|high-level|high-ranking|naval|army|friendship|business|trade|ministerial|security|economic|cultural|diplomatic|state|working)\s+){0,3}(?:delegations?|delegates)\b")
        .expect("valid regex")
});

/// Where an object noun phrase ends.
static OBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;:.()\x22“”]|\s(?:in|near|at|on|during|where|which|that|who|while|as|after|before|to|for|with|from|since|under|amid|and\s+(?:\w+ed|then|also))\s")
        .expect("valid regex")
});

/// Objects of a signing keep their "on …" ("agreement on strategic partnership").
static SIGNING_OBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;:.()\x22“”]|\s(?:in|at|during|where|which|while|as|after|before|with|amid|and\s+(?:\w+ed|then|also))\s|\son\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)")
        .expect("valid regex")
});

const DEMONYMS: &[(&str, &[&str])] = &[
    ("north korean", &["north korea", "dprk"]),
    ("south korean", &["south korea", "republic of korea"]),
    ("dprk", &["dprk", "north korea"]),
    ("russian", &["russia", "russian federation"]),
    ("chinese", &["china"]),
    ("american", &["united states", "usa"]),
    ("u.s.", &["united states", "usa"]),
    ("us", &["united states", "usa"]),
    ("japanese", &["japan"]),
    ("belarusian", &["belarus"]),
    ("ukrainian", &["ukraine"]),
    ("vietnamese", &["vietnam"]),
    ("lao", &["laos"]),
];

/// Finds the events reported in one article.
pub fn extract(article: &AnalysedArticle, registry: &Registry) -> Vec<EventMention> {
    let text = article.article.text.as_str();
    let ctx = Context::new(article, registry);
    let mut out: Vec<EventMention> = Vec::new();
    // Persons who were the subject of recent sentences, most recent last:
    // "Goremykin noted … The Russian delegation also visited …".
    let mut recent_subjects: Vec<String> = Vec::new();
    let mut narrative: Option<EventDate> = None;
    let mut previous_places: Vec<(usize, String, String)> = Vec::new();
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
        let places = ctx.places_in(text, &mentions);
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
            // "the visit of …", "his arrival": verb-shaped words used as nouns.
            let nounish = trigger.noun
                || (NOUN_FORM.is_match(trigger_text) && DETERMINER_BEFORE.is_match(before));
            let is_definite = nounish && DEFINITE_BEFORE.is_match(before);
            // Negations and modals, except inside a name ("No Kwang Chol").
            let unreal_window = tail(window_before, 40);
            let unreal_offset = range.start - unreal_window.len();
            let unreal = UNREAL_BEFORE.find_iter(unreal_window).any(|w| {
                let at = unreal_offset + w.start();
                !mentions.iter().any(|m| m.start <= at && at < m.end)
            });
            // "Lavrov, who is paying an official visit to the DPRK": the
            // visit in progress is context of the main event, not a report
            // of it (its start is reported by the arrival, elsewhere).
            let ongoing = trigger.kind == EventKind::Visit
                && ONGOING_VISIT_BEFORE.is_match(tail(window_before, 60));
            // MT of Russian "принял" is "accepted" — but not "accepted the
            // invitation".
            let not_received = trigger_text.eq_ignore_ascii_case("accepted")
                && NOT_A_GUEST_AFTER.is_match(tail_start(
                    text.get(range.end..sentence.end).unwrap_or(""),
                    60,
                ));
            if unreal || ongoing || not_received {
                previous_end = range.end;
                continue;
            }
            let object = if trigger.kind == EventKind::Banquet {
                text.get(range.clone())
                    .map(|w| (range.clone(), w.to_lowercase()))
            } else if trigger.takes_object && !nounish {
                object_after(
                    text,
                    range.end,
                    next_start.max(range.end),
                    trigger.kind,
                    &places,
                    &timexes,
                )
            } else {
                None
            };
            let object_end = object.as_ref().map(|(r, _)| r.end).unwrap_or(range.end);

            // Participants.
            let persons: Vec<&Mention> = mentions
                .iter()
                .copied()
                .filter(|m| ctx.kind(&m.actor) == Some(ActorKind::Person))
                .collect();
            let delegation = ctx.delegation_near(text, sentence.range(), range.clone());
            let mut participants: Vec<String> = Vec::new();
            if trigger.kind.is_encounter() {
                // The people named in the trigger's own clause act; the
                // rest of the sentence gives the other side.
                for m in persons
                    .iter()
                    .filter(|m| m.start >= previous_end && m.end <= range.start)
                {
                    push_unique(&mut participants, &m.actor);
                }
                // After the trigger, the other side is named in the same
                // clause: "a resort that Kim Jong Un has promoted" and "…,
                // spokeswoman Maria Zakharova told a briefing" name people
                // who are not at the table.
                let clause_end = text
                    .get(range.end..sentence.end)
                    .and_then(|after| CLAUSE_BREAK.find(after))
                    .map(|m| range.end + m.start())
                    .unwrap_or(sentence.end);
                for m in &persons {
                    let speaker = m.start >= range.end
                        && SPEAKER_AFTER.is_match(text.get(m.end..).unwrap_or(""));
                    if (m.start < range.start || m.end <= clause_end) && !speaker {
                        push_unique(&mut participants, &m.actor);
                    }
                }
                // "Russia and North Korea signed a protocol": states are the
                // parties to an agreement when no signatory is named.
                if participants.is_empty()
                    && matches!(trigger.kind, EventKind::Signing | EventKind::Ratification)
                {
                    for m in mentions.iter().filter(|m| {
                        m.start >= previous_end
                            && m.end <= range.start
                            && ctx.kind(&m.actor) == Some(ActorKind::Country)
                    }) {
                        push_unique(&mut participants, &m.actor);
                    }
                }
            } else {
                // "Lavrov said Russian delegations will visit": the
                // delegation nearer the trigger is the one acting.
                let delegation_start = delegation
                    .as_ref()
                    .map(|(_, _, r)| r.start)
                    .filter(|s| *s >= previous_end && *s < range.start)
                    .unwrap_or(previous_end);
                // "the visit of Belousov", "visits by Russian delegations":
                // the agent follows the noun, and whoever precedes it is
                // only talking about the event.
                // A verb in the passive names its agent the same way: "to be
                // ratified by Russia's parliament" is the parliament's act,
                // whoever the article followed before.
                let passive_voice = !nounish && PASSIVE_BEFORE.is_match(before);
                let after_trigger = text.get(range.end..sentence.end).unwrap_or("");
                let of_agent = if nounish {
                    OF_AFTER.find(after_trigger).map(|m| range.end + m.end())
                } else if passive_voice {
                    BY_AFTER.find(after_trigger).map(|m| range.end + m.end())
                } else {
                    None
                };
                match of_agent {
                    Some(at) => {
                        if let Some(m) = persons.iter().find(|m| m.start == at) {
                            participants.push(m.actor.clone());
                        } else if passive_voice {
                            // An institution as agent stands for its country
                            // or organization ("Russia's parliament").
                            if let Some(m) = mentions.iter().find(|m| {
                                m.start == at
                                    && matches!(
                                        ctx.kind(&m.actor),
                                        Some(ActorKind::Country | ActorKind::Organization)
                                    )
                            }) {
                                participants.push(m.actor.clone());
                            }
                        }
                    }
                    None => {
                        // The subject, and those joined to it by "and";
                        // "Shoigu, a close aide to Putin, arrived" is
                        // Shoigu's arrival.
                        let mut last_end: Option<usize> = None;
                        // "No Kwang Chol said the visit would …": the
                        // speaker is talking about the event, not doing it.
                        for m in persons.iter().filter(|m| {
                            m.start >= delegation_start
                                && m.end <= range.start
                                && !SPEECH_BETWEEN
                                    .is_match(text.get(m.end..range.start).unwrap_or(""))
                        }) {
                            let joined = last_end.is_none_or(|end| {
                                COORDINATION.is_match(text.get(end..m.start).unwrap_or(""))
                            });
                            if !joined {
                                break;
                            }
                            push_unique(&mut participants, &m.actor);
                            last_end = Some(m.end);
                        }
                    }
                }
                // "Lavrov held talks with Choe in Wonsan, where he arrived
                // on Friday": the pronoun is the sentence's subject, not the
                // person named last.
                if of_agent.is_none() && PRONOUN_CLAUSE_BEFORE.is_match(tail(window_before, 60)) {
                    let subject = sentence_subject.clone().or_else(|| {
                        persons
                            .iter()
                            .find(|m| m.end <= range.start)
                            .map(|m| m.actor.clone())
                    });
                    if let Some(subject) = subject {
                        participants = vec![subject];
                    }
                }
                // "The delegation arrived …": the delegation the article
                // introduced, with the person leading it.
                if participants.is_empty()
                    && of_agent.is_none()
                    && BARE_DELEGATION_BEFORE.is_match(tail(window_before, 60))
                {
                    if let Some(leader) = &delegation_leader {
                        participants.push(leader.clone());
                    }
                }
                if participants.is_empty() && of_agent.is_none() {
                    if let Some(prev) = &previous_subject {
                        participants.extend(prev.iter().cloned());
                    }
                }
            }
            let named_persons = participants.len();
            if let Some((label, country, _)) = &delegation {
                if named_persons == 0 || trigger.kind.is_encounter() {
                    if let Some(id) = country {
                        push_unique(&mut participants, id);
                    }
                    let _ = label;
                }
            }
            if participants.is_empty() && delegation.is_none() && !trigger.kind.is_encounter() {
                // Organizations act only when no person or delegation does.
                for m in mentions.iter().filter(|m| {
                    m.start >= previous_end
                        && m.end <= range.start
                        && ctx.kind(&m.actor) == Some(ActorKind::Organization)
                        && !REPORTING_AFTER.is_match(text.get(m.end..range.start).unwrap_or(""))
                }) {
                    push_unique(&mut participants, &m.actor);
                }
            }

            // "The document was signed by Kozlov and Yun Jong Ho": the
            // signatories of the agreement just reported.
            let passive = matches!(trigger.kind, EventKind::Signing | EventKind::Ratification)
                && PASSIVE_BEFORE.is_match(before)
                && OF_AFTER.is_match(text.get(range.end..sentence.end).unwrap_or(""));
            if passive {
                // Ratifying is a later act than signing: only the same kind
                // refers back.
                if let Some(antecedent) = out.iter_mut().rev().find(|e| e.kind == trigger.kind) {
                    let signatories: Vec<&String> = participants
                        .iter()
                        .filter(|p| ctx.kind(p) == Some(ActorKind::Person))
                        .collect();
                    if !signatories.is_empty() {
                        // Named signatories stand for the states.
                        antecedent
                            .participants
                            .retain(|p| ctx.kind(p) == Some(ActorKind::Person));
                        for p in signatories {
                            push_unique(&mut antecedent.participants, p);
                        }
                    }
                    let source = ctx.source(text, sentence);
                    if !antecedent.sources.iter().any(|s| s.start == source.start) {
                        antecedent.sources.push(source);
                    }
                    previous_end = object_end;
                    continue;
                }
            }

            // Refers back to an event this article already reported?
            if is_definite || (trigger.noun && named_persons == 0 && delegation.is_none()) {
                if let Some(antecedent) = out
                    .iter_mut()
                    .rev()
                    .find(|e| e.kind.family() == trigger.kind.family())
                {
                    let shares = participants.is_empty()
                        || named_persons < 2
                        || participants
                            .iter()
                            .any(|p| antecedent.participants.contains(p));
                    if shares {
                        // Who talks about a visit is not on it; only the
                        // sides of an encounter are added from a reference.
                        if trigger.kind.is_encounter() {
                            for p in &participants {
                                push_unique(&mut antecedent.participants, p);
                            }
                        }
                        // "… met Kim. The summit …": the more specific word
                        // for the same event names its kind.
                        if trigger.kind == EventKind::Summit
                            && antecedent.kind == EventKind::Meeting
                        {
                            antecedent.kind = EventKind::Summit;
                        }
                        let source = ctx.source(text, sentence);
                        if !antecedent.sources.iter().any(|s| s.start == source.start) {
                            antecedent.sources.push(source);
                        }
                        if antecedent.date.is_some() {
                            last_event_date = antecedent.date.clone();
                        }
                        previous_end = object_end;
                        continue;
                    }
                } else if named_persons == 0 && delegation.is_none() {
                    previous_end = object_end;
                    continue;
                }
            }

            // A carried-over subject for a sentence that names no actor,
            // or names only the other side of an encounter.
            let planned_by_words = PLANNED_BEFORE.is_match(tail(window_before, 60))
                || (trigger.noun && PLANNED_BEFORE.is_match(tail(before, 30)));
            if let Some((label, Some(country), _)) = &delegation {
                // A singular delegation already on its trip is led by the
                // last person of its country the article followed.
                if named_persons == 0 && !label.ends_with('s') && !planned_by_words {
                    if let Some(leader) = recent_subjects
                        .iter()
                        .rev()
                        .find(|p| ctx.country_of(p) == Some(country.as_str()))
                    {
                        participants.insert(0, leader.clone());
                    }
                }
            }
            let needs = if trigger.kind.is_encounter() { 2 } else { 1 };
            // "arranged a reception for the delegation": the other side is
            // the delegation the article introduced, with its leader.
            if trigger.kind.is_encounter() && participants.len() < needs {
                if let Some(leader) = &delegation_leader {
                    if BARE_DELEGATION.is_match(sentence_text) {
                        push_unique(&mut participants, leader);
                    }
                }
            }
            if participants.len() < needs {
                if let Some(subject) = recent_subjects.last() {
                    if !participants.contains(subject) {
                        participants.insert(0, subject.clone());
                    }
                }
            }
            if participants.len() < needs || (trigger.weak && participants.len() < 2) {
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

            // Place.
            let (place, relation) = choose_place(&places, range.clone(), trigger.kind)
                .or_else(|| {
                    previous_places
                        .iter()
                        .rev()
                        .find(|(p, _, _)| *p == sentence.paragraph)
                        .map(|(_, id, rel)| (id.clone(), rel.clone()))
                })
                .or_else(|| {
                    previous_places
                        .iter()
                        .rev()
                        .find(|(_, id, _)| ctx.kind(id) == Some(ActorKind::Place))
                        .map(|(_, id, rel)| (id.clone(), rel.clone()))
                })
                .or_else(|| ctx.visit_place.clone().map(|p| (p, "in".to_string())))
                .or_else(|| ctx.dateline_place.clone().map(|p| (p, "in".to_string())))
                .map(|(p, r)| (Some(p), Some(r)))
                .unwrap_or((None, None));

            // Date and status.
            let governing = ctx.governing_dates(text, &timexes, range.clone());
            let any_future = governing.iter().any(|t| t.future);
            let planned = planned_by_words || any_future;
            let mut dated: Vec<(Option<EventDate>, EventStatus)> = Vec::new();
            if planned {
                let specific = most_specific(&governing);
                if specific.is_empty() {
                    let date = planned_narrative.clone().map(|mut d| {
                        d.basis = DateBasis::Narrative;
                        d
                    });
                    dated.push((date, EventStatus::Planned));
                }
                for t in specific {
                    dated.push((ctx.explicit(t), EventStatus::Planned));
                }
            } else if let Some(same) = last_event_date
                .as_ref()
                .filter(|_| SAME_DAY.is_match(sentence_text))
            {
                let mut d = same.clone();
                d.basis = DateBasis::Narrative;
                dated.push((Some(d), EventStatus::Reported));
            } else if let Some(t) = nearest(&governing, range.clone()) {
                let status = if ctx.is_background(t) {
                    EventStatus::Background
                } else {
                    EventStatus::Reported
                };
                dated.push((ctx.explicit(t), status));
            } else if let Some(n) = &narrative {
                dated.push((Some(n.clone()), EventStatus::Reported));
            } else {
                dated.push((ctx.reported_on(), EventStatus::Reported));
            }

            for (date, status) in dated {
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
        if let Some(led) = LED_BY.find(sentence_text) {
            let at = sentence.start + led.end();
            if let Some(m) = mentions.iter().find(|m| {
                m.start >= at && m.start <= at + 40 && ctx.kind(&m.actor) == Some(ActorKind::Person)
            }) {
                delegation_leader = Some(m.actor.clone());
            }
        }
        for (_, id, rel, _) in &places {
            if let Some(rel) = rel {
                previous_places.push((sentence.paragraph, id.clone(), rel.clone()));
            }
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

/// A person right before a speech verb is the source, not a participant.
static SPEAKER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:told|said|says|tells|added|noted|stated|announced|quoted|wrote)\b")
        .expect("valid regex")
});

/// "…, where he arrived", "after she visited": a pronoun opening a
/// subordinate clause.
static PRONOUN_CLAUSE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:where|when|after|as|before|since|while|and|but)\s+(?:he|she)\s+(?:\w+\s+){0,2}$",
    )
    .expect("valid regex")
});

/// "The delegation arrived": a delegation named without its country.
static BARE_DELEGATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the|this)\s+delegation\s+(?:\w+\s+){0,2}$").expect("valid regex")
});

static SAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:on\s+)?the\s+same\s+(?:day|evening|night|afternoon|morning)|later\s+(?:that|the\s+same)\s+day|that\s+(?:same\s+)?evening)\b")
        .expect("valid regex")
});

static SPEECH_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|told|tells|noted|notes|stressed|added|stated|announced|emphasi[sz]ed|believes|called|described)\b")
        .expect("valid regex")
});

static BARE_DELEGATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:the|this)\s+delegation\b").expect("valid regex"));

/// "a delegation led by", "headed by": the next person leads it.
static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Dd]elegations?\b[^.;]{0,80}?\b(?:led|headed)\s+by\s+(?:(?:[a-z][\w-]*|[A-Z][\w-]*\s+(?:[Mm]inister|[Cc]hief|[Ss]ecretary))\s+)*")
        .expect("valid regex")
});

/// "who is paying an official visit to", "who is on a visit", MT "who is
/// located with an official visit in".
static ONGOING_VISIT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:who|which)\s+(?:is|are)\s+(?:currently\s+|now\s+)?(?:paying|making|on|located\s+with|staying\s+on|here\s+on)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
        .expect("valid regex")
});

/// "accepted the invitation / proposal / credentials": not a reception.
static NOT_A_GUEST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:\S+\s+){0,4}?(?:invitations?|proposals?|offers?|credentials|requests?|resignations?|apolog\w*|terms|plan)\b")
        .expect("valid regex")
});

static PLACE_AS_MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:summit|talks|declaration|treaty|agreement|accords?|process|format|communiqu[eé]|statement|meeting)s?\b")
        .expect("valid regex")
});

static COORDINATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:,\s*)?(?:and|&)\s*$|^\s*,\s*$").expect("valid regex"));

static PASSIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:be|is|are|was|were|been|being)\s+(?:\w+ly\s+)?$").expect("valid regex")
});

/// The agent of a passive verb: "ratified by (the) …".
static BY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+by\s+(?:the\s+)?").expect("valid regex"));

/// A relative clause closed by a comma: "Lavrov, who is paying a visit to
/// the DPRK, in Wonsan on July 12" — the date belongs to the main clause.
static CLOSED_RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),\s*(?:who|which)\b[^,;:]*,").expect("valid regex"));

static WHEN_AFTER_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*,?\s*when\s+(?:\w+\s+){0,3}$").expect("valid regex"));

fn tail_start(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

static REPORTING_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:has\s+|had\s+)?(?:reported|said|says|quoted|cited|announced|stated|according)\b")
        .expect("valid regex")
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

fn find_triggers(sentence: &str, offset: usize) -> Vec<(Range<usize>, &'static Trigger)> {
    let mut found: Vec<(Range<usize>, &'static Trigger)> = Vec::new();
    for (re, trigger) in TRIGGERS.iter() {
        for m in re.find_iter(sentence) {
            found.push((offset + m.start()..offset + m.end(), trigger));
        }
    }
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    // Overlaps: the longer, earlier match wins ("laid flowers" over nothing,
    // "leading a delegation in" over "delegation").
    let mut kept: Vec<(Range<usize>, &'static Trigger)> = Vec::new();
    for (r, t) in found {
        if kept.last().is_some_and(|(k, _)| r.start < k.end) {
            continue;
        }
        kept.push((r, t));
    }
    // A weak trigger followed closely by a strong one is part of it
    // ("hosted a lunch", "received … at a reception").
    let strong_starts: Vec<usize> = kept
        .iter()
        .filter(|(_, t)| !t.weak)
        .map(|(r, _)| r.start)
        .collect();
    kept.retain(|(r, t)| {
        !t.weak
            || !strong_starts
                .iter()
                .any(|s| *s > r.start && *s - r.end < 40)
    });
    // "held talks … during the talks": one event per family per sentence
    // unless the kinds differ in substance; keep the first of each family.
    let mut seen: Vec<(u8, bool)> = Vec::new();
    kept.retain(|(_, t)| {
        if !t.noun {
            return true;
        }
        let key = (t.kind.family(), t.noun);
        if seen.contains(&key) {
            return false;
        }
        seen.push(key);
        true
    });
    kept
}

fn object_after(
    text: &str,
    from: usize,
    limit: usize,
    kind: EventKind,
    places: &[(usize, String, Option<String>, Range<usize>)],
    timexes: &[&Timex],
) -> Option<(Range<usize>, String)> {
    let rest = text.get(from..limit)?;
    let lead = rest.len() - rest.trim_start().len();
    let mut body_start = from + lead;
    let mut body = text.get(body_start..limit)?;
    // A wreath is laid "at" its monument: the object starts after "at".
    if kind == EventKind::WreathLaying {
        let lower = body.to_lowercase();
        for prep in ["at ", "to ", "on "] {
            if lower.starts_with(prep) {
                body_start += prep.len();
                body = text.get(body_start..limit)?;
                break;
            }
        }
    }
    // "visited with", "signed by", "visited to": not an object.
    let first_word: String = body.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first_word.as_str(),
        "with" | "by" | "to" | "in" | "on" | "at" | "during" | "and" | "as" | "that"
    ) {
        return None;
    }
    let end_re: &Regex = if matches!(kind, EventKind::Signing | EventKind::Ratification) {
        &SIGNING_OBJECT_END
    } else {
        &OBJECT_END
    };
    let mut end = end_re
        .find(body)
        .map(|m| body_start + m.start())
        .unwrap_or(limit);
    for t in timexes {
        if t.start >= body_start && t.start < end {
            end = t.start;
        }
    }
    let raw = text.get(body_start..end)?.trim();
    let trimmed = raw.trim_end_matches(|c: char| !c.is_alphanumeric()).trim();
    let trimmed = strip_trailing_words(trimmed, &["on", "in", "at", "the", "and", "of", "near"]);
    if trimmed.is_empty() || trimmed.split_whitespace().count() > 14 {
        return None;
    }
    // A bare place ("visited Pyongyang") is the event's place, not an object.
    let range = body_start..body_start + trimmed.len();
    if places
        .iter()
        .any(|p| p.3.start <= range.start && p.3.end >= range.end)
    {
        return None;
    }
    let stripped = trimmed
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    if places
        .iter()
        .any(|p| text.get(p.3.clone()) == Some(stripped))
    {
        return None;
    }
    // "visited Pyongyang this week": a place first is the place.
    if places.iter().any(|p| {
        p.3.start == range.start
            || (p.3.start > range.start
                && text
                    .get(range.start..p.3.start)
                    .is_some_and(|g| g.trim().eq_ignore_ascii_case("the")))
    }) {
        return None;
    }
    // Pronouns are not objects ("visited it").
    if matches!(
        first_word.as_str(),
        "it" | "them" | "him" | "her" | "there" | "here"
    ) {
        return None;
    }
    Some((range, trimmed.to_string()))
}

fn strip_trailing_words<'a>(s: &'a str, words: &[&str]) -> &'a str {
    let mut s = s.trim_end();
    loop {
        let Some((head, last)) = s.rsplit_once(' ') else {
            return s;
        };
        if words.iter().any(|w| last.eq_ignore_ascii_case(w)) {
            s = head.trim_end();
        } else {
            return s;
        }
    }
}

/// The place of an event in its own sentence: a locative place mention,
/// nearest after the trigger, else nearest before; cities and venues beat
/// countries ("in Vladivostok" over "in Russia").
fn choose_place(
    places: &[(usize, String, Option<String>, Range<usize>)],
    trigger: Range<usize>,
    kind: EventKind,
) -> Option<(String, String)> {
    let usable: Vec<&(usize, String, Option<String>, Range<usize>)> = places
        .iter()
        .filter(|p| match p.2.as_deref() {
            Some(
                "to" | "into" | "visited" | "visits" | "visit" | "visiting" | "toured" | "tours"
                | "touring",
            ) => kind.family() == EventKind::Visit.family(),
            Some(_) => true,
            None => false,
        })
        .collect();
    // "Choe visited Moscow and met Lavrov": with no place of its own, an
    // event happens where the sentence's visit went.
    let usable = if usable.is_empty() {
        places
            .iter()
            .filter(|p| p.2.is_some() && p.3.end <= trigger.start)
            .collect()
    } else {
        usable
    };
    let best_rank = usable.iter().map(|p| p.0).min()?;
    let ranked: Vec<_> = usable.into_iter().filter(|p| p.0 == best_rank).collect();
    let pick = ranked
        .iter()
        .find(|p| p.3.start >= trigger.end)
        .or_else(|| ranked.iter().rev().find(|p| p.3.end <= trigger.start))?;
    let relation = match pick.2.as_deref() {
        // A visit's destination, borrowed by another event of the sentence.
        Some(r) if kind.family() != EventKind::Visit.family() && r.starts_with("visit") => "in",
        Some(r) if kind.family() != EventKind::Visit.family() && r.starts_with("tour") => "in",
        Some("to" | "into") if kind.family() != EventKind::Visit.family() => "in",
        Some("at") => "at",
        Some("near") => "near",
        Some("outside") => "outside",
        Some(r) => r,
        None => "in",
    };
    Some((pick.1.clone(), relation.to_lowercase()))
}

fn nearest<'a>(timexes: &[&'a Timex], trigger: Range<usize>) -> Option<&'a Timex> {
    timexes.iter().copied().min_by_key(|t| {
        let distance = if t.start >= trigger.end {
            t.start - trigger.end
        } else {
            trigger.start.saturating_sub(t.end)
        };
        // Prefer the more precise of two equally near dates.
        (distance, t.granularity.unwrap_or(Granularity::Year))
    })
}

/// "later this year, particularly in August and October": the months, not
/// the year that contains them.
fn most_specific<'a>(timexes: &[&'a Timex]) -> Vec<&'a Timex> {
    let mut out: Vec<&Timex> = Vec::new();
    for t in timexes {
        let Some(i) = t.interval else { continue };
        let contains_other = timexes.iter().any(|o| {
            o.interval
                .is_some_and(|oi| oi != i && i.start <= oi.start && oi.end <= i.end)
        });
        if !contains_other && !out.iter().any(|o| o.interval == t.interval) {
            out.push(t);
        }
    }
    out
}

/// Per-article lookups shared by every sentence.
struct Context<'a> {
    article: &'a AnalysedArticle,
    registry: &'a Registry,
    /// Mentions sorted by start.
    mentions: Vec<&'a Mention>,
    visit_place: Option<String>,
    dateline_place: Option<String>,
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
            dateline_place: None,
            dateline: article.article.dateline.as_ref().map(|d| d.span.clone()),
            countries,
        };
        // The visit the article is about: "arrived in the DPRK", "a visit to
        // Pyongyang", "leading a delegation in North Korea".
        ctx.visit_place = ctx
            .mentions
            .iter()
            .filter(|m| {
                matches!(
                    ctx.kind(&m.actor),
                    Some(ActorKind::Place | ActorKind::Country)
                )
            })
            .find(|m| VISIT_CONTEXT.is_match(tail(text.get(..m.start).unwrap_or(""), 60)))
            .map(|m| m.actor.clone());
        ctx.dateline_place = article.article.dateline.as_ref().and_then(|d| {
            let wanted = d.place.to_lowercase();
            registry
                .actors
                .iter()
                .filter(|a| matches!(a.kind, ActorKind::Place))
                .find(|a| {
                    a.name.to_lowercase() == wanted
                        || a.aliases.iter().any(|al| al.to_lowercase() == wanted)
                })
                .map(|a| a.id.clone())
        });
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

    /// Place and country mentions of a sentence: (rank, id, locative word,
    /// span). Rank 0 for places, 1 for countries. A place is usable when a
    /// locative introduces it or it hosts ("Pyongyang hosted").
    fn places_in(
        &self,
        text: &str,
        mentions: &[&Mention],
    ) -> Vec<(usize, String, Option<String>, Range<usize>)> {
        mentions
            .iter()
            .filter_map(|m| {
                let rank = match self.kind(&m.actor)? {
                    ActorKind::Place => 0,
                    ActorKind::Country => 1,
                    _ => return None,
                };
                // "Russia's armed forces", "Russian-North Korean ties":
                // adjectives and possessives are not places.
                let after = text.get(m.end..).unwrap_or("");
                if after.starts_with("'s") || after.starts_with("’s") || after.starts_with('-') {
                    return None;
                }
                // "the agreements reached at the Pyongyang summit": a place
                // naming an event or a document is not where anything is.
                if PLACE_AS_MODIFIER.is_match(after) {
                    return None;
                }
                let before = tail(text.get(..m.start).unwrap_or(""), 50);
                let locative = LOCATIVE_BEFORE
                    .captures(before)
                    .and_then(|c| c.get(1))
                    .map(|g| g.as_str().to_lowercase())
                    .or_else(|| HOST_AFTER.is_match(after).then(|| "in".to_string()));
                Some((rank, m.actor.clone(), locative, m.start..m.end))
            })
            .collect()
    }

    /// "the Russian military delegation" near the trigger: its label and the
    /// country it comes from.
    fn delegation_near(
        &self,
        text: &str,
        sentence: Range<usize>,
        trigger: Range<usize>,
    ) -> Option<(String, Option<String>, Range<usize>)> {
        let body = text.get(sentence.clone())?;
        DELEGATION
            .captures_iter(body)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let adjective = c.get(1)?.as_str().trim();
                let adjective = adjective
                    .trim_start_matches("The ")
                    .trim_start_matches("A ")
                    .trim();
                if adjective.is_empty() || adjective.eq_ignore_ascii_case("the") {
                    return None;
                }
                let range = sentence.start + whole.start()..sentence.start + whole.end();
                let country = self.country_for_adjective(adjective);
                let label = whole
                    .as_str()
                    .trim_start_matches("The ")
                    .trim_start_matches("A ")
                    .replace("delegates", "delegation")
                    .to_string();
                Some((label, country, range))
            })
            .min_by_key(|(_, _, r)| {
                if r.end <= trigger.start {
                    trigger.start - r.end
                } else {
                    r.start.saturating_sub(trigger.end)
                }
            })
    }

    fn country_for_adjective(&self, adjective: &str) -> Option<String> {
        let lower = adjective.to_lowercase();
        let mut names: Vec<String> = vec![lower.clone()];
        if let Some((_, list)) = DEMONYMS.iter().find(|(d, _)| *d == lower) {
            names.extend(list.iter().map(|s| s.to_string()));
        }
        // Regular demonyms: Syrian → Syria, Cuban → Cuba.
        if let Some(stem) = lower.strip_suffix('n') {
            names.push(stem.to_string());
        }
        names.iter().find_map(|n| self.countries.get(n).cloned())
    }

    /// Dates that can be the date of an event triggered at `trigger`.
    fn governing_dates(
        &self,
        text: &str,
        timexes: &[&'a Timex],
        trigger: Range<usize>,
    ) -> Vec<&'a Timex> {
        timexes
            .iter()
            .copied()
            .filter(|t| {
                if !self.is_event_date(text, t) {
                    return false;
                }
                let between = if t.start >= trigger.end {
                    text.get(trigger.end..t.start)
                } else {
                    text.get(t.end..trigger.start)
                }
                .unwrap_or("");
                // "in July 2000, when he met Kim Jong Il": the when-clause
                // hangs on the date, which dates it.
                let dates_when_clause = t.end <= trigger.start && WHEN_AFTER_DATE.is_match(between);
                let between = CLOSED_RELATIVE.replace_all(between, ",");
                if CLAUSE_BREAK.is_match(&between) && !dates_when_clause {
                    return false;
                }
                // The date's own clause may be subordinate ("since he began
                // governing in 2011, …"); then it dates that clause only.
                let head = tail(text.get(..t.start).unwrap_or(""), 80);
                let clause_start = head
                    .rfind([',', ';', '.', '(', '–', '—'])
                    .map(|i| i + 1)
                    .unwrap_or(0);
                let own_clause = head.get(clause_start..).unwrap_or("");
                let clause_begin = t.start - (head.len() - clause_start);
                let trigger_inside = trigger.start >= clause_begin && trigger.end <= t.start;
                trigger_inside || !SUBORDINATOR.is_match(own_clause)
            })
            .collect()
    }

    /// A calendar date that is not a reporting date or a dateline.
    fn is_event_date(&self, text: &str, t: &Timex) -> bool {
        if !matches!(t.kind, TimexKind::Date | TimexKind::Time) || t.interval.is_none() {
            return false;
        }
        if matches!(
            t.modifier,
            Some(TimexMod::Since | TimexMod::Until | TimexMod::Before | TimexMod::After)
        ) {
            return false;
        }
        if self
            .dateline
            .as_ref()
            .is_some_and(|d| t.start >= d.start && t.end <= d.end)
        {
            return false;
        }
        let before = tail(text.get(..t.start).unwrap_or(""), 30);
        !REPORTING_BEFORE.is_match(before)
    }

    fn is_narrative_candidate(&self, text: &str, t: &Timex) -> bool {
        self.is_event_date(text, t) && !t.future && !self.is_background(t)
    }

    fn is_background(&self, t: &Timex) -> bool {
        match (t.interval, self.article.published) {
            (Some(i), Some(p)) => p
                .checked_sub_days(Days::new(BACKGROUND_AFTER_DAYS))
                .is_some_and(|limit| i.end < limit),
            _ => false,
        }
    }

    fn explicit(&self, t: &Timex) -> Option<EventDate> {
        Some(EventDate {
            value: t.value.clone(),
            granularity: t.granularity.unwrap_or(Granularity::Day),
            interval: t.interval?,
            basis: DateBasis::Explicit,
        })
    }

    fn reported_on(&self) -> Option<EventDate> {
        let p = self.article.published?;
        Some(EventDate {
            value: p.format("%Y-%m-%d").to_string(),
            granularity: Granularity::Day,
            interval: DateInterval { start: p, end: p },
            basis: DateBasis::ReportedOn,
        })
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
