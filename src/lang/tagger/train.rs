//! Training the tagger: reading CoNLL-2003 files, an averaged perceptron
//! over greedy decoding, and scoring spans. Deterministic: documents are
//! shuffled with a fixed seed, weights live in vectors indexed in the order
//! features are first met, and the model is written sorted by hash.

use std::collections::HashMap;

use super::decode::{choose, seconds, State};
use super::features::{doc_features, doc_words, Word};
use super::model::Model;
use super::tags::{from_spans, iob_spans, spans, Kind, N_TAGS};

/// A document: sentences of words with their gold BILOU tags.
#[derive(Debug)]
pub struct Doc {
    pub words: Vec<Vec<String>>,
    pub tags: Vec<Vec<u8>>,
}

impl Doc {
    pub fn sentences(&self) -> Vec<Vec<&str>> {
        self.words
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect()
    }
}

/// Reads a CoNLL-2003 file (word, POS, chunk, NE label per line; blank lines
/// between sentences; `-DOCSTART-` between documents). Errors name the line.
pub fn read_conll(text: &str) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    let mut doc = Doc {
        words: Vec::new(),
        tags: Vec::new(),
    };
    let mut words: Vec<String> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let end_sentence =
        |doc: &mut Doc, words: &mut Vec<String>, labels: &mut Vec<String>, line: usize| {
            if words.is_empty() {
                return Ok(());
            }
            let l: Vec<&str> = labels.iter().map(String::as_str).collect();
            let s = iob_spans(&l).map_err(|e| format!("sentence ending at line {line}: {e}"))?;
            doc.tags.push(from_spans(words.len(), &s));
            doc.words.push(std::mem::take(words));
            labels.clear();
            Ok::<(), String>(())
        };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            end_sentence(&mut doc, &mut words, &mut labels, n + 1)?;
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            end_sentence(&mut doc, &mut words, &mut labels, n + 1)?;
            if !doc.words.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Doc {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if cols.len() < 2 {
            return Err(format!("line {}: expected a word and a label", n + 1));
        }
        words.push(cols[0].to_string());
        labels.push(cols[cols.len() - 1].to_string());
    }
    end_sentence(&mut doc, &mut words, &mut labels, text.lines().count())?;
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// SplitMix64: a fixed-seed generator for the shuffle.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Averaged perceptron weights during training.
#[derive(Default)]
pub struct Trainer {
    index: HashMap<u32, usize>,
    hashes: Vec<u32>,
    weights: Vec<[i32; N_TAGS]>,
    /// Sum of update × time, for the average (`w - acc / time`).
    acc: Vec<[i64; N_TAGS]>,
    time: i64,
}

impl Trainer {
    fn scores(&self, features: &[u32]) -> [i32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        for f in features {
            if let Some(&r) = self.index.get(f) {
                for (x, w) in s.iter_mut().zip(&self.weights[r]) {
                    *x += w;
                }
            }
        }
        s
    }

    fn update(&mut self, features: &[u32], tag: usize, delta: i32) {
        for &f in features {
            let r = *self.index.entry(f).or_insert_with(|| {
                self.hashes.push(f);
                self.weights.push([0; N_TAGS]);
                self.acc.push([0; N_TAGS]);
                self.hashes.len() - 1
            });
            self.weights[r][tag] += delta;
            self.acc[r][tag] += i64::from(delta) * self.time;
        }
    }

    /// A first pass over a document without updates, for the document
    /// features of the second.
    fn first_pass(&self, sentences: &[Vec<&str>], feats: &[Vec<u32>]) -> Vec<Vec<u8>> {
        let mut state = State::default();
        let mut k = 0;
        let mut tags = Vec::new();
        for s in sentences {
            state.start_sentence();
            let mut st = Vec::new();
            for (i, w) in s.iter().enumerate() {
                let word = Word::new(w);
                let mut f = feats[k].clone();
                state.features(&word, None, &mut f);
                let (pred, _) = choose(&self.scores(&f), state.prev(), i + 1 == s.len());
                state.push(&word, pred);
                st.push(pred);
                k += 1;
            }
            tags.push(st);
        }
        tags
    }

    /// One pass over a document: decode greedily, update on each mistake.
    fn learn(&mut self, doc: &Doc) {
        let sentences = doc.sentences();
        let feats = doc_features(&sentences);
        let first = self.first_pass(&sentences, &feats);
        let words = doc_words(&sentences);
        let second = seconds(&sentences, &words, &first);
        let mut state = State::default();
        let mut k = 0;
        for (s, gold) in sentences.iter().zip(&doc.tags) {
            state.start_sentence();
            for (i, w) in s.iter().enumerate() {
                self.time += 1;
                let word = Word::new(w);
                let mut f = feats[k].clone();
                state.features(&word, Some(second[k]), &mut f);
                let scores = self.scores(&f);
                let (pred, _) = choose(&scores, state.prev(), i + 1 == s.len());
                if pred != gold[i] {
                    self.update(&f, gold[i] as usize, 1);
                    self.update(&f, pred as usize, -1);
                }
                state.push(&word, pred);
                k += 1;
            }
        }
    }

