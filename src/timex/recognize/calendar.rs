//! Calendar dates the text states: numeric dates, month and day, month and
//! year, a month alone, "on the nth", years, year ranges, decades, centuries.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::scan::{
    before, glued_number, is_date_word, next_word, num, plausible_year, prev_word, re,
    starts_upper, valid_day,
};
use super::{day, lead_ref, year_ref, Spec, YearRef};
use crate::timex::lexicon::{self, MONTH_ALT, WEEKDAY_ALT};

const ORD: &str = r"(?:st|nd|rd|th)?";
const DASH: &str = r"\s*(?:-|–|—|to|through|until|till)\s*";

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{4})(?:-(\d{2})-(\d{2})|/(\d{1,2})/(\d{1,2}))\b"));
static DOTTED_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"));
static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"));
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:({WEEKDAY_ALT}),?\s+)?({MONTH_ALT})\.?\s*(?:the\s+)?(\d{{1,2}}){ORD}\b(?:(?:{DASH}|\s+and\s+)(?:({MONTH_ALT})\s*)?(\d{{1,2}}){ORD}\b)?(?:,?\s+(\d{{4}})\b|\s+(this|last|next)\s+year\b)?"
    ))
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:({WEEKDAY_ALT}),?\s+)?(?:the\s+)?(\d{{1,2}}){ORD}(?:(?:{DASH}|\s+and\s+)(\d{{1,2}}){ORD})?\s+(?:of\s+)?({MONTH_ALT})(?:,?\s+(\d{{4}})\b)?"
    ))
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b({MONTH_ALT}),?\s+(?:of\s+)?(\d{{4}})\b")));
static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(this|last|next|past|coming)\s+)?({MONTH_ALT})(?:(?:\s+of)?\s+(this|last|next)\s+year\b|\s+of\s+the\s+(previous|preceding|following|same)\s+year\b)?"
    ))
});
static ON_THE_NTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:on|by|since|until|till|through|from|to|before|after)\s+(the\s+(\d{1,2})(?:st|nd|rd|th))\b",
    )
});
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(between)\s+)?(\d{4})(?:\s*(?:-|–|—)\s*|\s+(?:to|through|until|till|and)\s+)(\d{4}|\d{2})\b",
    )
});
static DECADE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:the\s+)?(?:(\d{3})0s|'(\d)0s)\b"));
static CENTURY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})\b"));

/// `2023-07-27`, `2024/03/05` (year first).
pub(super) fn iso_dates(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in ISO_DATE.captures_iter(text) {
        let (Some(y), Some(m), Some(d)) = (
            num(&c, 1),
            num(&c, 2).or(num(&c, 4)),
            num(&c, 3).or(num(&c, 5)),
        ) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if valid_day(m, d) && !glued_number(text, all.start, all.end) {
            push(
                all.start,
                all.end,
                day(YearRef::Absolute(y as i32), m, d),
                0,
            );
        }
    }
}

