//! Features of a word in its sentence and document, as 32-bit hashes: the
//! word, its shape, prefixes and suffixes, the words around it, name-list
//! membership, headline and sentence position, and what the document says
//! of the same word elsewhere.
//!
//! Static features (everything but the tags decided so far) are computed once
//! per document by [`doc_features`]; the few that depend on earlier tags are
//! added by the decoder with [`tag_features`].

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use crate::lang::names;

/// FNV-1a over the bytes of a template name and its parts, folded to 32 bits.
#[derive(Clone, Copy)]
pub struct Hasher(u64);

impl Hasher {
    pub fn new(template: &str) -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325).part(template)
    }

    pub fn part(mut self, part: &str) -> Hasher {
        for &b in part.as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator so ("ab", "c") and ("a", "bc") differ.
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        self
    }

    pub fn hash32(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

impl Default for Hasher {
    fn default() -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Hasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Sets and maps of the tagger's per-document word lookups, hashed with
/// FNV-1a (short keys, no untrusted-input concern: a document is linear
/// work either way).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Hasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Hasher>>;

/// One template with one part, hashed.
pub fn feature(template: &str, part: &str) -> u32 {
    Hasher::new(template).part(part).hash32()
}

/// What a word is made of: `Xxxx` → `Xx`, `IBM` → `X`, `1996-08-22` → `d-d-d`
/// (short form, runs collapsed) and `Xxxxx` up to 8 characters (long form).
pub fn shapes(word: &str) -> (String, String) {
    let mut short = String::new();
    let mut long = String::new();
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if long.chars().count() < 8 {
            long.push(s);
        }
        if s != last {
            short.push(s);
            last = s;
        }
    }
    (short, long)
}

/// A word as the features see it, computed once per document.
pub struct Word {
    pub lower: String,
    pub short_shape: String,
    pub long_shape: String,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Capitalized and a given name of `data/names/`.
    pub given: bool,
    /// Has a letter.
    pub letters: bool,
    /// A Korean surname of `data/names/` (as written).
    pub korean_surname: bool,
}

impl Word {
    pub fn new(raw: &str) -> Word {
        let (short_shape, long_shape) = shapes(raw);
        let cap = raw.chars().next().is_some_and(char::is_uppercase);
        Word {
            lower: raw.to_lowercase(),
            short_shape,
            long_shape,
            cap,
            given: cap && names::is_given_name(raw),
            letters: raw.chars().any(char::is_alphabetic),
            korean_surname: names::is_korean_surname(raw),
        }
    }
}

impl AsRef<Word> for Word {
    fn as_ref(&self) -> &Word {
        self
    }
}

/// The [`Word`]s of a document.
pub fn doc_words(doc: &[Vec<&str>]) -> Vec<Vec<Word>> {
    doc.iter()
        .map(|s| s.iter().map(|w| Word::new(w)).collect())
        .collect()
}

/// True when a sentence has letters and none of them is lower case: a
/// headline ("SOCCER - JAPAN GET LUCKY WIN").
pub fn all_caps(sentence: &[&str]) -> bool {
    let mut letters = 0;
    for w in sentence {
        for c in w.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
    }
    letters > 1
}

/// The static features of every word of a document (sentences of words):
/// one list of hashes per word, in document order.
pub fn doc_features(doc: &[Vec<&str>]) -> Vec<Vec<u32>> {
    let words = doc_words(doc);
    let mut out = Vec::with_capacity(doc.iter().map(Vec::len).sum());
    each_features(doc, &words, |f| out.push(f.to_vec()));
    out
}

/// What the whole document says that a word's features look at: which
/// sentences are headlines, which lower-case forms are written lower case
/// somewhere ("the march" vs "March"), and which are capitalized
/// mid-sentence in a lower-case sentence (a name, not a headline or
/// sentence start).
pub struct DocContext<'w> {
    headlines: Vec<bool>,
    lower_seen: FastSet<&'w str>,
    cap_mid: FastSet<&'w str>,
}

