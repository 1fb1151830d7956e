//! Date and status: which dates of a sentence govern a trigger, the nearest
//! or most specific of them, the narrative date carried from earlier
//! sentences, "the same day", and the publication date as a last resort.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::Days;
use regex::Regex;

/// How far before publication an undated event may lie: news reports what
/// happened in the last days.
pub(crate) const REPORTED_ON_DAYS: u64 = 7;

use super::{tail, Context, Site, CLAUSE_BREAK, CLOSED_RELATIVE};
use crate::corpus::{DateBasis, EventDate, EventStatus};
use crate::corpus::{DateInterval, Granularity, Timex, TimexKind, TimexMod};

/// Words that open a subordinate clause.
static SUBORDINATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:since|which|who|whose|when|while|dedicated|anniversary|because)\b")
        .expect("valid regex")
});

/// A date right after a reporting verb is when the news came out, not when
/// the event happened ("state media reported Sunday").
static REPORTING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:reported|said|announced|stated|told|added|wrote|noted|confirmed)\s+(?:on\s+)?$",
    )
    .expect("valid regex")
});

static SAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:on\s+)?the\s+same\s+(?:day|evening|night|afternoon|morning)|later\s+(?:that|the\s+same)\s+day|that\s+(?:same\s+)?evening)\b")
        .expect("valid regex")
});

/// "arrived on Thursday and held talks … on Friday": "and" opening a new
/// predicate (a lower-case word follows) ends the first one's clause.
static NEW_PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|,|\s)(?:and|but|then|before|after)\s+(?:then\s+|later\s+)?[a-z]")
        .expect("valid regex")
});

/// "in July 2000, when he met", "in July 2023, where he met": the clause
/// hangs on the date's clause, which dates it.
static WHEN_AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:when|where)\s+(?:\w+\s+){0,3}$").expect("valid regex")
});

/// The dates of the trigger's event, each with its status: every specific
/// date of a plan, else the nearest governing date (background when old),
/// the narrative date, or the day the article was published.
pub(super) fn dates_and_status(
    ctx: &Context,
    site: &Site,
    planned_by_words: bool,
    planned_narrative: &Option<EventDate>,
    last_event_date: &Option<EventDate>,
    narrative: &Option<EventDate>,
) -> Vec<(Option<EventDate>, EventStatus)> {
    let Site {
        text,
        sentence_text,
        range,
        timexes,
        ..
    } = *site;
    let mut governing = ctx.governing_dates(text, timexes, range.clone());
    // A date of the trigger's own predicate beats one of the predicate
    // before it: "arrived in Kuala Lumpur on Thursday and held talks with
    // Anwar on Friday" dates the talks Friday.
    if governing.iter().any(|t| t.start >= range.end) {
        governing.retain(|t| {
            t.start >= range.end
                || !NEW_PREDICATE.is_match(text.get(t.end..range.start).unwrap_or(""))
        });
    }
    let any_future = governing.iter().any(|t| t.future);
    let planned = planned_by_words || any_future;
    let mut dated: Vec<(Option<EventDate>, EventStatus)> = Vec::new();
    if planned {
        let specific = most_specific(&governing);
        if specific.is_empty() {
            // The plan's span ("from July 11 to 13"), as a span.
            let date = planned_narrative
                .as_ref()
                .map(|d| span(d.interval, DateBasis::Narrative));
            dated.push((date, EventStatus::Planned));
        }
        for t in specific {
            dated.push((ctx.explicit(t), EventStatus::Planned));
        }
    } else if let Some(same) = last_event_date
        .as_ref()
        .filter(|_| SAME_DAY.is_match(sentence_text))
    {
        // "The same day" is the day of that event, known as well as it is.
        dated.push((Some(same.clone()), EventStatus::Reported));
    } else if let Some(t) = nearest(&governing, range.clone()) {
        let status = if ctx.is_background(t) {
            EventStatus::Background
        } else {
            EventStatus::Reported
        };
        dated.push((ctx.explicit(t), status));
    } else if let Some(n) = &narrative {
        dated.push((Some(ctx.after_narrative(n)), EventStatus::Reported));
    } else {
        dated.push((ctx.reported_on(), EventStatus::Reported));
    }
    dated
}

fn nearest<'a>(timexes: &[&'a Timex], trigger: Range<usize>) -> Option<&'a Timex> {
    timexes.iter().copied().min_by_key(|t| {
        let distance = if t.start >= trigger.end {
            t.start - trigger.end
        } else {
            trigger.start.saturating_sub(t.end)
        };
        // Prefer the more precise of two equally near dates.
        (distance, t.granularity.unwrap_or(Granularity::Year))
    })
}

/// "later this year, particularly in August and October": the months, not
/// the year that contains them.
fn most_specific<'a>(timexes: &[&'a Timex]) -> Vec<&'a Timex> {
    let mut out: Vec<&Timex> = Vec::new();
    for t in timexes {
        let Some(i) = t.interval else { continue };
        let contains_other = timexes.iter().any(|o| {
            o.interval
                .is_some_and(|oi| oi != i && i.start <= oi.start && oi.end <= i.end)
        });
        if !contains_other && !out.iter().any(|o| o.interval == t.interval) {
            out.push(t);
        }
    }
    out
}