/// `27.07.2023`, day first.
pub(super) fn dotted_dates(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in DOTTED_DATE.captures_iter(text) {
        let (Some(d), Some(m), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if valid_day(m, d) && !glued_number(text, all.start, all.end) {
            push(
                all.start,
                all.end,
                day(YearRef::Absolute(y as i32), m, d),
                0,
            );
        }
    }
}

/// `7/27/2023`, month first unless the first part is over 12.
pub(super) fn slash_dates(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in SLASH_DATE.captures_iter(text) {
        let (Some(a), Some(b), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
            continue;
        };
        // English news writes month/day; a first part over 12 can only be a day.
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if valid_day(m, d) && !glued_number(text, all.start, all.end) {
            push(
                all.start,
                all.end,
                day(YearRef::Absolute(y as i32), m, d),
                0,
            );
        }
    }
}

/// "July 27", "Thursday, July 27, 2023", "July 27-29".
pub(super) fn month_days(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in MONTH_DAY.captures_iter(text) {
        month_day(text, &c, push);
    }
}

/// "27 July", "the 27th of July 2023", "27-29 July".
pub(super) fn day_months(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in DAY_MONTH.captures_iter(text) {
        day_month(text, &c, push);
    }
}

/// "July 2023".
pub(super) fn month_years(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in MONTH_YEAR.captures_iter(text) {
        let (Some(mw), Some(y)) = (c.get(1), num(&c, 2)) else {
            continue;
        };
        let Some(m) = lexicon::month_number(mw.as_str()) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if starts_upper(mw.as_str())
            && plausible_year(y as i32)
            && !glued_number(text, all.end - 4, all.end)
        {
            push(
                all.start,
                all.end,
                Spec::Month {
                    year: YearRef::Absolute(y as i32),
                    month: m,
                },
                1,
            );
        }
    }
}

/// "July", "last July", "July this year".
pub(super) fn months_alone(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in MONTH_ALONE.captures_iter(text) {
        month_alone(text, &c, push);
    }
}

/// "on the 27th": a day of the reference month.
pub(super) fn days_of_month(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in ON_THE_NTH.captures_iter(text) {
        let (Some(span), Some(d)) = (c.get(1), num(&c, 2)) else {
            continue;
        };
        let follower = next_word(text, span.end()).to_ascii_lowercase();
        let follower = follower.trim_end_matches([',', '.', ';']);
        let non_date = matches!(
            follower,
            "anniversary"
                | "century"
                | "time"
                | "day"
                | "floor"
                | "place"
                | "round"
                | "session"
                | "congress"
                | "plenum"
                | "minute"
                | "birthday"
                | "meeting"
                | "of"
                | "and"
        );
        if (1..=31).contains(&d) && !non_date {
            push(span.start(), span.end(), Spec::DayOfMonth(d), 2);
        }
    }
}

/// "1950-1953", "between 1950 and 1953", "2019-20".
pub(super) fn year_ranges(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in YEAR_RANGE.captures_iter(text) {
        let (Some(a), Some(bm)) = (num(&c, 2), c.get(3)) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let between = c.get(1).is_some();
        let joined_by_and = c
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_lowercase().contains(" and "));
        if joined_by_and && !between {
            continue;
        }
        let b: i32 = bm.as_str().parse().unwrap_or(0);
        let a = a as i32;
        let b = if bm.as_str().len() == 2 {
            a / 100 * 100 + b
        } else {
            b
        };
        let start = c.get(2).map(|m| m.start()).unwrap_or(all.start);
        if (1000..=2199).contains(&a) && b > a && b - a < 200 && !glued_number(text, start, all.end)
        {
            push(start, all.end, Spec::YearRange(a, b), 1);
        }
    }
}

/// "the 1990s", "the '90s".
pub(super) fn decades(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in DECADE.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let decade = if let Some(d) = c.get(1) {
            d.as_str().parse::<i32>().ok()
        } else {
            // "the '90s": the 20th century for 30–90, this one for 00–20.
            c.get(2)
                .and_then(|d| d.as_str().parse::<i32>().ok())
                .map(|d| if d >= 3 { 190 + d } else { 200 + d })
        };
        if let Some(d) = decade {
            if (100..=219).contains(&d) && !glued_number(text, all.start, all.end) {
                push(all.start, all.end, Spec::Decade(d), 1);
            }
        }
    }
}

/// "the 20th century".
pub(super) fn centuries(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in CENTURY.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if let Some(n) = num(&c, 1) {
            if (1..=22).contains(&n) {
                push(all.start, all.end, Spec::Century(n as i32 - 1), 1);
            }
        }
    }
}

/// A bare four-digit year.
pub(super) fn years(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for m in YEAR.find_iter(text) {
        if let Some(y) = year_token(text, m.start(), m.end()) {
            push(m.start(), m.end(), Spec::Year(y), 3);
        }
    }
}

