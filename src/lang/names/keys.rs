//! Name keys built for transliteration, not edit distance: folding, the key
//! of one word, and the part-by-part key of a person's name.

use rustc_hash::FxHashMap as HashMap;

use unicode_normalization::UnicodeNormalization;

use super::lists::{
    is_korean_name, is_patronymic, split_syllables, GIVEN_NAME_GROUPS, KOREAN_SURNAMES,
};

/// Lower-cases, strips accents and apostrophes, and turns every other
/// non-alphanumeric character into a space (collapsed).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    // Most text is ASCII, where decomposition and accent stripping do
    // nothing: the same rules, byte by byte, without the Unicode machinery.
    if s.is_ascii() {
        for b in s.bytes() {
            if matches!(b, b'\'' | b'`' | b'.') {
                continue;
            }
            if b.is_ascii_alphanumeric() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                space = true;
            }
        }
        return out;
    }
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '.') {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

pub(super) fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Distinct words in a corpus are few next to their occurrences, and mention
/// finding asks for the same words' keys again and again: remember them per
/// thread (bounded, so a huge corpus cannot grow it without limit).
pub(super) const TOKEN_KEY_CACHE_LIMIT: usize = 1 << 16;

thread_local! {
    static TOKEN_KEYS: std::cell::RefCell<HashMap<String, String>> =
        std::cell::RefCell::new(HashMap::default());
}

/// The transliteration key of one word (already a single token, no spaces):
/// folds the spelling choices romanization systems differ on.
pub fn token_key(word: &str) -> String {
    TOKEN_KEYS.with(|cache| {
        if let Some(key) = cache.borrow().get(word) {
            return key.clone();
        }
        let key = compute_token_key(word);
        let mut cache = cache.borrow_mut();
        if cache.len() >= TOKEN_KEY_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.to_string(), key.clone());
        key
    })
}

