//! Vague references: past, present and future ("recently", "now", "in the
//! coming weeks", "in the future").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{next_word, prev_word, re};
use super::Spec;

/// Vague past and future references (TIMEX3 `PAST_REF`/`FUTURE_REF`).
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(recently)|(?:the\s+)?(recent)\s+(?:days|weeks|months|years)|the\s+(?:(coming|next\s+few|next\s+several|following)\s+(?:days|weeks|months|years)|(near|not\s+too\s+distant|foreseeable)\s+future|(days|weeks|months|years)\s+ahead))\b",
    )
});

/// `PAST_REF` ("recently") and `FUTURE_REF` ("in the near future").
pub(super) fn vague_refs(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in VAGUE.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let value = if c.get(1).is_some() || c.get(2).is_some() {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        };
        push(all.start, all.end, Spec::Vague(value), 1);
    }
}

/// The present and the indefinite past and future (TIMEX3 `PRESENT_REF`,
/// `PAST_REF`, `FUTURE_REF`): "now", "currently", "right now", "(in) the
/// future", "in the past".
static PRESENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:(now|currently|at\s+present)|the\s+(past|future))\b"));

/// `PRESENT_REF` ("now", "currently") and "in the past"/"the future".
pub(super) fn present_refs(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in PRESENT.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let next = next_word(text, all.end).to_ascii_lowercase();
        let next = next.trim_end_matches([',', '.', ';', ':', '"', '\'']);
        if let Some(w) = c.get(1) {
            let w = w.as_str().to_ascii_lowercase();
            // "now that …" is a conjunction; "Now," opening a sentence is
            // discourse, but TimeML still marks it; "from now" belongs to a
            // duration ("two weeks from now").
            if w == "now" && matches!(next, "that") {
                continue;
            }
            push(all.start, all.end, Spec::Vague("PRESENT_REF"), 3);
            continue;
        }
        let which = c.get(2).map(|m| m.as_str().to_ascii_lowercase());
        if which.as_deref() == Some("past") {
            // Only "in the past" as a whole: "the past two years" is a duration.
            let prev = prev_word(text, all.start).to_ascii_lowercase();
            if prev != "in" || !next_word(text, all.end).is_empty() && is_period_word(next) {
                continue;
            }
            push(all.start, all.end, Spec::Vague("PAST_REF"), 3);
        } else {
            // "the future" unless it modifies a noun ("the future king").
            let raw_next = text.get(all.end..).unwrap_or("");
            let ends_phrase = raw_next.trim_start().is_empty()
                || raw_next.starts_with([',', '.', ';', ':', ')', '"', '\''])
                || matches!(
                    next,
                    "and" | "or" | "but" | "as" | "when" | "if" | "of" | "is" | "will"
                );
            if !ends_phrase {
                continue;
            }
            push(all.start, all.end, Spec::Vague("FUTURE_REF"), 3);
        }
    }
}

fn is_period_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || crate::timex::lexicon::number_value(w).is_some()
        || matches!(
            w,
            "few" | "several" | "couple" | "year" | "month" | "week" | "day" | "decade" | "century"
        )
}
