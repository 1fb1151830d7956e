//! Publication-date inference for articles that do not carry one. The
//! evidence, strongest first: a dateline ("Seoul, Sep 17 (EFE).-") gives month
//! and day; weekdays in the lede must agree with that day ("reported Sunday"
//! fits only the years in which Sep 17 is a Sunday or a Monday); explicit
//! past years in the text and role tenures from the knowledge base bound the
//! year. No system clock is consulted, so the result is deterministic.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;

use super::annotate;
use super::lexicon::{self, MONTH_ALT};
use super::tense::{self, Tense};
use crate::corpus::{Anchoring, Granularity, TimexKind, TimexMod};

/// A bound on the publication date from outside the text, e.g. a role
/// tenure: "Defense Minister Sergei Shoigu" → not after 2024-05-12.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateConstraint {
    pub not_before: Option<NaiveDate>,
    pub not_after: Option<NaiveDate>,
    /// Why the bound holds, for the evidence trail.
    pub reason: String,
}

/// An inferred publication date and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InferredDate {
    /// The date; for `Granularity::Year` the first day of that year.
    pub date: NaiveDate,
    /// Day when a dateline gave month and day, Year when only the year is known.
    pub granularity: Granularity,
    /// One line per piece of evidence, in the order it was applied.
    pub evidence: Vec<String>,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^\s*[A-Z][\p{{L}}.'’ -]{{1,40}},\s+({MONTH_ALT}\s*\d{{1,2}}(?:,?\s+\d{{4}})?)\b"
    ))
    .expect("static regex")
});

static WEEKDAY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
        .expect("static regex")
});

/// Month, day and (if written) year of a dateline string like "Sep 17".
fn parse_month_day(s: &str) -> Option<(u32, u32, Option<i32>)> {
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let month = lexicon::month_number(words.next()?)?;
    let day: u32 = words
        .next()?
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.')
        .parse()
        .ok()?;
    let year = words.next().and_then(|w| w.parse::<i32>().ok());
    Some((month, day, year))
}