fn month_day(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(mw), Some(d1)) = (c.get(0), c.get(2), num(c, 3)) else {
        return;
    };
    if !starts_upper(mw.as_str()) {
        return;
    }
    let Some(m1) = lexicon::month_number(mw.as_str()) else {
        return;
    };
    let mut end = all.end();
    let mut year = c
        .get(6)
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| plausible_year(*y));
    if c.get(6).is_some() && year.is_none() {
        // "May 9 2100 troops": the trailing number is not ours.
        end = c.get(5).or(c.get(3)).map(|m| m.end()).unwrap_or(end);
    }
    if let (Some(y), Some(ym)) = (year, c.get(6)) {
        if glued_number(text, ym.start(), ym.end()) {
            year = None;
            end = c.get(5).or(c.get(3)).map(|m| m.end()).unwrap_or(end);
        }
        let _ = y;
    }
    // The day must stand alone: "March 1,500" or "May 35" are not dates.
    let day_end = c.get(3).map(|m| m.end()).unwrap_or(end);
    let after_day = text.get(day_end..).unwrap_or("");
    let ord_len = after_day
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .count();
    let after_day = &after_day[ord_len..];
    if after_day.starts_with([',', '.', ':'])
        && after_day[1..].starts_with(|ch: char| ch.is_ascii_digit())
    {
        return;
    }
    if !valid_day(m1, d1) {
        return;
    }
    let year = match (year, c.get(7)) {
        (Some(y), _) => YearRef::Absolute(y),
        (None, Some(rel)) => year_ref(None, Some(rel.as_str())),
        (None, None) => YearRef::Undefined,
    };
    let start = all.start();
    if let Some(d2) = num(c, 5) {
        let m2 = c
            .get(4)
            .and_then(|m| lexicon::month_number(m.as_str()))
            .unwrap_or(m1);
        if valid_day(m2, d2) && (m2, d2) > (m1, d1) {
            push(
                start,
                end,
                Spec::DayRange {
                    year,
                    from: (m1, d1),
                    to: (m2, d2),
                },
                0,
            );
            return;
        }
        end = c.get(3).map(|m| m.end()).unwrap_or(end);
        end += ord_len;
        if let Some(y) = c.get(6) {
            let _ = y;
        }
        push(start, end, day(YearRef::Undefined, m1, d1), 0);
        return;
    }
    push(start, end, day(year, m1, d1), 0);
}

fn day_month(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(d1m), Some(mw)) = (c.get(0), c.get(2), c.get(4)) else {
        return;
    };
    if !starts_upper(mw.as_str()) {
        return;
    }
    let Some(m) = lexicon::month_number(mw.as_str()) else {
        return;
    };
    let Ok(d1) = d1m.as_str().parse::<u32>() else {
        return;
    };
    if !valid_day(m, d1) {
        return;
    }
    if matches!(before(text, d1m.start(), 1), "-" | "," | "." | "/" | "$") {
        return;
    }
    let mut end = all.end();
    let mut year = c
        .get(5)
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| plausible_year(*y));
    if let Some(ym) = c.get(5) {
        if year.is_none() || glued_number(text, ym.start(), ym.end()) {
            year = None;
            end = mw.end();
        }
    }
    let year = year.map(YearRef::Absolute).unwrap_or(YearRef::Undefined);
    if let Some(d2) = num(c, 3) {
        if valid_day(m, d2) && d2 > d1 {
            push(
                all.start(),
                end,
                Spec::DayRange {
                    year,
                    from: (m, d1),
                    to: (m, d2),
                },
                0,
            );
        }
        return;
    }
    push(all.start(), end, day(year, m, d1), 0);
}

