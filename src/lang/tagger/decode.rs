//! Greedy left-to-right decoding of a document: at each word the best tag
//! the previous tag allows, given the word's features and the tags decided
//! so far (the previous two, and the type this document last gave the word).

use super::features::{doc_types, doc_words, each_features, tag_features, FastMap, Second, Word};
use super::model::Model;
use super::tags::{allowed, split, N_TAGS, O};

/// The tag feature value before a sentence's first word.
const START: u8 = N_TAGS as u8;

/// The tags decided so far in a document, for the tag-dependent features.
#[derive(Default)]
pub struct State {
    prev: Option<u8>,
    prev2: Option<u8>,
    /// Lower-case word → entity type (1-based) the document last gave it.
    history: FastMap<String, u8>,
}

impl State {
    pub fn start_sentence(&mut self) {
        self.prev = None;
        self.prev2 = None;
    }

    pub fn prev(&self) -> Option<u8> {
        self.prev
    }

    /// The tag features of `word` after the tags so far, appended to `out`.
    pub fn features(&self, word: &Word, second: Option<Second>, out: &mut Vec<u32>) {
        let history = if word.cap || word.lower.chars().any(char::is_alphabetic) {
            self.history.get(&word.lower).copied()
        } else {
            None
        };
        tag_features(
            out,
            self.prev.unwrap_or(START),
            self.prev2.unwrap_or(START),
            word,
            history,
            second,
        );
    }

    pub fn push(&mut self, word: &Word, tag: u8) {
        if let Some((kind, _)) = split(tag) {
            if word.cap {
                self.history.insert(word.lower.clone(), kind.index() + 1);
            }
        }
        self.prev2 = self.prev;
        self.prev = Some(tag);
    }
}

/// The best allowed tag and its margin over the next best allowed one.
pub fn choose(scores: &[i32; N_TAGS], prev: Option<u8>, last: bool) -> (u8, i32) {
    let mut best = (O, i32::MIN);
    let mut second = i32::MIN;
    for (t, &s) in scores.iter().enumerate() {
        if !allowed(prev, t as u8, last) {
            continue;
        }
        if s > best.1 {
            second = best.1;
            best = (t as u8, s);
        } else if s > second {
            second = s;
        }
    }
    let margin = if second == i32::MIN {
        i32::MAX
    } else {
        best.1 - second
    };
    (best.0, margin)
}

/// Tags and per-word margins (in weight units) of a document.
pub struct Decoded {
    pub tags: Vec<Vec<u8>>,
    pub margins: Vec<Vec<f32>>,
}

/// Tags every sentence of a document (sentences of words) in two passes:
/// the second also sees what the first said of the word's other
/// occurrences in the document (a headline's "BLACKBURN" and the body's
/// "Peter Blackburn").
pub fn decode(model: &Model, doc: &[Vec<&str>]) -> Decoded {
    let words = doc_words(doc);
    // The static features' scores, once for both passes.
    let mut fixed = Vec::with_capacity(doc.iter().map(Vec::len).sum());
    each_features(doc, &words, |f| {
        let mut scores = [0i32; N_TAGS];
        model.add_scores(f, &mut scores);
        fixed.push(scores);
    });
    let first = pass(model, &words, &fixed, None);
    let second = seconds(doc, &words, &first.tags);
    pass(model, &words, &fixed, Some(&second))
}

/// What the second pass sees of the first, word by word.
pub fn seconds(doc: &[Vec<&str>], words: &[Vec<Word>], first: &[Vec<u8>]) -> Vec<Second> {
    doc_types(doc, words, first)
        .into_iter()
        .map(|doc| Second { doc })
        .collect()
}

fn pass(
    model: &Model,
    doc: &[Vec<Word>],
    fixed: &[[i32; N_TAGS]],
    second: Option<&[Second]>,
) -> Decoded {
    let mut state = State::default();
    let mut k = 0;
    let mut dynamic = Vec::with_capacity(8);
    let mut tags = Vec::with_capacity(doc.len());
    let mut margins = Vec::with_capacity(doc.len());
    for s in doc {
        state.start_sentence();
        let mut st = Vec::with_capacity(s.len());
        let mut sm = Vec::with_capacity(s.len());
        for (i, word) in s.iter().enumerate() {
            let mut scores = fixed[k];
            dynamic.clear();
            state.features(word, second.map(|s| s[k]), &mut dynamic);
            model.add_scores(&dynamic, &mut scores);
            let (t, m) = choose(&scores, state.prev(), i + 1 == s.len());
            state.push(word, t);
            st.push(t);
            sm.push(m as f32 * model.scale());
            k += 1;
        }
        tags.push(st);
        margins.push(sm);
    }
    Decoded { tags, margins }
}
