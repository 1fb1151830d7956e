//! Parts of a year: seasons, quarters and halves ("last summer", "Q3 2023",
//! "the first half of the year").

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::scan::{before, next_word, num, plausible_year, prev_word, re};
use super::{lead_ref, year_ref, Spec, YearRef};
use crate::timex::lexicon::{self, SEASON_ALT};

static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(this|last|next|past|coming)\s+)?({SEASON_ALT})(?:(?:\s+of)?\s+(\d{{4}})\b|(?:\s+of)?\s+(this|last|next)\s+year\b)?"
    ))
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:([QH])([1-4])\b|(?:the\s+)?(?:(this|last|next)\s+year's\s+|(\d{4})\s+)?(?:(?:fiscal|(year-earlier|year-ago)|comparable|latest)[-\s]+)*(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[-\s]+(quarter|half)\b)(?:(?:\s+of)?\s+(?:(?:fiscal\s+)?(\d{4})\b|(this|last|next)\s+year\b|(the\s+year)\b)|\s+(\d{4})\b)?",
    )
});
/// "the quarter", "the latest quarter", "the year-ago quarter", "the
/// year-earlier period", and "year-earlier" alone as an adjective.
static QUARTER_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(the\s+(?:(?:latest|same|comparable|just-ended|recent)\s+)*(?:(year-earlier|year-ago|prior-year|year-before|previous-year)\s+)?)(quarter|period)|(year-earlier|year-ago))\b",
    )
});
/// "fiscal 1989", "fiscal year 1990": the year.
static FISCAL_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bfiscal(?:\s+year)?\s+(\d{4})\b"));
static YEAR_QUARTER: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})\s*[-/]?\s*([QH])([1-4])\b"));

/// "summer", "last winter", "the spring of 2023".
pub(super) fn seasons(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in SEASON.captures_iter(text) {
        season(text, &c, push);
    }
}

/// "Q3", "the fourth quarter", "the first half of 2023".
pub(super) fn quarters(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in QUARTER.captures_iter(text) {
        quarter(text, &c, push);
    }
}

/// "the quarter", "the year-ago quarter", "year-earlier".
pub(super) fn quarter_refs(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in QUARTER_REF.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if c.get(4).is_some() {
            // "year-earlier" alone: "year-earlier profit".
            push(all.start, all.end, Spec::YearEarlier, 3);
            continue;
        }
        let back = i32::from(c.get(2).is_some());
        let is_period = c
            .get(3)
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("period"));
        // "the period" alone is too vague; "the year-earlier period" is the
        // period last mentioned, a year back.
        if is_period {
            if back == 1 {
                push(all.start, all.end, Spec::YearEarlier, 3);
            }
            continue;
        }
        push(all.start, all.end, Spec::QuarterRef { back }, 3);
    }
    for c in FISCAL_YEAR.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if let Some(y) = num(&c, 1).map(|y| y as i32).filter(|y| plausible_year(*y)) {
            push(all.start, all.end, Spec::Year(y), 1);
        }
    }
}

/// "2023 Q3", "2024-H1".
pub(super) fn year_quarters(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in YEAR_QUARTER.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(y), Some(kind), Some(n)) = (num(&c, 1), c.get(2), num(&c, 3)) else {
            continue;
        };
        let year = YearRef::Absolute(y as i32);
        let spec = if kind.as_str().eq_ignore_ascii_case("q") {
            Spec::Quarter { year, quarter: n }
        } else if n <= 2 {
            Spec::Half { year, half: n }
        } else {
            continue;
        };
        push(all.start, all.end, spec, 1);
    }
}