fn month_alone(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(mw)) = (c.get(0), c.get(2)) else {
        return;
    };
    let word = mw.as_str();
    if !starts_upper(word) {
        return;
    }
    let Some(month) = lexicon::month_number(word) else {
        return;
    };
    let lead = c.get(1).map(|m| m.as_str());
    // "October of the previous year" is one expression: last year's October.
    let trail = c.get(3).map(|m| m.as_str()).or(c.get(4).map(|m| {
        match m.as_str().to_ascii_lowercase().as_str() {
            "previous" | "preceding" => "last",
            "following" => "next",
            _ => "this",
        }
    }));
    let has_context = lead.is_some() || trail.is_some();
    let after = text.get(mw.end()..).unwrap_or("");
    // Possessive of a name ("May's government") or a name followed by a
    // surname ("June Carter") — but "June This year" from machine translation
    // is still a month.
    let next = next_word(text, mw.end());
    let next_is_name = starts_upper(next)
        && !after.starts_with([',', '.', ';', ':'])
        && !matches!(
            next.to_ascii_lowercase().trim_end_matches([',', '.']),
            "this" | "last" | "next" | "and" | "or"
        );
    let prev = prev_word(text, all.start());
    let prev_l = prev.to_ascii_lowercase();
    let prev_is_context = matches!(
        prev_l.trim_matches(|ch: char| !ch.is_alphanumeric()),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "to"
            | "through"
            | "during"
            | "before"
            | "after"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "and"
            | "or"
            | "between"
            | "around"
            | "last"
            | "next"
            | "this"
            | "every"
            | "each"
            | "for"
            | "as"
            | "late-"
            | "early-"
    ) || before(text, all.start(), 4).eq_ignore_ascii_case("mid-");
    let prev_is_name = starts_upper(prev)
        && !prev_is_context
        && !is_date_word(prev)
        && !matches!(
            prev_l.trim_matches(|ch: char| !ch.is_alphanumeric()),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "its"
                | "his"
                | "her"
                | "their"
                | "during"
                | "on"
                | "at"
                | "for"
        );
    if prev_is_name {
        return;
    }
    if lexicon::month_is_ambiguous(word) && !(has_context || prev_is_context) {
        return;
    }
    // "June Carter", "May Day": a name unless a preposition makes it a month
    // ("in June Kim visited").
    // Coordination does not license a name ("Hungary and Jan Kavan"), and an
    // undotted abbreviation before a capitalized word is a first name.
    let coordinated = matches!(prev_l.as_str(), "and" | "or");
    let bare_abbrev = word.len() <= 4
        && !word.ends_with('.')
        && lexicon::month_number(word).is_some()
        && !matches!(word.to_ascii_lowercase().as_str(), "may" | "june" | "july");
    if next_is_name && trail.is_none() && (!prev_is_context || coordinated || bare_abbrev) {
        return;
    }
    push(
        all.start(),
        all.end(),
        Spec::Month {
            year: match trail {
                Some(_) => year_ref(None, trail),
                None => lead_ref(lead),
            },
            month,
        },
        2,
    );
}

/// A bare four-digit number that reads as a year, or `None`.
fn year_token(text: &str, start: usize, end: usize) -> Option<i32> {
    let y: i32 = text.get(start..end)?.parse().ok()?;
    let prev = prev_word(text, start);
    let prev_l = prev
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .to_ascii_lowercase();
    let strong = matches!(
        prev_l.as_str(),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "of"
            | "during"
            | "before"
            | "after"
            | "year"
            | "through"
            | "between"
            | "and"
            | "to"
    );
    let range_ok = if strong {
        plausible_year(y)
    } else {
        (1900..=2100).contains(&y)
    };
    if !range_ok || glued_number(text, start, end) {
        return None;
    }
    if lexicon::is_identifier_head(&prev_l) && !strong {
        return None;
    }
    // "No. 2023", "Resolution 2087", "G7 2024"? An identifier head decides.
    let next = next_word(text, end);
    if lexicon::is_count_noun(next) {
        return None;
    }
    Some(y)
}
