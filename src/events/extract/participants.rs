//! Participants: who acts and who is met — the people of the trigger's
//! clause, agents after "of"/"by", subjects joined by "and", speakers left
//! out, delegations and their countries and leaders, and the subject carried
//! over from earlier sentences.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{push_unique, tail, Context, Site, CLAUSE_BREAK, OF_AFTER, PASSIVE_BEFORE};
use crate::corpus::EventKind;
use crate::corpus::{ActorKind, Mention};
use crate::lang::Sentence;

/// "the Russian military delegation", "Russian party and parliamentary
/// delegations", "a DPRK delegation".
static DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:[A-Z][\w'-]*\s+){1,3})(?:(?:and\s+)?(?:military|party|parliamentary|government|governmental|defen[cs]e|official|high-level|high-ranking|naval|army|friendship|business|trade|ministerial|security|economic|cultural|diplomatic|state|working)\s+){0,3}(?:delegations?|delegates)\b")
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

static SPEECH_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|told|tells|noted|notes|stressed|added|stated|announced|emphasi[sz]ed|believes|called|described)\b")
        .expect("valid regex")
});

/// Between a person and a later encounter: the person reports or denies
/// it ("… denied reports that", "… said Lavrov met").
pub(super) static SOURCE_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|told|tells|stated|announced|denied|denies|dismissed|rejected|refuted|confirmed|reported|claimed)\b")
        .expect("valid regex")
});

static BARE_DELEGATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:the|this)\s+delegation\b").expect("valid regex"));

/// "a delegation led by", "headed by": the next person leads it.
static LED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[Dd]elegations?\b[^.;]{0,80}?\b(?:led|headed)\s+by\s+(?:(?:[a-z][\w-]*|[A-Z][\w-]*\s+(?:[Mm]inister|[Cc]hief|[Ss]ecretary))\s+)*")
        .expect("valid regex")
});

static COORDINATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:,\s*)?(?:and|&)\s*$|^\s*,\s*$").expect("valid regex"));

/// The agent of a passive verb: "ratified by (the) …".
static BY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+by\s+(?:the\s+)?").expect("valid regex"));

static REPORTING_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:has\s+|had\s+)?(?:reported|said|says|quoted|cited|announced|stated|according)\b")
        .expect("valid regex")
});

/// "a letter from Chinese President Xi Jinping", "a message from Putin":
/// the sender of a message is not at the table.
static SENDER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:letters?|messages?|greetings|regards|congratulations|condolences|instructions|invitations?|wishes)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?(?:[\w.'-]+\s+){0,4}$")
        .expect("valid regex")
});

/// Whether the person mention `m` names the sender of a message the
/// sentence speaks of ("handed Chinh a letter from Xi Jinping").
pub(super) fn is_sender(text: &str, m: &Mention) -> bool {
    SENDER_BEFORE.is_match(tail(text.get(..m.start).unwrap_or(""), 80))
}

/// The participants the sentence gives the trigger, acting side first, and
/// how many of them it named before a delegation's country or an
/// organization was added.
pub(super) fn named_participants(
    ctx: &Context,
    site: &Site,
    delegation: &Option<(String, Option<String>, Range<usize>)>,
    sentence_subject: &Option<String>,
    delegation_leader: &Option<String>,
    previous_subject: &Option<Vec<String>>,
) -> (Vec<String>, usize) {
    let Site {
        text,
        sentence,
        range,
        trigger,
        before,
        window_before,
        previous_end,
        nounish,
        mentions,
        ..
    } = *site;
    let persons: Vec<&Mention> = mentions
        .iter()
        .copied()
        .filter(|m| ctx.kind(&m.actor) == Some(ActorKind::Person))
        .filter(|m| !is_sender(text, m))
        .collect();
    let mut participants: Vec<String> = Vec::new();
    if trigger.kind.is_encounter() {
        // The people named in the trigger's own clause act; the
        // rest of the sentence gives the other side.
        // "Baghaei denied reports that Araghchi had met Witkoff": who
        // speaks of the encounter is its source.
        let source = |m: &Mention| {
            m.end <= range.start
                && SOURCE_BETWEEN.is_match(text.get(m.end..range.start).unwrap_or(""))
        };
        for m in persons
            .iter()
            .filter(|m| m.start >= previous_end && m.end <= range.start && !source(m))
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
            let speaker =
                m.start >= range.end && SPEAKER_AFTER.is_match(text.get(m.end..).unwrap_or(""));
            if (m.start < range.start || m.end <= clause_end) && !speaker && !source(m) {
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
                        && !SPEECH_BETWEEN.is_match(text.get(m.end..range.start).unwrap_or(""))
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
    (participants, named_persons)
}

/// Puts the leader of a delegation named without its members first.
pub(super) fn lead_delegation(
    ctx: &Context,
    delegation: &Option<(String, Option<String>, Range<usize>)>,
    named_persons: usize,
    planned_by_words: bool,
    recent_subjects: &[String],
    participants: &mut Vec<String>,
) {
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
}

/// Fills the sides the sentence left out from the delegation the article
/// introduced and the subject it followed; true when a side is still missing.
pub(super) fn missing_sides(
    site: &Site,
    delegation_leader: &Option<String>,
    recent_subjects: &[String],
    participants: &mut Vec<String>,
) -> bool {
    let Site {
        sentence_text,
        trigger,
        ..
    } = *site;
    let needs = if trigger.kind.is_encounter() { 2 } else { 1 };
    // "arranged a reception for the delegation": the other side is
    // the delegation the article introduced, with its leader.
    if trigger.kind.is_encounter() && participants.len() < needs {
        if let Some(leader) = &delegation_leader {
            if BARE_DELEGATION.is_match(sentence_text) {
                push_unique(participants, leader);
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
    participants.len() < needs || (trigger.weak && participants.len() < 2)
}

/// "a delegation led by Yevkurov": the person leading it.
pub(super) fn led_by(
    ctx: &Context,
    sentence: &Sentence,
    sentence_text: &str,
    mentions: &[&Mention],
) -> Option<String> {
    let led = LED_BY.find(sentence_text)?;
    let at = sentence.start + led.end();
    mentions
        .iter()
        .find(|m| {
            m.start >= at && m.start <= at + 40 && ctx.kind(&m.actor) == Some(ActorKind::Person)
        })
        .map(|m| m.actor.clone())
}

impl Context<'_> {
    /// "the Russian military delegation" near the trigger: its label and the
    /// country it comes from.
    pub(super) fn delegation_near(
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
}