impl<'w> DocContext<'w> {
    pub fn new<W: AsRef<Word>>(doc: &[Vec<&str>], words: &'w [Vec<W>]) -> DocContext<'w> {
        let mut lower_seen: FastSet<&str> = FastSet::default();
        let mut cap_mid: FastSet<&str> = FastSet::default();
        let headlines: Vec<bool> = doc.iter().map(|s| all_caps(s)).collect();
        for ((s, ws), &headline) in doc.iter().zip(words).zip(&headlines) {
            for (i, (w, word)) in s.iter().zip(ws).enumerate() {
                let word = word.as_ref();
                let first = w.chars().next();
                if first.is_some_and(char::is_lowercase) {
                    lower_seen.insert(&word.lower);
                } else if i > 0 && !headline && word.cap {
                    cap_mid.insert(&word.lower);
                }
            }
        }
        DocContext {
            headlines,
            lower_seen,
            cap_mid,
        }
    }

    /// True when sentence `s` is a headline ([`all_caps`]).
    pub fn headline(&self, s: usize) -> bool {
        self.headlines[s]
    }
}

/// Calls `each` with the static features of every word of a document in
/// order (one buffer, reused).
pub fn each_features(doc: &[Vec<&str>], words: &[Vec<Word>], mut each: impl FnMut(&[u32])) {
    let ctx = DocContext::new(doc, words);
    let mut f = Vec::with_capacity(64);
    for (k, (s, ws)) in doc.iter().zip(words).enumerate() {
        let headline = ctx.headline(k);
        for i in 0..s.len() {
            f.clear();
            word_features(s, ws, i, headline, &ctx, &mut f);
            each(&f);
        }
    }
}

/// The static features of word `i` of a sentence: its own
/// ([`own_features`]), the ones its neighbours give it
/// ([`neighbour_features`]) and the ones that join it to them
/// ([`joint_features`]).
fn word_features(
    raw: &[&str],
    words: &[Word],
    i: usize,
    headline: bool,
    ctx: &DocContext,
    f: &mut Vec<u32>,
) {
    own_features(raw[i], &words[i], f);
    for k in NEIGHBOURS {
        let (lower, shape) = at(words, i, k);
        neighbour_features(k, lower, shape, f);
    }
    joint_features(raw, words, i, headline, ctx, f);
}

/// The lower-case form and short shape of the word `k` places from word
/// `i`, or the sentence boundary (`<s>`, `</s>`) for both.
fn at<W: AsRef<Word>>(words: &[W], i: usize, k: isize) -> (&str, &str) {
    let j = i as isize + k;
    if j < 0 {
        ("<s>", "<s>")
    } else if j as usize >= words.len() {
        ("</s>", "</s>")
    } else {
        let x = words[j as usize].as_ref();
        (x.lower.as_str(), x.short_shape.as_str())
    }
}

/// The offsets of the neighbours whose form alone is a feature.
pub const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// The features of a word that depend on nothing but the word (`raw`, and
/// `w` made from it): the bias, its forms, shapes, prefixes and suffixes.
/// The decoder scores them once per distinct word of a document.
pub fn own_features(raw: &str, w: &Word, f: &mut Vec<u32>) {
    f.push(feature("bias", ""));
    f.push(feature("w", &w.lower));
    f.push(feature("W", raw));
    f.push(feature("s", &w.short_shape));
    f.push(feature("S", &w.long_shape));
    let lower = w.lower.as_str();
    let mut ends = [0usize; 4];
    let mut n_chars = 0;
    for (p, _) in lower.char_indices().skip(1) {
        if n_chars < 4 {
            ends[n_chars] = p;
        }
        n_chars += 1;
    }
    // `n_chars` counted the characters after the first (an empty form
    // counts as one, its prefix and suffix empty).
    let n_chars = n_chars + 1;
    for n in 1..=4.min(n_chars) {
        let p = if n == n_chars {
            lower
        } else {
            &lower[..ends[n - 1]]
        };
        f.push(Hasher::new("p").part(p).hash32());
        let cut = lower.char_indices().rev().nth(n - 1).map_or(0, |(c, _)| c);
        f.push(Hasher::new("x").part(&lower[cut..]).hash32());
    }
}

/// The features a word (`lower`, `shape`) gives the word `k` places away
/// (`k` one of [`NEIGHBOURS`]): its form, and next to it its shape. The
/// decoder scores them once per distinct word of a document.
pub fn neighbour_features(k: isize, lower: &str, shape: &str, f: &mut Vec<u32>) {
    match k {
        -2 => f.push(feature("l-2", lower)),
        -1 => {
            f.push(feature("l-1", lower));
            f.push(feature("s-1", shape));
        }
        1 => {
            f.push(feature("l+1", lower));
            f.push(feature("s+1", shape));
        }
        _ => f.push(feature("l+2", lower)),
    }
}

/// The features of word `i` that join it to its neighbours or depend on
/// its place in the sentence and document: word and shape n-grams,
/// sentence start, headline, name-list membership around it, and what the
/// document says of its form ([`DocContext`]).
pub fn joint_features<W: AsRef<Word>>(
    raw: &[&str],
    words: &[W],
    i: usize,
    headline: bool,
    ctx: &DocContext,
    f: &mut Vec<u32>,
) {
    let w = words[i].as_ref();
    let (l1, s1) = at(words, i, -1);
    let (l2, s2) = at(words, i, -2);
    let (r1, t1) = at(words, i, 1);
    let (r2, _) = at(words, i, 2);
    f.push(Hasher::new("l-2l-1").part(l2).part(l1).hash32());
    f.push(Hasher::new("l+1l+2").part(r1).part(r2).hash32());
    f.push(Hasher::new("l-1l0").part(l1).part(&w.lower).hash32());
    f.push(Hasher::new("l0l+1").part(&w.lower).part(r1).hash32());
    f.push(
        Hasher::new("s-1s0s+1")
            .part(s1)
            .part(&w.short_shape)
            .part(t1)
            .hash32(),
    );
    f.push(
        Hasher::new("s-2s-1s0")
            .part(s2)
            .part(s1)
            .part(&w.short_shape)
            .hash32(),
    );
    f.push(Hasher::new("l-1s0").part(l1).part(&w.short_shape).hash32());
    f.push(Hasher::new("s0l+1").part(&w.short_shape).part(r1).hash32());
    if i == 0 {
        f.push(feature("first", &w.short_shape));
        f.push(feature("first-w", &w.lower));
    }
    if headline {
        f.push(feature("head", &w.lower));
        f.push(feature("head-s", &w.short_shape));
    }
    if w.letters && (w.cap || headline) {
        if w.given {
            f.push(feature("given", ""));
        }
        if w.korean_surname {
            f.push(feature("ksur", ""));
        }
        if i + 1 < raw.len() && words[i + 1].as_ref().given {
            f.push(feature("given+1", &w.short_shape));
        }
        if i > 0 && words[i - 1].as_ref().given {
            f.push(feature("given-1", &w.short_shape));
        }
        let lower = w.lower.as_str();
        let seen = if ctx.lower_seen.contains(lower) {
            "y"
        } else {
            "n"
        };
        f.push(feature("lower-seen", seen));
        if i == 0 || headline {
            let mid = if ctx.cap_mid.contains(lower) {
                "y"
            } else {
                "n"
            };
            f.push(feature("cap-mid", mid));
        }
    }
}

/// What the first pass said around a word, for the second pass.
#[derive(Clone, Copy, Default)]
pub struct Second {
    /// [`doc_types`] of the word.
    pub doc: u8,
}

fn byte_str(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or("")
}

/// The features that depend on the tags decided before word `i`: the two
/// previous tags, the entity type the document last gave this word, and in
/// the second pass what the first said of the word elsewhere.
pub fn tag_features(
    f: &mut Vec<u32>,
    prev: u8,
    prev2: u8,
    word: &Word,
    history: Option<u8>,
    second: Option<Second>,
) {
    previous_tag_features(f, prev, prev2);
    tag_word_features(f, prev, word, history, second);
}

/// The features of the two previous tags alone: the decoder scores them
/// once per document for every pair of tags.
pub fn previous_tag_features(f: &mut Vec<u32>, prev: u8, prev2: u8) {
    let p = [prev];
    let pp = [prev2, prev];
    f.push(feature("t-1", byte_str(&p)));
    f.push(feature("t-2t-1", byte_str(&pp)));
}

/// The tag features that also look at the word ([`tag_features`] less
/// [`previous_tag_features`]).
pub fn tag_word_features(
    f: &mut Vec<u32>,
    prev: u8,
    word: &Word,
    history: Option<u8>,
    second: Option<Second>,
) {
    let p = [prev];
    let p = byte_str(&p);
    f.push(Hasher::new("t-1w").part(p).part(&word.lower).hash32());
    f.push(Hasher::new("t-1s").part(p).part(&word.short_shape).hash32());
    if let Some(h) = history {
        let h = [h];
        let h = byte_str(&h);
        f.push(feature("hist", h));
        f.push(
            Hasher::new("hist-s")
                .part(h)
                .part(&word.short_shape)
                .hash32(),
        );
    }
    let Some(second) = second else { return };
    if second.doc != 0 {
        let d = [b'@' + second.doc];
        let d = byte_str(&d);
        f.push(feature("doc", d));
        f.push(
            Hasher::new("doc-s")
                .part(d)
                .part(&word.short_shape)
                .hash32(),
        );
        f.push(Hasher::new("doc-t-1").part(d).part(p).hash32());
    }
}

/// For each word of a tagged document, what the first pass said of the
/// other occurrences of the same capitalized word: bit `k` for entity type
/// `k` given to one of them, bit 4 for one left outside any name. 0 for
/// words without letters or never capitalized elsewhere.
pub fn doc_types<'w, W: AsRef<Word>>(
    doc: &[Vec<&str>],
    words: &'w [Vec<W>],
    tags: &[Vec<u8>],
) -> Vec<u8> {
    // Per lower-case form: how many occurrences had each type, and O.
    let mut counts: FastMap<&str, [u32; 5]> = FastMap::default();
    let mut keys = Vec::new();
    for ((s, ws), t) in doc.iter().zip(words).zip(tags) {
        let headline = all_caps(s);
        for ((w, word), &tag) in s.iter().zip(ws).zip(t) {
            let word: &'w Word = word.as_ref();
            if !(word.cap || headline) || !w.chars().any(char::is_alphabetic) {
                keys.push(None);
                continue;
            }
            let slot = super::tags::split(tag).map_or(4, |(k, _)| k.index() as usize);
            counts.entry(&word.lower).or_default()[slot] += 1;
            keys.push(Some((word.lower.as_str(), slot)));
        }
    }
    keys.into_iter()
        .map(|k| {
            let Some((lower, own)) = k else { return 0 };
            let mut c = counts.get(lower).copied().unwrap_or_default();
            c[own] -= 1;
            c.iter()
                .enumerate()
                .filter(|(_, &n)| n > 0)
                .fold(0u8, |m, (i, _)| m | (1 << i))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shapes("Blackburn"), ("Xx".into(), "Xxxxxxxx".into()));
        assert_eq!(shapes("1996-08-22").0, "d-d-d");
        assert_eq!(shapes("IBM").0, "X");
        assert_eq!(shapes("O'Neill").0, "X'Xx");
    }

    #[test]
    fn headlines_are_all_caps_sentences() {
        assert!(all_caps(&["SOCCER", "-", "JAPAN", "WIN"]));
        assert!(!all_caps(&["Japan", "won"]));
        assert!(!all_caps(&["1996-08-22"]));
    }

    #[test]
    fn features_see_context_and_document() {
        let doc = vec![
            vec!["Peter", "Blackburn", "said"],
            vec!["the", "peter", "out"],
        ];
        let f = doc_features(&doc);
        assert_eq!(f.len(), 6);
        assert!(f[0].contains(&feature("w", "peter")));
        assert!(f[0].contains(&feature("l+1", "blackburn")));
        assert!(f[0].contains(&feature("first", "Xx")));
        assert!(f[0].contains(&feature("given", "")));
        assert!(f[0].contains(&feature("lower-seen", "y")));
        assert!(f[1].contains(&feature("lower-seen", "n")));
        assert!(f[1].contains(&feature("given-1", "Xx")));
        // Same inputs, same hashes: features are deterministic.
        assert_eq!(f, doc_features(&doc));
    }

    #[test]
    fn hash_parts_are_separated() {
        assert_ne!(
            Hasher::new("t").part("ab").part("c").hash32(),
            Hasher::new("t").part("a").part("bc").hash32()
        );
    }
}
