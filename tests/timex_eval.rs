//! Evaluation of the date stage on realistic news articles written for this
//! project (tests/data/timex_eval/: one article `.txt` and its gold `.tsv`).
//! The gold was annotated by hand, by the conventions of docs/dates.md, before
//! the tagger was run on the article. Prints a per-article report
//! (`cargo test --test timex_eval -- --nocapture`) and asserts the scores.

mod support;

use std::path::Path;

use chrono::NaiveDate;
use dossier::corpus::{Timex, TimexKind};
use dossier::timex::annotate;

use support::score::{Counts, Share};

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
    /// Predictions overlapping a gold span; gold spans overlapped by a
    /// prediction.
    spans: Counts,
    /// Gold spans found with exactly the same boundaries.
    exact_span: Share,
    /// Gold spans found with the right value and mod.
    value_ok: Share,
    /// Dates whose past/future flag is right.
    tense: Share,
}

impl Score {
    /// `predicted` predictions against `gold` spans, none matched yet.
    fn new(predicted: usize, gold: usize) -> Self {
        Score {
            spans: Counts {
                predicted: Share::new(0, predicted),
                gold: Share::new(0, gold),
            },
            exact_span: Share::new(0, gold),
            value_ok: Share::new(0, gold),
            tense: Share::default(),
        }
    }
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
        let mut s = Score::new(got.len(), gold.len());
        let mut errors = Vec::new();
        for t in &got {
            if gold.iter().any(|g| g.start < t.end && t.start < g.end) {
                s.spans.predicted.hit += 1;
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
            s.spans.gold.hit += 1;
            if t.start == g.start && t.end == g.end {
                s.exact_span.hit += 1;
            }
            let kind_ok = kind_name(t.kind) == g.kind;
            if t.value == g.value && mod_name(t) == g.modifier && kind_ok {
                s.value_ok.hit += 1;
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
                let right = t.future == (g.future == "yes");
                s.tense.count(right);
                if !right {
                    errors.push(format!("  FUTURE {:?}: got {}", g.text, t.future));
                }
            }
        }
        let name = txt.file_stem().and_then(|n| n.to_str()).unwrap_or("?");
        report.push_str(&format!(
            "{name}: gold {} found {} exact-span {} value {} false {}\n",
            s.spans.gold.total,
            s.spans.gold.hit,
            s.exact_span.hit,
            s.value_ok.hit,
            s.spans.predicted.misses()
        ));
        for e in errors {
            report.push_str(&e);
            report.push('\n');
        }
        total.spans += s.spans;
        total.exact_span += s.exact_span;
        total.value_ok += s.value_ok;
        total.tense += s.tense;
    }
    let precision = total.spans.precision();
    let recall = total.spans.recall();
    let exact = total.exact_span.value();
    let value = total.value_ok.value();
    let tense = total.tense.value();
    report.push_str(&format!(
        "TOTAL {} expressions in {} articles: span precision {precision:.3}, recall {recall:.3}, \
         exact spans {exact:.3}, value accuracy {value:.3}, past/future {tense:.3}\n",
        total.spans.gold.total,
        files.len()
    ));
    println!("{report}");
    assert!(precision >= 0.98, "precision {precision:.3}\n{report}");
    assert!(recall >= 0.95, "recall {recall:.3}\n{report}");
    assert!(value >= 0.95, "value accuracy {value:.3}\n{report}");
    assert!(tense >= 0.95, "past/future {tense:.3}\n{report}");
}
