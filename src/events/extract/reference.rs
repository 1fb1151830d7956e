//! References back: a trigger that reports again an event the article
//! already found ("the talks", "the document was signed by …") adds its
//! sentence, and what it says of the sides, to that event.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::participants::SOURCE_BETWEEN;
use super::{push_unique, tail, Context, EventMention, Site, OF_AFTER, PASSIVE_BEFORE};
use crate::corpus::{ActorKind, Mention};
use crate::corpus::{EventDate, EventKind};

/// "an emergency meeting", "another round of talks": a new event, not a
/// reference back.
static INDEFINITE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:an?|another)\s+(?:[\w-]+\s+){0,3}(?:(?:round|series)\s+of\s+)?$")
        .expect("valid regex")
});

/// "The document was signed by Kozlov and Yun Jong Ho": the signatories of
/// the agreement just reported. True when the trigger was that agreement.
pub(super) fn adds_signatories(
    ctx: &Context,
    site: &Site,
    participants: &[String],
    out: &mut [EventMention],
) -> bool {
    let Site {
        text,
        sentence,
        range,
        trigger,
        before,
        ..
    } = *site;
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
            return true;
        }
    }
    false
}

/// A noun that refers back to an event of the same family: the sentence is
/// another source of it. True when the trigger was that event (or refers
/// back to nothing and names no one).
pub(super) fn refers_back(
    ctx: &Context,
    site: &Site,
    participants: &[String],
    named_persons: usize,
    delegation: &Option<(String, Option<String>, Range<usize>)>,
    out: &mut [EventMention],
    last_event_date: &mut Option<EventDate>,
) -> bool {
    let Site {
        text,
        sentence,
        range,
        trigger,
        before,
        is_definite,
        previous_end,
        mentions,
        ..
    } = *site;
    let nobody = named_persons == 0 && delegation.is_none();
    // "convened an emergency security meeting": an indefinite noun is a new
    // event, not the one told before; with nobody named it has no sides and
    // is no event at all.
    if trigger.noun && INDEFINITE_BEFORE.is_match(before) {
        return nobody;
    }
    if is_definite || (trigger.noun && nobody) {
        if let Some(antecedent) = out
            .iter_mut()
            .rev()
            .find(|e| e.kind.family() == trigger.kind.family())
        {
            // "Taiwan's presidential office convened security talks": an
            // actor of the clause who is neither a side of the earlier event
            // nor of a side's country makes it another event.
            let stranger = mentions.iter().any(|m| {
                m.start >= previous_end
                    && m.end <= range.start
                    && is_actor_not_place(ctx, text, m)
                    // "Hayashi said the talks …": who speaks of it is no stranger.
                    && !SOURCE_BETWEEN.is_match(text.get(m.end..range.start).unwrap_or(""))
                    && !antecedent.participants.contains(&m.actor)
                    && !antecedent
                        .participants
                        .iter()
                        .any(|p| ctx.country_of(p) == Some(m.actor.as_str()))
                    && !ctx.country_of(&m.actor).is_some_and(|c| {
                        antecedent
                            .participants
                            .iter()
                            .any(|p| p == c || ctx.country_of(p) == Some(c))
                    })
                    && !participants.contains(&m.actor)
            });
            if stranger {
                return nobody;
            }
            let shares = participants.is_empty()
                || named_persons < 2
                || participants
                    .iter()
                    .any(|p| antecedent.participants.contains(p));
            if shares {
                // Who talks about a visit is not on it; only the
                // sides of an encounter are added from a reference.
                if trigger.kind.is_encounter() {
                    for p in participants {
                        push_unique(&mut antecedent.participants, p);
                    }
                }
                // "… met Kim. The summit …": the more specific word
                // for the same event names its kind.
                if trigger.kind == EventKind::Summit && antecedent.kind == EventKind::Meeting {
                    antecedent.kind = EventKind::Summit;
                }
                let source = ctx.source(text, sentence);
                if !antecedent.sources.iter().any(|s| s.start == source.start) {
                    antecedent.sources.push(source);
                }
                if antecedent.date.is_some() {
                    *last_event_date = antecedent.date.clone();
                }
                return true;
            }
        } else if named_persons == 0 && delegation.is_none() {
            return true;
        }
    }
    false
}

/// A person, organization or country acting or owning ("Taiwan's office"),
/// not a place where something is ("in Geneva", "to Russia").
fn is_actor_not_place(ctx: &Context, text: &str, m: &Mention) -> bool {
    match ctx.kind(&m.actor) {
        Some(ActorKind::Person | ActorKind::Organization) => true,
        Some(ActorKind::Country) => {
            !LOCATIVE_BEFORE.is_match(tail(text.get(..m.start).unwrap_or(""), 12))
        }
        _ => false,
    }
}

static LOCATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|at|to|from|into|near)\s+(?:the\s+)?$").expect("valid regex")
});
