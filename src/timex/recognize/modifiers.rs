//! Modifiers around a chosen candidate: a positional one that joins the
//! expression ("early", "the end of") and a relating preposition ("since").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{before, re};
use super::{Candidate, Spec};
use crate::corpus::TimexMod;

/// Positional modifiers that are part of the expression ("early October").
static POSITION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b((?:the\s+)?(?:early|late|mid)|the\s+middle\s+of|middle\s+of|the\s+start\s+of|start\s+of|the\s+beginning\s+of|beginning\s+of|the\s+end\s+of|end\s+of|the\s+close\s+of|the\s+turn\s+of|around|about|approximately|circa|roughly|some|nearly|almost|more\s+than|over|less\s+than|under|at\s+least|up\s+to|no\s+more\s+than|within)(?:\s+|-)$",
    )
});
/// Prepositions that relate the expression to a range ("since Sep. 12").
static RELATION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(since|until|till|through|by|before|after|as\s+of|from)\s+(?:at\s+least\s+|as\s+early\s+as\s+)?$",
    )
});

/// Extends each candidate over a positional modifier before it ("early",
/// "mid-", "the end of") and records a relating preposition ("since").
pub(super) fn attach_modifiers(text: &str, cands: &mut [Candidate]) {
    let mut prev_end = 0;
    for c in cands.iter_mut() {
        let window = before(text, c.start, 40);
        let window_start = c.start - window.len();
        if matches!(
            c.spec,
            Spec::Duration(_) | Spec::Set(_) | Spec::Clock { .. }
        ) {
            if let Some(m) = POSITION_PREFIX.captures(window) {
                let w = m
                    .get(1)
                    .map(|x| x.as_str().to_ascii_lowercase())
                    .unwrap_or_default();
                let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
                // TimeML puts the quantifier in the duration's extent:
                // "[more than four hours]", "[nearly two years]".
                let quantifier = match w.as_str() {
                    "around" | "about" | "approximately" | "circa" | "roughly" | "some" => {
                        Some(TimexMod::Approx)
                    }
                    "more than" | "over" => Some(TimexMod::MoreThan),
                    "nearly" | "almost" | "less than" | "under" => Some(TimexMod::LessThan),
                    "up to" | "no more than" | "within" => Some(TimexMod::EqualOrLess),
                    "at least" => Some(TimexMod::EqualOrMore),
                    _ => None,
                };
                let is_duration = matches!(c.spec, Spec::Duration(_));
                // "over the last 24 hours" is during them, not more than them.
                let determined = text
                    .get(c.start..)
                    .is_some_and(|s| s.len() > 4 && s[..4].eq_ignore_ascii_case("the "));
                let quantifier = quantifier.filter(|q| {
                    !(determined && matches!(q, TimexMod::MoreThan | TimexMod::EqualOrLess))
                });
                if let Some(q) = quantifier.filter(|q| is_duration || *q == TimexMod::Approx) {
                    let start = window_start + m.get(0).map(|x| x.start()).unwrap_or(window.len());
                    if start >= prev_end {
                        c.start = start;
                        c.position = Some(q);
                    }
                }
            }
            prev_end = c.end;
            continue;
        }
        if c.position.is_none() {
            if let Some(m) = POSITION_PREFIX.captures(window) {
                let w = m
                    .get(1)
                    .map(|x| {
                        x.as_str()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_ascii_lowercase()
                    })
                    .unwrap_or_default();
                let w = w.strip_prefix("the ").unwrap_or(&w).to_string();
                let position = match w.as_str() {
                    "early" | "start of" | "beginning of" => Some(TimexMod::Start),
                    "mid" | "middle of" => Some(TimexMod::Mid),
                    "late" | "end of" | "close of" | "turn of" => Some(TimexMod::End),
                    "around" | "about" | "approximately" | "circa" | "roughly" | "some" => {
                        Some(TimexMod::Approx)
                    }
                    // Quantifiers ("over", "within") belong to durations only.
                    _ => None,
                };
                let start = window_start + m.get(0).map(|x| x.start()).unwrap_or(window.len());
                // "late" before a relative-day word is an adverb ("arrived late
                // yesterday" still dates to yesterday).
                // "get around Wednesday's ruling": a phrasal verb, not "about".
                let phrasal = position == Some(TimexMod::Approx)
                    && matches!(
                        super::scan::prev_word(text, start)
                            .to_ascii_lowercase()
                            .as_str(),
                        "get"
                            | "got"
                            | "getting"
                            | "go"
                            | "went"
                            | "come"
                            | "came"
                            | "turn"
                            | "turned"
                            | "work"
                            | "worked"
                    );
                if position.is_some()
                    && !phrasal
                    && start >= prev_end
                    && !matches!(c.spec, Spec::Narrative { .. })
                {
                    c.start = start;
                    c.position = position;
                }
            }
        }
        let window = before(text, c.start, 20);
        if let Some(m) = RELATION_PREFIX.captures(window) {
            let w = m
                .get(1)
                .map(|x| x.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            c.relation = match w.as_str() {
                "since" | "as of" => Some(TimexMod::Since),
                "until" | "till" | "through" | "by" => Some(TimexMod::Until),
                "before" => Some(TimexMod::Before),
                "after" => Some(TimexMod::After),
                _ => None,
            };
        }
        prev_end = c.end;
    }
}
