//! Publication-date inference for articles that do not carry one. The
//! evidence: a dateline ("Seoul, Sep 17 (EFE).-") gives month and day, and
//! weekdays in the lede must agree with it; the latest explicit date the
//! text reports as past or present bounds the date from below, dates it
//! reports as future from above; a weekday written with a month and day
//! ("Monday, February 10") fixes that date's year; bare past weekdays and
//! "yesterday" are read as pointing at or after the latest explicit date; role
//! tenures from the knowledge base bound it from outside. The result is one
//! day when the evidence fixes a day, a range otherwise, with one evidence
//! line per step. No system clock is consulted, so it is deterministic.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;
use serde::Serialize;

use super::lexicon::{self, MONTH_ALT};
use super::recognize::{Spec, WeekdayShift, YearRef};
use super::tense::Tense;
use super::Recognized;
use crate::corpus::{DateInterval, TimexMod};
use crate::lang::Sentence;

/// A bound on the publication date from outside the text, e.g. a role
/// tenure: "Defense Minister Sergei Shoigu" → not after 2024-05-12.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateConstraint {
    pub not_before: Option<NaiveDate>,
    pub not_after: Option<NaiveDate>,
    /// Why the bound holds, for the evidence trail.
    pub reason: String,
}

/// Whether the evidence fixes the day or only a range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Range,
}

/// An inferred publication date and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InferredDate {
    /// The day relative expressions are anchored to: the day the evidence
    /// fixes, or the most likely day of `range`.
    pub date: NaiveDate,
    /// The days the publication date may fall on; one day when `precision`
    /// is `Day`.
    pub range: DateInterval,
    pub precision: Precision,
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

/// How precise a bound from the text is: a stated day, month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Year,
    Month,
    Day,
}

/// One bound on the publication date with its reason.
#[derive(Debug, Clone)]
struct Bound {
    date: NaiveDate,
    grain: Grain,
    /// From the article's own text (not a tenure).
    from_text: bool,
    reason: String,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

fn add_days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

fn long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

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
///
/// Recognizes the text's time expressions itself; a caller that will also
/// annotate the text recognizes once and calls [`infer_from`].
pub fn infer_publication_date(
    text: &str,
    dateline_date: Option<&str>,
    constraints: &[DateConstraint],
) -> Option<InferredDate> {
    let sentences = crate::lang::sentences(text);
    let recognized = super::recognize_sentences(text, &sentences);
    infer_from(text, &sentences, &recognized, dateline_date, constraints)
}

/// [`infer_publication_date`] from the expressions already `recognized` in
/// `text` (split into `sentences`): one recognition pass serves both the
/// inference and the annotation.
pub fn infer_from(
    text: &str,
    sentences: &[Sentence],
    recognized: &Recognized,
    dateline_date: Option<&str>,
    constraints: &[DateConstraint],
) -> Option<InferredDate> {
    let mut evidence = Vec::new();

    // 1. Month and day (and perhaps the year) from the dateline.
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
        if let Some(date) = ymd(y, m, d) {
            evidence.push("the dateline states the year".to_string());
            return Some(day_result(date, evidence));
        }
    }

