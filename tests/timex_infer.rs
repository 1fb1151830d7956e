//! Publication-date inference from datelines, weekdays, years and tenures.

use chrono::NaiveDate;
use dossier::corpus::Granularity;
use dossier::timex::{infer_publication_date, DateConstraint};

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
    // the latest is chosen.
    assert_eq!(got.date, d("2023-09-17"));
    assert_eq!(got.granularity, Granularity::Day);
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
}

#[test]
fn without_an_upper_bound_the_earliest_agreeing_year_after_the_text_is_chosen() {
    let got = infer_publication_date(EFE_STYLE, Some("Sep 17"), &[]).expect("a date");
    // Lower bound 2011 from the text; the first Sunday 17 September after it.
    assert_eq!(got.date, d("2017-09-17"));
}

#[test]
fn a_dateline_with_a_year_is_taken_as_is() {
    let got =
        infer_publication_date("MOSCOW, March 3, 2022. Talks began.", None, &[]).expect("date");
    assert_eq!(got.date, d("2022-03-03"));
}

#[test]
fn without_a_dateline_only_the_year_is_inferred() {
    let text = "The treaty, signed in June 2024, took effect after ratification.";
    let got = infer_publication_date(text, None, &[]).expect("a year");
    assert_eq!(got.granularity, Granularity::Year);
    assert_eq!(got.date, d("2024-01-01"));
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
