//! Trigger words: the table of words that report an event, finding them in
//! a sentence, and telling a noun use ("the visit of …") from a verb.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::EventKind;

/// How a trigger word is read.
pub(super) struct Trigger {
    pub(super) kind: EventKind,
    /// A noun ("meeting", "visit") rather than a verb: nouns after "the",
    /// "this", "his" … usually refer back to an event already reported.
    pub(super) noun: bool,
    /// "hosted", "received": only a trigger when no stronger one follows
    /// ("hosted a lunch" is one banquet, not a reception plus a banquet).
    pub(super) weak: bool,
    /// Whether the words after the trigger name what was visited, signed …
    pub(super) takes_object: bool,
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
        // "spoke by phone", "held a phone call", "telephone conversation".
        t(
            r"\b(?:spoke|speaks|speak|talked|talks|talk|conferred)\s+(?:[\w-]+\s+){0,6}?(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b|\b(?:tele)?phone\s+(?:calls?|conversations?|talks)\b|\bvideo\s+(?:calls?|conference)\b",
            PhoneCall,
            false,
            false,
            false,
        ),
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
        t(
            r"\b(?:signed|signs|signing|sign)\b",
            Signing,
            false,
            false,
            true,
        ),
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

/// Words before a bare verb: "to sign", "will sign", "and sign".
static BARE_VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:to|will|would|shall|should|must|can|and|not)\s+$").expect("valid regex")
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

/// Whether the trigger is used as a noun, and whether that noun refers back
/// to something already said.
pub(super) fn noun_use(trigger: &Trigger, trigger_text: &str, before: &str) -> (bool, bool) {
    // "the visit of …", "his arrival": verb-shaped words used as nouns.
    let nounish =
        trigger.noun || (NOUN_FORM.is_match(trigger_text) && DETERMINER_BEFORE.is_match(before));
    let is_definite = nounish && DEFINITE_BEFORE.is_match(before);
    (nounish, is_definite)
}

pub(super) fn find_triggers(
    sentence: &str,
    offset: usize,
) -> Vec<(Range<usize>, &'static Trigger)> {
    let mut found: Vec<(Range<usize>, &'static Trigger)> = Vec::new();
    for (re, trigger) in TRIGGERS.iter() {
        for m in re.find_iter(sentence) {
            found.push((offset + m.start()..offset + m.end(), trigger));
        }
    }
    // "sign" is a verb only after "to", a modal or "and" ("are scheduled
    // to sign"), not in "a sign of".
    found.retain(|(r, t)| {
        t.kind != EventKind::Signing
            || !sentence
                .get(r.start - offset..r.end - offset)
                .is_some_and(|w| w.eq_ignore_ascii_case("sign"))
            || BARE_VERB_BEFORE.is_match(sentence.get(..r.start - offset).unwrap_or(""))
    });
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
