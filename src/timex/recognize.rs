//! First pass: find time expressions and write what the text itself says,
//! leaving missing parts underspecified (a month and day without a year, a
//! weekday, "last week"). The second pass ([`super::anchor`]) fills them in.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::lexicon::{self, MONTH_ALT, NUMBER_ALT, PART_OF_DAY_ALT, SEASON_ALT, WEEKDAY_ALT};
use crate::corpus::TimexMod;

/// A year as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    /// Offset from the reference year ("this year" 0, "last June" -1).
    Relative(i32),
    /// Not given: chosen from the reference date and tense.
    Undefined,
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

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

const ORD: &str = r"(?:st|nd|rd|th)?";
const DASH: &str = r"\s*(?:-|–|—|to|through|until|till)\s*";

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})-(\d{2})-(\d{2})\b"));
static DOTTED_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"));
static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"));
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:({WEEKDAY_ALT}),?\s+)?({MONTH_ALT})\s*(?:the\s+)?(\d{{1,2}}){ORD}\b(?:(?:{DASH}|\s+and\s+)(?:({MONTH_ALT})\s*)?(\d{{1,2}}){ORD}\b)?(?:,?\s+(\d{{4}})\b|\s+(this|last|next)\s+year\b)?"
    ))
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:({WEEKDAY_ALT}),?\s+)?(?:the\s+)?(\d{{1,2}}){ORD}(?:(?:{DASH}|\s+and\s+)(\d{{1,2}}){ORD})?\s+(?:of\s+)?({MONTH_ALT})(?:,?\s+(\d{{4}})\b)?"
    ))
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b({MONTH_ALT}),?\s+(?:of\s+)?(\d{{4}})\b")));
static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(this|last|next|past|coming)\s+)?({MONTH_ALT})(?:(?:\s+of)?\s+(this|last|next)\s+year\b)?"
    ))
});
static ON_THE_NTH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:on|by|since|until|from|before|after)\s+(the\s+(\d{1,2})(?:st|nd|rd|th))\b")
});
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(between)\s+)?(\d{4})(?:\s*(?:-|–|—)\s*|\s+(?:to|through|until|till|and)\s+)(\d{4}|\d{2})\b",
    )
});
static DECADE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:the\s+)?(?:(\d{3})0s|'(\d)0s)\b"));
static CENTURY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})\b"));
static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(this|last|next|past|coming)\s+)?({SEASON_ALT})(?:(?:\s+of)?\s+(\d{{4}})\b|(?:\s+of)?\s+(this|last|next)\s+year\b)?"
    ))
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:([QH])([1-4])|(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(quarter|half))(?:(?:\s+of)?\s+(?:(\d{4})\b|(this|last|next)\s+year\b|(the\s+year)\b)|\s+(\d{4})\b)?",
    )
});
static YEAR_QUARTER: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})\s*[-/]?\s*([QH])([1-4])\b"));
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(last|next|this|coming|past)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+({PART_OF_DAY_ALT}))?\b"
    ))
});
static RELATIVE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|(?:this|last)\s+({PART_OF_DAY_ALT}))(?:\s+({PART_OF_DAY_ALT}))?\b"
    ))
});
static RELATIVE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(earlier|later)\s+(?:in\s+)?)?(this\s+past|this\s+coming|this|last|next|past|coming|the\s+previous|the\s+following|the\s+next|the\s+same|that|the\s+current)\s+(week|weekend|month|quarter|year|decade)\b",
    )
});
static PORTION_OF_THE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(earlier|later)\s+in|(?:the\s+)?(?:(end|start|beginning|middle|close|rest|remainder|turn)\s+of))\s+the\s+(day|week|month|year|decade)\b",
    )
});
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({NUMBER_ALT})[\s-]+(day|week|month|year|decade)s?\s+(ago|earlier|later|before|after)\b"
    ))
});
static NARRATIVE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:the\s+(next|following|previous|preceding|same)|that)\s+(day|{PART_OF_DAY_ALT})\b|\bthe\s+day\s+(before|after)\b"
    ))
});
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({NUMBER_ALT}|\d+(?:\.\d+)?)(?:\s+|-)(hour|day|week|month|year|decade|century)s?(?:-(?:long|old))?\b"
    ))
});
static SET: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:(every|each)\s+(other\s+|two\s+|three\s+|four\s+|five\s+|\d{{1,2}}\s+)?(days?|weeks?|months?|years?|morning|evening|night|summer|winter|spring|autumn|{WEEKDAY_ALT})|(annually|yearly)|(once|twice|three\s+times)\s+a\s+(day|week|month|year))\b"
    ))
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:at|by|around|until|from)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|\b(?:at|by|around|until|from)\s+(\d{1,2}):(\d{2})\b|\b(noon|midnight)\b|\b([01]\d|2[0-3])([0-5]\d)\s*(?:GMT|UTC|KST|MSK|JST|hrs|hours|local\s+time)\b",
    )
});

