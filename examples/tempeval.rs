//! TempEval-3 runner: tags TimeML documents with the timex stage and scores the result the TempEval-3 way.
//!
//! ```text
//! cargo run --release --example tempeval -- [--errors] [--time] DIR_OR_FILE...
//! ```
//!
//! Each `.tml` document (directories are searched recursively) gives the text
//! inside `<TEXT>` and the creation time (the `TIMEX3` with
//! `functionInDocument="CREATION_TIME"`), which is passed to
//! `dossier::timex::annotate` as the publication date. The gold `TIMEX3`s of
//! the text are compared with the stage's expressions:
//!
//! - strict extent: same characters (surrounding whitespace ignored);
//! - relaxed extent: the spans overlap (each gold and system expression is
//!   matched at most once, in text order);
//! - value and type F1, as in the TempEval-3 scorer: the accuracy of the
//!   attribute over the relaxed-matched pairs times the relaxed F1.
//!
//! `--errors` lists, per document, the missed gold expressions (`MISS`), the
//! system's expressions that match nothing (`FALSE`), relaxed matches with
//! another extent (`EXTENT`), and matched pairs with a wrong value or type
//! (`VALUE`, `TYPE`), each with a little context. `--time` reports the time
//! spent in the timex stage alone.

#[path = "support/timeml.rs"]
mod timeml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::corpus::TimexKind;

#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Document {
    path: PathBuf,
    text: String,
    dct: Option<chrono::NaiveDate>,
    gold: Vec<Gold>,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed: usize,
    value: usize,
    kind: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.value += o.value;
        self.kind += o.kind;
    }
}

fn main() {
    let mut errors = false;
    let mut timing = false;
    let mut inputs = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--errors" => errors = true,
            "--time" => timing = true,
            "-h" | "--help" => {
                println!("usage: tempeval [--errors] [--time] DIR_OR_FILE...");
                return;
            }
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: tempeval [--errors] [--time] DIR_OR_FILE...");
        std::process::exit(2);
    }
    let files = timeml::files(&inputs);
    let mut total = Counts::default();
    let mut stage_time = Duration::ZERO;
    let mut bytes = 0usize;
    for file in &files {
        let doc = match read_document(file) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                std::process::exit(1);
            }
        };
        let started = Instant::now();
        let system = dossier::timex::annotate(&doc.text, doc.dct);
        stage_time += started.elapsed();
        bytes += doc.text.len();
        let counts = score(&doc, &system, errors);
        total.add(&counts);
    }
    report(files.len(), &total);
    if timing {
        println!(
            "timex stage: {:.1} ms for {} documents, {} KB of text ({:.2} MB/s)",
            stage_time.as_secs_f64() * 1000.0,
            files.len(),
            bytes / 1024,
            bytes as f64 / 1e6 / stage_time.as_secs_f64().max(1e-9)
        );
    }
}

fn read_document(path: &Path) -> Result<Document, String> {
    let xml = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let tree = roxmltree::Document::parse(&xml).map_err(|e| format!("line {e}"))?;
    let mut dct = None;
    for node in tree.descendants().filter(|n| n.has_tag_name("TIMEX3")) {
        if node.attribute("functionInDocument") == Some("CREATION_TIME") {
            let value = node.attribute("value").unwrap_or("");
            dct = chrono::NaiveDate::parse_from_str(value.get(..10).unwrap_or(value), "%Y-%m-%d")
                .ok();
        }
    }
    let text_node = tree
        .descendants()
        .find(|n| n.has_tag_name("TEXT"))
        .ok_or("no <TEXT> element")?;
    let mut text = String::new();
    let mut gold = Vec::new();
    flatten(text_node, &mut text, &mut gold);
    Ok(Document {
        path: path.to_path_buf(),
        text,
        dct,
        gold,
    })
}

fn flatten(node: roxmltree::Node, text: &mut String, gold: &mut Vec<Gold>) {
    for child in node.children() {
        if child.is_text() {
            text.push_str(child.text().unwrap_or(""));
        } else if child.is_element() {
            let start = text.len();
            flatten(child, text, gold);
            if child.has_tag_name("TIMEX3") {
                let (s, e) = trim(text, start, text.len());
                if s < e {
                    gold.push(Gold {
                        start: s,
                        end: e,
                        kind: child.attribute("type").unwrap_or("").to_string(),
                        value: child.attribute("value").unwrap_or("").to_string(),
                    });
                }
            }
        }
    }
}

/// The span without surrounding whitespace.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let span = &text[start..end];
    let lead = span.len() - span.trim_start().len();
    let trail = span.len() - span.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

