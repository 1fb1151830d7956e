//! Words of a text with their byte ranges and their folded,
//! possessive-free and capitalization forms (what finding names runs on).
//!
//! Part of the language layer.

use crate::lang::names;

#[derive(Debug, Clone)]
pub struct Token<'t> {
    pub start: usize,
    pub end: usize,
    pub raw: &'t str,
    /// Folded, apostrophes dropped ("people's" → "peoples").
    pub lower: String,
    /// Without a trailing possessive ("DPRK’s" → "dprk").
    pub bare: String,
    /// The raw word without a trailing possessive.
    pub bare_raw: &'t str,
    pub cap: bool,
    pub acronym: bool,
}

pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // Walks byte offsets, looking at the characters either side of a
    // position as needed (each an O(1) decode), so no per-character table of
    // the whole text is built.
    let at = |p: usize| text.get(p..).and_then(|t| t.chars().next());
    let before = |p: usize| text.get(..p).and_then(|t| t.chars().next_back());
    let after = |p: usize| {
        let c = at(p)?;
        at(p + c.len_utf8())
    };
    let mut toks = Vec::new();
    let mut pos = 0;
    while let Some(c) = at(pos) {
        let next_alpha = after(pos).is_some_and(char::is_alphabetic);
        let prev_space = before(pos).is_none_or(char::is_whitespace);
        let starts = c.is_alphanumeric() || (c == '-' && next_alpha && prev_space);
        if !starts {
            pos += c.len_utf8();
            continue;
        }
        let mut j = pos + c.len_utf8();
        while let Some(ch) = at(j) {
            if ch.is_alphanumeric() {
                j += ch.len_utf8();
                continue;
            }
            let next = after(j);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let joiner = matches!(ch, '-' | '\'' | '’');
            let prev = before(j).unwrap_or(' ');
            // "U.S" inside a token: a period between single capitals.
            let dotted = ch == '.'
                && next_alnum
                && prev.is_uppercase()
                && before(j - prev.len_utf8()).is_none_or(|p2| !p2.is_alphanumeric())
                && next.is_some_and(char::is_uppercase);
            if (joiner || dotted) && next_alnum {
                j += ch.len_utf8() + next.map_or(0, char::len_utf8);
                continue;
            }
            // Closing apostrophe of a plural possessive: "Koreas’".
            if matches!(ch, '\'' | '’') && prev == 's' {
                j += ch.len_utf8();
            }
            break;
        }
        let end = j.min(text.len());
        let raw = &text[pos..end];
        let bare_raw = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .or_else(|| raw.strip_suffix('’'))
            .or_else(|| raw.strip_suffix('\''))
            .unwrap_or(raw);
        let first = raw.trim_start_matches('-').chars().next().unwrap_or(' ');
        let (mut letters, mut upper) = (0usize, true);
        for c in raw.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper &= c.is_uppercase();
        }
        let lower = names::fold(raw);
        let bare = if bare_raw.len() == raw.len() {
            lower.clone()
        } else {
            names::fold(bare_raw)
        };
        toks.push(Token {
            start: pos,
            end,
            raw,
            lower,
            bare,
            bare_raw,
            cap: first.is_uppercase(),
            acronym: letters > 1 && upper,
        });
        pos = end;
    }
    toks
}

/// True when only spaces separate two tokens (same phrase, no punctuation).
pub fn joined(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, String, String, bool, bool)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.raw, t.lower, t.bare, t.cap, t.acronym))
            .collect()
    }

    #[test]
    fn words_with_their_forms() {
        let w = words("The U.S. and DPRK’s envoys met Koreas’ people's -Kim in Пхеньян, 2025.");
        let raw: Vec<&str> = w.iter().map(|t| t.0).collect();
        assert_eq!(
            raw,
            [
                "The",
                "U.S",
                "and",
                "DPRK’s",
                "envoys",
                "met",
                "Koreas’",
                "people's",
                "-Kim",
                "in",
                "Пхеньян",
                "2025"
            ]
        );
        assert_eq!(w[1], ("U.S", "us".into(), "us".into(), true, true));
        assert_eq!(w[3], ("DPRK’s", "dprks".into(), "dprk".into(), true, false));
        assert_eq!(w[6].2, "koreas");
        assert_eq!(
            w[7],
            ("people's", "peoples".into(), "people".into(), false, false)
        );
        assert!(w[8].3, "a leading hyphen does not hide the capital");
        assert_eq!(w[10].1, "пхеньян");
        let t = tokenize("a ‘Kim’ b");
        assert_eq!((t[1].start, t[1].end), (5, 8));
    }
}