/// Vague past and future references (TIMEX3 `PAST_REF`/`FUTURE_REF`).
static VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(recently)|(?:the\s+)?(recent)\s+(?:days|weeks|months|years)|the\s+(?:(coming|next\s+few|next\s+several|following)\s+(?:days|weeks|months|years)|(near|not\s+too\s+distant|foreseeable)\s+future|(days|weeks|months|years)\s+ahead))\b",
    )
});
/// A bare plural unit used as a vague duration: "within days", "weeks
/// after", "could take years", "a decades-long goal".
static VAGUE_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(for|within|in|take|takes|took|taking|lasted|spent)\s+)?(days|weeks|months|years|decades)(-long|-old)?\b(?:\s+(after|before|later|earlier)\b)?",
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

/// Positional modifiers that are part of the expression ("early October").
static POSITION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b((?:the\s+)?(?:early|late|mid)|the\s+middle\s+of|middle\s+of|the\s+start\s+of|start\s+of|the\s+beginning\s+of|beginning\s+of|the\s+end\s+of|end\s+of|the\s+close\s+of|the\s+turn\s+of|around|about|approximately|circa|roughly|some)(?:\s+|-)$",
    )
});
/// Prepositions that relate the expression to a range ("since Sep. 12").
static RELATION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(since|until|till|through|by|before|after|as\s+of|from)\s+(?:at\s+least\s+|as\s+early\s+as\s+)?$",
    )
});

/// The text just before `pos`, at most `len` bytes, cut at a char boundary.
fn before(text: &str, pos: usize, len: usize) -> &str {
    let mut start = pos.saturating_sub(len);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..pos).unwrap_or("")
}

fn prev_word(text: &str, pos: usize) -> &str {
    before(text, pos, 40)
        .split(|c: char| c.is_whitespace())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
}

