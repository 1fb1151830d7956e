//! Publication-date inference evaluation: withholds the creation time of dated TimeML documents, infers it from the text, and scores the guess.
//!
//! ```text
//! cargo run --release --example pubdate-eval -- [--list] DIR_OR_FILE...
//! ```
//!
//! Each `.tml` document (directories are searched recursively) gives the text
//! inside `<TEXT>` and the creation time (the `TIMEX3` with
//! `functionInDocument="CREATION_TIME"`), which is kept from the stage:
//! `dossier::timex::infer_publication_date(text, None, &[])` sees only the
//! text (no dateline given, no knowledge-base tenures). Reported:
//!
//! - right year, over all documents (no inference counts as wrong);
//! - within a week (the inferred anchor day at most 7 days from the truth),
//!   over the documents whose text gives a full date with its year (a gold
//!   `TIMEX3` whose value is a day and whose text has four digits) from the
//!   31 days up to publication, and over all;
//! - day answers and range answers: how many day answers are the true day
//!   (a wrong day answer is a made-up day), how many ranges hold the truth.
//!
//! `--list` prints one line per document: the truth, the answer, its range
//! and its last evidence line.

#[path = "support/timeml.rs"]
mod timeml;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier::timex::{infer_publication_date, Precision};

struct Document {
    path: PathBuf,
    text: String,
    dct: NaiveDate,
    /// A full date with its year written, from the month up to publication.
    recent_full_date: bool,
}

#[derive(Default)]
struct Tally {
    docs: usize,
    inferred: usize,
    right_year: usize,
    within_week: usize,
    recent: usize,
    recent_within_week: usize,
    days: usize,
    days_right: usize,
    ranges: usize,
    ranges_holding: usize,
}

fn main() {
    let mut list = false;
    let mut inputs = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--list" => list = true,
            "-h" | "--help" => {
                println!("usage: pubdate-eval [--list] DIR_OR_FILE...");
                return;
            }
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: pubdate-eval [--list] DIR_OR_FILE...");
        std::process::exit(2);
    }
    let files = timeml::files(&inputs);
    let mut t = Tally::default();
    for file in &files {
        let doc = match read_document(file) {
            Ok(Some(d)) => d,
            Ok(None) => continue,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                std::process::exit(1);
            }
        };
        t.docs += 1;
        t.recent += usize::from(doc.recent_full_date);
        let got = infer_publication_date(&doc.text, None, &[]);
        if let Some(g) = &got {
            t.inferred += 1;
            let off = (g.date - doc.dct).num_days().abs();
            t.right_year +=
                usize::from(chrono::Datelike::year(&g.date) == chrono::Datelike::year(&doc.dct));
            t.within_week += usize::from(off <= 7);
            t.recent_within_week += usize::from(off <= 7 && doc.recent_full_date);
            let holds = g.range.start <= doc.dct && doc.dct <= g.range.end;
            match g.precision {
                Precision::Day => {
                    t.days += 1;
                    t.days_right += usize::from(g.date == doc.dct);
                }
                Precision::Range => {
                    t.ranges += 1;
                    t.ranges_holding += usize::from(holds);
                }
            }
        }
        if list {
            let name = doc
                .path
                .file_name()
                .map(|n| n.to_string_lossy().to_string());
            match &got {
                Some(g) => println!(
                    "{}\t{}\t{}\t{:?} {}..{}\t{}{}",
                    name.unwrap_or_default(),
                    doc.dct,
                    g.date,
                    g.precision,
                    g.range.start,
                    g.range.end,
                    g.evidence.last().map(String::as_str).unwrap_or(""),
                    if doc.recent_full_date {
                        "\t[recent full date]"
                    } else {
                        ""
                    }
                ),
                None => println!("{}\t{}\t-", name.unwrap_or_default(), doc.dct),
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "{} dated documents, {} with a date inferred",
        t.docs, t.inferred
    );
    println!(
        "right year:      {:>4}/{:<4} {:5.1}%",
        t.right_year,
        t.docs,
        pct(t.right_year, t.docs)
    );
    println!(
        "within a week:   {:>4}/{:<4} {:5.1}%  (text gives a full date from the month before publication)",
        t.recent_within_week,
        t.recent,
        pct(t.recent_within_week, t.recent)
    );
    println!(
        "within a week:   {:>4}/{:<4} {:5.1}%  (all)",
        t.within_week,
        t.docs,
        pct(t.within_week, t.docs)
    );
    println!(
        "day answers:     {:>4}, {} the true day ({} made-up days)",
        t.days,
        t.days_right,
        t.days - t.days_right
    );
    println!(
        "range answers:   {:>4}, {} holding the true day",
        t.ranges, t.ranges_holding
    );
}

/// The document's text and creation time; `None` for an undated document.
fn read_document(path: &Path) -> Result<Option<Document>, String> {
    let xml = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let tree = roxmltree::Document::parse(&xml).map_err(|e| format!("line {e}"))?;
    let day = |v: &str| NaiveDate::parse_from_str(v.get(..10).unwrap_or(v), "%Y-%m-%d").ok();
    let dct = tree
        .descendants()
        .filter(|n| n.has_tag_name("TIMEX3"))
        .find(|n| n.attribute("functionInDocument") == Some("CREATION_TIME"))
        .and_then(|n| n.attribute("value").and_then(day));
    let Some(dct) = dct else {
        return Ok(None);
    };
    let text_node = tree
        .descendants()
        .find(|n| n.has_tag_name("TEXT"))
        .ok_or("no <TEXT> element")?;
    let mut text = String::new();
    for node in text_node.descendants().filter(|n| n.is_text()) {
        text.push_str(node.text().unwrap_or(""));
    }
    let recent_full_date = text_node
        .descendants()
        .filter(|n| n.has_tag_name("TIMEX3"))
        .any(|n| {
            let value = n.attribute("value").unwrap_or("");
            let written: String = n.descendants().filter_map(|c| c.text()).collect();
            let has_year = written
                .as_bytes()
                .windows(4)
                .any(|w| w.iter().all(u8::is_ascii_digit));
            value.len() == 10
                && has_year
                && day(value).is_some_and(|d| d <= dct && (dct - d).num_days() <= 31)
        });
    Ok(Some(Document {
        path: path.to_path_buf(),
        text,
        dct,
        recent_full_date,
    }))
}