fn season(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(sw)) = (c.get(0), c.get(2)) else {
        return;
    };
    let Some(code) = lexicon::season_code(sw.as_str()) else {
        return;
    };
    let lead = c.get(1).map(|m| m.as_str());
    let abs = c
        .get(3)
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| plausible_year(*y));
    let rel = c.get(4).map(|m| m.as_str());
    let prev = prev_word(text, all.start()).to_ascii_lowercase();
    // "the spring" is a season after a preposition ("in the spring"), not
    // as a subject ("the spring of the rifle").
    let prev2 = prev_word(text, all.start().saturating_sub(prev.len() + 1)).to_ascii_lowercase();
    let bare_the = prev == "the"
        && !matches!(
            prev2.as_str(),
            "in" | "during"
                | "by"
                | "since"
                | "until"
                | "over"
                | "through"
                | "for"
                | "before"
                | "after"
        );
    if bare_the && abs.is_none() && rel.is_none() {
        return;
    }
    let context = lead.is_some()
        || abs.is_some()
        || rel.is_some()
        || matches!(
            prev.as_str(),
            "in" | "the"
                | "during"
                | "since"
                | "until"
                | "by"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "last"
                | "next"
                | "of"
        );
    // "fall" is a verb far more often than a season.
    let is_fall = sw.as_str().eq_ignore_ascii_case("fall");
    if !context
        || is_fall
            && lead.is_none()
            && abs.is_none()
            && rel.is_none()
            && prev != "the"
            && prev != "in"
    {
        return;
    }
    if is_fall && (prev == "the" || prev == "in") && abs.is_none() && rel.is_none() {
        // "in the fall of Kabul", "the fall in prices": only "in the fall" at a
        // clause end or before a year is the season.
        let next = next_word(text, all.end());
        if !next.is_empty() && !next.starts_with(['.', ',', ';']) {
            return;
        }
    }
    let year = if abs.is_some() || rel.is_some() {
        year_ref(abs, rel)
    } else {
        lead_ref(lead)
    };
    // "in the summer of 2023": the article belongs to the expression.
    let start = if prev == "the" && lead.is_none() {
        all.start() - before(text, all.start(), 4).len()
    } else {
        all.start()
    };
    let start = if text
        .get(start..start + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
    {
        start
    } else {
        all.start()
    };
    push(start, all.end(), Spec::Season { year, code }, 2);
}

fn quarter(_text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let Some(all) = c.get(0) else {
        return;
    };
    let (kind_is_quarter, n) = if let (Some(k), Some(n)) = (c.get(1), num(c, 2)) {
        (k.as_str().eq_ignore_ascii_case("q"), n)
    } else {
        let (Some(o), Some(k)) = (c.get(6), c.get(7)) else {
            return;
        };
        let Some(n) = lexicon::ordinal_value(o.as_str()) else {
            return;
        };
        let is_q = k.as_str().eq_ignore_ascii_case("quarter");
        let n = if !is_q && n == 4 { 2 } else { n };
        (is_q, n)
    };
    // Group 4: a year before ("the 1988 third quarter"); 8 and 11 after.
    let abs = c
        .get(4)
        .or(c.get(8))
        .or(c.get(11))
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| plausible_year(*y));
    let rel = c.get(3).or(c.get(9)).map(|m| m.as_str());
    let the_year = c.get(10).is_some();
    let year_ago = c.get(5).is_some();
    if abs.is_none() && rel.is_none() && !the_year {
        // "the first half of the match": without a year a half is not a
        // date, but "the fourth quarter" is one in news prose.
        if c.get(1).is_none() && !kind_is_quarter {
            return;
        }
    }
    let year = if the_year {
        YearRef::Relative(0)
    } else if abs.is_some() || rel.is_some() {
        year_ref(abs, rel)
    } else if year_ago {
        YearRef::Relative(-1)
    } else {
        YearRef::Undefined
    };
    let spec = if kind_is_quarter {
        Spec::Quarter { year, quarter: n }
    } else if n <= 2 {
        Spec::Half { year, half: n }
    } else {
        return;
    };
    // A hyphenated adjective leaves its article to the noun: "the
    // [third-quarter] loss".
    let s = all.as_str();
    let hyphenated = s.contains("-quarter") || s.contains("-half");
    let start = if hyphenated && s.len() > 4 && s[..4].eq_ignore_ascii_case("the ") {
        all.start() + 4 + (s[4..].len() - s[4..].trim_start().len())
    } else {
        all.start()
    };
    push(start, all.end(), spec, 1);
}