fn next_word(text: &str, pos: usize) -> &str {
    text.get(pos..)
        .unwrap_or("")
        .split(|c: char| c.is_whitespace())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

fn valid_day(month: u32, day: u32) -> bool {
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    day >= 1 && day <= max
}

fn plausible_year(y: i32) -> bool {
    (1000..=2199).contains(&y)
}

/// True when the digits at `start..end` are glued to other numbers or
/// symbols that make them part of something else: "Hwasong-18", "1,500",
/// "3.14", "$2023", a phone number.
fn glued_number(text: &str, start: usize, end: usize) -> bool {
    let prev = before(text, start, 1);
    let prev2 = before(text, start, 2);
    let next = text.get(end..).unwrap_or("");
    let next_char = next.chars().next();
    if matches!(
        prev,
        "-" | "/" | "$" | "€" | "£" | "¥" | "₩" | "#" | "+" | "." | ","
    ) || prev2.chars().next().is_some_and(|c| c.is_ascii_digit()) && prev.trim().is_empty()
    {
        // "mid-2024" is fine: the hyphen follows a modifier word.
        let lead = before(text, start, 6).to_ascii_lowercase();
        if !(prev == "-"
            && (lead.ends_with("mid-")
                || lead.ends_with("pre-")
                || lead.ends_with("post-")
                || lead.ends_with("end-")))
        {
            return true;
        }
    }
    if let Some(c) = next_char {
        if c == '%' || c.is_alphanumeric() {
            return true;
        }
        if matches!(c, ',' | '.' | '-' | '/' | ':')
            && next[c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit())
        {
            return true;
        }
        if c == ' ' && next[1..].chars().next().is_some_and(|d| d.is_ascii_digit()) {
            // "2100 2000": a run of digit groups, a phone number.
            let rest = &next[1..];
            let digits = rest.chars().take_while(|d| d.is_ascii_digit()).count();
            if digits >= 2 {
                return true;
            }
        }
    }
    false
}

/// Everything the first pass finds in `text`, overlapping candidates removed
/// (the longest wins), in text order.
pub fn recognize(text: &str) -> Vec<Candidate> {
    let mut found: Vec<(Candidate, u8)> = Vec::new();
    let mut extra: Vec<(Candidate, u8)> = Vec::new();
    let mut push = |start: usize, end: usize, spec: Spec, priority: u8| {
        found.push((
            Candidate {
                start,
                end,
                spec,
                position: None,
                relation: None,
                part_of_day: None,
                has_clock: false,
            },
            priority,
        ));
    };

    for c in ISO_DATE.captures_iter(text) {
        let (Some(y), Some(m), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if valid_day(m, d) && !glued_number(text, all.start, all.end) {
            push(
                all.start,
                all.end,
                day(YearRef::Absolute(y as i32), m, d),
                0,
            );
        }
    }
    for c in DOTTED_DATE.captures_iter(text) {
        let (Some(d), Some(m), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if valid_day(m, d) && !glued_number(text, all.start, all.end) {
            push(
                all.start,
                all.end,
                day(YearRef::Absolute(y as i32), m, d),
                0,
            );
        }
    }
    for c in SLASH_DATE.captures_iter(text) {
        let (Some(a), Some(b), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
            continue;
        };
        // English news writes month/day; a first part over 12 can only be a day.
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if valid_day(m, d) && !glued_number(text, all.start, all.end) {
            push(
                all.start,
                all.end,
                day(YearRef::Absolute(y as i32), m, d),
                0,
            );
        }
    }
    for c in MONTH_DAY.captures_iter(text) {
        month_day(text, &c, &mut push);
    }
    for c in DAY_MONTH.captures_iter(text) {
        day_month(text, &c, &mut push);
    }
    for c in MONTH_YEAR.captures_iter(text) {
        let (Some(mw), Some(y)) = (c.get(1), num(&c, 2)) else {
            continue;
        };
        let Some(m) = lexicon::month_number(mw.as_str()) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if starts_upper(mw.as_str())
            && plausible_year(y as i32)
            && !glued_number(text, all.end - 4, all.end)
        {
            push(
                all.start,
                all.end,
                Spec::Month {
                    year: YearRef::Absolute(y as i32),
                    month: m,
                },
                1,
            );
        }
    }
    for c in MONTH_ALONE.captures_iter(text) {
        month_alone(text, &c, &mut push);
    }
    for c in ON_THE_NTH.captures_iter(text) {
        let (Some(span), Some(d)) = (c.get(1), num(&c, 2)) else {
            continue;
        };
        let follower = next_word(text, span.end()).to_ascii_lowercase();
        let follower = follower.trim_end_matches([',', '.', ';']);
        let non_date = matches!(
            follower,
            "anniversary"
                | "century"
                | "time"
                | "day"
                | "floor"
                | "place"
                | "round"
                | "session"
                | "congress"
                | "plenum"
                | "minute"
                | "birthday"
                | "meeting"
                | "of"
                | "and"
        );
        if (1..=31).contains(&d) && !non_date {
            push(span.start(), span.end(), Spec::DayOfMonth(d), 2);
        }
    }
    for c in YEAR_RANGE.captures_iter(text) {
        let (Some(a), Some(bm)) = (num(&c, 2), c.get(3)) else {
            continue;
        };
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let between = c.get(1).is_some();
        let joined_by_and = c
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_lowercase().contains(" and "));
        if joined_by_and && !between {
            continue;
        }
        let b: i32 = bm.as_str().parse().unwrap_or(0);
        let a = a as i32;
        let b = if bm.as_str().len() == 2 {
            a / 100 * 100 + b
        } else {
            b
        };
        let start = c.get(2).map(|m| m.start()).unwrap_or(all.start);
        if (1000..=2199).contains(&a) && b > a && b - a < 200 && !glued_number(text, start, all.end)
        {
            push(start, all.end, Spec::YearRange(a, b), 1);
        }
    }
    for c in DECADE.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let decade = if let Some(d) = c.get(1) {
            d.as_str().parse::<i32>().ok()
        } else {
            // "the '90s": the 20th century for 30–90, this one for 00–20.
            c.get(2)
                .and_then(|d| d.as_str().parse::<i32>().ok())
                .map(|d| if d >= 3 { 190 + d } else { 200 + d })
        };
        if let Some(d) = decade {
            if (100..=219).contains(&d) && !glued_number(text, all.start, all.end) {
                push(all.start, all.end, Spec::Decade(d), 1);
            }
        }
    }
    for c in CENTURY.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        if let Some(n) = num(&c, 1) {
            if (1..=22).contains(&n) {
                push(all.start, all.end, Spec::Century(n as i32 - 1), 1);
            }
        }
    }
    for m in YEAR.find_iter(text) {
        if let Some(y) = year_token(text, m.start(), m.end()) {
            push(m.start(), m.end(), Spec::Year(y), 3);
        }
    }
    for c in SEASON.captures_iter(text) {
        season(text, &c, &mut push);
    }
    for c in QUARTER.captures_iter(text) {
        quarter(text, &c, &mut push);
    }
    for c in YEAR_QUARTER.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(y), Some(kind), Some(n)) = (num(&c, 1), c.get(2), num(&c, 3)) else {
            continue;
        };
        let year = YearRef::Absolute(y as i32);
        let spec = if kind.as_str().eq_ignore_ascii_case("q") {
            Spec::Quarter { year, quarter: n }
        } else if n <= 2 {
            Spec::Half { year, half: n }
        } else {
            continue;
        };
        push(all.start, all.end, spec, 1);
    }
    for c in WEEKDAY.captures_iter(text) {
        let (Some(all), Some(w)) = (c.get(0), c.get(2)) else {
            continue;
        };
        if !starts_upper(w.as_str()) {
            continue;
        }
        // "Black Friday", "Bloody Sunday", "Good Friday": names, not dates.
        let prev = prev_word(text, all.start());
        if c.get(1).is_none()
            && starts_upper(prev)
            && !is_sentence_start(text, all.start())
            && !is_date_word(prev)
        {
            continue;
        }
        let Some(weekday) = lexicon::weekday_number(w.as_str()) else {
            continue;
        };
        let shift = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()) {
            Some(s) if s == "last" || s == "past" => WeekdayShift::Last,
            Some(s) if s == "next" || s == "coming" => WeekdayShift::Next,
            Some(_) => WeekdayShift::This,
            None => WeekdayShift::Tense,
        };
        let part = c.get(3).and_then(|p| lexicon::part_of_day_code(p.as_str()));
        extra.push((
            Candidate {
                start: all.start(),
                end: all.end(),
                spec: Spec::Weekday { weekday, shift },
                position: None,
                relation: None,
                part_of_day: part,
                has_clock: false,
            },
            2,
        ));
    }
    for c in RELATIVE_DAY.captures_iter(text) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let w = word.as_str().to_ascii_lowercase();
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        let (offset, part) = match w.as_str() {
            "the day before yesterday" => (-2, None),
            "the day after tomorrow" => (2, None),
            "today" => (0, None),
            "tonight" => (0, Some("NI")),
            "yesterday" => (-1, None),
            "tomorrow" => (1, None),
            other => {
                let p = c.get(2).and_then(|p| lexicon::part_of_day_code(p.as_str()));
                // "last night" is the evening before; "this morning" today.
                (if other.starts_with("last") { -1 } else { 0 }, p)
            }
        };
        let part = c
            .get(3)
            .and_then(|p| lexicon::part_of_day_code(p.as_str()))
            .or(part);
        extra.push((
            Candidate {
                start: all.start(),
                end: all.end(),
                spec: Spec::RelativeDay(offset),
                position: None,
                relation: None,
                part_of_day: part,
                has_clock: false,
            },
            2,
        ));
    }
    for c in RELATIVE_UNIT.captures_iter(text) {
        relative_unit(text, &c, &mut push);
    }
    for c in PORTION_OF_THE.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let Some(unit) = c.get(3).and_then(|u| unit_of(u.as_str())) else {
            continue;
        };
        let (portion, position) = match (
            c.get(1).map(|m| m.as_str().to_ascii_lowercase()),
            c.get(2).map(|m| m.as_str().to_ascii_lowercase()),
        ) {
            (Some(e), _) if e == "earlier" => (Portion::Earlier, None),
            (Some(_), _) => (Portion::Later, None),
            (None, Some(p)) => match p.as_str() {
                "end" | "close" | "turn" => (Portion::Whole, Some(TimexMod::End)),
                "start" | "beginning" => (Portion::Whole, Some(TimexMod::Start)),
                "middle" => (Portion::Whole, Some(TimexMod::Mid)),
                _ => (Portion::Later, None),
            },
            (None, None) => continue,
        };
        // "later in the day" refers to the day being told about.
        let spec = if unit == Unit::Day {
            if position.is_some() || portion != Portion::Later && portion != Portion::Earlier {
                continue;
            }
            Spec::Narrative {
                unit: Unit::Day,
                offset: 0,
            }
        } else {
            Spec::RelativeUnit {
                unit,
                offset: 0,
                portion,
            }
        };
        extra.push((
            Candidate {
                start: all.start,
                end: all.end,
                spec,
                position,
                relation: None,
                part_of_day: None,
                has_clock: false,
            },
            2,
        ));
    }
    for c in AGO.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(n), Some(u), Some(dir)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let Some(count) = lexicon::number_value(n.as_str()) else {
            continue;
        };
        let Some(unit) = unit_of(u.as_str()) else {
            continue;
        };
        let spec = match dir.as_str().to_ascii_lowercase().as_str() {
            "ago" => Spec::Ago { unit, count },
            "later" | "after" => Spec::Narrative {
                unit,
                offset: i64::from(count),
            },
            _ => Spec::Narrative {
                unit,
                offset: -i64::from(count),
            },
        };
        // "two days after the summit" is relative to an event we cannot date.
        if matches!(
            dir.as_str().to_ascii_lowercase().as_str(),
            "before" | "after"
        ) {
            let follower = next_word(text, all.end);
            if follower.starts_with(|ch: char| ch.is_alphanumeric()) {
                continue;
            }
        }
        push(all.start, all.end, spec, 1);
    }
    for c in NARRATIVE_DAY.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let offset = match c
            .get(1)
            .or(c.get(3))
            .map(|m| m.as_str().to_ascii_lowercase())
            .as_deref()
        {
            Some("next" | "following" | "after") => 1,
            Some("previous" | "preceding" | "before") => -1,
            _ => 0,
        };
        let part = c.get(2).and_then(|p| lexicon::part_of_day_code(p.as_str()));
        // "that day" is only a date when it refers back; the bare "day" after
        // "the next"/"that" always does in news prose.
        extra.push((
            Candidate {
                start: all.start,
                end: all.end,
                spec: Spec::Narrative {
                    unit: Unit::Day,
                    offset,
                },
                position: None,
                relation: None,
                part_of_day: part,
                has_clock: false,
            },
            2,
        ));
    }
    for c in DURATION.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let (Some(n), Some(u)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let raw = n.as_str().to_ascii_lowercase();
        // "a year" needs a duration word before it ("for a year"); otherwise it
        // is usually a rate ("twice a year") or a noun phrase.
        if matches!(raw.as_str(), "a" | "an") {
            let prev = prev_word(text, all.start).to_ascii_lowercase();
            if !matches!(
                prev.as_str(),
                "for"
                    | "over"
                    | "within"
                    | "in"
                    | "after"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "than"
                    | "least"
                    | "past"
                    | "last"
                    | "lasting"
                    | "spent"
                    | "only"
                    | "just"
            ) {
                continue;
            }
        }
        if raw.contains('.') && !raw.chars().all(|ch| ch.is_ascii_digit() || ch == '.') {
            continue;
        }
        if n.as_str()
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_digit())
            && glued_number(text, n.start(), n.start() + n.as_str().len())
        {
            // Digits glued to a hyphen are fine here ("18-month-old").
            let next = text.get(n.end()..).unwrap_or("");
            if !next.starts_with('-') && !next.starts_with(' ') {
                continue;
            }
        }
        let amount = if raw.contains('.') {
            Some(raw.clone())
        } else {
            lexicon::number_value(&raw).map(|v| v.to_string())
        };
        let amount = amount.unwrap_or_else(|| "X".to_string());
        let unit = u.as_str().to_ascii_lowercase();
        let value = match unit.as_str() {
            "hour" => format!("PT{amount}H"),
            "day" => format!("P{amount}D"),
            "week" => format!("P{amount}W"),
            "month" => format!("P{amount}M"),
            "year" => format!("P{amount}Y"),
            "decade" => format!("P{amount}DE"),
            _ => format!("P{amount}CE"),
        };
        push(all.start, all.end, Spec::Duration(value), 4);
    }
    for c in SET.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
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
        } else {
            (
                num(&c, 7).unwrap_or(99),
                num(&c, 8).unwrap_or(0),
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

    for c in VAGUE.captures_iter(text) {
        let all = c.get(0).map(|m| m.range()).unwrap_or_default();
        let value = if c.get(1).is_some() || c.get(2).is_some() {
            "PAST_REF"
        } else {
            "FUTURE_REF"
        };
        push(all.start, all.end, Spec::Vague(value), 1);
    }
    for c in VAGUE_DURATION.captures_iter(text) {
        let (Some(_), Some(u)) = (c.get(0), c.get(2)) else {
            continue;
        };
        // Only with a word that makes it a length of time; "days" alone is
        // too often part of something else ("the days of the war").
        let prev = prev_word(text, u.start()).to_ascii_lowercase();
        let quantified = prev
            .trim_matches(|ch: char| !ch.is_alphanumeric())
            .parse::<u32>()
            .is_ok()
            || lexicon::number_value(&prev).is_some()
            || matches!(
                prev.as_str(),
                "few" | "several" | "many" | "recent" | "coming"
            );
        if quantified || (c.get(1).is_none() && c.get(3).is_none() && c.get(4).is_none()) {
            continue;
        }
        let letter = match u.as_str().to_ascii_lowercase().as_str() {
            "days" => "D",
            "weeks" => "W",
            "months" => "M",
            "years" => "Y",
            _ => "DE",
        };
        let end = c.get(3).map(|m| m.end()).unwrap_or(u.end());
        push(u.start(), end, Spec::Duration(format!("PX{letter}")), 4);
    }
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

    found.extend(extra);
    let mut kept = select_longest(found);
    attach_modifiers(text, &mut kept);
    kept
}

fn day(year: YearRef, month: u32, day: u32) -> Spec {
    Spec::Day { year, month, day }
}

fn unit_of(word: &str) -> Option<Unit> {
    match word.to_ascii_lowercase().as_str() {
        "day" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "weekend" => Some(Unit::Weekend),
        "month" => Some(Unit::Month),
        "quarter" => Some(Unit::Quarter),
        "year" => Some(Unit::Year),
        "decade" => Some(Unit::Decade),
        _ => None,
    }
}

fn is_sentence_start(text: &str, pos: usize) -> bool {
    let b = before(text, pos, 4).trim_end_matches([' ', '“', '"', '\'']);
    b.is_empty() || b.ends_with(['.', '!', '?', '\n', ':'])
}

fn is_date_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    lexicon::month_number(&w).is_some()
        || matches!(
            w.as_str(),
            "on" | "since"
                | "until"
                | "by"
                | "from"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "and"
                | "or"
        )
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

fn month_day(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(mw), Some(d1)) = (c.get(0), c.get(2), num(c, 3)) else {
        return;
    };
    if !starts_upper(mw.as_str()) {
        return;
    }
    let Some(m1) = lexicon::month_number(mw.as_str()) else {
        return;
    };
    let mut end = all.end();
    let mut year = c
        .get(6)
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| plausible_year(*y));
    if c.get(6).is_some() && year.is_none() {
        // "May 9 2100 troops": the trailing number is not ours.
        end = c.get(5).or(c.get(3)).map(|m| m.end()).unwrap_or(end);
    }
    if let (Some(y), Some(ym)) = (year, c.get(6)) {
        if glued_number(text, ym.start(), ym.end()) {
            year = None;
            end = c.get(5).or(c.get(3)).map(|m| m.end()).unwrap_or(end);
        }
        let _ = y;
    }
    // The day must stand alone: "March 1,500" or "May 35" are not dates.
    let day_end = c.get(3).map(|m| m.end()).unwrap_or(end);
    let after_day = text.get(day_end..).unwrap_or("");
    let ord_len = after_day
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .count();
    let after_day = &after_day[ord_len..];
    if after_day.starts_with([',', '.', ':'])
        && after_day[1..].starts_with(|ch: char| ch.is_ascii_digit())
    {
        return;
    }
    if !valid_day(m1, d1) {
        return;
    }
    let year = match (year, c.get(7)) {
        (Some(y), _) => YearRef::Absolute(y),
        (None, Some(rel)) => year_ref(None, Some(rel.as_str())),
        (None, None) => YearRef::Undefined,
    };
    let start = all.start();
    if let Some(d2) = num(c, 5) {
        let m2 = c
            .get(4)
            .and_then(|m| lexicon::month_number(m.as_str()))
            .unwrap_or(m1);
        if valid_day(m2, d2) && (m2, d2) > (m1, d1) {
            push(
                start,
                end,
                Spec::DayRange {
                    year,
                    from: (m1, d1),
                    to: (m2, d2),
                },
                0,
            );
            return;
        }
        end = c.get(3).map(|m| m.end()).unwrap_or(end);
        end += ord_len;
        if let Some(y) = c.get(6) {
            let _ = y;
        }
        push(start, end, day(YearRef::Undefined, m1, d1), 0);
        return;
    }
    push(start, end, day(year, m1, d1), 0);
}

