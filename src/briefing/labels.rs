//! Words and date views for pages: actor kinds, event kinds, statuses,
//! where a date came from.

use chrono::NaiveDate;

use super::*;

pub(super) fn kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::Country => "Country",
        ActorKind::Place => "Place",
    }
}

/// "wreath-laying" → "Wreath-laying": the events stage names kinds in lower case.
pub(super) fn event_kind_label(kind: EventKind) -> String {
    let label = kind.label();
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn status_label(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Reported => "Reported",
        EventStatus::Planned => "Planned",
        EventStatus::Background => "Background",
        EventStatus::NotHappened => "Did not happen (denied or cancelled)",
    }
}

pub(super) fn basis_label(basis: DateBasis) -> &'static str {
    match basis {
        DateBasis::Explicit => "stated in the text",
        DateBasis::Narrative => {
            "not given in its sentence; from the event it elaborates or the span the surrounding narrative allows"
        }
        DateBasis::ReportedOn => "not given in the text; on or before the day it was reported",
        DateBasis::Curated => "set by an analyst",
    }
}

pub(super) fn date_view(
    value: &str,
    precision: Option<Granularity>,
    basis: Option<DateBasis>,
) -> DateView {
    // A date the text does not give is only bounded by publication; one
    // taken from the narrative is the span the article allows ("12–16
    // September 2025", precision of that span): neither is shown as an
    // exact day unless the span is one day.
    let label = match basis {
        Some(DateBasis::ReportedOn) => format!("on or before {}", dates::label(value)),
        _ => dates::label(value),
    };
    let precision = match basis {
        Some(DateBasis::ReportedOn) => None,
        _ => precision,
    };
    DateView {
        value: value.to_string(),
        label,
        datetime: dates::html_datetime(value),
        precision,
        basis: basis.map(basis_label),
        basis_key: basis,
        on_or_before: matches!(basis, Some(DateBasis::ReportedOn)),
        start: None,
    }
}

/// What the evidence of an inferred publication date fixes, for the
/// article page: the day itself, or the range the shown day was chosen from.
pub(super) fn inferred_range_label(range: crate::corpus::DateInterval) -> String {
    let long = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    if range.start == range.end {
        "the evidence fixes the day".to_string()
    } else {
        format!(
            "the evidence fixes only a range: between {} and {}; relative dates use the day shown",
            long(range.start),
            long(range.end)
        )
    }
}

pub(super) fn day_view(day: NaiveDate) -> DateView {
    let value = day.format("%Y-%m-%d").to_string();
    DateView {
        start: Some(value.clone()),
        ..date_view(&value, Some(Granularity::Day), None)
    }
}
