//! Times the timex stage alone over a folder of plain-text articles: `cargo run --release --example timex_bench -- DIR [YYYY-MM-DD] [ROUNDS]`.
//!
//! Reads every `.txt` file of DIR (e.g. `OUT/raw/` of the shared benchmark
//! generator, `python3 ../shared/bench/gen_corpus.py --n 10000 --out OUT`),
//! then runs `dossier::timex::annotate` over all of them ROUNDS times (default
//! 3) with the given publication date, and prints the best round's time, the
//! throughput and the number of expressions found. The first round also pays
//! for compiling the regexes; the best round does not.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: timex_bench DIR [YYYY-MM-DD] [ROUNDS]");
        std::process::exit(2);
    };
    let reference = args
        .get(2)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .or(chrono::NaiveDate::from_ymd_opt(2024, 6, 15));
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut paths: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    paths.sort();
    let mut texts = Vec::with_capacity(paths.len());
    for p in &paths {
        match std::fs::read_to_string(p) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("{}: {e}", p.display());
                std::process::exit(1);
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut found = 0;
    for round in 0..rounds.max(1) {
        let start = Instant::now();
        found = texts
            .iter()
            .map(|t| dossier::timex::annotate(t, reference).len())
            .sum::<usize>();
        let secs = start.elapsed().as_secs_f64();
        println!("round {}: {:.3} s", round + 1, secs);
        best = best.min(secs);
    }
    println!(
        "{} articles, {:.1} MB, {found} timexes: best {:.3} s ({:.1} MB/s, {:.0} µs/article)",
        texts.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best,
        best * 1e6 / texts.len().max(1) as f64
    );
}