pub(super) fn compute_token_key(word: &str) -> String {
    let folded: String = fold(word).chars().filter(|c| !c.is_whitespace()).collect();
    if !folded.is_ascii() {
        return folded;
    }
    // Popular Korean spellings write 영/명/형/경 (MR yong, RR yeong) as
    // "yung": "Myung" = "Myong", "Kyung" = "Kyong".
    let mut s = folded.replace("yung", "yong");
    // Vowels: MR ŏ/ŭ (accents already stripped) vs RR eo/eu; ee/hee; oo/moon.
    for (from, to) in [
        ("eo", "o"),
        ("eu", "u"),
        ("oe", "oi"),
        ("oo", "u"),
        ("ui", "i"),
    ] {
        s = s.replace(from, to);
    }
    // Korean "-hee" (= "hui"), only word-final: "Moiseev" keeps its "ee".
    if let Some(stem) = s.strip_suffix("ee") {
        s = format!("{stem}i");
    }
    // Consonant clusters first, then the voiced/voiceless pairs Korean
    // romanizations disagree on (k/g, t/d, p/b, ch/j, r/l).
    for (from, to) in [
        ("x", "ks"),
        ("ck", "k"),
        ("ph", "f"),
        // MR marks aspiration with h ("Thae", "Phyong"); RR does not.
        ("th", "t"),
        ("tch", "j"),
        ("ch", "j"),
        ("kh", "h"),
        ("sh", "s"),
        ("c", "k"),
    ] {
        s = s.replace(from, to);
    }
    let mut b: Vec<u8> = s
        .bytes()
        .map(|c| match c {
            b'k' => b'g',
            b't' => b'd',
            b'p' => b'b',
            b'r' => b'l',
            b'w' => b'v',
            b'y' => b'i',
            c => c,
        })
        .collect();
    // "-off" endings of old Russian spellings.
    if b.ends_with(b"ff") || (b.len() > 3 && b.ends_with(b"f")) {
        while b.last() == Some(&b'f') {
            b.pop();
        }
        b.push(b'v');
    }
    // Word-initial "ie" (Yevkurov/Evkurov) and "ie" after a vowel
    // (Moiseyev/Moiseev) are one sound.
    if b.starts_with(b"ie") && b.len() > 2 {
        b.remove(0);
    }
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        // ng → n: "Song-hee"/"Son Hui", "Gwang"/"Gwan".
        if c == b'g' && out.last() == Some(&b'n') {
            i += 1;
            continue;
        }
        // Silent h after a vowel at a syllable end: "Noh" = "No".
        if c == b'h'
            && out.last().is_some_and(|&p| is_vowel(p))
            && next.is_none_or(|n| !is_vowel(n))
        {
            i += 1;
            continue;
        }
        if c == b'i' && next == Some(b'e') && out.last().is_some_and(|&p| is_vowel(p)) {
            i += 1;
            continue;
        }
        if out.last() == Some(&c) {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The key of a name: its parts in order, with Korean given names joined
/// into one part so "Sun-nam", "Sun Nam" and "Sunnam" agree.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct NameKey {
    pub korean: bool,
    pub parts: Vec<String>,
    /// For Korean names, the key of each given-name syllable as written
    /// (for given-name-only mentions like "Chol").
    pub syllables: Vec<String>,
}

impl NameKey {
    /// The family name: first for Korean names, last otherwise.
    pub fn surname(&self) -> &str {
        if self.korean {
            self.parts.first().map(String::as_str).unwrap_or("")
        } else {
            self.parts.last().map(String::as_str).unwrap_or("")
        }
    }

    /// The given name, if the key has more than one part.
    pub fn given(&self) -> Option<&str> {
        if self.parts.len() < 2 {
            return None;
        }
        if self.korean {
            self.parts.get(1).map(String::as_str)
        } else {
            self.parts.first().map(String::as_str)
        }
    }

    /// Words that may refer to this person alone within an article: the
    /// surname, the given name, and for Korean names the last given
    /// syllable (the form machine translation often leaves: "Chol said").
    pub fn partial_keys(&self) -> Vec<&str> {
        let mut out = vec![self.surname()];
        if let Some(g) = self.given() {
            out.push(g);
        }
        if self.korean && self.syllables.len() > 1 {
            if let Some(last) = self.syllables.last() {
                out.push(last);
            }
        }
        out
    }

    /// One string for display in ids and diagnostics.
    pub fn as_string(&self) -> String {
        self.parts.join(" ")
    }
}

/// The key a single word is compared by when it stands for a whole name
/// ("Park" for "Pak Myong Ho"): Korean surnames through their variant table,
/// everything else by [`token_key`].
pub fn partial_key(word: &str) -> String {
    let key = token_key(word);
    KOREAN_SURNAMES.get(&key).cloned().unwrap_or(key)
}

/// The keys the first part of [`person_key_of_words`] can take when the
/// name's first word is `word` (as a Korean surname, as written, or as its
/// given-name group), so an index of first parts rules names out cheaply;
/// `None` when the word has no key of its own and leaves the first part to
/// the next word.
pub fn first_part_keys(word: &str) -> Option<[Option<String>; 3]> {
    let plain = token_key(&word.replace('-', ""));
    if plain.is_empty() {
        return None;
    }
    let korean = token_key(word);
    let korean = KOREAN_SURNAMES.get(&korean).cloned().unwrap_or(korean);
    let group = GIVEN_NAME_GROUPS.get(&plain).cloned();
    Some([Some(korean), group, Some(plain)])
}

/// The key of a person's name as written ("Kim Jong -Yun", "Sergei
/// Kuzhugetovich Shoigu"); `None` if nothing name-like is left.
pub fn person_key(name: &str) -> Option<NameKey> {
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .map(|w| w.trim_start_matches('-').trim_end_matches('-'))
        .filter(|w| !w.is_empty())
        .collect();
    person_key_of_words(&words)
}

pub fn person_key_of_words(words: &[&str]) -> Option<NameKey> {
    if words.is_empty() {
        return None;
    }
    if is_korean_name(words) {
        let surname_key = token_key(words[0]);
        let surname = KOREAN_SURNAMES
            .get(&surname_key)
            .cloned()
            .unwrap_or(surname_key);
        let syllables: Vec<String> = words[1..]
            .iter()
            .flat_map(|w| w.split('-'))
            .filter(|s| !s.is_empty())
            .map(token_key)
            .collect();
        let joined = token_key(&syllables.concat());
        let syllables = if syllables.len() == 1 {
            split_syllables(&joined).unwrap_or(syllables)
        } else {
            syllables
        };
        return Some(NameKey {
            korean: true,
            parts: vec![surname, joined],
            syllables,
        });
    }
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            let initial = w.trim_end_matches('.').chars().count() == 1;
            let middle = *i > 0 && *i + 1 < words.len();
            !(middle && (initial || is_patronymic(w)))
        })
        .map(|(_, w)| *w)
        .collect();
    let mut parts: Vec<String> = kept
        .iter()
        .map(|w| token_key(&w.replace('-', "")))
        .filter(|k| !k.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    if parts.len() > 1 {
        if let Some(canonical) = GIVEN_NAME_GROUPS.get(&parts[0]) {
            parts[0] = canonical.clone();
        }
    }
    Some(NameKey {
        korean: false,
        parts,
        syllables: Vec::new(),
    })
}

/// True when two names are one person's by key.
pub fn same_person(a: &str, b: &str) -> bool {
    match (person_key(a), person_key(b)) {
        (Some(x), Some(y)) => x.parts == y.parts,
        _ => false,
    }
}

/// The key of an organization or place name: folded words, no
/// transliteration (these are English names, not romanizations).
pub fn phrase_key(s: &str) -> String {
    fold(s)
}