fn day_month(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(d1m), Some(mw)) = (c.get(0), c.get(2), c.get(4)) else {
        return;
    };
    if !starts_upper(mw.as_str()) {
        return;
    }
    let Some(m) = lexicon::month_number(mw.as_str()) else {
        return;
    };
    let Ok(d1) = d1m.as_str().parse::<u32>() else {
        return;
    };
    if !valid_day(m, d1) {
        return;
    }
    if matches!(before(text, d1m.start(), 1), "-" | "," | "." | "/" | "$") {
        return;
    }
    let mut end = all.end();
    let mut year = c
        .get(5)
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| plausible_year(*y));
    if let Some(ym) = c.get(5) {
        if year.is_none() || glued_number(text, ym.start(), ym.end()) {
            year = None;
            end = mw.end();
        }
    }
    let year = year.map(YearRef::Absolute).unwrap_or(YearRef::Undefined);
    if let Some(d2) = num(c, 3) {
        if valid_day(m, d2) && d2 > d1 {
            push(
                all.start(),
                end,
                Spec::DayRange {
                    year,
                    from: (m, d1),
                    to: (m, d2),
                },
                0,
            );
        }
        return;
    }
    push(all.start(), end, day(year, m, d1), 0);
}

fn month_alone(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(mw)) = (c.get(0), c.get(2)) else {
        return;
    };
    let word = mw.as_str();
    if !starts_upper(word) {
        return;
    }
    let Some(month) = lexicon::month_number(word) else {
        return;
    };
    let lead = c.get(1).map(|m| m.as_str());
    let trail = c.get(3).map(|m| m.as_str());
    let has_context = lead.is_some() || trail.is_some();
    let after = text.get(mw.end()..).unwrap_or("");
    // Possessive of a name ("May's government") or a name followed by a
    // surname ("June Carter") — but "June This year" from machine translation
    // is still a month.
    let next = next_word(text, mw.end());
    let next_is_name = starts_upper(next)
        && !after.starts_with([',', '.', ';', ':'])
        && !matches!(
            next.to_ascii_lowercase().trim_end_matches([',', '.']),
            "this" | "last" | "next" | "and" | "or"
        );
    let prev = prev_word(text, all.start());
    let prev_l = prev.to_ascii_lowercase();
    let prev_is_context = matches!(
        prev_l.trim_matches(|ch: char| !ch.is_alphanumeric()),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "to"
            | "through"
            | "during"
            | "before"
            | "after"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "and"
            | "or"
            | "between"
            | "around"
            | "last"
            | "next"
            | "this"
            | "every"
            | "each"
            | "for"
            | "as"
            | "late-"
            | "early-"
    ) || before(text, all.start(), 4).eq_ignore_ascii_case("mid-");
    let prev_is_name = starts_upper(prev)
        && !prev_is_context
        && !is_date_word(prev)
        && !matches!(
            prev_l.trim_matches(|ch: char| !ch.is_alphanumeric()),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "its"
                | "his"
                | "her"
                | "their"
                | "during"
                | "on"
                | "at"
                | "for"
        );
    if prev_is_name {
        return;
    }
    if lexicon::month_is_ambiguous(word) && !(has_context || prev_is_context) {
        return;
    }
    // "June Carter", "May Day": a name unless a preposition makes it a month
    // ("in June Kim visited").
    if next_is_name && trail.is_none() && !prev_is_context {
        return;
    }
    push(
        all.start(),
        all.end(),
        Spec::Month {
            year: year_ref(None, trail.or(lead)),
            month,
        },
        2,
    );
}

