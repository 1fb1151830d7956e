//! Table-driven tests of date normalization in sentence context:
//! tests/data/timex_cases.txt (what each expression must become) and
//! tests/data/timex_negatives.txt (what must not become a date).

use chrono::NaiveDate;
use dossier::corpus::{Timex, TimexKind};
use dossier::timex::annotate;

fn rows(name: &str) -> Vec<(usize, Vec<String>)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let data = std::fs::read_to_string(&path).expect("test table");
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('|').map(|c| c.trim().to_string()).collect()))
        .collect()
}

fn reference(cell: &str) -> Option<NaiveDate> {
    if cell == "-" {
        None
    } else {
        Some(NaiveDate::parse_from_str(cell, "%Y-%m-%d").expect("reference date"))
    }
}

fn describe(ts: &[Timex]) -> String {
    ts.iter()
        .map(|t| format!("{:?}={} {:?}", t.text, t.value, t.modifier))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn expressions_normalize_in_context() {
    let table = rows("timex_cases.txt");
    assert!(table.len() >= 200, "the table has {} rows", table.len());
    let mut failures = Vec::new();
    for (line, cols) in &table {
        let [r, sentence, expr, value, rest @ ..] = cols.as_slice() else {
            panic!("line {line}: needs at least four columns");
        };
        let start = sentence
            .find(expr.as_str())
            .unwrap_or_else(|| panic!("line {line}: {expr:?} not in sentence"));
        let ts = annotate(sentence, reference(r));
        let Some(t) = ts
            .iter()
            .find(|t| t.start == start && t.end == start + expr.len())
        else {
            failures.push(format!(
                "line {line}: {expr:?} not found in {sentence:?}; got [{}]",
                describe(&ts)
            ));
            continue;
        };
        if &t.value != value {
            failures.push(format!(
                "line {line}: {expr:?} = {} (expected {value}) in {sentence:?}",
                t.value
            ));
        }
        let want_mod = rest.first().map(String::as_str).unwrap_or("");
        let got_mod = t
            .modifier
            .map(|m| {
                serde_json::to_value(m)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        if want_mod != got_mod {
            failures.push(format!(
                "line {line}: {expr:?} mod {got_mod:?} (expected {want_mod:?})"
            ));
        }
        match rest.get(1).map(String::as_str) {
            Some("future") if !t.future => {
                failures.push(format!("line {line}: {expr:?} should be future"))
            }
            Some("past") if t.future => {
                failures.push(format!("line {line}: {expr:?} should not be future"))
            }
            _ => {}
        }
        let is_date = matches!(t.kind, TimexKind::Date | TimexKind::Time);
        // PAST_REF/FUTURE_REF are vague on purpose: no calendar interval.
        let vague = t.value.ends_with("_REF");
        if is_date && !vague && reference(r).is_some() && t.interval.is_none() {
            failures.push(format!("line {line}: {expr:?} anchored without interval"));
        }
        if !is_date && t.interval.is_some() {
            failures.push(format!("line {line}: {expr:?} duration/set with interval"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

#[test]
fn non_dates_are_not_dates() {
    let mut failures = Vec::new();
    for (line, cols) in rows("timex_negatives.txt") {
        let [r, sentence, bad, ..] = cols.as_slice() else {
            panic!("line {line}: needs three columns");
        };
        let start = sentence
            .find(bad.as_str())
            .unwrap_or_else(|| panic!("line {line}: {bad:?} not in sentence"));
        let end = start + bad.len();
        let ts = annotate(sentence, reference(r));
        let hits: Vec<&Timex> = ts
            .iter()
            .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
            .filter(|t| t.start < end && start < t.end)
            .collect();
        if !hits.is_empty() {
            failures.push(format!(
                "line {line}: {bad:?} taken as a date in {sentence:?}: {}",
                describe(&ts)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ages_are_not_time_expressions() {
    // TimeML does not annotate ages: "a 26-year-old", "52 years old".
    let r = NaiveDate::from_ymd_opt(2024, 3, 14);
    for sentence in [
        "Police detained a 26-year-old man.",
        "Mr. Reupke, 52 years old, resigned.",
        "The 50-year-old alliance welcomed three members.",
    ] {
        let ts = annotate(sentence, r);
        assert!(ts.is_empty(), "{sentence:?}: {}", describe(&ts));
    }
}