    // 2. Bounds: tenures, then what the text reports as past or future.
    let mut lower: Vec<Bound> = Vec::new();
    let mut upper: Vec<Bound> = Vec::new();
    for c in constraints {
        if let Some(b) = c.not_before {
            evidence.push(format!("not before {b}: {}", c.reason));
            lower.push(Bound {
                date: b,
                grain: Grain::Day,
                from_text: false,
                reason: c.reason.clone(),
            });
        }
        if let Some(a) = c.not_after {
            evidence.push(format!("not after {a}: {}", c.reason));
            upper.push(Bound {
                date: a,
                grain: Grain::Day,
                from_text: false,
                reason: c.reason.clone(),
            });
        }
    }
    let mut pairs: Vec<(u32, u32, u32, Tense, &str)> = Vec::new();
    let mut relative: Vec<Relative> = Vec::new();
    for item in &recognized.items {
        let c = &item.cand;
        let Some(span) = text.get(c.start..c.end) else {
            continue;
        };
        let future = item.tense == Tense::Future;
        match (&c.spec, future) {
            (
                Spec::Day {
                    year: YearRef::Undefined,
                    month,
                    day,
                },
                _,
            ) => {
                // "Monday, February 10": the weekday fixes the year.
                let first = span.split([',', ' ']).next().unwrap_or("");
                if let Some(w) = lexicon::weekday_number(first) {
                    pairs.push((*month, *day, w, item.tense, span));
                }
            }
            (Spec::RelativeDay(k), false) if *k <= 0 => relative.push(Relative::Days(*k)),
            (
                Spec::Weekday {
                    weekday,
                    shift: WeekdayShift::Tense | WeekdayShift::Possessive | WeekdayShift::Last,
                },
                false,
            ) => relative.push(Relative::Weekday(
                *weekday,
                matches!(
                    c.spec,
                    Spec::Weekday {
                        shift: WeekdayShift::Last,
                        ..
                    }
                ),
            )),
            _ => {}
        }
        let Some((start, end, grain)) = stated_period(&c.spec) else {
            continue;
        };
        if !future && !matches!(c.relation, Some(TimexMod::Until | TimexMod::Before)) {
            lower.push(Bound {
                date: start,
                grain,
                from_text: true,
                reason: format!("the text reports \"{span}\" as past or present"),
            });
        } else if future && !matches!(c.relation, Some(TimexMod::Since | TimexMod::After)) {
            upper.push(Bound {
                date: end,
                grain,
                from_text: true,
                reason: format!("the text speaks of \"{span}\" as future"),
            });
        }
    }

    // 3. Weekday and date together fix the year, near the other evidence.
    for (month, day, weekday, tense, span) in pairs {
        let lo = latest(&lower);
        let hi = earliest(&upper);
        let Some(date) = year_for_pair(month, day, weekday, lo, hi) else {
            continue;
        };
        let reason = format!(
            "\"{span}\" fixes the year: {} is a {} in {}",
            date.format("%-d %B"),
            date.format("%A"),
            date.year()
        );
        let bound = Bound {
            date,
            grain: Grain::Day,
            from_text: true,
            reason,
        };
        if tense == Tense::Future {
            upper.push(bound);
        } else {
            lower.push(bound);
        }
    }

    // 4. Contradictions: a future-tense date before a past one is a misread
    // tense, and gives way; bounds from outside that contradict give no date.
    let lo = latest(&lower).cloned();
    let mut hi = earliest(&upper).cloned();
    if let (Some(l), Some(h)) = (&lo, &hi) {
        if l.date > h.date && h.from_text {
            evidence.push(format!(
                "ignored: {} (it is before {})",
                h.reason,
                long(l.date)
            ));
            upper.retain(|b| !b.from_text || b.date >= l.date);
            hi = earliest(&upper).cloned();
        }
    }
    if let (Some(l), Some(h)) = (&lo, &hi) {
        if l.date > h.date {
            evidence.push(format!(
                "the bounds contradict each other ({} > {}); no date inferred",
                l.date, h.date
            ));
            return None;
        }
    }
    if let Some(l) = &lo {
        if l.from_text {
            evidence.push(format!("{}, so not before {}", l.reason, long(l.date)));
        }
    }
    if let Some(h) = &hi {
        if h.from_text {
            evidence.push(format!("{}, so not after {}", h.reason, long(h.date)));
        }
    }

    match month_day {
        Some((month, day, _)) => {
            let lede = lede_weekdays(text, sentences, dateline_pos);
            from_dateline(month, day, &lede, lo, hi, evidence)
        }
        None => from_bounds(lo?, hi, &relative, evidence),
    }
}