fn kind_name(kind: TimexKind) -> &'static str {
    match kind {
        TimexKind::Date => "DATE",
        TimexKind::Time => "TIME",
        TimexKind::Duration => "DURATION",
        TimexKind::Set => "SET",
    }
}

fn score(doc: &Document, system: &[dossier::corpus::Timex], errors: bool) -> Counts {
    let sys: Vec<(usize, usize, &'static str, &str)> = system
        .iter()
        .map(|t| {
            let (s, e) = trim(&doc.text, t.start, t.end);
            (s, e, kind_name(t.kind), t.value.as_str())
        })
        .collect();
    let mut counts = Counts {
        gold: doc.gold.len(),
        system: sys.len(),
        ..Counts::default()
    };
    let mut sys_used = vec![false; sys.len()];
    let mut lines = Vec::new();
    for g in &doc.gold {
        let found = sys
            .iter()
            .enumerate()
            .find(|(i, s)| !sys_used[*i] && s.0 < g.end && g.start < s.1)
            .map(|(i, _)| i);
        let Some(i) = found else {
            lines.push((
                g.start,
                format!(
                    "MISS   {:?} {} {}  | {}",
                    &doc.text[g.start..g.end],
                    g.kind,
                    g.value,
                    context(&doc.text, g.start, g.end)
                ),
            ));
            continue;
        };
        sys_used[i] = true;
        let s = sys[i];
        counts.relaxed += 1;
        if s.0 == g.start && s.1 == g.end {
            counts.strict += 1;
        } else {
            lines.push((
                g.start,
                format!(
                    "EXTENT gold {:?} system {:?}  | {}",
                    &doc.text[g.start..g.end],
                    &doc.text[s.0..s.1],
                    context(&doc.text, g.start.min(s.0), g.end.max(s.1))
                ),
            ));
        }
        if s.3 == g.value {
            counts.value += 1;
        } else {
            lines.push((
                g.start,
                format!(
                    "VALUE  {:?} gold {} system {}  | {}",
                    &doc.text[g.start..g.end],
                    g.value,
                    s.3,
                    context(&doc.text, g.start, g.end)
                ),
            ));
        }
        if s.2 == g.kind {
            counts.kind += 1;
        } else {
            lines.push((
                g.start,
                format!(
                    "TYPE   {:?} gold {} system {} ({})",
                    &doc.text[g.start..g.end],
                    g.kind,
                    s.2,
                    s.3
                ),
            ));
        }
    }
    for (i, s) in sys.iter().enumerate() {
        if !sys_used[i] {
            lines.push((
                s.0,
                format!(
                    "FALSE  {:?} {} {}  | {}",
                    &doc.text[s.0..s.1],
                    s.2,
                    s.3,
                    context(&doc.text, s.0, s.1)
                ),
            ));
        }
    }
    if errors && !lines.is_empty() {
        lines.sort_by_key(|(pos, _)| *pos);
        println!(
            "== {} (DCT {})",
            doc.path.display(),
            doc.dct
                .map(|d| d.to_string())
                .unwrap_or_else(|| "none".into())
        );
        for (_, line) in lines {
            println!("  {line}");
        }
    }
    counts
}

/// The expression with up to 50 bytes on either side, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(50);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 50).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "{}[{}]{}",
        &text[a..start],
        &text[start..end],
        &text[end..b]
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn report(docs: usize, c: &Counts) {
    let sp = ratio(c.strict, c.system);
    let sr = ratio(c.strict, c.gold);
    let rp = ratio(c.relaxed, c.system);
    let rr = ratio(c.relaxed, c.gold);
    let rf = f1(rp, rr);
    let value_f1 = ratio(c.value, c.relaxed) * rf;
    let type_f1 = ratio(c.kind, c.relaxed) * rf;
    println!(
        "{docs} documents, {} gold timexes, {} system timexes, {} relaxed matches",
        c.gold, c.system, c.relaxed
    );
    println!("              F1      P       R");
    println!(
        "strict     {:6.2}  {:6.2}  {:6.2}",
        100.0 * f1(sp, sr),
        100.0 * sp,
        100.0 * sr
    );
    println!(
        "relaxed    {:6.2}  {:6.2}  {:6.2}",
        100.0 * rf,
        100.0 * rp,
        100.0 * rr
    );
    println!(
        "value F1   {:6.2}   (accuracy {:.2} over relaxed matches)",
        100.0 * value_f1,
        100.0 * ratio(c.value, c.relaxed)
    );
    println!(
        "type F1    {:6.2}   (accuracy {:.2} over relaxed matches)",
        100.0 * type_f1,
        100.0 * ratio(c.kind, c.relaxed)
    );
}
