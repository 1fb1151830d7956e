//! References back: a trigger that reports again an event the article
//! already found ("the talks", "the document was signed by …") adds its
//! sentence, and what it says of the sides, to that event.

use std::ops::Range;

use super::{push_unique, Context, EventMention, Site, OF_AFTER, PASSIVE_BEFORE};
use crate::corpus::ActorKind;
use crate::corpus::{EventDate, EventKind};

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
        trigger,
        is_definite,
        ..
    } = *site;
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