/// A bare four-digit number that reads as a year, or `None`.
fn year_token(text: &str, start: usize, end: usize) -> Option<i32> {
    let y: i32 = text.get(start..end)?.parse().ok()?;
    let prev = prev_word(text, start);
    let prev_l = prev
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .to_ascii_lowercase();
    let strong = matches!(
        prev_l.as_str(),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "of"
            | "during"
            | "before"
            | "after"
            | "year"
            | "through"
            | "between"
            | "and"
            | "to"
    );
    let range_ok = if strong {
        plausible_year(y)
    } else {
        (1900..=2100).contains(&y)
    };
    if !range_ok || glued_number(text, start, end) {
        return None;
    }
    if lexicon::is_identifier_head(&prev_l) && !strong {
        return None;
    }
    // "No. 2023", "Resolution 2087", "G7 2024"? An identifier head decides.
    let next = next_word(text, end);
    if lexicon::is_count_noun(next) {
        return None;
    }
    Some(y)
}

fn season(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(sw)) = (c.get(0), c.get(2)) else {
        return;
    };
    let Some(code) = lexicon::season_code(sw.as_str()) else {
        return;
    };
    let lead = c.get(1).map(|m| m.as_str());
    let abs = c
        .get(3)
        .and_then(|y| y.as_str().parse::<i32>().ok())
        .filter(|y| plausible_year(*y));
    let rel = c.get(4).map(|m| m.as_str());
    let prev = prev_word(text, all.start()).to_ascii_lowercase();
    // "the spring" is a season after a preposition ("in the spring"), not
    // as a subject ("the spring of the rifle").
    let prev2 = prev_word(text, all.start().saturating_sub(prev.len() + 1)).to_ascii_lowercase();
    let bare_the = prev == "the"
        && !matches!(
            prev2.as_str(),
            "in" | "during"
                | "by"
                | "since"
                | "until"
                | "over"
                | "through"
                | "for"
                | "before"
                | "after"
        );
    if bare_the && abs.is_none() && rel.is_none() {
        return;
    }
    let context = lead.is_some()
        || abs.is_some()
        || rel.is_some()
        || matches!(
            prev.as_str(),
            "in" | "the"
                | "during"
                | "since"
                | "until"
                | "by"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "last"
                | "next"
                | "of"
        );
    // "fall" is a verb far more often than a season.
    let is_fall = sw.as_str().eq_ignore_ascii_case("fall");
    if !context
        || is_fall
            && lead.is_none()
            && abs.is_none()
            && rel.is_none()
            && prev != "the"
            && prev != "in"
    {
        return;
    }
    if is_fall && (prev == "the" || prev == "in") && abs.is_none() && rel.is_none() {
        // "in the fall of Kabul", "the fall in prices": only "in the fall" at a
        // clause end or before a year is the season.
        let next = next_word(text, all.end());
        if !next.is_empty() && !next.starts_with(['.', ',', ';']) {
            return;
        }
    }
    let year = year_ref(abs, rel.or(lead));
    // "in the summer of 2023": the article belongs to the expression.
    let start = if prev == "the" && lead.is_none() {
        all.start() - before(text, all.start(), 4).len()
    } else {
        all.start()
    };
    let start = if text
        .get(start..start + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
    {
        start
    } else {
        all.start()
    };
    push(start, all.end(), Spec::Season { year, code }, 2);
}

