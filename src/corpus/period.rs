//! Calendar periods (ISO week, month, quarter) that periodic briefings are
//! cut by: their ids (`2025-W45`, `2025-11`, `2025-Q4`), bounds and labels.
//!
//! Weeks are ISO 8601 weeks, numbered in their ISO week-year, so the week of
//! Monday 30 December 2024 is `2025-W01`: a week never straddles two ids.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;
use std::fmt;

use crate::config::Period;

/// English month names and their abbreviations, for every date label of
/// the site (pages, briefings, charts).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One briefing period. Ordered by time (all ids of one site share a kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PeriodId {
    /// ISO week-year and week number (1–53).
    Week {
        year: i32,
        week: u32,
    },
    Month {
        year: i32,
        month: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
}

impl PeriodId {
    /// The period of kind `kind` that contains `day`.
    pub fn containing(day: NaiveDate, kind: Period) -> PeriodId {
        match kind {
            Period::Week => {
                let w = day.iso_week();
                PeriodId::Week {
                    year: w.year(),
                    week: w.week(),
                }
            }
            Period::Month => PeriodId::Month {
                year: day.year(),
                month: day.month(),
            },
            Period::Quarter => PeriodId::Quarter {
                year: day.year(),
                quarter: (day.month() - 1) / 3 + 1,
            },
        }
    }

    /// Reads `2025-W45`, `2025-11` or `2025-Q4`; `None` for anything else,
    /// including weeks and months that do not exist.
    pub fn parse(text: &str) -> Option<PeriodId> {
        let (year, rest) = text.trim().split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let number = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let id = if let Some(w) = rest.strip_prefix('W') {
            PeriodId::Week {
                year,
                week: number(w)?,
            }
        } else if let Some(q) = rest.strip_prefix('Q') {
            PeriodId::Quarter {
                year,
                quarter: number(q)?,
            }
        } else {
            if rest.len() != 2 {
                return None;
            }
            PeriodId::Month {
                year,
                month: number(rest)?,
            }
        };
        id.bounds().map(|_| id)
    }

    pub fn kind(self) -> Period {
        match self {
            PeriodId::Week { .. } => Period::Week,
            PeriodId::Month { .. } => Period::Month,
            PeriodId::Quarter { .. } => Period::Quarter,
        }
    }

    /// First and last day (inclusive); `None` for an impossible id.
    pub fn bounds(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            PeriodId::Week { year, week } => {
                let start = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
                let end = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
                Some((start, end))
            }
            PeriodId::Month { year, month } => {
                let start = NaiveDate::from_ymd_opt(year, month, 1)?;
                Some((start, last_day_of_month(year, month)?))
            }
            PeriodId::Quarter { year, quarter } => {
                if !(1..=4).contains(&quarter) {
                    return None;
                }
                let first = (quarter - 1) * 3 + 1;
                let start = NaiveDate::from_ymd_opt(year, first, 1)?;
                Some((start, last_day_of_month(year, first + 2)?))
            }
        }
    }

    /// "November 2025", "Week 45, 2025 (3–9 Nov)", "Q4 2025".
    pub fn label(self) -> String {
        match self {
            PeriodId::Week { year, week } => match self.bounds() {
                Some((start, end)) => format!("Week {week}, {year} ({})", day_range(start, end)),
                None => format!("Week {week}, {year}"),
            },
            PeriodId::Month { year, month } => {
                format!("{} {year}", long_month(month))
            }
            PeriodId::Quarter { year, quarter } => format!("Q{quarter} {year}"),
        }
    }

    /// What one of these is called: "week", "month", "quarter".
    pub fn noun(self) -> &'static str {
        match self {
            PeriodId::Week { .. } => "week",
            PeriodId::Month { .. } => "month",
            PeriodId::Quarter { .. } => "quarter",
        }
    }
}

impl fmt::Display for PeriodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodId::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            PeriodId::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PeriodId::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
        }
    }
}

/// The period of kind `kind` that wholly contains the days `start..=end`,
/// if one does (a day, a week inside one month, a month inside a quarter).
pub fn enclosing(start: NaiveDate, end: NaiveDate, kind: Period) -> Option<PeriodId> {
    let id = PeriodId::containing(start, kind);
    (start <= end && PeriodId::containing(end, kind) == id).then_some(id)
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn long_month(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i as usize))
        .copied()
        .unwrap_or("")
}

