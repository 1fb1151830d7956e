//! A trained sequence tagger for names of people, places, organizations and
//! other names (the CoNLL-2003 types PER, LOC, ORG, MISC): an averaged
//! perceptron over hashed features, decoded greedily over BILOU tags.
//!
//! - `features`: what the tagger looks at for each word.
//! - `model`: the weights and their checked binary format (`data/tagger/`).
//! - `decode`: greedy decoding with the tags decided so far.
//! - `tags`: the tag set and spans.
//! - `words`: CoNLL-style words of running text.
//! - `train`: reading CoNLL files, training and scoring (used by
//!   `examples/train-tagger.rs` and `examples/eval-names.rs`).
//!
//! The weights are compiled in and read once ([`model`]); a damaged file is
//! an error the callers see, not a panic.

pub mod decode;
pub mod features;
pub mod model;
pub mod tags;
pub mod train;
pub mod words;

use std::sync::OnceLock;

pub use model::{Model, ModelError};
pub use tags::Kind;

use crate::lang::Sentence;

static MODEL_BYTES: &[u8] = include_bytes!("../../../data/tagger/conll2003-en.bin");

/// The compiled-in model, parsed on first use.
pub fn model() -> Result<&'static Model, &'static ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(MODEL_BYTES)).as_ref()
}

/// A name the tagger found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The smallest margin (in score units) by which the tagger preferred
    /// the span's tags over the next best, word by word.
    pub confidence: f32,
}

/// Names in a text, sentence by sentence (the whole text is one document
/// for the features that look at other mentions of a word).
pub fn entities(model: &Model, text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    let ranges: Vec<Vec<std::ops::Range<usize>>> = sentences
        .iter()
        .map(|s| words::words(text, s.range()))
        .filter(|w| !w.is_empty())
        .collect();
    let doc: Vec<Vec<&str>> = ranges
        .iter()
        .map(|s| s.iter().map(|r| &text[r.clone()]).collect())
        .collect();
    let decoded = decode::decode(model, &doc);
    let mut out = Vec::new();
    for ((r, t), m) in ranges.iter().zip(&decoded.tags).zip(&decoded.margins) {
        for (a, b, kind) in tags::spans(t) {
            let confidence = m[a..b].iter().copied().fold(f32::INFINITY, f32::min);
            out.push(Entity {
                start: r[a].start,
                end: r[b - 1].end,
                kind,
                confidence,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_model_loads_and_finds_names() {
        let m = model().expect("data/tagger model parses");
        assert!(m.rows() > 10_000);
        let text =
            "Peter Blackburn met officials of the European Commission in Brussels on Monday.";
        let found = entities(m, text, &crate::lang::sentences(text));
        let got: Vec<(&str, Kind)> = found
            .iter()
            .map(|e| (&text[e.start..e.end], e.kind))
            .collect();
        assert!(got.contains(&("Peter Blackburn", Kind::Per)), "{got:?}");
        assert!(got.contains(&("Brussels", Kind::Loc)), "{got:?}");
    }
}
