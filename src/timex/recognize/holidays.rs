//! Holidays: fixed-date ones ("Victory Day", "the Day of the Sun") and
//! movable ones whose date the calendar computes (Easter, Thanksgiving).

use std::sync::LazyLock;

use regex::Regex;

use super::scan::re;
use super::{day, Movable, Spec, YearRef};

/// Movable holidays computable from the Gregorian calendar. (Lunar New Year,
/// Nowruz and Eid need astronomical or lunar tables and are not included.)
static MOVABLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(Easter(?:\s+Sunday|\s+Day)?)|(Good\s+Friday)|(Easter\s+Monday)|(Thanksgiving(?:\s+Day)?))\b",
    )
});

/// Fixed-date holidays common in Russia–DPRK news.
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(Victory\s+Day)|(?:the\s+)?(Day\s+of\s+the\s+Sun)|(?:the\s+)?(Day\s+of\s+the\s+Shining\s+Star)|(Liberation\s+Day)|(Party\s+Foundation\s+Day)|(?:the\s+)?(Day\s+of\s+the\s+Foundation\s+of\s+the\s+(?:DPRK|Republic)|Republic\s+Foundation\s+Day)|(Russia\s+Day)|(Defender\s+of\s+the\s+Fatherland\s+Day)|((?:National\s+)?Unity\s+Day)|(New\s+Year's\s+Day|New\s+Year’s\s+Day)|(Christmas(?:\s+Day)?)|(Day\s+of\s+Songun))\b",
    )
});
/// Text that marks a "Victory Day" as the DPRK's (27 July, the 1953
/// armistice) rather than Russia's (9 May).
static DPRK_VICTORY_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)Fatherland\s+Liberation\s+War|armistice|Korean\s+War"));

/// A holiday name as the day it falls on, the year left open.
pub(super) fn holidays(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    // Scanned once per text, only when a "Victory Day" needs it.
    let dprk_victory = std::cell::OnceCell::new();
    for c in HOLIDAY.captures_iter(text) {
        let Some(all) = c.get(0) else {
            continue;
        };
        let group = (1..=12).find(|i| c.get(*i).is_some()).unwrap_or(0);
        let (month, day_of_month) = match group {
            1 => {
                // The DPRK's "Victory Day" is the armistice day; say so only
                // when the article speaks of that war.
                if *dprk_victory.get_or_init(|| DPRK_VICTORY_CONTEXT.is_match(text)) {
                    (7, 27)
                } else {
                    (5, 9)
                }
            }
            2 => (4, 15),
            3 => (2, 16),
            4 => (8, 15),
            5 => (10, 10),
            6 => (9, 9),
            7 => (6, 12),
            8 => (2, 23),
            9 => (11, 4),
            10 => (1, 1),
            11 => (12, 25),
            12 => (8, 25),
            _ => continue,
        };
        push(
            all.start(),
            all.end(),
            day(YearRef::Undefined, month, day_of_month),
            1,
        );
    }
}

/// "Easter", "Good Friday", "Thanksgiving Day": the day in the year chosen
/// like a month and day's.
pub(super) fn movable_holidays(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in MOVABLE.captures_iter(text) {
        let Some(all) = c.get(0) else {
            continue;
        };
        // "Easter week", "Easter eggs": the word modifies another noun
        // unless it is the day itself.
        let next = super::scan::next_word(text, all.end()).to_ascii_lowercase();
        if matches!(
            next.as_str(),
            "week" | "weekend" | "season" | "holiday" | "holidays"
        ) {
            continue;
        }
        let holiday = if c.get(1).is_some() {
            Movable::Easter
        } else if c.get(2).is_some() {
            Movable::GoodFriday
        } else if c.get(3).is_some() {
            Movable::EasterMonday
        } else {
            Movable::Thanksgiving
        };
        push(all.start(), all.end(), Spec::Movable(holiday), 1);
    }
}

/// Gregorian Easter Sunday (the anonymous Gregorian algorithm) as (month, day).
pub fn easter(year: i32) -> (u32, u32) {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u32, day as u32)
}