fn short_month(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTH_ABBREVIATIONS.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// "3–9 Nov", or "27 Oct – 2 Nov" across a month boundary.
fn day_range(start: NaiveDate, end: NaiveDate) -> String {
    if start.month() == end.month() {
        format!("{}–{} {}", start.day(), end.day(), short_month(end.month()))
    } else {
        format!(
            "{} {} – {} {}",
            start.day(),
            short_month(start.month()),
            end.day(),
            short_month(end.month())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn id(s: &str, kind: Period) -> String {
        PeriodId::containing(day(s), kind).to_string()
    }

    #[test]
    fn weeks_are_iso_weeks_of_their_week_year() {
        assert_eq!(id("2025-11-03", Period::Week), "2025-W45");
        assert_eq!(id("2025-11-09", Period::Week), "2025-W45");
        assert_eq!(id("2025-11-10", Period::Week), "2025-W46");
        // Monday 30 December 2024 starts the first week of 2025.
        assert_eq!(id("2024-12-30", Period::Week), "2025-W01");
        assert_eq!(id("2025-01-05", Period::Week), "2025-W01");
        // Friday 1 January 2021 still belongs to the last week of 2020.
        assert_eq!(id("2021-01-01", Period::Week), "2020-W53");
        assert_eq!(id("2026-12-31", Period::Week), "2026-W53");
    }

    #[test]
    fn months_and_quarters() {
        assert_eq!(id("2025-11-30", Period::Month), "2025-11");
        assert_eq!(id("2025-01-01", Period::Quarter), "2025-Q1");
        assert_eq!(id("2025-03-31", Period::Quarter), "2025-Q1");
        assert_eq!(id("2025-04-01", Period::Quarter), "2025-Q2");
        assert_eq!(id("2025-12-31", Period::Quarter), "2025-Q4");
    }

    #[test]
    fn ids_parse_back_and_impossible_ones_are_refused() {
        for s in ["2025-W45", "2020-W53", "2025-11", "2025-Q4"] {
            assert_eq!(
                PeriodId::parse(s).map(|p| p.to_string()).as_deref(),
                Some(s)
            );
        }
        for s in [
            "2025-W54",
            "2021-W53",
            "2025-W00",
            "2025-13",
            "2025-00",
            "2025-Q5",
            "2025-Q0",
            "2025-1",
            "25-11",
            "2025",
            "2025-11-08",
            "November",
            "",
        ] {
            assert_eq!(PeriodId::parse(s), None, "{s}");
        }
    }

    #[test]
    fn bounds_and_labels() {
        let w = PeriodId::parse("2025-W45").unwrap();
        assert_eq!(w.bounds(), Some((day("2025-11-03"), day("2025-11-09"))));
        assert_eq!(w.label(), "Week 45, 2025 (3–9 Nov)");
        let w1 = PeriodId::parse("2025-W01").unwrap();
        assert_eq!(w1.label(), "Week 1, 2025 (30 Dec – 5 Jan)");
        let m = PeriodId::parse("2024-02").unwrap();
        assert_eq!(m.bounds(), Some((day("2024-02-01"), day("2024-02-29"))));
        assert_eq!(m.label(), "February 2024");
        let q = PeriodId::parse("2025-Q4").unwrap();
        assert_eq!(q.bounds(), Some((day("2025-10-01"), day("2025-12-31"))));
        assert_eq!(q.label(), "Q4 2025");
    }

    #[test]
    fn ids_sort_in_time_order() {
        let mut ids: Vec<PeriodId> = ["2025-W02", "2024-W52", "2025-W01", "2024-W09"]
            .iter()
            .filter_map(|s| PeriodId::parse(s))
            .collect();
        ids.sort();
        let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2024-W09", "2024-W52", "2025-W01", "2025-W02"]);
    }

    #[test]
    fn enclosing_needs_the_whole_interval_inside() {
        let m = |s, e| enclosing(day(s), day(e), Period::Month).map(|p| p.to_string());
        assert_eq!(m("2025-11-08", "2025-11-08").as_deref(), Some("2025-11"));
        assert_eq!(m("2025-11-01", "2025-11-30").as_deref(), Some("2025-11"));
        assert_eq!(m("2025-01-01", "2025-12-31"), None);
        let q = enclosing(day("2025-11-01"), day("2025-11-30"), Period::Quarter);
        assert_eq!(q.map(|p| p.to_string()).as_deref(), Some("2025-Q4"));
        // A week across a month boundary fits no month.
        assert_eq!(m("2025-09-29", "2025-10-05"), None);
    }
}
