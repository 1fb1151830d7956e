//! Scores names on CoNLL-2003 English: `cargo run --release --example
//! eval-names -- DIR/eng.testa [DIR/eng.testb ...]`. For each file prints
//! (a) the tagger alone, exact spans per type, and (b) the whole person
//! finder (`actors::find_mentions` on each document's text: sentences one
//! per line, words joined by spaces) on PER exact spans, mention spans
//! mapped back to words. Add `--errors` to list (b)'s misses and false hits.
use std::path::Path;

use dossier::actors::find_mentions;
use dossier::actors::kb::KnowledgeBase;
use dossier::corpus::ActorKind;
use dossier::lang;
use dossier::lang::tagger::tags::{spans, Kind};
use dossier::lang::tagger::train::{evaluate, read_conll, Counts};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    anyhow::ensure!(!files.is_empty(), "usage: eval-names FILE... [--errors]");
    let model = lang::tagger::model().map_err(|e| anyhow::anyhow!("{e}"))?;
    let kb = KnowledgeBase::load(Path::new("."))?;
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        let docs = read_conll(&text).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        let (per, all) = evaluate(model, &docs);
        println!("{file}: {} documents", docs.len());
        println!("  (a) tagger alone, exact spans");
        for (k, c) in &per {
            println!("    {:<4} {}", k.label(), line(c));
        }
        println!("    ALL  {}", line(&all));
        let mut finder = Counts::default();
        for doc in &docs {
            // The document's text, and each word's byte range in it.
            let mut body = String::new();
            let mut ranges = Vec::new();
            let mut gold = Vec::new();
            let mut base = 0;
            for (s, tags) in doc.words.iter().zip(&doc.tags) {
                for (i, w) in s.iter().enumerate() {
                    if i > 0 {
                        body.push(' ');
                    }
                    ranges.push((body.len(), body.len() + w.len()));
                    body.push_str(w);
                }
                body.push('\n');
                for (a, b, k) in spans(tags) {
                    if k == Kind::Per {
                        gold.push((base + a, base + b));
                    }
                }
                base += s.len();
            }
            let sentences = lang::sentences(&body);
            let found = find_mentions(&body, &sentences, None, &kb);
            let mut predicted = Vec::new();
            let mut vias = Vec::new();
            for m in &found.mentions {
                let person = m.actor.starts_with('?')
                    || kb
                        .get(&m.actor)
                        .is_some_and(|a| a.kind == ActorKind::Person);
                if !person {
                    continue;
                }
                let first = ranges.partition_point(|r| r.1 <= m.start);
                let last = ranges.partition_point(|r| r.0 < m.end);
                let exact = ranges.get(first).is_some_and(|r| r.0 == m.start)
                    && last > 0
                    && ranges[last - 1].1 == m.end;
                // A span that does not fall on word boundaries cannot match.
                let span = if exact {
                    (first, last)
                } else {
                    (usize::MAX, first)
                };
                if show_errors {
                    vias.push((span, format!("{:?} {}", m.via, m.actor)));
                }
                predicted.push(span);
            }
            predicted.sort_unstable();
            predicted.dedup();
            if show_errors {
                let words: Vec<&str> = doc.words.iter().flatten().map(String::as_str).collect();
                let show =
                    |s: &(usize, usize)| words.get(s.0..s.1).map_or("?".into(), |w| w.join(" "));
                for g in gold.iter().filter(|g| !predicted.contains(g)) {
                    println!("    MISS {}", show(g));
                }
                for p in predicted.iter().filter(|p| !gold.contains(p)) {
                    let via = vias.iter().find(|v| v.0 == *p).map_or("", |v| v.1.as_str());
                    println!("    FALSE {}  [{via}]", show(p));
                }
            }
            finder.add(&gold, &predicted);
        }
        println!("  (b) person-mention finder, PER exact spans");
        println!("    PER  {}", line(&finder));
    }
    Ok(())
}

fn line(c: &Counts) -> String {
    format!(
        "P {:.4} R {:.4} F1 {:.4} (gold {}, predicted {}, correct {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.gold,
        c.predicted,
        c.correct
    )
}