    /// Trains for `epochs` passes over `docs` in a seeded shuffled order,
    /// calling `after_epoch` with the epoch number and the averaged model.
    pub fn train(
        docs: &[Doc],
        epochs: usize,
        seed: u64,
        prune: f32,
        mut after_epoch: impl FnMut(usize, &Model),
    ) -> Model {
        let mut t = Trainer::default();
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let mut rng = Rng(seed);
        let mut model = t.averaged(prune);
        for epoch in 1..=epochs {
            // Fisher–Yates with the fixed-seed generator.
            for i in (1..order.len()).rev() {
                let j = (rng.next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &d in &order {
                t.learn(&docs[d]);
            }
            model = t.averaged(prune);
            after_epoch(epoch, &model);
        }
        model
    }

    /// The averaged weights quantized to i16; rows whose largest weight is
    /// below `prune` (in averaged units) are dropped.
    fn averaged(&self, prune: f32) -> Model {
        let time = self.time.max(1) as f64;
        let avg: Vec<[f32; N_TAGS]> = self
            .weights
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| {
                let mut out = [0f32; N_TAGS];
                for t in 0..N_TAGS {
                    out[t] = (f64::from(w[t]) - a[t] as f64 / time) as f32;
                }
                out
            })
            .collect();
        let max = avg
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows = Vec::new();
        for (h, r) in self.hashes.iter().zip(&avg) {
            if r.iter().all(|x| x.abs() < prune) {
                continue;
            }
            let mut q = [0i16; N_TAGS];
            for t in 0..N_TAGS {
                q[t] = (r[t] / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            if q.iter().any(|&x| x != 0) {
                rows.push((*h, q));
            }
        }
        Model::from_rows(rows, scale)
    }
}

/// Span counts for precision and recall, per type.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn add(&mut self, gold: &[(usize, usize)], predicted: &[(usize, usize)]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.correct += predicted.iter().filter(|p| gold.contains(p)).count();
    }

    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Exact-span scores of the tagger on gold documents, per type and overall.
pub fn evaluate(model: &Model, docs: &[Doc]) -> (Vec<(Kind, Counts)>, Counts) {
    let mut per: Vec<(Kind, Counts)> = super::tags::KINDS
        .iter()
        .map(|&k| (k, Counts::default()))
        .collect();
    let mut all = Counts::default();
    for doc in docs {
        let decoded = super::decode::decode(model, &doc.sentences());
        for (gold, pred) in doc.tags.iter().zip(&decoded.tags) {
            let g = spans(gold);
            let p = spans(pred);
            for (kind, c) in per.iter_mut() {
                let only = |v: &[(usize, usize, Kind)]| -> Vec<(usize, usize)> {
                    v.iter()
                        .filter(|s| s.2 == *kind)
                        .map(|s| (s.0, s.1))
                        .collect()
                };
                c.add(&only(&g), &only(&p));
            }
            all.gold += g.len();
            all.predicted += p.len();
            all.correct += p.iter().filter(|x| g.contains(x)).count();
        }
    }
    (per, all)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nsaid VBD I-VP O\n\nBRUSSELS NNP I-NP I-LOC\n\n-DOCSTART- -X- -X- O\n\nAcme NNP I-NP I-ORG\nwon VBD I-VP O\n";

    #[test]
    fn reads_documents_and_sentences() {
        let docs = read_conll(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].words.len(), 2);
        assert_eq!(spans(&docs[0].tags[0]), vec![(0, 2, Kind::Per)]);
        assert!(read_conll("Peter NNP I-NP I-FOO\n")
            .unwrap_err()
            .contains("line 1"));
        assert!(read_conll("Peter\n").unwrap_err().contains("line 1"));
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let docs = read_conll(SAMPLE).unwrap();
        let a = Trainer::train(&docs, 5, 7, 0.0, |_, _| {}).to_bytes();
        let b = Trainer::train(&docs, 5, 7, 0.0, |_, _| {}).to_bytes();
        assert_eq!(a, b);
        let m = Model::parse(&a).unwrap();
        let (_, all) = evaluate(&m, &docs);
        assert_eq!(all.correct, all.gold);
    }
}
