//! Evaluation of the date stage on realistic news articles written for this
//! project (tests/data/timex_eval/: one article `.txt` and its gold `.tsv`).
//! The gold was annotated by hand, by the conventions of docs/dates.md, before
//! the tagger was run on the article. Prints a per-article report
//! (`cargo test --test timex_eval -- --nocapture`) and asserts the scores.

use std::path::Path;

use chrono::NaiveDate;
use dossier::corpus::{Timex, TimexKind};
use dossier::timex::annotate;

struct Gold {
    start: usize,
    end: usize,
    text: String,
    kind: String,
    value: String,
    modifier: String,
    future: String,
}

fn load(tsv: &Path, article: &str) -> (NaiveDate, Vec<Gold>) {
    let data = std::fs::read_to_string(tsv).expect("gold file");
    let mut published = None;
    let mut gold = Vec::new();
    let mut cursor = 0;
    for (i, line) in data.lines().enumerate() {
        if let Some(d) = line.strip_prefix("# published:") {
            published = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok();
            continue;
        }
        if line.starts_with('#') || line.starts_with("text\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [text, kind, value, modifier, future] = cols.as_slice() else {
            panic!(
                "{}:{}: needs five tab-separated columns",
                tsv.display(),
                i + 1
            );
        };
        // Gold rows are in text order: each is the next occurrence.
        let start = article
            .get(cursor..)
            .and_then(|rest| rest.find(text))
            .map(|p| p + cursor)
            .unwrap_or_else(|| panic!("{}:{}: {text:?} not found", tsv.display(), i + 1));
        cursor = start + 1;
        gold.push(Gold {
            start,
            end: start + text.len(),
            text: text.to_string(),
            kind: kind.to_string(),
            value: value.to_string(),
            modifier: modifier.to_string(),
            future: future.to_string(),
        });
    }
    (published.expect("# published: line"), gold)
}

fn kind_name(k: TimexKind) -> &'static str {
    match k {
        TimexKind::Date => "DATE",
        TimexKind::Time => "TIME",
        TimexKind::Duration => "DURATION",
        TimexKind::Set => "SET",
    }
}

fn mod_name(t: &Timex) -> String {
    t.modifier
        .and_then(|m| serde_json::to_value(m).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "-".to_string())
}

#[derive(Default)]
struct Score {
    gold: usize,
    predicted: usize,
    /// Predictions overlapping a gold span.
    matched_pred: usize,
    /// Gold spans overlapped by a prediction.
    found: usize,
    /// ... with exactly the same boundaries.
    exact_span: usize,
    /// ... with the right value and mod.
    value_ok: usize,
    /// Dates whose past/future flag is right.
    tense_ok: usize,
    tense_total: usize,
}

#[test]
fn evaluation_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timex_eval");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("eval dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "only {} articles", files.len());
    let mut total = Score::default();
    let mut report = String::new();
    for txt in &files {
        let article = std::fs::read_to_string(txt).expect("article");
        let (published, gold) = load(&txt.with_extension("tsv"), &article);
        let got = annotate(&article, Some(published));
        let mut s = Score {
            gold: gold.len(),
            predicted: got.len(),
            ..Score::default()
        };
        let mut errors = Vec::new();
        for t in &got {
            if gold.iter().any(|g| g.start < t.end && t.start < g.end) {
                s.matched_pred += 1;
            } else {
                errors.push(format!(
                    "  FALSE  {:?} = {} ({})",
                    t.text,
                    t.value,
                    kind_name(t.kind)
                ));
            }
        }
        for g in &gold {
            let Some(t) = got.iter().find(|t| g.start < t.end && t.start < g.end) else {
                errors.push(format!("  MISSED {:?} = {}", g.text, g.value));
                continue;
            };
            s.found += 1;
            if t.start == g.start && t.end == g.end {
                s.exact_span += 1;
            }
            let kind_ok = kind_name(t.kind) == g.kind;
            if t.value == g.value && mod_name(t) == g.modifier && kind_ok {
                s.value_ok += 1;
            } else {
                errors.push(format!(
                    "  WRONG  {:?}: got {:?} = {} {} {}, gold {} {} {}",
                    g.text,
                    t.text,
                    t.value,
                    mod_name(t),
                    kind_name(t.kind),
                    g.value,
                    g.modifier,
                    g.kind
                ));
            }
            if g.future == "yes" || g.future == "no" {
                s.tense_total += 1;
                if t.future == (g.future == "yes") {
                    s.tense_ok += 1;
                } else {
                    errors.push(format!("  FUTURE {:?}: got {}", g.text, t.future));
                }
            }
        }
        let name = txt.file_stem().and_then(|n| n.to_str()).unwrap_or("?");
        report.push_str(&format!(
            "{name}: gold {} found {} exact-span {} value {} false {}\n",
            s.gold,
            s.found,
            s.exact_span,
            s.value_ok,
            s.predicted - s.matched_pred
        ));
        for e in errors {
            report.push_str(&e);
            report.push('\n');
        }
        total.gold += s.gold;
        total.predicted += s.predicted;
        total.matched_pred += s.matched_pred;
        total.found += s.found;
        total.exact_span += s.exact_span;
        total.value_ok += s.value_ok;
        total.tense_ok += s.tense_ok;
        total.tense_total += s.tense_total;
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(total.matched_pred, total.predicted);
    let recall = ratio(total.found, total.gold);
    let exact = ratio(total.exact_span, total.gold);
    let value = ratio(total.value_ok, total.gold);
    let tense = ratio(total.tense_ok, total.tense_total);
    report.push_str(&format!(
        "TOTAL {} expressions in {} articles: span precision {precision:.3}, recall {recall:.3}, \
         exact spans {exact:.3}, value accuracy {value:.3}, past/future {tense:.3}\n",
        total.gold,
        files.len()
    ));
    println!("{report}");
    assert!(precision >= 0.98, "precision {precision:.3}\n{report}");
    assert!(recall >= 0.95, "recall {recall:.3}\n{report}");
    assert!(value >= 0.95, "value accuracy {value:.3}\n{report}");
    assert!(tense >= 0.95, "past/future {tense:.3}\n{report}");
}
