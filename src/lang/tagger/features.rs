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
        }
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

/// Calls `each` with the static features of every word of a document in
/// order (one buffer, reused).
pub fn each_features(doc: &[Vec<&str>], words: &[Vec<Word>], mut each: impl FnMut(&[u32])) {
    // What the document says of each lower-case form: written lower case
    // somewhere ("the march" vs "March"), capitalized mid-sentence in a
    // lower-case sentence (a name, not a headline or sentence start).
    let mut lower_seen: FastSet<&str> = FastSet::default();
    let mut cap_mid: FastSet<&str> = FastSet::default();
    let headlines: Vec<bool> = doc.iter().map(|s| all_caps(s)).collect();
    for ((s, ws), &headline) in doc.iter().zip(words).zip(&headlines) {
        for (i, (w, word)) in s.iter().zip(ws).enumerate() {
            let first = w.chars().next();
            if first.is_some_and(char::is_lowercase) {
                lower_seen.insert(&word.lower);
            } else if i > 0 && !headline && word.cap {
                cap_mid.insert(&word.lower);
            }
        }
    }
    let sets = (&lower_seen, &cap_mid);
    let mut f = Vec::with_capacity(64);
    for ((s, ws), &headline) in doc.iter().zip(words).zip(&headlines) {
        for i in 0..s.len() {
            f.clear();
            word_features(s, ws, i, headline, sets, &mut f);
            each(&f);
        }
    }
}

type Sets<'a, 'w> = (&'a FastSet<&'w str>, &'a FastSet<&'w str>);

fn word_features(
    raw: &[&str],
    words: &[Word],
    i: usize,
    headline: bool,
    (lower_seen, cap_mid): Sets,
    f: &mut Vec<u32>,
) {
    let w = &words[i];
    let at = |k: isize| -> (&str, &str) {
        let j = i as isize + k;
        if j < 0 {
            ("<s>", "<s>")
        } else if j as usize >= words.len() {
            ("</s>", "</s>")
        } else {
            let x = &words[j as usize];
            (x.lower.as_str(), x.short_shape.as_str())
        }
    };
    f.push(feature("bias", ""));
    f.push(feature("w", &w.lower));
    f.push(feature("W", raw[i]));
    f.push(feature("s", &w.short_shape));
    f.push(feature("S", &w.long_shape));
    let lower = w.lower.as_str();
    let ends: Vec<usize> = lower
        .char_indices()
        .map(|(p, _)| p)
        .skip(1)
        .chain([lower.len()])
        .collect();
    let n_chars = ends.len();
    for n in 1..=4.min(n_chars) {
        let p = &lower[..ends[n - 1]];
        let cut = if n == n_chars {
            0
        } else {
            ends[n_chars - n - 1]
        };
        f.push(Hasher::new("p").part(p).hash32());
        f.push(Hasher::new("x").part(&lower[cut..]).hash32());
    }
    let (l1, s1) = at(-1);
    let (l2, s2) = at(-2);
    let (r1, t1) = at(1);
    let (r2, _) = at(2);
    f.push(feature("l-1", l1));
    f.push(feature("l-2", l2));
    f.push(feature("l+1", r1));
    f.push(feature("l+2", r2));
    f.push(Hasher::new("l-2l-1").part(l2).part(l1).hash32());
    f.push(Hasher::new("l+1l+2").part(r1).part(r2).hash32());
    f.push(Hasher::new("l-1l0").part(l1).part(&w.lower).hash32());
    f.push(Hasher::new("l0l+1").part(&w.lower).part(r1).hash32());
    f.push(feature("s-1", s1));
    f.push(feature("s+1", t1));
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
    let letters = raw[i].chars().any(char::is_alphabetic);
    if letters && (w.cap || headline) {
        if w.given {
            f.push(feature("given", ""));
        }
        if names::is_korean_surname(raw[i]) {
            f.push(feature("ksur", ""));
        }
        if i + 1 < raw.len() && words[i + 1].given {
            f.push(feature("given+1", &w.short_shape));
        }
        if i > 0 && words[i - 1].given {
            f.push(feature("given-1", &w.short_shape));
        }
        let seen = if lower_seen.contains(lower) { "y" } else { "n" };
        f.push(feature("lower-seen", seen));
        if i == 0 || headline {
            let mid = if cap_mid.contains(lower) { "y" } else { "n" };
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
    let p = [prev];
    let p = byte_str(&p);
    let pp = [prev2, prev];
    let pp = byte_str(&pp);
    f.push(feature("t-1", p));
    f.push(feature("t-2t-1", pp));
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
pub fn doc_types(doc: &[Vec<&str>], words: &[Vec<Word>], tags: &[Vec<u8>]) -> Vec<u8> {
    // Per lower-case form: how many occurrences had each type, and O.
    let mut counts: FastMap<&str, [u32; 5]> = FastMap::default();
    let mut keys = Vec::new();
    for ((s, ws), t) in doc.iter().zip(words).zip(tags) {
        let headline = all_caps(s);
        for ((w, word), &tag) in s.iter().zip(ws).zip(t) {
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
