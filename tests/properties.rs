//! Property tests of the parsers and stages: on any input (arbitrary text,
//! news-like text with odd characters, mutated seed articles) the raw-text
//! cleaner, Markdown, sentences, dates, mentions and the whole build never
//! panic, and every offset they return is a valid slice of their text.
//!
//! A few dozen cases run with `cargo test`; run longer on demand with
//! `PROPTEST_CASES=2000 cargo test --release --test properties`.

mod support;

use std::sync::LazyLock;

use chrono::NaiveDate;
use proptest::prelude::*;

use dossier::actors::kb::KnowledgeBase;
use dossier::{actors, ingest, lang, markup, timex};

static KB: LazyLock<KnowledgeBase> =
    LazyLock::new(|| KnowledgeBase::load(support::project::repo()).expect("bundled KB"));

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 6, 19)
}

/// Cases per property: small by default so the suite stays quick.
fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// News-like text: words, names, dates, numbers and punctuation, mixed with
/// the characters that break parsers (brackets, quotes, control and
/// non-ASCII characters, very long words, blank lines).
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "Kim Jong Un", "Sergei Shoigu", "met", "in", "Pyongyang", "on", "Monday", "July 27",
            "2023", "last week", "the", "said", "visit", "talks", ".", ",", "\n\n", "\n", " ",
            "Mr.", "U.S.", "early October", "1950-1953", "for three days", "No Kwang Chol",
            "but Gwan Cholle", "\"", "'s", "—", "(", ")", "[", "]", "#", "*", "`", "<script>",
            "&amp;", "Seoul", "Minister", "Defense", "15:00", "Q3", "2024/03/05", "ноября",
            "2025년 11월 8일", "\u{0}", "\u{7}", "\u{feff}", "\u{2028}", "é", "👍", "-",
        ])
        .prop_map(str::to_string),
        1 => "[A-Za-z]{1,300}",
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[0-9./-]{1,12}",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|parts| parts.join(" "))
}

/// Arbitrary text or news-like text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy()]
}

fn assert_slice(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: {start}..{end} out of 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} not on char boundaries"
    );
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn the_cleaner_takes_any_text(input in text()) {
        let cleaned = ingest::raw::clean(&input);
        if let Some(d) = &cleaned.dateline {
            assert_slice(&cleaned.text, d.span.start, d.span.end, "dateline");
        }
    }

    #[test]
    fn markdown_takes_any_text(input in text()) {
        let plain = markup::markdown::plain_text(&input);
        let html = markup::markdown::render_annotated(&input, &[]);
        // Raw HTML in a body is escaped, never passed through.
        prop_assert!(!html.contains("<script"), "{html}");
        let _ = plain;
    }

    #[test]
    fn sentences_cover_the_text_in_order(input in text()) {
        let sentences = lang::sentences(&input);
        let mut last = 0;
        for s in &sentences {
            assert_slice(&input, s.start, s.end, "sentence");
            prop_assert!(s.start >= last, "sentences overlap or go back");
            last = s.end;
        }
        for p in lang::paragraphs(&input) {
            assert_slice(&input, p.start, p.end, "paragraph");
        }
    }

    #[test]
    fn dates_point_into_the_text(input in text()) {
        for t in timex::annotate(&input, published()) {
            assert_slice(&input, t.start, t.end, "timex");
            prop_assert_eq!(&input[t.start..t.end], t.text.as_str());
        }
        let _ = timex::infer_publication_date(&input, None, &[]);
    }

    #[test]
    fn mentions_point_into_the_text(input in text()) {
        let sentences = lang::sentences(&input);
        let found = actors::find_mentions(&input, &sentences, published(), &KB);
        for m in &found.mentions {
            assert_slice(&input, m.start, m.end, "mention");
            prop_assert_eq!(&input[m.start..m.end], m.text.as_str());
        }
        for q in &found.quotes {
            assert_slice(&input, q.start, q.end, "quote");
        }
    }
}

/// A seed article with `edits` applied: each inserts, deletes or replaces a
/// run of bytes at a position (kept on char boundaries, so the file stays
/// UTF-8 and reaches the stages instead of stopping at decoding).
fn mutate(seed: &str, edits: &[(usize, u8, String)]) -> String {
    let mut s = seed.to_string();
    for (at, op, with) in edits {
        let mut pos = at % (s.len() + 1);
        while !s.is_char_boundary(pos) {
            pos -= 1;
        }
        let mut end = (pos + with.len().max(1)).min(s.len());
        while !s.is_char_boundary(end) {
            end += 1;
        }
        match op % 3 {
            0 => s.insert_str(pos, with),
            1 => s.replace_range(pos..end, ""),
            _ => s.replace_range(pos..end, with),
        }
    }
    s
}

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

proptest! {
    #![proptest_config(cases(6))]

    #[test]
    fn the_whole_build_takes_mutated_seeds(
        which in 0..SEEDS.len(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), newsy()), 1..12),
        as_markdown in any::<bool>(),
    ) {
        let seed = support::project::seed(SEEDS[which]);
        let body = mutate(&seed, &edits);
        let p = support::project::Project::new();
        p.bundled_actors();
        if as_markdown {
            p.file("content/site.yaml", "title: Fuzz\nsources: []\n")
                .file("content/articles/a.md", format!("---\ntitle: Fuzzed\npublished: 2023-07-27\n---\n{body}"));
        } else {
            p.file("content/site.yaml", "title: Fuzz\nsources: [seeds]\n")
                .file("seeds/a.txt", &body);
        }
        // Success or a clear error; never a panic (a panic fails the test).
        let out = p.beside("site");
        match dossier::build(p.root(), &out) {
            Ok(report) => {
                prop_assert_eq!(report.articles, 1);
                prop_assert!(out.join("index.html").is_file());
            }
            // The front matter is intact, so a Markdown article always builds;
            // a raw one may be cleaned down to nothing, which is a clear error.
            Err(e) => prop_assert!(!as_markdown, "{e}"),
        }
    }
}