fn quarter(_text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let Some(all) = c.get(0) else {
        return;
    };
    let (kind_is_quarter, n) = if let (Some(k), Some(n)) = (c.get(1), num(c, 2)) {
        (k.as_str().eq_ignore_ascii_case("q"), n)
    } else {
        let (Some(o), Some(k)) = (c.get(3), c.get(4)) else {
            return;
        };
        let Some(n) = lexicon::ordinal_value(o.as_str()) else {
            return;
        };
        let is_q = k.as_str().eq_ignore_ascii_case("quarter");
        let n = if !is_q && n == 4 { 2 } else { n };
        (is_q, n)
    };
    let abs = c
        .get(5)
        .or(c.get(8))
        .and_then(|y| y.as_str().parse::<i32>().ok());
    let rel = c.get(6).map(|m| m.as_str());
    let the_year = c.get(7).is_some();
    if abs.is_none() && rel.is_none() && !the_year {
        // "the first half of the match": without a year a half is not a
        // date, but "the fourth quarter" is one in news prose.
        if c.get(1).is_none() && !kind_is_quarter {
            return;
        }
    }
    let year = if the_year {
        YearRef::Relative(0)
    } else {
        year_ref(abs, rel)
    };
    let year = if abs.is_none() && rel.is_none() && !the_year {
        YearRef::Undefined
    } else {
        year
    };
    let spec = if kind_is_quarter {
        Spec::Quarter { year, quarter: n }
    } else if n <= 2 {
        Spec::Half { year, half: n }
    } else {
        return;
    };
    push(all.start(), all.end(), spec, 1);
}