/// Infers the publication date of `text`. `dateline_date` is the date part of
/// a dateline found by ingest ("Sep 17"); when it is `None` the opening lines
/// are searched for one. `constraints` bound the date from outside.
pub fn infer_publication_date(
    text: &str,
    dateline_date: Option<&str>,
    constraints: &[DateConstraint],
) -> Option<InferredDate> {
    let mut evidence = Vec::new();

    // 1. Month and day from the dateline.
    let head_end = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 1500)
        .unwrap_or(text.len());
    let found_dateline = DATELINE.captures(&text[..head_end]);
    let (dateline, dateline_pos) = match dateline_date {
        Some(d) => (Some(d.to_string()), text.find(d)),
        None => match found_dateline.as_ref().and_then(|c| c.get(1)) {
            Some(m) => (Some(m.as_str().to_string()), Some(m.start())),
            None => (None, None),
        },
    };
    let month_day = dateline.as_deref().and_then(parse_month_day);
    if let (Some(d), Some(_)) = (&dateline, month_day) {
        evidence.push(format!("dateline gives month and day: \"{d}\""));
    }
    if let Some((m, d, Some(y))) = month_day {
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            evidence.push("the dateline states the year".to_string());
            return Some(InferredDate {
                date,
                granularity: Granularity::Day,
                evidence,
            });
        }
    }

    // 2. Bounds: constraints, then the latest year the text reports as past.
    let mut not_before: Option<NaiveDate> = None;
    let mut not_after: Option<NaiveDate> = None;
    for c in constraints {
        if let Some(b) = c.not_before {
            if not_before.is_none_or(|x| b > x) {
                not_before = Some(b);
            }
            evidence.push(format!("not before {b}: {}", c.reason));
        }
        if let Some(a) = c.not_after {
            if not_after.is_none_or(|x| a < x) {
                not_after = Some(a);
            }
            evidence.push(format!("not after {a}: {}", c.reason));
        }
    }
    let sentences = crate::lang::sentences(text);
    let mut latest_past_year: Option<(i32, String)> = None;
    let mut tenses = tense::TenseCache::default();
    for t in annotate(text, None) {
        let usable = t.kind == TimexKind::Date
            && t.anchoring == Anchoring::Absolute
            && !matches!(t.modifier, Some(TimexMod::Until | TimexMod::Before));
        let Some(iv) = t.interval.filter(|_| usable) else {
            continue;
        };
        // The first sentence holding the start (sentences are sorted and
        // disjoint): a binary search, not a scan per expression.
        let i = sentences.partition_point(|s| s.end <= t.start);
        let sentence = sentences
            .get(i)
            .filter(|s| s.start <= t.start && t.start < s.end)
            .map(|s| s.range())
            .unwrap_or(0..text.len());
        if tenses.tense_at(text, sentence, t.start..t.end) == Tense::Future {
            continue;
        }
        let y = iv.end.year();
        if latest_past_year.as_ref().is_none_or(|(x, _)| y > *x) {
            latest_past_year = Some((y, t.text.clone()));
        }
    }
    if let Some((y, expr)) = &latest_past_year {
        evidence.push(format!(
            "the text reports \"{expr}\" as past, so it was written in {y} or later"
        ));
        let b = NaiveDate::from_ymd_opt(*y, 1, 1);
        if let Some(b) = b {
            if not_before.is_none_or(|x| b > x) {
                not_before = Some(b);
            }
        }
    }
    if let (Some(b), Some(a)) = (not_before, not_after) {
        if b > a {
            evidence.push(format!(
                "the bounds contradict each other ({b} > {a}); no date inferred"
            ));
            return None;
        }
    }

    let Some((month, day, _)) = month_day else {
        // No dateline: only the year can be inferred, from the lower bound.
        let year = not_before.map(|b| b.year())?;
        let date = NaiveDate::from_ymd_opt(year, 1, 1)?;
        evidence.push(format!("no dateline; year {year} from the lower bound"));
        return Some(InferredDate {
            date,
            granularity: Granularity::Year,
            evidence,
        });
    };

    // 3. Weekdays in the lede must agree with the dateline day.
    let lede = dateline_pos
        .and_then(|p| sentences.iter().position(|s| s.end > p))
        .map(|i| {
            let start = sentences.get(i).map(|s| s.start).unwrap_or(0);
            let end = sentences
                .get(i + 1)
                .or(sentences.get(i))
                .map(|s| s.end)
                .unwrap_or(0);
            start..end
        })
        .unwrap_or(0..0);
    let lede_weekdays: Vec<(u32, &str)> = text
        .get(lede)
        .map(|l| {
            WEEKDAY_WORD
                .find_iter(l)
                .filter_map(|m| lexicon::weekday_number(m.as_str()).map(|w| (w, m.as_str())))
                .collect()
        })
        .unwrap_or_default();

    let low = not_before.map(|b| b.year());
    let high = not_after.map(|a| a.year());
    // Without an upper bound one 28-year calendar cycle above the lower bound
    // holds every weekday pattern; without a lower bound, the same below.
    let (from, to) = match (low, high) {
        (Some(l), Some(h)) => (l, h),
        (Some(l), None) => (l, l + 27),
        (None, Some(h)) => (h - 27, h),
        (None, None) => {
            evidence.push("no year evidence: the year cannot be inferred".to_string());
            return None;
        }
    };
    let mut best: Option<(i32, NaiveDate)> = None;
    for year in from..=to {
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        if not_before.is_some_and(|b| date < b) || not_after.is_some_and(|a| date > a) {
            continue;
        }
        let wd = date.weekday().number_from_monday();
        // A lede weekday is the dateline day (2) or the day before, reported
        // overnight (1).
        let score: i32 = lede_weekdays
            .iter()
            .map(|(w, _)| {
                if *w == wd {
                    2
                } else if *w % 7 + 1 == wd {
                    1
                } else {
                    0
                }
            })
            .sum();
        let better = match best {
            None => true,
            // Ties: the latest year under an upper bound (closest to it), the
            // earliest above a lower bound otherwise.
            Some((s, _)) => score > s || score == s && high.is_some(),
        };
        if better {
            best = Some((score, date));
        }
    }
    let (score, date) = best?;
    if !lede_weekdays.is_empty() {
        let names: Vec<&str> = lede_weekdays.iter().map(|(_, n)| *n).collect();
        if score > 0 {
            evidence.push(format!(
                "the lede's \"{}\" agrees with {} being a {}",
                names.join("\", \""),
                date.format("%-d %B %Y"),
                date.format("%A")
            ));
        } else {
            evidence.push(format!(
                "no year in range makes the lede's \"{}\" agree with the dateline",
                names.join("\", \"")
            ));
        }
    }
    evidence.push(format!(
        "chose {} as the {} year in {from}–{to} consistent with all evidence",
        date.year(),
        if high.is_some() { "latest" } else { "earliest" }
    ));
    Some(InferredDate {
        date,
        granularity: Granularity::Day,
        evidence,
    })
}
