//! Every date expression in the five seed articles, normalized against the
//! publication dates listed for them (their texts lack the year).

mod support;

use chrono::NaiveDate;
use dossier::corpus::{Timex, TimexKind, TimexMod};
use dossier::timex::annotate;

use support::project::seed;

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// The date and time expressions (not durations or sets), as (text, value).
fn dates(text: &str, published: &str) -> Vec<Timex> {
    annotate(text, Some(date(published)))
        .into_iter()
        .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
        .collect()
}

fn pairs(ts: &[Timex]) -> Vec<(&str, &str)> {
    ts.iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect()
}

#[test]
fn seed_000_tass() {
    let ts = dates(&seed("000_"), "2023-07-27");
    assert_eq!(
        pairs(&ts),
        vec![("July 27", "2023-07-27"), ("1950-1953", "1950/1953")]
    );
}

#[test]
fn seed_001_izvestia() {
    let ts = dates(&seed("001_"), "2025-11-08");
    assert_eq!(
        pairs(&ts),
        vec![
            ("November 8", "2025-11-08"),
            ("1945", "1945"),
            ("October 27", "2025-10-27"),
        ]
    );
}

#[test]
fn seed_002_nknews() {
    let ts = dates(&seed("002_"), "2025-05-29");
    assert_eq!(
        pairs(&ts),
        vec![
            ("Wednesday", "2025-05-28"),
            ("later this year", "2025"),
            ("August", "2025-08"),
            ("October", "2025-10"),
        ]
    );
    assert!(!ts[0].future);
    assert!(
        ts[1..].iter().all(|t| t.future),
        "planned visits are future"
    );
}

#[test]
fn seed_003_machine_translated() {
    let ts = dates(&seed("003_"), "2024-11-29");
    assert_eq!(
        pairs(&ts),
        vec![
            ("June in June This year", "2024-06"),
            ("today", "2024-11-29"),
            // TimeML marks the present as PRESENT_REF.
            ("at present", "PRESENT_REF"),
            ("currently", "PRESENT_REF")
        ]
    );
}

#[test]
fn seed_004_efe() {
    let ts = dates(&seed("004_"), "2023-09-17");
    assert_eq!(
        pairs(&ts),
        vec![
            ("Sep 17", "2023-09-17"),
            ("Sunday", "2023-09-17"),
            ("Saturday", "2023-09-16"),
            ("Saturday evening", "2023-09-16TEV"),
            ("2011", "2011"),
            ("last week", "2023-W36"),
            ("Sep. 12", "2023-09-12"),
        ]
    );
    let since = ts.last().expect("since");
    assert_eq!(since.modifier, Some(TimexMod::Since));
    assert!(!since.future);
    assert!(ts.iter().all(|t| t.interval.is_some()));
}

#[test]
fn seeds_without_reference_stay_underspecified() {
    let ts = annotate(&seed("004_"), None);
    let sep17 = ts
        .iter()
        .find(|t| t.text == "Sep 17")
        .expect("dateline date");
    assert_eq!(sep17.value, "XXXX-09-17");
    assert!(sep17.interval.is_none());
    let y2011 = ts.iter().find(|t| t.text == "2011").expect("year");
    assert_eq!(y2011.value, "2011");
    assert!(y2011.interval.is_some());
}
