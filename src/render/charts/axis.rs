//! The time axis: month indexes, the step a column covers, column labels.

use crate::briefing::dates::{MONTH_ABBREVIATIONS, MONTH_NAMES};
use std::fmt::Write;

use super::svg::{esc, INK, MUTED};
use crate::briefing::EventRef;

/// Most columns a chart gets before months are grouped into longer steps.
pub const MAX_BINS: usize = 48;

/// Months since year 0 of a `YYYY-MM…` value, or `None` when it has no month.
pub(super) fn month_index(value: &str) -> Option<i32> {
    let year: i32 = value.get(0..4)?.parse().ok()?;
    if value.get(4..5)? != "-" {
        return None;
    }
    let month: i32 = value.get(5..7)?.parse().ok()?;
    (1..=12).contains(&month).then_some(year * 12 + month - 1)
}

/// How many months one column covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Month,
    Quarter,
    Year,
    Decade,
}

impl Step {
    pub(super) fn months(self) -> i32 {
        match self {
            Step::Month => 1,
            Step::Quarter => 3,
            Step::Year => 12,
            Step::Decade => 120,
        }
    }

    pub(super) fn noun(self) -> &'static str {
        match self {
            Step::Month => "month",
            Step::Quarter => "quarter",
            Step::Year => "year",
            Step::Decade => "decade",
        }
    }
}

/// Consecutive columns from `first` to `last` (month indexes), in the
/// shortest step that keeps them within [`MAX_BINS`].
#[derive(Debug)]
pub(super) struct Axis {
    pub(super) step: Step,
    /// Month index each column starts at.
    pub(super) starts: Vec<i32>,
}

impl Axis {
    /// Writes column `i`'s label under the baseline (when `short` is set)
    /// and, where a year starts, the year below it at `year_x`.
    pub(super) fn write_labels(
        &self,
        svg: &mut String,
        i: usize,
        cx: f64,
        year_x: f64,
        base_y: f64,
        short: bool,
    ) {
        if short {
            let _ = writeln!(
                svg,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>",
                base_y + 14.0,
                esc(&self.short(i))
            );
        }
        if let Some(year) = self.year_label(i) {
            let _ = writeln!(
                svg,
                "<text x=\"{year_x:.1}\" y=\"{:.1}\" fill=\"{INK}\" font-weight=\"700\">{year}</text>",
                base_y + 28.0
            );
        }
    }

    pub(super) fn new(first: i32, last: i32) -> Axis {
        let steps = [Step::Month, Step::Quarter, Step::Year, Step::Decade];
        let mut chosen = Step::Decade;
        for step in steps {
            if Self::span(first, last, step) <= MAX_BINS as i32 {
                chosen = step;
                break;
            }
        }
        let m = chosen.months();
        let start = first.div_euclid(m) * m;
        let count = Self::span(first, last, chosen).max(1);
        Axis {
            step: chosen,
            starts: (0..count).map(|i| start + i * m).collect(),
        }
    }

    fn span(first: i32, last: i32, step: Step) -> i32 {
        let m = step.months();
        last.div_euclid(m) - first.div_euclid(m) + 1
    }

    pub(super) fn column(&self, month: i32) -> Option<usize> {
        let first = *self.starts.first()?;
        let i = (month - first).div_euclid(self.step.months());
        usize::try_from(i).ok().filter(|&i| i < self.starts.len())
    }

    /// Short label under a column ("Jun", "Q3", "2024", "1990s").
    pub(super) fn short(&self, i: usize) -> String {
        let Some(&s) = self.starts.get(i) else {
            return String::new();
        };
        let (year, month) = (s.div_euclid(12), s.rem_euclid(12) as usize);
        match self.step {
            Step::Month => MONTH_ABBREVIATIONS
                .get(month)
                .copied()
                .unwrap_or("")
                .to_string(),
            Step::Quarter => format!("Q{}", month / 3 + 1),
            Step::Year => format!("{year}"),
            Step::Decade => format!("{year}s"),
        }
    }

    /// Full label for tables and tooltips ("June 2024", "Q3 2024").
    pub(super) fn long(&self, i: usize) -> String {
        let Some(&s) = self.starts.get(i) else {
            return String::new();
        };
        let (year, month) = (s.div_euclid(12), s.rem_euclid(12) as usize);
        match self.step {
            Step::Month => format!("{} {year}", MONTH_NAMES.get(month).copied().unwrap_or("")),
            Step::Quarter => format!("Q{} {year}", month / 3 + 1),
            Step::Year => format!("{year}"),
            Step::Decade => format!("{year}s"),
        }
    }

    /// A year label goes under the first column and each column opening a
    /// new year (months and quarters only; longer steps name the year).
    pub(super) fn year_label(&self, i: usize) -> Option<i32> {
        let s = *self.starts.get(i)?;
        // The first column names its year unless a new year opens right
        // after it, where the two labels would run into each other.
        let crowded = |j: usize| self.starts.get(j).is_some_and(|&t| t.rem_euclid(12) == 0);
        let opens_year = s.rem_euclid(12) == 0 || (i == 0 && !crowded(1) && !crowded(2));
        (matches!(self.step, Step::Month | Step::Quarter) && opens_year).then(|| s.div_euclid(12))
    }
}

/// Month indexes of dated events, with the event, for events whose start
/// is known at least to the month.
pub(super) fn event_months(events: &[EventRef]) -> Vec<(i32, &EventRef)> {
    events
        .iter()
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            d.precision
                .is_some_and(|p| p <= crate::corpus::Granularity::Month)
                .then_some(())?;
            Some((month_index(d.start.as_deref()?)?, e))
        })
        .collect()
}
