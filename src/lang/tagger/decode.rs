//! Greedy left-to-right decoding of a document: at each word the best tag
//! the previous tag allows, given the word's features and the tags decided
//! so far (the previous two, and the type this document last gave the word).

use super::features::{
    doc_types, joint_features, neighbour_features, own_features, previous_tag_features,
    tag_features, tag_word_features, DocContext, FastMap, Second, Word, NEIGHBOURS,
};
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
        let history = self.history_of(word);
        tag_features(
            out,
            self.prev.unwrap_or(START),
            self.prev2.unwrap_or(START),
            word,
            history,
            second,
        );
    }

    /// Adds the scores of the tag features of `word` to `scores`: those
    /// of the previous tags alone from `table`, the rest looked up.
    fn add_scores(
        &self,
        model: &Model,
        table: &TagTable,
        word: &Word,
        second: Option<Second>,
        buf: &mut Vec<u32>,
        scores: &mut [i32; N_TAGS],
    ) {
        let (prev, prev2) = (self.prev.unwrap_or(START), self.prev2.unwrap_or(START));
        for (s, x) in scores.iter_mut().zip(table.get(prev, prev2)) {
            *s += x;
        }
        buf.clear();
        tag_word_features(buf, prev, word, self.history_of(word), second);
        model.add_scores(buf, scores);
    }

    fn history_of(&self, word: &Word) -> Option<u8> {
        if word.cap || word.lower.chars().any(char::is_alphabetic) {
            self.history.get(&word.lower).copied()
        } else {
            None
        }
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

/// The scores of [`previous_tag_features`] for every pair of previous
/// tags (sentence start included).
struct TagTable(Vec<[i32; N_TAGS]>);

impl TagTable {
    const VALUES: usize = N_TAGS + 1;

    fn new(model: &Model) -> TagTable {
        let mut f = Vec::with_capacity(2);
        let mut out = Vec::with_capacity(Self::VALUES * Self::VALUES);
        for prev2 in 0..Self::VALUES as u8 {
            for prev in 0..Self::VALUES as u8 {
                f.clear();
                previous_tag_features(&mut f, prev, prev2);
                let mut s = [0i32; N_TAGS];
                model.add_scores(&f, &mut s);
                out.push(s);
            }
        }
        TagTable(out)
    }

    fn get(&self, prev: u8, prev2: u8) -> &[i32; N_TAGS] {
        &self.0[usize::from(prev2) * Self::VALUES + usize::from(prev)]
    }
}

/// [`allowed`] as bit masks of the tags that may come next, per previous
/// tag (the last row: a sentence start) and per `last`.
static ALLOWED: std::sync::LazyLock<[[u32; 2]; N_TAGS + 1]> = std::sync::LazyLock::new(|| {
    let mut table = [[0u32; 2]; N_TAGS + 1];
    for (p, row) in table.iter_mut().enumerate() {
        let prev = (p < N_TAGS).then_some(p as u8);
        for (last, mask) in row.iter_mut().enumerate() {
            for t in 0..N_TAGS {
                if allowed(prev, t as u8, last == 1) {
                    *mask |= 1 << t;
                }
            }
        }
    }
    table
});

/// The best allowed tag and its margin over the next best allowed one.
pub fn choose(scores: &[i32; N_TAGS], prev: Option<u8>, last: bool) -> (u8, i32) {
    let mask = ALLOWED[prev.map_or(N_TAGS, usize::from).min(N_TAGS)][usize::from(last)];
    let mut best = (O, i32::MIN);
    let mut second = i32::MIN;
    for (t, &s) in scores.iter().enumerate() {
        if mask & (1 << t) == 0 {
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

/// Tags every sentence of a document in two passes: the second also sees
/// what the first said of the word's other occurrences in the document (a
/// headline's "BLACKBURN" and the body's "Peter Blackburn").
pub fn decode(model: &Model, doc: &[Vec<&str>]) -> Decoded {
    let vocab = Vocabulary::new(doc);
    let words = vocab.words();
    let fixed = static_scores(model, doc, &vocab, &words);
    let table = TagTable::new(model);
    let first = pass(model, &table, &words, &fixed, None);
    let second = seconds(doc, &words, &first.tags);
    pass(model, &table, &words, &fixed, Some(&second))
}

/// The distinct words of a document, each made into a [`Word`] once.
struct Vocabulary<'a> {
    raw: Vec<&'a str>,
    words: Vec<Word>,
    /// Per sentence, per word: the index of its distinct word.
    ids: Vec<Vec<u32>>,
}

impl<'a> Vocabulary<'a> {
    fn new(doc: &[Vec<&'a str>]) -> Vocabulary<'a> {
        let mut index: FastMap<&'a str, u32> = FastMap::default();
        let mut raw = Vec::new();
        let mut words = Vec::new();
        let ids = doc
            .iter()
            .map(|s| {
                s.iter()
                    .map(|&w| {
                        *index.entry(w).or_insert_with(|| {
                            raw.push(w);
                            words.push(Word::new(w));
                            (words.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        Vocabulary { raw, words, ids }
    }

    /// The document's words as references into the vocabulary.
    fn words(&self) -> Vec<Vec<&Word>> {
        self.ids
            .iter()
            .map(|ids| ids.iter().map(|&id| &self.words[id as usize]).collect())
            .collect()
    }
}

/// The scores of every word's static features, in document order. A
/// word's own features and those it gives its neighbours depend on the word
/// alone, so they are scored once per distinct word; the sums are the same
/// as scoring each word's whole feature list (integer addition).
fn static_scores(
    model: &Model,
    doc: &[Vec<&str>],
    vocab: &Vocabulary,
    words: &[Vec<&Word>],
) -> Vec<[i32; N_TAGS]> {
    let mut f = Vec::with_capacity(64);
    let score = |f: &[u32]| {
        let mut s = [0i32; N_TAGS];
        model.add_scores(f, &mut s);
        s
    };
    let own: Vec<[i32; N_TAGS]> = vocab
        .raw
        .iter()
        .zip(&vocab.words)
        .map(|(raw, w)| {
            f.clear();
            own_features(raw, w, &mut f);
            score(&f)
        })
        .collect();
    // What each distinct word gives the word `NEIGHBOURS[k]` away from it,
    // and what the sentence boundary gives.
    let given = |lower: &str, shape: &str, f: &mut Vec<u32>| -> [[i32; N_TAGS]; 4] {
        NEIGHBOURS.map(|k| {
            f.clear();
            neighbour_features(k, lower, shape, f);
            score(f)
        })
    };
    let near: Vec<[[i32; N_TAGS]; 4]> = vocab
        .words
        .iter()
        .map(|w| given(&w.lower, &w.short_shape, &mut f))
        .collect();
    let before = given("<s>", "<s>", &mut f);
    let after = given("</s>", "</s>", &mut f);
    let ctx = DocContext::new(doc, words);
    let mut out = Vec::with_capacity(doc.iter().map(Vec::len).sum());
    for (si, (s, ws)) in doc.iter().zip(words).enumerate() {
        let ids = &vocab.ids[si];
        let headline = ctx.headline(si);
        for i in 0..s.len() {
            let mut scores = own[ids[i] as usize];
            for (slot, k) in NEIGHBOURS.into_iter().enumerate() {
                let j = i as isize + k;
                let from = if j < 0 {
                    &before[slot]
                } else if j as usize >= s.len() {
                    &after[slot]
                } else {
                    &near[ids[j as usize] as usize][slot]
                };
                for (a, b) in scores.iter_mut().zip(from) {
                    *a += b;
                }
            }
            f.clear();
            joint_features(s, ws, i, headline, &ctx, &mut f);
            model.add_scores(&f, &mut scores);
            out.push(scores);
        }
    }
    out
}

/// What the second pass sees of the first, word by word.
pub fn seconds<W: AsRef<Word>>(
    doc: &[Vec<&str>],
    words: &[Vec<W>],
    first: &[Vec<u8>],
) -> Vec<Second> {
    doc_types(doc, words, first)
        .into_iter()
        .map(|doc| Second { doc })
        .collect()
}

fn pass<W: AsRef<Word>>(
    model: &Model,
    table: &TagTable,
    doc: &[Vec<W>],
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
            let word = word.as_ref();
            let mut scores = fixed[k];
            state.add_scores(
                model,
                table,
                word,
                second.map(|s| s[k]),
                &mut dynamic,
                &mut scores,
            );
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

#[cfg(test)]
mod tests {
    use super::super::features::{doc_features, doc_words, each_features};
    use super::*;

    /// Decoding with every word's whole feature list, the way training
    /// sees it.
    fn reference(model: &Model, doc: &[Vec<&str>]) -> (Vec<Vec<u8>>, Vec<Vec<f32>>) {
        let feats = doc_features(doc);
        let words = doc_words(doc);
        let run = |second: Option<&[Second]>| {
            let mut state = State::default();
            let (mut tags, mut margins, mut k) = (Vec::new(), Vec::new(), 0);
            for s in &words {
                state.start_sentence();
                let (mut st, mut sm) = (Vec::new(), Vec::new());
                for (i, word) in s.iter().enumerate() {
                    let mut f = feats[k].clone();
                    state.features(word, second.map(|s| s[k]), &mut f);
                    let mut scores = [0i32; N_TAGS];
                    model.add_scores(&f, &mut scores);
                    let (t, m) = choose(&scores, state.prev(), i + 1 == s.len());
                    state.push(word, t);
                    st.push(t);
                    sm.push(m as f32 * model.scale());
                    k += 1;
                }
                tags.push(st);
                margins.push(sm);
            }
            (tags, margins)
        };
        let (first, _) = run(None);
        let second = seconds(doc, &words, &first);
        run(Some(&second))
    }

    /// `choose` by its table picks what a search of every tag with
    /// `allowed` picks.
    #[test]
    fn choose_keeps_to_the_allowed_tags() {
        let mut scores = [0i32; N_TAGS];
        for seed in 0..50i32 {
            for (t, s) in scores.iter_mut().enumerate() {
                *s = (seed * 31 + t as i32 * 17) % 23 - 11;
            }
            for prev in std::iter::once(None).chain((0..N_TAGS as u8).map(Some)) {
                for last in [false, true] {
                    let ok: Vec<u8> = (0..N_TAGS as u8)
                        .filter(|&t| allowed(prev, t, last))
                        .collect();
                    let best = ok.iter().map(|&t| scores[t as usize]).max().unwrap();
                    let (tag, _) = choose(&scores, prev, last);
                    assert!(ok.contains(&tag), "{prev:?} {last} {tag}");
                    assert_eq!(scores[tag as usize], best);
                }
            }
        }
    }

    #[test]
    fn decoding_equals_decoding_with_whole_feature_lists() {
        let model = super::super::model().expect("model");
        let doc: Vec<Vec<&str>> = vec![
            vec!["BLACKBURN", "HITS", "BACK", "."],
            vec![
                "Peter",
                "Blackburn",
                "met",
                "Rob",
                "Andrew",
                "in",
                "Brussels",
                ".",
            ],
            vec![
                "Blackburn",
                "and",
                "Rob",
                "Howley",
                "said",
                "Salomon",
                "Brothers",
                "won",
                ".",
            ],
        ];
        let got = decode(model, &doc);
        let (tags, margins) = reference(model, &doc);
        assert_eq!(got.tags, tags);
        assert_eq!(got.margins, margins);
    }

    #[test]
    fn scores_per_distinct_word_equal_scores_of_whole_feature_lists() {
        let model = super::super::model().expect("model");
        let doc: Vec<Vec<&str>> = vec![
            vec!["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", "."],
            vec!["Peter", "Blackburn", "met", "Kim", "in", "Brussels", "."],
            vec![
                "Blackburn",
                "said",
                "the",
                "march",
                "on",
                "Brussels",
                "won",
                ".",
            ],
            vec!["É", "", "'s", "1996-08-22", "Ōsaka", "peter"],
            vec!["x"],
        ];
        let vocab = Vocabulary::new(&doc);
        let words = vocab.words();
        let fast = static_scores(model, &doc, &vocab, &words);
        let owned = doc_words(&doc);
        let mut slow = Vec::new();
        each_features(&doc, &owned, |f| {
            let mut s = [0i32; N_TAGS];
            model.add_scores(f, &mut s);
            slow.push(s);
        });
        assert_eq!(fast, slow);
    }
}