/// A relative day the text reports as past: "yesterday" (-1), "today" (0),
/// "on Monday" (the weekday; `true` for "last Monday").
#[derive(Debug, Clone, Copy)]
enum Relative {
    Days(i64),
    Weekday(u32, bool),
}

impl Relative {
    /// The day this expression means if the article was published on `p`.
    fn at(self, p: NaiveDate) -> Option<NaiveDate> {
        match self {
            Relative::Days(k) => p.checked_sub_days(Days::new(k.unsigned_abs())),
            Relative::Weekday(w, strictly) => {
                let today = p.weekday().number_from_monday();
                let mut back = (today + 7 - w) % 7;
                if strictly && back == 0 {
                    back = 7;
                }
                p.checked_sub_days(Days::new(u64::from(back)))
            }
        }
    }
}

/// The first and last day of a period the text states in full, and how
/// precise it is: "4 February 2025", "February 2025", "2025", "1950-1953".
fn stated_period(spec: &Spec) -> Option<(NaiveDate, NaiveDate, Grain)> {
    match spec {
        Spec::Day {
            year: YearRef::Absolute(y),
            month,
            day,
        } => {
            let d = ymd(*y, *month, *day)?;
            Some((d, d, Grain::Day))
        }
        Spec::DayRange {
            year: YearRef::Absolute(y),
            from,
            to,
        } => Some((ymd(*y, from.0, from.1)?, ymd(*y, to.0, to.1)?, Grain::Day)),
        Spec::Month {
            year: YearRef::Absolute(y),
            month,
        } => Some((
            ymd(*y, *month, 1)?,
            last_of_month(*y, *month)?,
            Grain::Month,
        )),
        Spec::Year(y) => Some((ymd(*y, 1, 1)?, ymd(*y, 12, 31)?, Grain::Year)),
        Spec::YearRange(a, b) => {
            Some((ymd(*b, 1, 1)?, ymd(*b, 12, 31)?, Grain::Year)).filter(|_| a <= b)
        }
        Spec::Season {
            year: YearRef::Absolute(y),
            ..
        }
        | Spec::Quarter {
            year: YearRef::Absolute(y),
            ..
        }
        | Spec::Half {
            year: YearRef::Absolute(y),
            ..
        } => Some((ymd(*y, 1, 1)?, ymd(*y, 12, 31)?, Grain::Year)),
        _ => None,
    }
}

/// The latest lower bound (the finer one among equal dates).
fn latest(bounds: &[Bound]) -> Option<&Bound> {
    bounds.iter().max_by_key(|b| (b.date, b.grain, b.from_text))
}

/// The earliest upper bound.
fn earliest(bounds: &[Bound]) -> Option<&Bound> {
    bounds
        .iter()
        .min_by_key(|b| (b.date, std::cmp::Reverse(b.grain)))
}

/// The year in which `month`/`day` falls on `weekday`, nearest the bounds:
/// the nearest to a lower bound of day or month precision (either side),
/// the first after a year bound, the last before an upper bound.
fn year_for_pair(
    month: u32,
    day: u32,
    weekday: u32,
    lo: Option<&Bound>,
    hi: Option<&Bound>,
) -> Option<NaiveDate> {
    let fits = |y: i32| ymd(y, month, day).filter(|d| d.weekday().number_from_monday() == weekday);
    match (lo, hi) {
        (Some(l), _) if l.grain > Grain::Year => {
            let y = l.date.year();
            (y - 14..=y + 14)
                .filter_map(fits)
                .filter(|d| hi.is_none_or(|h| *d <= h.date))
                .min_by_key(|d| ((*d - l.date).num_days().abs(), *d))
        }
        (Some(l), _) => (l.date.year()..=l.date.year() + 27)
            .filter_map(fits)
            .find(|d| hi.is_none_or(|h| *d <= h.date)),
        (None, Some(h)) => (h.date.year() - 27..=h.date.year())
            .rev()
            .filter_map(fits)
            .find(|d| *d <= h.date),
        (None, None) => None,
    }
}

