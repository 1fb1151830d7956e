//! First pass: find time expressions and write what the text itself says,
//! leaving missing parts underspecified (a month and day without a year, a
//! weekday, "last week"). The second pass ([`super::anchor`]) fills them in.

mod calendar;
mod clock;
mod durations;
mod holidays;
mod modifiers;
mod relative;
mod scan;
mod seasons;
mod sets;
mod spoken;
mod translated;
mod vague;

use std::collections::BTreeMap;

use crate::corpus::TimexMod;

/// A year as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    /// Offset from the reference year ("this year" 0, "last June" -1).
    Relative(i32),
    /// Not given: chosen from the reference date and tense.
    Undefined,
    /// "last June", "last summer": the most recent one before the reference
    /// month.
    Previous,
    /// "next June": the first one after the reference month.
    Following,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
}

/// Which part of a relative period is meant ("later this year").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Portion {
    Whole,
    /// Before the reference date ("earlier this month").
    Earlier,
    /// After the reference date ("later this year").
    Later,
}

/// How a weekday is placed relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayShift {
    /// From the tense of the sentence.
    Tense,
    Last,
    Next,
    This,
    /// "Thursday of last week", "from Monday to Thursday of last week": that
    /// day of the week before (-1) or after (+1) the reference week.
    OfWeek(i64),
    /// "Wednesday's ruling": something already there, so the last such day.
    Possessive,
}

/// A holiday whose date changes from year to year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movable {
    Easter,
    GoodFriday,
    EasterMonday,
    /// The fourth Thursday of November (the United States).
    Thanksgiving,
}

impl Movable {
    /// The holiday's date in `year`.
    pub fn date(self, year: i32) -> Option<chrono::NaiveDate> {
        use chrono::{Datelike, Days, NaiveDate};
        match self {
            Movable::Thanksgiving => {
                let first = NaiveDate::from_ymd_opt(year, 11, 1)?;
                let to_thursday = (3 + 7 - first.weekday().num_days_from_monday()) % 7;
                first.checked_add_days(Days::new(u64::from(to_thursday) + 21))
            }
            _ => {
                let (m, d) = holidays::easter(year);
                let sunday = NaiveDate::from_ymd_opt(year, m, d)?;
                match self {
                    Movable::GoodFriday => sunday.checked_sub_days(Days::new(2)),
                    Movable::EasterMonday => sunday.checked_add_days(Days::new(1)),
                    _ => Some(sunday),
                }
            }
        }
    }
}

/// The underspecified meaning of one expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Spec {
    Day {
        year: YearRef,
        month: u32,
        day: u32,
    },
    DayRange {
        year: YearRef,
        from: (u32, u32),
        to: (u32, u32),
    },
    Month {
        year: YearRef,
        month: u32,
    },
    Year(i32),
    YearRange(i32, i32),
    /// First three digits of the decade: 199 for "the 1990s".
    Decade(i32),
    /// TIMEX3 century value: 19 for "the 20th century".
    Century(i32),
    Season {
        year: YearRef,
        code: &'static str,
    },
    Quarter {
        year: YearRef,
        quarter: u32,
    },
    Half {
        year: YearRef,
        half: u32,
    },
    Weekday {
        weekday: u32,
        shift: WeekdayShift,
    },
    /// "on the 27th": a day of the reference month.
    DayOfMonth(u32),
    /// Days from the reference date: today 0, yesterday -1.
    RelativeDay(i64),
    /// "last week", "this year", "later this month".
    RelativeUnit {
        unit: Unit,
        offset: i32,
        portion: Portion,
    },
    /// "two days ago".
    Ago {
        unit: Unit,
        count: u32,
    },
    /// Relative to the last date mentioned: "the next day" (+1), "that
    /// week" (0), "two days later" (+2).
    Narrative {
        unit: Unit,
        offset: i64,
    },
    /// A clock time ("2:22 a.m."); its value is the day it falls on.
    Clock {
        hour: u32,
        minute: u32,
    },
    /// A complete TIMEX3 duration value (`P3D`).
    Duration(String),
    /// A complete TIMEX3 set value (`P1Y`, `XXXX-WXX-1`).
    Set(String),
    /// "the quarter", "the latest quarter" (`back` 0), "the year-ago
    /// quarter" (`back` 1): the quarter last mentioned, else the latest
    /// complete one.
    QuarterRef {
        back: i32,
    },
    /// "year-earlier", "year-ago": the period last mentioned, a year before.
    YearEarlier,
    /// "the weekend", "over the weekend": the nearest by tense.
    Weekend,
    /// "Easter", "Thanksgiving": a day in the year chosen by tense.
    Movable(Movable),
    /// A vague reference: `PAST_REF` ("recently", "in recent months") or
    /// `FUTURE_REF` ("in the coming weeks", "in the near future").
    Vague(&'static str),
}

