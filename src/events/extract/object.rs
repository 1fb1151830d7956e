//! The object of a trigger: what was visited, inspected, signed or honoured,
//! read from the noun phrase after the verb.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Site;
use crate::corpus::EventKind;
use crate::corpus::Timex;

/// Where an object noun phrase ends: punctuation, a preposition or clause
/// word, or a participle opening a reduced relative clause ("vessels built
/// with Japanese aid").
static OBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;:.()\x22“”]|\s(?:in|near|at|on|during|where|which|that|who|while|as|after|before|to|for|with|from|since|under|amid|and\s+(?:\w+ed|then|also)|built|made|supplied|donated|provided|delivered|bought|acquired|produced|manufactured|based|located|deployed|owned|operated|stationed)\s")
        .expect("valid regex")
});

/// Objects of a signing keep their "on …" ("agreement on strategic partnership").
static SIGNING_OBJECT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,;:.()\x22“”]|\s(?:in|at|during|where|which|while|as|after|before|with|amid|and\s+(?:\w+ed|then|also))\s|\son\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)")
        .expect("valid regex")
});

/// What the trigger names after it: a banquet's own word ("dinner"), or the
/// noun phrase after a verb that takes an object.
pub(super) fn object_of(site: &Site) -> Option<(Range<usize>, String)> {
    let Site {
        text,
        range,
        trigger,
        next_start,
        nounish,
        places,
        timexes,
        ..
    } = *site;
    if trigger.kind == EventKind::Banquet {
        text.get(range.clone())
            .map(|w| (range.clone(), w.to_lowercase()))
    } else if trigger.takes_object && !nounish {
        object_after(
            text,
            range.end,
            next_start.max(range.end),
            trigger.kind,
            places,
            timexes,
        )
    } else {
        None
    }
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
