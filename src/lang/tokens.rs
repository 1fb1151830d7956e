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
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let next_alpha = chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        let prev_space = i == 0 || chars[i - 1].1.is_whitespace();
        let starts = c.is_alphanumeric() || (c == '-' && next_alpha && prev_space);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
            let joiner = matches!(ch, '-' | '\'' | '’');
            // "U.S" inside a token: a period between single capitals.
            let dotted = ch == '.'
                && next_alnum
                && chars[j - 1].1.is_uppercase()
                && (j < 2 || !chars[j - 2].1.is_alphanumeric())
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_uppercase());
            if (joiner || dotted) && next_alnum {
                j += 2;
                continue;
            }
            // Closing apostrophe of a plural possessive: "Koreas’".
            if matches!(ch, '\'' | '’') && chars[j - 1].1 == 's' {
                j += 1;
            }
            break;
        }
        let end = chars.get(j).map(|&(p, _)| p).unwrap_or(text.len());
        let raw = &text[pos..end];
        let bare_raw = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .or_else(|| raw.strip_suffix('’'))
            .or_else(|| raw.strip_suffix('\''))
            .unwrap_or(raw);
        let first = raw.trim_start_matches('-').chars().next().unwrap_or(' ');
        let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
        toks.push(Token {
            start: pos,
            end,
            raw,
            lower: names::fold(raw),
            bare: names::fold(bare_raw),
            bare_raw,
            cap: first.is_uppercase(),
            acronym: letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()),
        });
        i = j;
    }
    toks
}

/// True when only spaces separate two tokens (same phrase, no punctuation).
pub fn joined(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}