fn relative_unit(text: &str, c: &Captures, push: &mut impl FnMut(usize, usize, Spec, u8)) {
    let (Some(all), Some(dw), Some(uw)) = (c.get(0), c.get(2), c.get(3)) else {
        return;
    };
    let Some(unit) = unit_of(uw.as_str()) else {
        return;
    };
    let det = dw
        .as_str()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    let portion = match c.get(1).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
        Some("earlier") => Portion::Earlier,
        Some(_) => Portion::Later,
        None => Portion::Whole,
    };
    let prev = prev_word(text, all.start()).to_ascii_lowercase();
    // "the past year", "over the last week": a duration, not a date.
    if (det == "past" || det == "last") && prev == "the" {
        let value = match unit {
            Unit::Day => "P1D",
            Unit::Week | Unit::Weekend => "P1W",
            Unit::Month => "P1M",
            Unit::Quarter => "P1Q",
            Unit::Year => "P1Y",
            Unit::Decade => "P1DE",
        };
        push(all.start(), all.end(), Spec::Duration(value.to_string()), 2);
        return;
    }
    let follower = next_word(text, all.end()).to_ascii_lowercase();
    let spec = match det.as_str() {
        "this" | "the current" => Spec::RelativeUnit {
            unit,
            offset: 0,
            portion,
        },
        "last" | "past" | "this past" => Spec::RelativeUnit {
            unit,
            offset: -1,
            portion,
        },
        "next" | "coming" | "this coming" => Spec::RelativeUnit {
            unit,
            offset: 1,
            portion,
        },
        "the previous" => Spec::Narrative { unit, offset: -1 },
        "the following" | "the next" => Spec::Narrative { unit, offset: 1 },
        _ => {
            // "that week" / "the same year" refer back; "that year's" too.
            if follower.starts_with("of") {
                return;
            }
            Spec::Narrative { unit, offset: 0 }
        }
    };
    push(all.start(), all.end(), spec, 2);
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

