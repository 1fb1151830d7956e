//! Turning TIMEX3-style values into what a page needs: a valid HTML
//! `datetime` attribute where one exists, and a label a reader understands.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})$").expect("valid regex"));
static MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})$").expect("valid regex"));
static DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").expect("valid regex"));
static WEEK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-W(\d{2})$").expect("valid regex"));
static DAY_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$").expect("valid regex")
});
/// ISO 8601 durations. HTML accepts only the unambiguous components (days,
/// hours, minutes, seconds); weeks convert exactly to days, while years and
/// months have no fixed length and so have no HTML form.
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?)$")
        .expect("valid regex")
});

pub use crate::corpus::period::{MONTH_ABBREVIATIONS, MONTH_NAMES};

/// The value as an HTML `datetime` attribute, or `None` when HTML has no
/// valid representation for it (`1950/1953`, `2024-SU`, `199X`, `P1Y`…).
pub fn html_datetime(value: &str) -> Option<String> {
    if YEAR.is_match(value) {
        return (value != "0000").then(|| value.to_string());
    }
    if let Some(c) = MONTH.captures(value) {
        let month: u32 = c[2].parse().ok()?;
        return ((1..=12).contains(&month) && &c[1] != "0000").then(|| value.to_string());
    }
    if DAY.is_match(value) {
        return NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .ok()
            .map(|_| value.to_string());
    }
    if let Some(c) = WEEK.captures(value) {
        let week: u32 = c[2].parse().ok()?;
        let year: i32 = c[1].parse().ok()?;
        // A year has 53 ISO weeks only sometimes; chrono knows which.
        return NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).map(|_| value.into());
    }
    if let Some(c) = DAY_TIME.captures(value) {
        NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok()?;
        let hour: u32 = c[2].parse().ok()?;
        let minute: u32 = c[3].parse().ok()?;
        let second: u32 = c.get(4).map_or(Some(0), |s| s.as_str().parse().ok())?;
        return (hour < 24 && minute < 60 && second < 60).then(|| value.to_string());
    }
    if let Some(c) = DURATION.captures(value) {
        if let Some(weeks) = c.get(1) {
            let weeks: u64 = weeks.as_str().parse().ok()?;
            return Some(format!("P{}D", weeks.checked_mul(7)?));
        }
        // "P" or "PT" alone carry no component and are not durations.
        let any = (2..=5).any(|i| c.get(i).is_some());
        return any.then(|| value.to_string());
    }
    None
}

/// The words a date label is made of, in the site's language (see
/// `render::i18n`); [`DateWords::english`] gives [`label`]'s.
#[derive(Debug, Clone)]
pub struct DateWords {
    /// The twelve month names, standing alone ("June 2024").
    pub months: Vec<String>,
    /// The month names after a day number ("27 July 2023"), for languages
    /// that decline them.
    pub months_of: Vec<String>,
    /// Patterns with `{day}`, `{month}`, `{year}`, `{week}`, `{decade}`.
    pub day: String,
    pub month: String,
    pub week: String,
    pub decade: String,
    /// "on or before {date}".
    pub on_or_before: String,
    /// Spring, summer, autumn, winter; the four quarters; the two halves
    /// (each with `{year}`).
    pub seasons: [String; 4],
    pub quarters: [String; 4],
    pub halves: [String; 2],
}

impl DateWords {
    pub fn english() -> DateWords {
        let s = |x: &str| x.to_string();
        DateWords {
            months: MONTH_NAMES.iter().map(|m| s(m)).collect(),
            months_of: MONTH_NAMES.iter().map(|m| s(m)).collect(),
            day: s("{day} {month} {year}"),
            month: s("{month} {year}"),
            week: s("week {week}, {year}"),
            decade: s("the {decade}s"),
            on_or_before: s("on or before {date}"),
            seasons: ["spring", "summer", "autumn", "winter"].map(|n| format!("{n} {{year}}")),
            quarters: ["first", "second", "third", "fourth"]
                .map(|n| format!("{n} quarter {{year}}")),
            halves: ["first", "second"].map(|n| format!("{n} half {{year}}")),
        }
    }
}

fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// A human label for a TIMEX3 value: "27 July 2023", "June 2024",
/// "week 36, 2023", "summer 2024", "1950–1953", "the 1990s".
pub fn label(value: &str) -> String {
    static ENGLISH: LazyLock<DateWords> = LazyLock::new(DateWords::english);
    label_with(value, &ENGLISH)
}

