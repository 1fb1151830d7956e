//! Dates left in the source language by machine translation: Russian
//! ("8 ноября", "8 ноября 2025 года") and Korean ("2025년 11월 8일", "11월 8일").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{num, re, valid_day};
use super::{day, Spec, YearRef};

static RUSSIAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+(\d{4})(?:\s*(?:года|г\.))?)?",
    )
});
static KOREAN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일"));

fn russian_month(word: &str) -> Option<u32> {
    let months = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let w = word.to_lowercase();
    months.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

/// "8 ноября 2025 года", "2025년 11월 8일".
pub(super) fn translated_dates(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    // Most texts have neither script: skip the scans.
    if text.is_ascii() {
        return;
    }
    for c in RUSSIAN.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(d), Some(m)) = (num(&c, 1), c.get(2).and_then(|m| russian_month(m.as_str())))
        else {
            continue;
        };
        let year = match num(&c, 3) {
            Some(y) => YearRef::Absolute(y as i32),
            None => YearRef::Undefined,
        };
        if valid_day(m, d) {
            push(all.start, all.end, day(year, m, d), 0);
        }
    }
    for c in KOREAN.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(m), Some(d)) = (num(&c, 2), num(&c, 3)) else {
            continue;
        };
        let year = match num(&c, 1) {
            Some(y) => YearRef::Absolute(y as i32),
            None => YearRef::Undefined,
        };
        if valid_day(m, d) {
            push(all.start, all.end, day(year, m, d), 0);
        }
    }
}