/// Extends each candidate over a positional modifier before it ("early",
/// "mid-", "the end of") and records a relating preposition ("since").
fn attach_modifiers(text: &str, cands: &mut [Candidate]) {
    let mut prev_end = 0;
    for c in cands.iter_mut() {
        let window = before(text, c.start, 40);
        let window_start = c.start - window.len();
        if matches!(
            c.spec,
            Spec::Duration(_) | Spec::Set(_) | Spec::Clock { .. }
        ) {
            if let Some(m) = POSITION_PREFIX.captures(window) {
                let w = m
                    .get(1)
                    .map(|x| x.as_str().to_ascii_lowercase())
                    .unwrap_or_default();
                if matches!(
                    w.as_str(),
                    "around" | "about" | "approximately" | "circa" | "roughly" | "some"
                ) {
                    let start = window_start + m.get(0).map(|x| x.start()).unwrap_or(window.len());
                    if start >= prev_end {
                        c.start = start;
                        c.position = Some(TimexMod::Approx);
                    }
                }
            }
            prev_end = c.end;
            continue;
        }
        if c.position.is_none() {
            if let Some(m) = POSITION_PREFIX.captures(window) {
                let w = m
                    .get(1)
                    .map(|x| {
                        x.as_str()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_ascii_lowercase()
                    })
                    .unwrap_or_default();
                let w = w.strip_prefix("the ").unwrap_or(&w).to_string();
                let position = match w.as_str() {
                    "early" | "start of" | "beginning of" => Some(TimexMod::Start),
                    "mid" | "middle of" => Some(TimexMod::Mid),
                    "late" | "end of" | "close of" | "turn of" => Some(TimexMod::End),
                    _ => Some(TimexMod::Approx),
                };
                let start = window_start + m.get(0).map(|x| x.start()).unwrap_or(window.len());
                // "late" before a relative-day word is an adverb ("arrived late
                // yesterday" still dates to yesterday).
                if start >= prev_end && !matches!(c.spec, Spec::Narrative { .. }) {
                    c.start = start;
                    c.position = position;
                }
            }
        }
        let window = before(text, c.start, 20);
        if let Some(m) = RELATION_PREFIX.captures(window) {
            let w = m
                .get(1)
                .map(|x| x.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            c.relation = match w.as_str() {
                "since" | "as of" => Some(TimexMod::Since),
                "until" | "till" | "through" | "by" => Some(TimexMod::Until),
                "before" => Some(TimexMod::Before),
                "after" => Some(TimexMod::After),
                _ => None,
            };
        }
        prev_end = c.end;
    }
}