/// A recognized expression before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub spec: Spec,
    /// START/MID/END/APPROX, part of the expression's own text.
    pub position: Option<TimexMod>,
    /// SINCE/UNTIL/BEFORE/AFTER from a preceding preposition (not in the span).
    pub relation: Option<TimexMod>,
    /// Part of day ("evening") for the record; it never changes the date.
    pub part_of_day: Option<&'static str>,
    /// Set when a clock time was merged into this day expression.
    pub has_clock: bool,
    /// The clock time (hour, minute) merged into or making up this
    /// expression: it becomes the `THH:MM` of a TIME value.
    pub clock: Option<(u32, u32)>,
}

impl Candidate {
    /// True when the text states the year of this expression ("in 2019",
    /// "last year's", "July 2000"), so that later open months in the same
    /// sentence can take it.
    pub fn states_year(&self) -> bool {
        match &self.spec {
            Spec::Year(_) => true,
            Spec::Day { year, .. }
            | Spec::DayRange { year, .. }
            | Spec::Month { year, .. }
            | Spec::Season { year, .. }
            | Spec::Quarter { year, .. }
            | Spec::Half { year, .. } => *year != YearRef::Undefined,
            Spec::RelativeUnit { unit, .. } => *unit == Unit::Year,
            _ => false,
        }
    }
}

const T_DIGIT: usize = 0;
const T_MONTH: usize = 1;
const T_WEEKDAY: usize = 2;
const T_SEASON: usize = 3;
const T_QUARTER: usize = 4;
const T_RELDAY: usize = 5;
const T_UNIT: usize = 6;
const T_SET: usize = 7;
const T_VAGUE: usize = 8;
const T_HOLIDAY: usize = 9;
const T_SPOKEN: usize = 10;
const T_NON_ASCII: usize = 11;
const T_CLOCK: usize = 12;

/// The keywords each pattern family needs, as one automaton: a paragraph
/// without them skips the family's regexes.
static TRIGGERS: std::sync::LazyLock<regex::RegexSet> = std::sync::LazyLock::new(|| {
    regex::RegexSet::new([
        r"[0-9]",
        r"(?i-u)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
        r"(?i-u)monday|tuesday|wednesday|thursday|friday|saturday|sunday",
        r"(?i-u)spring|summer|autumn|fall|winter",
        r"(?i-u)quarter|half|q[1-4]|h[12]|year-earlier|year-ago|period|fiscal",
        r"(?i-u)today|tonight|yesterday|tomorrow|night|morning|evening|afternoon",
        r"(?i-u)day|week|month|year|decade|centur|hour|quarter",
        r"(?i-u)every|each|annual|yearly|once|twice|times|daily|weekly|monthly|hourly",
        r"(?i-u)recent|coming|next|following|future|ahead|past|now|current|present",
        r"(?i-u)day|christmas|easter|thanksgiving|good\s+friday",
        r"(?i-u)nineteen|thousand",
        r"[^\x00-\x7F]",
        r"(?i-u)[0-9]|noon|midnight",
    ])
    .expect("static regex set")
});

/// The paragraphs of `text` (split at blank lines) with their offsets.
fn paragraphs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let (len, skip) = match rest.find("\n\n") {
            Some(i) => (i, i + 2),
            None => (rest.len(), rest.len()),
        };
        let item = (pos, &rest[..len]);
        pos += skip;
        Some(item)
    })
}

