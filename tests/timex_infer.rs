//! Publication-date inference from datelines, weekdays, years and tenures.

use chrono::NaiveDate;
use dossier::timex::{infer_publication_date, DateConstraint, Precision};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

const EFE_STYLE: &str = "Seoul, Sep 17 (EFE).- North Korean state media reported Sunday that \
the leader had toured a shipyard.\n\nHe has ruled since he began governing in 2011.";

#[test]
fn weekday_agreement_and_tenure_pick_the_year() {
    let shoigu = DateConstraint {
        not_before: Some(d("2012-11-06")),
        not_after: Some(d("2024-05-12")),
        reason: "Sergei Shoigu was Defense Minister from 2012-11-06 to 2024-05-12".into(),
    };
    let got = infer_publication_date(EFE_STYLE, Some("Sep 17"), &[shoigu]).expect("a date");
    // 17 September was a Sunday in 2017 and 2023; the tenure admits both and
    // the latest is chosen, but the evidence fixes only the range.
    assert_eq!(got.date, d("2023-09-17"));
    assert_eq!(got.precision, Precision::Range);
    assert_eq!(
        (got.range.start, got.range.end),
        (d("2017-09-17"), d("2023-09-17"))
    );
    assert!(
        got.evidence.iter().any(|e| e.contains("Sunday")),
        "{:?}",
        got.evidence
    );
    assert!(got.evidence.iter().any(|e| e.contains("Shoigu")));
}

#[test]
fn the_dateline_is_found_in_the_text_when_not_given() {
    let upper = DateConstraint {
        not_before: None,
        not_after: Some(d("2020-12-31")),
        reason: "test bound".into(),
    };
    let got = infer_publication_date(EFE_STYLE, None, &[upper]).expect("a date");
    // Sundays on 17 September between 2011 and 2020: 2017 only.
    assert_eq!(got.date, d("2017-09-17"));
    assert_eq!(got.precision, Precision::Day);
}

#[test]
fn without_an_upper_bound_the_earliest_agreeing_year_after_the_text_is_chosen() {
    let got = infer_publication_date(EFE_STYLE, Some("Sep 17"), &[]).expect("a date");
    // Lower bound 2011 from the text; the first Sunday 17 September after it,
    // though later cycles fit too.
    assert_eq!(got.date, d("2017-09-17"));
    assert_eq!(got.precision, Precision::Range);
}

#[test]
fn a_dateline_with_a_year_is_taken_as_is() {
    let got =
        infer_publication_date("MOSCOW, March 3, 2022. Talks began.", None, &[]).expect("date");
    assert_eq!(got.date, d("2022-03-03"));
    assert_eq!(got.precision, Precision::Day);
}

#[test]
fn without_a_dateline_a_past_month_gives_a_range() {
    let text = "The treaty, signed in June 2024, took effect after ratification.";
    let got = infer_publication_date(text, None, &[]).expect("a range");
    assert_eq!(got.precision, Precision::Range);
    assert_eq!(
        (got.range.start, got.range.end),
        (d("2024-06-01"), d("2024-06-30"))
    );
    assert!(got.range.start <= got.date && got.date <= got.range.end);
}

#[test]
fn the_latest_full_date_reported_as_past_starts_the_range() {
    // Not the first of January of the year, and not a made-up day.
    let text = "North Korea said it had launched a satellite on 28 January 2025. \
The launch on 4th February 2025 was condemned by Seoul, officials said.";
    let got = infer_publication_date(text, None, &[]).expect("a range");
    assert_eq!(got.precision, Precision::Range);
    assert_eq!(
        (got.range.start, got.range.end),
        (d("2025-02-04"), d("2025-02-10"))
    );
    assert!(
        got.evidence.iter().any(|e| e.contains("4th February 2025")),
        "{:?}",
        got.evidence
    );
}

#[test]
fn a_weekday_with_a_month_and_day_fixes_the_year() {
    // 10 February was a Monday in 2025 (and 2020, before the talks began).
    let text = "The talks, which began in 2024, resumed on Monday, February 10, the ministry said.";
    let got = infer_publication_date(text, None, &[]).expect("a date");
    assert_eq!(got.range.start, d("2025-02-10"));
    assert!(got.evidence.iter().any(|e| e.contains("fixes the year")));
}

#[test]
fn relative_days_point_after_the_latest_explicit_date() {
    // 3 March 2025 is a Monday; "on Thursday" reported as past is 6 March or
    // later only if the article is from the 6th on.
    let text = "The exercise began on 3 March 2025. On Thursday, the North fired two missiles, \
the military said.";
    let got = infer_publication_date(text, None, &[]).expect("a date");
    assert_eq!(
        (got.range.start, got.range.end),
        (d("2025-03-03"), d("2025-03-09"))
    );
    assert!(got.date >= d("2025-03-06"), "{got:?}");
}

#[test]
fn a_future_date_bounds_the_range_from_above() {
    let text = "Officials met on 10 March 2025 and will meet again on 12 March 2025.";
    let got = infer_publication_date(text, None, &[]).expect("a range");
    assert_eq!(
        (got.range.start, got.range.end),
        (d("2025-03-10"), d("2025-03-12"))
    );
}

#[test]
fn a_dateline_after_a_recent_full_date_is_a_day() {
    let text = "SEOUL, Feb 12 (Yonhap) -- The North fired a missile on Feb. 4, 2025, and \
another on Tuesday, the military said.";
    let got = infer_publication_date(text, None, &[]).expect("a day");
    assert_eq!(got.date, d("2025-02-12"));
    assert_eq!(got.precision, Precision::Day);
}

#[test]
fn the_first_pass_is_reused_with_the_same_result() {
    let text = "The exercise began on 3 March 2025. On Thursday, the North fired two missiles.";
    let sentences = dossier::lang::sentences(text);
    let recognized = dossier::timex::recognize_sentences(text, &sentences);
    let once = dossier::timex::infer_from(text, &sentences, &recognized, None, &[]);
    assert_eq!(once, infer_publication_date(text, None, &[]));
    let published = once.map(|i| i.date);
    assert_eq!(
        dossier::timex::anchor_recognized(text, &recognized, published),
        dossier::timex::annotate(text, published)
    );
}

#[test]
fn future_years_do_not_bound_the_date_from_below() {
    let text = "TOKYO, July 27. The ministry said the plan will be completed by 2030. \
It was first proposed in 2019.";
    let upper = DateConstraint {
        not_before: None,
        not_after: Some(d("2021-12-31")),
        reason: "test bound".into(),
    };
    let got = infer_publication_date(text, None, &[upper]).expect("a date");
    assert_eq!(got.date.format("%m-%d").to_string(), "07-27");
    assert!((2019..=2021).contains(&chrono::Datelike::year(&got.date)));
}

#[test]
fn contradictory_bounds_give_no_date() {
    let a = DateConstraint {
        not_before: Some(d("2025-01-01")),
        not_after: None,
        reason: "a".into(),
    };
    let b = DateConstraint {
        not_before: None,
        not_after: Some(d("2024-01-01")),
        reason: "b".into(),
    };
    assert_eq!(
        infer_publication_date(EFE_STYLE, Some("Sep 17"), &[a, b]),
        None
    );
}

#[test]
fn no_evidence_no_date() {
    assert_eq!(infer_publication_date("Talks continued.", None, &[]), None);
    assert_eq!(infer_publication_date("", None, &[]), None);
}
