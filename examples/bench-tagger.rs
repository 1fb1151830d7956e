//! Times the name tagger alone, and the whole mention finder, on a corpus of
//! text files: `cargo run --release --example bench-tagger -- DIR` (e.g. the
//! `raw/` folder of `python3 ../shared/bench/gen_corpus.py --n 1000 --out
//! /tmp/corpus1000`). One thread; prints microseconds per word (words as
//! the tagger splits them). `--only tagger` or `--only finder` runs one of
//! the two, for timing with `/usr/bin/time` on a busy machine.
use std::path::Path;
use std::time::Instant;

use dossier::lang;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: bench-tagger DIR"))?;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let sentences: Vec<_> = texts.iter().map(|t| lang::sentences(t)).collect();
    let words: usize = texts
        .iter()
        .zip(&sentences)
        .map(|(t, s)| {
            s.iter()
                .map(|s| lang::tagger::words::words(t, s.range()).len())
                .sum::<usize>()
        })
        .sum();
    let only = std::env::args().nth(3);
    let run = |what: &str| only.as_deref().is_none_or(|o| o == what);
    let model = lang::tagger::model().map_err(|e| anyhow::anyhow!("{e}"))?;
    let clock = Instant::now();
    let mut names = 0;
    for (t, s) in texts.iter().zip(&sentences).filter(|_| run("tagger")) {
        names += lang::tagger::entities(model, t, s).len();
    }
    let tagger = clock.elapsed().as_secs_f64();
    let kb = dossier::actors::kb::KnowledgeBase::load(Path::new("."))?;
    let clock = Instant::now();
    let mut mentions = 0;
    for (t, s) in texts.iter().zip(&sentences).filter(|_| run("finder")) {
        mentions += dossier::actors::find_mentions(t, s, None, &kb)
            .mentions
            .len();
    }
    let finder = clock.elapsed().as_secs_f64();
    println!(
        "{} files, {words} words, {names} tagged names, {mentions} mentions",
        texts.len()
    );
    println!(
        "tagger:         {:.3} s, {:.2} µs/word",
        tagger,
        tagger * 1e6 / words as f64
    );
    println!(
        "mention finder: {:.3} s, {:.2} µs/word (tagger included)",
        finder,
        finder * 1e6 / words as f64
    );
    Ok(())
}
