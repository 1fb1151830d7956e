//! Words of running text the way CoNLL-2003 writes them (the tokenization
//! the tagger was trained on): punctuation apart, "'s" and "n't" apart,
//! abbreviations and initials keeping their period ("U.S.", "Mr.", "J.").

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "gen", "col", "lt",
    "sgt", "capt", "maj", "adm", "rep", "sen", "gov", "prof", "rev", "messrs", "no", "vs", "bros",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "plc",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text[range]` as byte ranges of `text`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let base = range.start;
    let Some(s) = text.get(range) else {
        return out;
    };
    for (off, chunk) in split_spaces(s) {
        split_chunk(chunk, base + off, &mut out);
    }
    out
}

fn split_spaces(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out.into_iter()
}

/// Splits a run of non-space characters into words.
fn split_chunk(chunk: &str, at: usize, out: &mut Vec<Range<usize>>) {
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let mut lo = 0;
    let mut hi = chars.len();
    let mut tail = Vec::new();
    // Leading punctuation, one word each.
    while lo < hi && !is_word_char(chars[lo].1) {
        let (p, c) = chars[lo];
        out.push(at + p..at + p + c.len_utf8());
        lo += 1;
    }
    // Trailing punctuation, except an abbreviation's period.
    while hi > lo && !is_word_char(chars[hi - 1].1) {
        let (p, c) = chars[hi - 1];
        if c == '.' && keeps_period(&chunk[chars[lo].0..p]) {
            break;
        }
        tail.push(at + p..at + p + c.len_utf8());
        hi -= 1;
    }
    if lo < hi {
        let start = chars[lo].0;
        let end = chars.get(hi).map_or(chunk.len(), |&(p, _)| p);
        let word = &chunk[start..end];
        let lower = word.to_lowercase();
        let clitic = ["'s", "’s", "n't", "n’t"]
            .into_iter()
            .find(|c| lower.ends_with(c) && lower.len() > c.len());
        if let Some(c) = clitic {
            let cut = end - c.len();
            out.push(at + start..at + cut);
            out.push(at + cut..at + end);
        } else {
            out.push(at + start..at + end);
        }
    }
    out.extend(tail.into_iter().rev());
}

fn keeps_period(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let one_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    one_capital || word.contains('.') || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        words(s, 0..s.len()).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn conll_style_words() {
        assert_eq!(
            split("\"Mr. Blair's U.S. trip,\" he said (Reuters)."),
            vec![
                "\"", "Mr.", "Blair", "'s", "U.S.", "trip", ",", "\"", "he", "said", "(",
                "Reuters", ")", "."
            ]
        );
        assert_eq!(
            split("didn't 1996-08-22 J. Smith"),
            vec!["did", "n't", "1996-08-22", "J.", "Smith"]
        );
        assert_eq!(split("end."), vec!["end", "."]);
    }
}