/// [`label`] in the words given.
pub fn label_with(value: &str, words: &DateWords) -> String {
    let name = |names: &[String], month: u32| -> Option<String> {
        names.get(month.checked_sub(1)? as usize).cloned()
    };
    if DAY.is_match(value) {
        if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            let month = name(&words.months_of, chrono::Datelike::month(&d)).unwrap_or_default();
            return fill(
                &words.day,
                &[
                    ("day", &chrono::Datelike::day(&d).to_string()),
                    ("month", &month),
                    ("year", &chrono::Datelike::year(&d).to_string()),
                ],
            );
        }
    }
    if let Some(c) = MONTH.captures(value) {
        if let Some(month) = c[2].parse().ok().and_then(|m| name(&words.months, m)) {
            return fill(&words.month, &[("month", &month), ("year", &c[1])]);
        }
    }
    if let Some(c) = WEEK.captures(value) {
        return fill(
            &words.week,
            &[("week", c[2].trim_start_matches('0')), ("year", &c[1])],
        );
    }
    if let Some((year, part)) = value.split_once('-') {
        if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
            let named = match part {
                "SP" => Some(&words.seasons[0]),
                "SU" => Some(&words.seasons[1]),
                "FA" | "AU" => Some(&words.seasons[2]),
                "WI" => Some(&words.seasons[3]),
                "Q1" => Some(&words.quarters[0]),
                "Q2" => Some(&words.quarters[1]),
                "Q3" => Some(&words.quarters[2]),
                "Q4" => Some(&words.quarters[3]),
                "H1" => Some(&words.halves[0]),
                "H2" => Some(&words.halves[1]),
                _ => None,
            };
            if let Some(named) = named {
                return fill(named, &[("year", year)]);
            }
        }
    }
    if let Some((from, to)) = value.split_once('/') {
        // Two days: "12–16 September 2025", "28 August – 3 September 2025".
        let days = (
            NaiveDate::parse_from_str(from, "%Y-%m-%d"),
            NaiveDate::parse_from_str(to, "%Y-%m-%d"),
        );
        if let (Ok(a), Ok(b)) = days {
            use chrono::Datelike;
            let day = |d: NaiveDate, year: &str| {
                let month = name(&words.months_of, d.month()).unwrap_or_default();
                fill(
                    &words.day,
                    &[
                        ("day", &d.day().to_string()),
                        ("month", &month),
                        ("year", year),
                    ],
                )
                .trim()
                .to_string()
            };
            let last = day(b, &b.year().to_string());
            if a.year() == b.year() && a.month() == b.month() {
                return format!("{}–{last}", a.day());
            }
            if a.year() == b.year() {
                return format!("{} – {last}", day(a, ""));
            }
        }
        return format!("{}–{}", label_with(from, words), label_with(to, words));
    }
    if value.len() == 4 && value.ends_with('X') {
        if let Some(decade) = value.strip_suffix('X') {
            if decade.chars().all(|c| c.is_ascii_digit()) {
                return fill(&words.decade, &[("decade", &format!("{decade}0"))]);
            }
        }
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_html_datetimes_pass_through() {
        for v in [
            "2011",
            "2024-06",
            "2023-07-27",
            "2023-W36",
            "P3D",
            "PT2H30M",
        ] {
            assert_eq!(html_datetime(v).as_deref(), Some(v), "{v}");
        }
        assert_eq!(html_datetime("P2W").as_deref(), Some("P14D"));
        assert_eq!(
            html_datetime("2023-07-27T10:30").as_deref(),
            Some("2023-07-27T10:30")
        );
    }

    #[test]
    fn values_without_an_html_form_are_refused() {
        for v in [
            "1950/1953",
            "2024-SU",
            "199X",
            "P1Y",
            "P6M",
            "XXXX-XX-XX",
            "2023-13",
            "2023-02-30",
            "2021-W53",
            "P",
            "PAST_REF",
        ] {
            assert_eq!(html_datetime(v), None, "{v}");
        }
    }

    #[test]
    fn labels_read_like_prose() {
        assert_eq!(label("2023-07-27"), "27 July 2023");
        assert_eq!(label("2024-06"), "June 2024");
        assert_eq!(label("2023-W36"), "week 36, 2023");
        assert_eq!(label("2024-SU"), "summer 2024");
        assert_eq!(label("1950/1953"), "1950–1953");
        assert_eq!(label("2025-09-12/2025-09-16"), "12–16 September 2025");
        assert_eq!(
            label("2025-08-28/2025-09-03"),
            "28 August – 3 September 2025"
        );
        assert_eq!(label("199X"), "the 1990s");
        assert_eq!(label("2011"), "2011");
    }
}
