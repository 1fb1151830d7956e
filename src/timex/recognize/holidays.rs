//! Fixed-date holidays ("Victory Day", "the Day of the Sun").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::re;
use super::{day, Spec, YearRef};

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
