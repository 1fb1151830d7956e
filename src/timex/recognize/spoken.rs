//! Years spoken in words, as in broadcast transcripts: "nineteen ninety-six",
//! "the year two thousand", "two thousand and three".

use std::sync::LazyLock;

use regex::Regex;

use super::scan::re;
use super::Spec;
use crate::timex::lexicon;

const UNITS: &str = r"(?:one|two|three|four|five|six|seven|eight|nine)";
const TEENS: &str =
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const TENS: &str = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

static SPOKEN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(?:the\s+year\s+)?(nineteen)[-\s]+({TENS}(?:[-\s]+{UNITS})?|{TEENS}|oh[-\s]+{UNITS}|hundred)|(the\s+year\s+)?two\s+thousand(?:(?:\s+and)?[-\s]+({UNITS}|{TEENS}|{TENS}(?:[-\s]+{UNITS})?))?)\b"
    ))
});

/// "nineteen ninety-six" → 1996, "the year two thousand" → 2000.
pub(super) fn spoken_years(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in SPOKEN_YEAR.captures_iter(text) {
        let Some(all) = c.get(0) else {
            continue;
        };
        let year = if let Some(rest) = c.get(2) {
            let r = rest.as_str().to_ascii_lowercase();
            let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
            let tail = if r == "hundred" {
                Some(0)
            } else if let Some(u) = r.strip_prefix("oh") {
                lexicon::number_value(u.trim_start_matches(['-', ' ']))
            } else {
                lexicon::number_value(&r)
            };
            tail.map(|t| 1900 + t as i32)
        } else {
            // "two thousand" alone is a year only as "the year two thousand";
            // otherwise it is usually a count ("two thousand troops").
            let tail = c
                .get(4)
                .map(|m| lexicon::number_value(&m.as_str().to_ascii_lowercase()));
            match tail {
                Some(t) => t.map(|t| 2000 + t as i32),
                None if c.get(3).is_some() => Some(2000),
                None => None,
            }
        };
        let Some(y) = year else {
            continue;
        };
        // "two thousand three hundred": a count.
        let next = super::scan::next_word(text, all.end()).to_ascii_lowercase();
        if matches!(next.as_str(), "hundred" | "thousand" | "people" | "troops") {
            continue;
        }
        push(all.start(), all.end(), Spec::Year(y), 2);
    }
}
