//! Time expressions found in a text, with their TIMEX3 values.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What kind of time expression this is. Only `Date` (and `Time`, whose value
/// is its day) may become an event date; durations and sets never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

/// How precise a date value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    HalfYear,
    Year,
    Decade,
    Century,
}

/// TIMEX3 `mod` and range markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexMod {
    Start,
    Mid,
    End,
    Approx,
    /// "since Sep. 12": from the value on.
    Since,
    /// "until 2030": up to the value.
    Until,
    Before,
    After,
    /// "more than four hours", "over a week".
    #[serde(rename = "MORE_THAN")]
    MoreThan,
    /// "less than a decade", "under two hours", "nearly two years".
    #[serde(rename = "LESS_THAN")]
    LessThan,
    /// "up to 180 days", "no more than sixty days", "within 18 months".
    #[serde(rename = "EQUAL_OR_LESS")]
    EqualOrLess,
    /// "at least three years".
    #[serde(rename = "EQUAL_OR_MORE")]
    EqualOrMore,
}

/// Where a value's missing parts came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchoring {
    /// Fully specified in the text ("27 July 2023").
    Absolute,
    /// Completed from the publication date ("July 27", "last week").
    Publication,
    /// Completed from the last date mentioned ("the next day").
    Narrative,
    /// No reference date was available; the value is left underspecified.
    Unanchored,
}

/// An inclusive calendar interval covered by a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateInterval {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offsets into the text that was annotated.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: TimexKind,
    /// TIMEX3 value: `2023-07-27`, `2024-06`, `2023-W36`, `2024-SU`, `199X`,
    /// `1950/1953`, `P3D`, `XXXX-XX-XX` …
    pub value: String,
    pub granularity: Option<Granularity>,
    #[serde(rename = "mod")]
    pub modifier: Option<TimexMod>,
    /// The calendar days the value covers, when it is a date.
    pub interval: Option<DateInterval>,
    pub anchoring: Anchoring,
    /// True for a reference to the future relative to the anchor ("will visit
    /// in August"): events dated by it are planned.
    pub future: bool,
}