/// The weekdays named in the dateline's sentence and the next.
fn lede_weekdays(
    text: &str,
    sentences: &[Sentence],
    dateline_pos: Option<usize>,
) -> Vec<(u32, String)> {
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
    text.get(lede)
        .map(|l| {
            WEEKDAY_WORD
                .find_iter(l)
                .filter_map(|m| {
                    lexicon::weekday_number(m.as_str()).map(|w| (w, m.as_str().to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn day_result(date: NaiveDate, evidence: Vec<String>) -> InferredDate {
    InferredDate {
        date,
        range: DateInterval {
            start: date,
            end: date,
        },
        precision: Precision::Day,
        evidence,
    }
}

/// The dateline's month and day in the year the bounds and the lede's
/// weekdays agree on.
fn from_dateline(
    month: u32,
    day: u32,
    lede: &[(u32, String)],
    lo: Option<Bound>,
    hi: Option<Bound>,
    mut evidence: Vec<String>,
) -> Option<InferredDate> {
    // Without an upper bound one 28-year calendar cycle above the lower bound
    // holds every weekday pattern; without a lower bound, the same below.
    let (from, to) = match (&lo, &hi) {
        (Some(l), Some(h)) => (l.date.year(), h.date.year()),
        (Some(l), None) => (l.date.year(), l.date.year() + 27),
        (None, Some(h)) => (h.date.year() - 27, h.date.year()),
        (None, None) => {
            evidence.push("no year evidence: the year cannot be inferred".to_string());
            return None;
        }
    };
    // A lede weekday is the dateline day (2) or the day before, reported
    // overnight (1).
    let mut scored: Vec<(i32, NaiveDate)> = (from..=to)
        .filter_map(|y| ymd(y, month, day))
        .filter(|d| {
            lo.as_ref().is_none_or(|l| *d >= l.date) && hi.as_ref().is_none_or(|h| *d <= h.date)
        })
        .map(|d| {
            let wd = d.weekday().number_from_monday();
            let score = lede
                .iter()
                .map(|(w, _)| match () {
                    _ if *w == wd => 2,
                    _ if *w % 7 + 1 == wd => 1,
                    _ => 0,
                })
                .sum();
            (score, d)
        })
        .collect();
    // A day the text reports as past is recent news: the dateline day is
    // within a year after it, whatever a later cycle's weekdays say. (A
    // month or year it looks back on may be history.)
    let near_text = lo
        .as_ref()
        .is_some_and(|l| l.from_text && l.grain == Grain::Day);
    let mut restricted = false;
    let last_in_window = scored.iter().map(|(_, d)| *d).max();
    if let Some(l) = lo.as_ref().filter(|_| near_text) {
        let within = |d: &NaiveDate| (*d - l.date).num_days() <= 366;
        if scored.iter().any(|(_, d)| within(d)) {
            restricted = scored.iter().any(|(_, d)| !within(d));
            scored.retain(|(_, d)| within(d));
        }
    }
    let top = scored.iter().map(|(s, _)| *s).max()?;
    scored.retain(|(s, _)| *s == top);
    let fitting: Vec<NaiveDate> = scored.into_iter().map(|(_, d)| d).collect();
    // After a recent day or month of the text, the first fitting date;
    // otherwise the latest under an upper bound, the earliest above a lower
    // one.
    let date = if near_text || hi.is_none() {
        *fitting.first()?
    } else {
        *fitting.last()?
    };
    if !lede.is_empty() {
        let names: Vec<&str> = lede.iter().map(|(_, n)| n.as_str()).collect();
        if top > 0 {
            evidence.push(format!(
                "the lede's \"{}\" agrees with {} being a {}",
                names.join("\", \""),
                long(date),
                date.format("%A")
            ));
        } else {
            evidence.push(format!(
                "no year in range makes the lede's \"{}\" agree with the dateline",
                names.join("\", \"")
            ));
        }
    }
    // A day the text reports shortly before the dateline day ties the year
    // to it; a month or a year the text looks back on does not.
    let exact = fitting.len() == 1 && !restricted
        || lo.as_ref().is_some_and(|l| {
            l.from_text && l.grain == Grain::Day && (date - l.date).num_days() <= 31
        });
    if exact {
        evidence.push(format!(
            "{} is the only year in {from}–{to} consistent with all evidence{}",
            date.year(),
            if fitting.len() > 1 || restricted {
                " within a month of the latest day the text reports"
            } else {
                ""
            }
        ));
        return Some(day_result(date, evidence));
    }
    let years: Vec<String> = fitting
        .iter()
        .take(6)
        .map(|d| d.year().to_string())
        .collect();
    evidence.push(format!(
        "the years {}{} all fit; chose {} as the {} (relative dates are anchored to it)",
        years.join(", "),
        if fitting.len() > 6 { " …" } else { "" },
        date.year(),
        if date == fitting[0] {
            "earliest"
        } else {
            "latest"
        }
    ));
    Some(InferredDate {
        date,
        range: DateInterval {
            start: fitting[0],
            // Narrowed to the year after the text's latest day: the later
            // cycles are still possible.
            end: if restricted {
                last_in_window.unwrap_or(date)
            } else {
                fitting[fitting.len() - 1]
            },
        },
        precision: Precision::Range,
        evidence,
    })
}

/// Without a dateline: the days after the latest date the text reports as
/// past, within the upper bound.
fn from_bounds(
    lo: Bound,
    hi: Option<Bound>,
    relative: &[Relative],
    mut evidence: Vec<String>,
) -> Option<InferredDate> {
    let start = lo.date;
    // How far after the bound the article is assumed to be: news reports
    // the last week's events; a month or year stated as past, that period.
    let (assumed, why) = match (lo.from_text, lo.grain) {
        (true, Grain::Day) => (add_days(start, 6), "news reports the week's events"),
        (true, Grain::Month) => (
            last_of_month(start.year(), start.month()).unwrap_or(start),
            "taken as that month",
        ),
        _ => (
            ymd(start.year(), 12, 31).unwrap_or(start),
            "taken as that year",
        ),
    };
    let end = hi
        .as_ref()
        .map_or(assumed, |h| h.date.min(assumed))
        .max(start);
    // The most likely day: relative days ("yesterday", "on Thursday") point
    // at or after the latest explicit date; among the days that make the
    // most of them do, the middle one.
    let mut best: Vec<NaiveDate> = Vec::new();
    let mut best_score = -1;
    let days = (end - start).num_days().max(0) as u64;
    if lo.grain == Grain::Day && days <= 31 {
        for i in 0..=days {
            let p = add_days(start, i);
            let score = relative
                .iter()
                .filter(|r| r.at(p).is_some_and(|d| d >= start))
                .count() as i32;
            if score > best_score {
                best_score = score;
                best.clear();
            }
            if score == best_score {
                best.push(p);
            }
        }
    }
    let date = match best.as_slice() {
        [] => add_days(start, days / 2),
        b => b[b.len() / 2],
    };
    if start == end {
        evidence.push(format!("the bounds leave one day: {}", long(start)));
        return Some(day_result(start, evidence));
    }
    if best_score > 0 {
        evidence.push(format!(
            "{best_score} relative day(s) (\"yesterday\", \"on Monday\") fall on or after {} if the article is of {}",
            long(start),
            long(date)
        ));
    }
    evidence.push(format!(
        "no dateline: between {} and {} ({why}); relative dates are anchored to {}",
        long(start),
        long(end),
        long(date)
    ));
    Some(InferredDate {
        date,
        range: DateInterval { start, end },
        precision: Precision::Range,
        evidence,
    })
}
