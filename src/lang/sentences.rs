//! Paragraphs and sentences as byte ranges into an article's cleaned text.
//!
//! Part of the language layer. Every later stage (dates, actors, events) works on
//! these ranges, so offsets in the export always point into the same string.

use std::ops::Range;

/// A sentence: its byte range in the text and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
}

impl Sentence {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Paragraphs are separated by one or more blank lines (ingest joins them with
/// "\n\n"); a single newline inside a paragraph is kept as part of it.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            if let Some(s) = start.take() {
                out.push(trim_range(text, s..offset));
            }
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(trim_range(text, s..text.len()));
    }
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let slice = &text[r.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    r.start + lead..r.end - trail
}

/// Abbreviations after which a period does not end a sentence. Lower-cased,
/// without the period. Months and titles are the common cases in news text.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "sen",
    "rep", "gov", "pres", "st", "mt", "ft", "no", "nos", "vs", "etc", "approx", "dept", "est",
    "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
];

/// Splits the text into sentences. Rule-based on purpose: news prose is
/// regular, and a rule we can read beats a model we cannot ship.
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or
/// brackets) when whitespace and an upper-case letter, digit or opening quote
/// follow, unless the period closes a known abbreviation or a single initial.
/// Paragraph breaks always end a sentence.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraphs(text).into_iter().enumerate() {
        let body = &text[para.clone()];
        let mut start = 0;
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if matches!(c, '.' | '!' | '?' | '\n') {
                // Extend over closing punctuation: ." .) ?” etc.
                let mut j = i + 1;
                while j < chars.len() && is_closing(chars[j].1) {
                    j += 1;
                }
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    body.len()
                };
                let boundary = c == '\n'
                    || (j < chars.len()
                        && chars[j].1.is_whitespace()
                        && starts_sentence(&chars[j..])
                        && !(c == '.' && is_abbreviation(&body[..pos])));
                if boundary {
                    push(&mut out, text, para.start + start, para.start + end, p);
                    start = end;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        push(&mut out, text, para.start + start, para.end, p);
    }
    out
}

fn push(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    let r = trim_range(text, start..end);
    if r.start < r.end {
        out.push(Sentence {
            start: r.start,
            end: r.end,
            paragraph,
        });
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

fn starts_sentence(rest: &[(usize, char)]) -> bool {
    rest.iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '«' | '(')
        })
}

/// True when the text before a period ends in an abbreviation or an initial
/// ("J." in "Kim J. Un"), so the period does not end the sentence.
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    if lower.is_empty() {
        return false;
    }
    // A single capital letter is an initial.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Sentence index containing byte offset `pos`, if any.
pub fn sentence_at(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let idx = sentences.partition_point(|s| s.end <= pos);
    (idx < sentences.len() && sentences[idx].start <= pos).then_some(idx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn splits_on_periods_but_not_abbreviations() {
        let t = "Kim has been in Russia since Sep. 12 but left. Lt. Gen. Pak Yong Il spoke. The U.S. said no.";
        assert_eq!(
            split(t),
            vec![
                "Kim has been in Russia since Sep. 12 but left.",
                "Lt. Gen. Pak Yong Il spoke.",
                "The U.S. said no."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "He said: \"We value this.\" Then he left.";
        assert_eq!(
            split(t),
            vec!["He said: \"We value this.\"", "Then he left."]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        let t = "First paragraph without a stop\n\nSecond one. Two sentences.";
        let s = sentences(t);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[2].paragraph, 1);
    }

    #[test]
    fn lower_case_after_period_is_not_a_boundary() {
        assert_eq!(
            split("It cost 3.5 bn. rubles in total."),
            vec!["It cost 3.5 bn. rubles in total."]
        );
    }

    #[test]
    fn sentence_at_finds_containing_sentence() {
        let t = "One. Two. Three.";
        let s = sentences(t);
        assert_eq!(sentence_at(&s, 0), Some(0));
        assert_eq!(sentence_at(&s, 6), Some(1));
        assert_eq!(sentence_at(&s, 100), None);
    }
}
