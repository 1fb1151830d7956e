//! Sets: recurring times ("every week", "annually", "twice a year").

use std::sync::LazyLock;

use regex::Regex;

use super::scan::re;
use super::Spec;
use crate::timex::lexicon::{self, WEEKDAY_ALT};

static SET: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(every|each)\s+(other\s+|two\s+|three\s+|four\s+|five\s+|\d{{1,2}}\s+)?(days?|weeks?|months?|years?|morning|evening|night|summer|winter|spring|autumn|{WEEKDAY_ALT})|(annually|yearly)|(once|twice|three\s+times)\s+a\s+(day|week|month|year)|(daily|weekly|monthly|hourly))\b"
    ))
});

/// "every week", "each Monday", "annually", "twice a year".
pub(super) fn sets(text: &str, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    for c in SET.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if let Some(w) = c.get(7) {
            // "Daily Mail", "Weekly Standard": a title, not a rate.
            if w.as_str().starts_with(|ch: char| ch.is_uppercase())
                && !super::scan::is_sentence_start(text, w.start())
            {
                continue;
            }
            let value = match w.as_str().to_ascii_lowercase().as_str() {
                "daily" => "P1D",
                "weekly" => "P1W",
                "monthly" => "P1M",
                "hourly" => "PT1H",
                _ => "P3M",
            };
            push(all.start, all.end, Spec::Set(value.to_string()), 1);
            continue;
        }
        let value = if let Some(u) = c.get(3) {
            let n = match c.get(2).map(|m| m.as_str().trim().to_ascii_lowercase()) {
                Some(w) if w == "other" => 2,
                Some(w) => lexicon::number_value(&w).unwrap_or(1),
                None => 1,
            };
            let w = u.as_str().to_ascii_lowercase();
            let plural = n > 1 && w.ends_with('s');
            let w = if plural || n == 1 && w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                w.trim_end_matches('s').to_string()
            } else {
                w
            };
            if let Some(wd) = lexicon::weekday_number(&w) {
                format!("XXXX-WXX-{wd}")
            } else if let Some(code) = lexicon::season_code(&w) {
                format!("XXXX-{code}")
            } else if let Some(code) = lexicon::part_of_day_code(&w) {
                format!("TXX{code}")
            } else {
                match w.as_str() {
                    "day" => format!("P{n}D"),
                    "week" => format!("P{n}W"),
                    "month" => format!("P{n}M"),
                    _ => format!("P{n}Y"),
                }
            }
        } else if c.get(4).is_some() {
            "P1Y".to_string()
        } else {
            match c.get(6).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
                Some("day") => "P1D".to_string(),
                Some("week") => "P1W".to_string(),
                Some("month") => "P1M".to_string(),
                _ => "P1Y".to_string(),
            }
        };
        push(all.start, all.end, Spec::Set(value), 1);
    }
}
