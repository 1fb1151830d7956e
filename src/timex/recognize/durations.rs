//! Durations: a counted length of time ("three days", "18-month-old") and a
//! bare plural unit used as a vague one ("within days").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{after, glued_number, prev_word, re};
use super::Spec;
use crate::timex::lexicon::{self, NUMBER_ALT};

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b((?:the\s+)?(?:(?:past|last|next|first|latest|previous|coming|final|following|initial|ensuing)\s+)?)({NUMBER_ALT}|\d+(?:\.\d+)?)(?:\s+|-)(hour|day|week|month|year|decade|century)s?(?:-(?:long|old))?\b"
    ))
});
/// A bare plural unit used as a vague duration: "within days", "weeks
/// after", "could take years", "a decades-long goal".
static VAGUE_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(for|within|in|take|takes|took|taking|lasted|spent)\s+)?(days|weeks|months|years|decades)(-long|-old)?\b(?:\s+(after|before|later|earlier)\b)?",
    )
});

/// "three days", "a year" after a duration word, "18-month-old".
pub(super) fn durations(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in DURATION.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(n), Some(u)) = (c.get(2), c.get(3)) else {
            continue;
        };
        let has_lead = c.get(1).is_some_and(|m| !m.as_str().is_empty());
        // Ages are not time expressions in TimeML: "a 26-year-old", "52 years old".
        if all_text_is_age(text, &c) {
            continue;
        }
        let raw = n.as_str().to_ascii_lowercase();
        // "a year" needs a duration word before it ("for a year"); otherwise it
        // is usually a rate ("twice a year") or a noun phrase.
        if matches!(raw.as_str(), "a" | "an") && !has_lead {
            let prev = prev_word(text, all.start).to_ascii_lowercase();
            if !matches!(
                prev.as_str(),
                "for"
                    | "over"
                    | "within"
                    | "in"
                    | "after"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "than"
                    | "least"
                    | "past"
                    | "last"
                    | "lasting"
                    | "spent"
                    | "only"
                    | "just"
            ) {
                continue;
            }
        }
        if raw.contains('.') && !raw.chars().all(|ch| ch.is_ascii_digit() || ch == '.') {
            continue;
        }
        if n.as_str()
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_digit())
            && glued_number(text, n.start(), n.start() + n.as_str().len())
        {
            // Digits glued to a hyphen are fine here ("18-month-old").
            let next = text.get(n.end()..).unwrap_or("");
            if !next.starts_with('-') && !next.starts_with(' ') {
                continue;
            }
        }
        let amount = if raw.contains('.') {
            Some(raw.clone())
        } else {
            lexicon::number_value(&raw).map(|v| v.to_string())
        };
        let amount = amount.unwrap_or_else(|| "X".to_string());
        let unit = u.as_str().to_ascii_lowercase();
        let value = match unit.as_str() {
            "hour" => format!("PT{amount}H"),
            "day" => format!("P{amount}D"),
            "week" => format!("P{amount}W"),
            "month" => format!("P{amount}M"),
            "year" => format!("P{amount}Y"),
            // TimeML (and TimeBank) count decades and centuries in years.
            "decade" => scaled(&amount, 10),
            _ => scaled(&amount, 100),
        };
        // "the [two-week] delay": the article goes with the noun.
        let hyphenated = text
            .get(n.end()..u.start())
            .is_some_and(|g| g.contains('-'));
        let bare_the = c
            .get(1)
            .is_some_and(|lead| lead.as_str().trim().eq_ignore_ascii_case("the"));
        let start = if hyphenated && bare_the {
            n.start()
        } else {
            all.start
        };
        push(start, all.end, Spec::Duration(value), 4);
    }
}

/// "within days", "weeks after", "decades-long".
pub(super) fn vague_durations(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in VAGUE_DURATION.captures_iter(text) {
        let (Some(_), Some(u)) = (c.get(0), c.get(2)) else {
            continue;
        };
        // Only with a word that makes it a length of time; "days" alone is
        // too often part of something else ("the days of the war").
        let prev = prev_word(text, u.start()).to_ascii_lowercase();
        let quantified = prev
            .trim_matches(|ch: char| !ch.is_alphanumeric())
            .parse::<u32>()
            .is_ok()
            || lexicon::number_value(&prev).is_some()
            || matches!(
                prev.as_str(),
                "few" | "several" | "many" | "recent" | "coming"
            );
        if quantified || (c.get(1).is_none() && c.get(3).is_none() && c.get(4).is_none()) {
            continue;
        }
        let letter = match u.as_str().to_ascii_lowercase().as_str() {
            "days" => "D",
            "weeks" => "W",
            "months" => "M",
            "years" => "Y",
            _ => "Y",
        };
        let end = c.get(3).map(|m| m.end()).unwrap_or(u.end());
        push(u.start(), end, Spec::Duration(format!("PX{letter}")), 4);
    }
}

/// "26-year-old", "the 50-year-old alliance", "52 years old", "a 3-month-old".
fn all_text_is_age(text: &str, c: &regex::Captures) -> bool {
    let Some(all) = c.get(0) else {
        return false;
    };
    let span = all.as_str().to_ascii_lowercase();
    if span.ends_with("-old") {
        return true;
    }
    // Only the next few characters matter (blanks, then "old"): a bounded
    // window, so a long line costs no more per match than a short one.
    let rest = text.get(all.end()..).unwrap_or("");
    let blanks = rest.len() - rest.trim_start().len();
    let window = after(rest, 0, blanks + 6);
    let rest = window.to_ascii_lowercase();
    rest.trim_start().starts_with("old") && !rest.trim_start().starts_with("older")
        || rest.starts_with("-old")
}

/// `P{n×factor}Y`, or `PXY` for an unknown amount.
fn scaled(amount: &str, factor: u32) -> String {
    match amount.parse::<u32>() {
        Ok(n) => format!("P{}Y", n.saturating_mul(factor)),
        Err(_) => "PXY".to_string(),
    }
}
