//! The name-part lists of `data/names/` (Korean surnames and given-name
//! syllables, Russian and other given names) and what they tell about a word
//! or a run of words: a Korean surname, a given name, the shape of a Korean
//! name.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::keys::{fold, token_key};

/// Parses a data file: one entry a line, `#` starts a comment.
pub(crate) fn data_lines(raw: &'static str) -> impl Iterator<Item = &'static str> {
    raw.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

pub(super) static KOREAN_SURNAMES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(include_str!("../../../data/names/korean_surnames.txt")) {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        let canonical = token_key(first);
        map.entry(canonical.clone()).or_insert(canonical.clone());
        for w in words {
            map.entry(token_key(w)).or_insert(canonical.clone());
        }
    }
    map
});

pub(super) static KOREAN_SYLLABLES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../../data/names/korean_syllables.txt"))
        .flat_map(str::split_whitespace)
        .map(token_key)
        .collect()
});

/// Folded key of a given-name spelling → key of its canonical spelling.
pub(super) static GIVEN_NAME_GROUPS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in data_lines(include_str!("../../../data/names/russian_given_names.txt")) {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        let canonical = token_key(&first.replace('-', ""));
        for w in std::iter::once(first).chain(words) {
            map.entry(token_key(&w.replace('-', "")))
                .or_insert(canonical.clone());
        }
    }
    map
});

pub(super) static OTHER_GIVEN_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../../data/names/english_given_names.txt"))
        .flat_map(str::split_whitespace)
        .map(token_key)
        .collect()
});

/// True when the word is a Korean surname in some romanization.
pub fn is_korean_surname(word: &str) -> bool {
    KOREAN_SURNAMES.contains_key(&token_key(word))
}

/// True when every syllable of the word is a Korean given-name syllable.
pub(super) fn is_korean_given(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || parts.len() > 3 {
        return false;
    }
    parts.iter().all(|p| {
        let k = token_key(p);
        KOREAN_SYLLABLES.contains(&k) || split_syllables(&k).is_some()
    })
}

/// Splits a joined given name ("sunam", "gvanjol") into known syllables.
pub(super) fn split_syllables(key: &str) -> Option<Vec<String>> {
    if key.is_empty() {
        return None;
    }
    let bytes = key.len();
    for cut in (1..bytes).rev() {
        if !key.is_char_boundary(cut) {
            continue;
        }
        let (head, tail) = key.split_at(cut);
        if KOREAN_SYLLABLES.contains(head) && KOREAN_SYLLABLES.contains(tail) {
            return Some(vec![head.to_string(), tail.to_string()]);
        }
    }
    None
}

/// True for a word that is a known given name (any language in the data).
pub fn is_given_name(word: &str) -> bool {
    let k = token_key(&word.replace('-', ""));
    GIVEN_NAME_GROUPS.contains_key(&k) || OTHER_GIVEN_NAMES.contains(&k)
}

pub(super) fn is_patronymic(word: &str) -> bool {
    let w = fold(word);
    ["ovich", "evich", "ovna", "evna", "ichna"]
        .iter()
        .any(|suffix| w.ends_with(suffix) && w.len() > suffix.len() + 2)
}

/// True when the words have the shape of a Korean name: a Korean surname
/// followed by one to three given-name syllables.
pub fn is_korean_name(words: &[&str]) -> bool {
    if words.len() < 2 || words.len() > 4 {
        return false;
    }
    let given: Vec<&str> = words[1..]
        .iter()
        .map(|w| w.trim_start_matches('-'))
        .collect();
    let syllables: usize = given.iter().map(|g| g.split('-').count()).sum();
    is_korean_surname(words[0]) && syllables <= 3 && given.iter().all(|g| is_korean_given(g))
}