/// Everything the first pass finds in `text`, overlapping candidates removed
/// (the longest wins), in text order.
pub fn recognize(text: &str) -> Vec<Candidate> {
    let mut found: Vec<(Candidate, u8)> = Vec::new();
    let mut extra: Vec<(Candidate, u8)> = Vec::new();
    let mut push = |start: usize, end: usize, spec: Spec, priority: u8| {
        let clock = match spec {
            Spec::Clock { hour, minute } => Some((hour, minute)),
            _ => None,
        };
        found.push((
            Candidate {
                start,
                end,
                spec,
                position: None,
                relation: None,
                part_of_day: None,
                has_clock: false,
                clock,
            },
            priority,
        ));
    };

    // The families in a fixed order: `select_longest` keeps that order among
    // exact ties, with everything in `extra` after everything in `found`.
    // Paragraph by paragraph (no expression crosses a blank line), one pass
    // of the trigger set first: a family runs only where its keywords are.
    let mut holiday_words = false;
    for (base, para) in paragraphs(text) {
        let hit = TRIGGERS.matches(para);
        let on = |t: usize| hit.matched(t);
        holiday_words |= on(T_HOLIDAY);
        let mut p = |start: usize, end: usize, spec: Spec, priority: u8| {
            push(base + start, base + end, spec, priority)
        };
        let (digit, month, unit) = (on(T_DIGIT), on(T_MONTH), on(T_UNIT));
        if digit {
            calendar::iso_dates(para, &mut p);
            calendar::dotted_dates(para, &mut p);
            calendar::slash_dates(para, &mut p);
        }
        if digit && month {
            calendar::month_days(para, &mut p);
            calendar::day_months(para, &mut p);
            calendar::month_years(para, &mut p);
        }
        if month {
            calendar::months_alone(para, &mut p);
        }
        if digit {
            calendar::days_of_month(para, &mut p);
            calendar::year_ranges(para, &mut p);
            calendar::decades(para, &mut p);
            calendar::centuries(para, &mut p);
            calendar::years(para, &mut p);
        }
        if on(T_SPOKEN) {
            spoken::spoken_years(para, &mut p);
        }
        if on(T_NON_ASCII) {
            translated::translated_dates(para, &mut p);
        }
        if on(T_SEASON) {
            seasons::seasons(para, &mut p);
        }
        if on(T_QUARTER) {
            seasons::quarters(para, &mut p);
        }
        if digit {
            seasons::year_quarters(para, &mut p);
        }
        if on(T_QUARTER) {
            seasons::quarter_refs(para, &mut p);
        }
        let first_extra = extra.len();
        if on(T_WEEKDAY) {
            relative::weekdays(para, &mut extra);
        }
        if on(T_RELDAY) {
            relative::relative_days(para, &mut extra);
        }
        if unit {
            relative::relative_units(para, &mut p);
            relative::portions(para, &mut extra);
            relative::ago(para, &mut p);
        }
        if unit || on(T_RELDAY) {
            relative::narrative_days(para, &mut extra);
        }
        for (c, _) in &mut extra[first_extra..] {
            c.start += base;
            c.end += base;
        }
        if unit {
            durations::durations(para, &mut p);
        }
        if on(T_SET) {
            sets::sets(para, &mut p);
        }
        if on(T_CLOCK) {
            clock::clock_times(para, &mut p);
        }
        if on(T_VAGUE) {
            vague::vague_refs(para, &mut p);
            vague::present_refs(para, &mut p);
        }
        if unit {
            durations::vague_durations(para, &mut p);
        }
    }
    // Holidays look at the whole article ("Victory Day" and the Korean War).
    if holiday_words {
        holidays::holidays(text, &mut push);
        holidays::movable_holidays(text, &mut push);
    }

    found.extend(extra);
    let mut kept = select_longest(found);
    modifiers::attach_modifiers(text, &mut kept);
    kept
}

fn day(year: YearRef, month: u32, day: u32) -> Spec {
    Spec::Day { year, month, day }
}

fn year_ref(abs: Option<i32>, rel_word: Option<&str>) -> YearRef {
    if let Some(y) = abs {
        return YearRef::Absolute(y);
    }
    match rel_word.map(|w| w.to_ascii_lowercase()) {
        Some(w) if w == "last" || w == "past" => YearRef::Relative(-1),
        Some(w) if w == "next" || w == "coming" => YearRef::Relative(1),
        Some(_) => YearRef::Relative(0),
        None => YearRef::Undefined,
    }
}

/// The year of a month or season led by "last"/"next"/"this" ("last June" in
/// November is this year's June; "June last year" is [`year_ref`]'s).
fn lead_ref(lead: Option<&str>) -> YearRef {
    match lead.map(|w| w.to_ascii_lowercase()) {
        Some(w) if w == "last" || w == "past" => YearRef::Previous,
        Some(w) if w == "next" || w == "coming" => YearRef::Following,
        Some(_) => YearRef::Relative(0),
        None => YearRef::Undefined,
    }
}

/// Keeps the longest of overlapping candidates (then the higher priority,
/// then the earlier), and returns them in text order.
fn select_longest(mut found: Vec<(Candidate, u8)>) -> Vec<Candidate> {
    found.sort_by(|(a, pa), (b, pb)| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(pa.cmp(pb))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for (cand, _) in found {
        let clash_before = kept
            .range(..cand.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > cand.start);
        if !clash_before {
            kept.insert(cand.start, cand);
        }
    }
    kept.into_values().collect()
}
