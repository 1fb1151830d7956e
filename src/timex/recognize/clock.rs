//! Clock times ("2:22 a.m.", "at 14:00", "noon", "0600 GMT").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{before, num, re};
use super::Spec;

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:at|by|around|until|from)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|\b(?:at|by|around|until|from)\s+(\d{1,2}):(\d{2})(?:\s*(?:GMT|UTC|KST|MSK|JST|EST|EDT|CET|BST|local\s+time))?\b|\b(noon|midnight)\b|\b([01]\d|2[0-3])([0-5]\d)\s*(?:GMT|UTC|KST|MSK|JST|hrs|hours|local\s+time)\b|\b([01]?\d|2[0-3]):([0-5]\d)\s*(?:GMT|UTC|KST|MSK|JST|EST|EDT|CET|BST|hrs|local\s+time)\b",
    )
});

/// "2:22 a.m.", "at 14:00", "noon", "0600 GMT".
pub(super) fn clock_times(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in CLOCK.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (hour, minute, span) = if let Some(h) = num(&c, 1) {
            let pm = c
                .get(3)
                .is_some_and(|m| m.as_str().to_ascii_lowercase().starts_with('p'));
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            let start = c.get(1).map(|m| m.start()).unwrap_or(all.start);
            (h, num(&c, 2).unwrap_or(0), start..all.end)
        } else if let Some(h) = num(&c, 4) {
            let start = c.get(4).map(|m| m.start()).unwrap_or(all.start);
            (h, num(&c, 5).unwrap_or(0), start..all.end)
        } else if let Some(w) = c.get(6) {
            let h = if w.as_str().eq_ignore_ascii_case("noon") {
                12
            } else {
                0
            };
            (h, 0, all.clone())
        } else if let Some(h) = num(&c, 7) {
            (h, num(&c, 8).unwrap_or(0), all.clone())
        } else {
            (
                num(&c, 9).unwrap_or(99),
                num(&c, 10).unwrap_or(0),
                all.clone(),
            )
        };
        let glued = matches!(before(text, span.start, 1), "-" | "/" | "." | "," | "$")
            || before(text, span.start, 1)
                .chars()
                .any(|ch| ch.is_ascii_digit());
        if hour < 24 && minute < 60 && !glued {
            push(span.start, span.end, Spec::Clock { hour, minute }, 1);
        }
    }
}