impl<'a> Context<'a> {
    /// Dates that can be the date of an event triggered at `trigger`.
    fn governing_dates(
        &self,
        text: &str,
        timexes: &[&'a Timex],
        trigger: Range<usize>,
    ) -> Vec<&'a Timex> {
        timexes
            .iter()
            .copied()
            .filter(|t| {
                if !self.is_event_date(text, t) {
                    return false;
                }
                let between = if t.start >= trigger.end {
                    text.get(trigger.end..t.start)
                } else {
                    text.get(t.end..trigger.start)
                }
                .unwrap_or("");
                // "in July 2000, when he met Kim Jong Il": the when-clause
                // hangs on the date, which dates it.
                let dates_when_clause = t.end <= trigger.start && WHEN_AFTER_DATE.is_match(between);
                let between = CLOSED_RELATIVE.replace_all(between, ",");
                if CLAUSE_BREAK.is_match(&between) && !dates_when_clause {
                    return false;
                }
                // The date's own clause may be subordinate ("since he began
                // governing in 2011, …"); then it dates that clause only.
                let head = tail(text.get(..t.start).unwrap_or(""), 80);
                let clause_start = head
                    .rfind([',', ';', '.', '(', '–', '—'])
                    .map(|i| i + 1)
                    .unwrap_or(0);
                let own_clause = head.get(clause_start..).unwrap_or("");
                let clause_begin = t.start - (head.len() - clause_start);
                let trigger_inside = trigger.start >= clause_begin && trigger.end <= t.start;
                trigger_inside || !SUBORDINATOR.is_match(own_clause)
            })
            .collect()
    }

    /// A calendar date that is not a reporting date or a dateline.
    fn is_event_date(&self, text: &str, t: &Timex) -> bool {
        if !matches!(t.kind, TimexKind::Date | TimexKind::Time) || t.interval.is_none() {
            return false;
        }
        if matches!(
            t.modifier,
            Some(TimexMod::Since | TimexMod::Until | TimexMod::Before | TimexMod::After)
        ) {
            return false;
        }
        if self
            .dateline
            .as_ref()
            .is_some_and(|d| t.start >= d.start && t.end <= d.end)
        {
            return false;
        }
        let before = tail(text.get(..t.start).unwrap_or(""), 30);
        !REPORTING_BEFORE.is_match(before)
    }

    pub(super) fn is_narrative_candidate(&self, text: &str, t: &Timex) -> bool {
        self.is_event_date(text, t) && !t.future && !self.is_background(t)
    }

    pub(super) fn explicit(&self, t: &Timex) -> Option<EventDate> {
        let granularity = t.granularity.unwrap_or(Granularity::Day);
        // "Monday night" (2025-07-14TNI): an event is dated by its day.
        let value = match (granularity, t.value.split_once('T')) {
            (Granularity::Day, Some((day, _))) if day.len() == 10 => day.to_string(),
            _ => t.value.clone(),
        };
        Some(EventDate {
            value,
            granularity: t.granularity.unwrap_or(Granularity::Day),
            interval: t.interval?,
            basis: DateBasis::Explicit,
        })
    }

    /// A date from the narrative dates the sentence only loosely: the event
    /// came after what was last dated ("arrived on Friday … held talks")
    /// and on or before publication — a span, a day only when both are one.
    fn after_narrative(&self, n: &EventDate) -> EventDate {
        let end = match self.article.published {
            Some(p) if p >= n.interval.end => p,
            _ => n.interval.end,
        };
        span(
            DateInterval {
                start: n.interval.start,
                end,
            },
            DateBasis::Narrative,
        )
    }

    /// No date in the text: the event happened on or before the day the
    /// article came out — the week before it, as a range, not a day.
    fn reported_on(&self) -> Option<EventDate> {
        let p = self.article.published?;
        let start = p.checked_sub_days(Days::new(REPORTED_ON_DAYS)).unwrap_or(p);
        Some(EventDate {
            value: p.format("%Y-%m-%d").to_string(),
            granularity: Granularity::Week,
            interval: DateInterval { start, end: p },
            basis: DateBasis::ReportedOn,
        })
    }
}

/// A date known only as a span of days: its value is the day when the span
/// is one day, else `start/end` (ISO 8601 interval); its granularity is the
/// span's length, so no page shows a span as an exact day.
pub(crate) fn span(interval: DateInterval, basis: DateBasis) -> EventDate {
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let days = (interval.end - interval.start).num_days() + 1;
    let granularity = match days {
        ..=1 => Granularity::Day,
        2..=7 => Granularity::Week,
        8..=31 => Granularity::Month,
        32..=92 => Granularity::Quarter,
        93..=366 => Granularity::Year,
        _ => Granularity::Decade,
    };
    let value = if days <= 1 {
        day(interval.start)
    } else {
        format!("{}/{}", day(interval.start), day(interval.end))
    };
    EventDate {
        value,
        granularity,
        interval,
        basis,
    }
}
