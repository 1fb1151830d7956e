//! Name keys built for transliteration, not edit distance.
//!
//! Two spellings of one name get the same key when they differ only by the
//! choices romanization systems make: McCune–Reischauer vs Revised Korean
//! ("Noh Gwang Chol" / "No Kwang Chol", "Choi Song-hee" / "Choe Son Hui") and
//! the usual Russian variants ("Sergey" / "Sergei", "Yury" / "Yuri",
//! "Matviyenko" / "Matvienko"). Keys are compared part by part, so "Kim Jong
//! Un", "Kim Jong Il" and "Kim Jong Gyu" stay three names.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// Parses a data file: one entry a line, `#` starts a comment.
pub(crate) fn data_lines(raw: &'static str) -> impl Iterator<Item = &'static str> {
    raw.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

static KOREAN_SURNAMES: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in data_lines(include_str!("../../data/names/korean_surnames.txt")) {
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

static KOREAN_SYLLABLES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../data/names/korean_syllables.txt"))
        .flat_map(str::split_whitespace)
        .map(token_key)
        .collect()
});

/// Folded key of a given-name spelling → key of its canonical spelling.
static GIVEN_NAME_GROUPS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in data_lines(include_str!("../../data/names/russian_given_names.txt")) {
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

static OTHER_GIVEN_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../data/names/english_given_names.txt"))
        .flat_map(str::split_whitespace)
        .map(token_key)
        .collect()
});

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

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Distinct words in a corpus are few next to their occurrences, and mention
/// finding asks for the same words' keys again and again: remember them per
/// thread (bounded, so a huge corpus cannot grow it without limit).
const TOKEN_KEY_CACHE_LIMIT: usize = 1 << 16;

thread_local! {
    static TOKEN_KEYS: std::cell::RefCell<HashMap<String, String>> =
        std::cell::RefCell::new(HashMap::new());
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

fn compute_token_key(word: &str) -> String {
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// True when the word is a Korean surname in some romanization.
pub fn is_korean_surname(word: &str) -> bool {
    KOREAN_SURNAMES.contains_key(&token_key(word))
}

/// True when every syllable of the word is a Korean given-name syllable.
fn is_korean_given(word: &str) -> bool {
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
fn split_syllables(key: &str) -> Option<Vec<String>> {
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

fn is_patronymic(word: &str) -> bool {
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

/// How close two keys of the same surname are when not equal: used to list
/// possible duplicates, never to merge.
pub fn near_miss(a: &NameKey, b: &NameKey) -> Option<String> {
    if a.surname() != b.surname() || a.parts == b.parts {
        return None;
    }
    let (ga, gb) = (a.given()?, b.given()?);
    if a.korean && b.korean {
        let (sa, sb) = (&a.syllables, &b.syllables);
        if sa.len() == sb.len() && sa.len() > 1 {
            let differing = sa.iter().zip(sb).filter(|(x, y)| x != y).count();
            if differing == 1 {
                return Some("same surname, given names differ in one syllable".into());
            }
        }
        return None;
    }
    let ia = ga.chars().next();
    if ga.len() == 1 || gb.len() == 1 {
        return (ia == gb.chars().next())
            .then(|| "same surname, given name matches an initial".into());
    }
    if edit_distance_at_most_one(ga, gb) {
        return Some("same surname, given names one letter apart".into());
    }
    None
}

fn edit_distance_at_most_one(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    let mut j = 0;
    let mut edits = 0;
    while i < short.len() && j < long.len() {
        if short[i] == long[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        if short.len() == long.len() {
            i += 1;
        }
        j += 1;
    }
    edits + (long.len() - j) + (short.len() - i) <= 1
}

/// Lenient agreement of a damaged given name with a real one, for repairs
/// already anchored by role and date: one key is a prefix of the other and
/// they differ by at most two letters ("gvanjole" ~ "gvanjol").
pub fn damaged_given_matches(damaged: &str, real: &str) -> bool {
    if damaged.is_empty() || real.is_empty() {
        return false;
    }
    let (short, long) = if damaged.len() <= real.len() {
        (damaged, real)
    } else {
        (real, damaged)
    };
    long.starts_with(short) && long.len() - short.len() <= 2 && short.len() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizations_agree() {
        assert!(same_person("Noh Gwang Chol", "No Kwang Chol"));
        assert!(same_person("Choi Song-hee", "Choe Son Hui"));
        assert!(same_person("Kang Sun-nam", "Kang Sun Nam"));
        assert!(same_person("Kim Jong-un", "Kim Jong Un"));
        assert!(same_person("Sergey Shoigu", "Sergei Shoigu"));
        assert!(same_person(
            "Vladimir Vladimirovich Putin",
            "Vladimir Putin"
        ));
        assert!(!same_person("Kim Jong Un", "Kim Jong Il"));
        assert!(!same_person("Kim Jong Un", "Kim Jong Gyu"));
    }

    #[test]
    fn korean_shapes() {
        assert!(is_korean_name(&["Pak", "Yong", "Il"]));
        assert!(is_korean_name(&["Kang", "Sun-nam"]));
        assert!(!is_korean_name(&["Pacific", "Fleet"]));
        assert!(!is_korean_name(&["Kim", "Kardashian"]));
    }

    #[test]
    fn partial_keys_include_last_syllable() {
        let k = person_key("No Kwang Chol").unwrap();
        assert!(k.partial_keys().contains(&token_key("Chol").as_str()));
        assert_eq!(k.surname(), token_key("No"));
    }
}
