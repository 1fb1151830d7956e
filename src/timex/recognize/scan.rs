//! Small text-scanning helpers shared by the pattern families: words around a
//! position, captured numbers, date plausibility and glued-digit checks.

use regex::{Captures, Regex};

use crate::timex::lexicon;

pub(super) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

/// The text just before `pos`, at most `len` bytes, cut at a char boundary.
pub(super) fn before(text: &str, pos: usize, len: usize) -> &str {
    let mut start = pos.saturating_sub(len);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    text.get(start..pos).unwrap_or("")
}

/// The text just after `pos`, at least `len` bytes (or to the end), cut at
/// a char boundary.
pub(super) fn after(text: &str, pos: usize, len: usize) -> &str {
    let mut end = pos.saturating_add(len).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text.get(pos..end).unwrap_or("")
}

pub(super) fn prev_word(text: &str, pos: usize) -> &str {
    before(text, pos, 40)
        .split(|c: char| c.is_whitespace())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
}

pub(super) fn next_word(text: &str, pos: usize) -> &str {
    text.get(pos..)
        .unwrap_or("")
        .split(|c: char| c.is_whitespace())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

pub(super) fn valid_day(month: u32, day: u32) -> bool {
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    day >= 1 && day <= max
}

pub(super) fn plausible_year(y: i32) -> bool {
    (1000..=2199).contains(&y)
}

/// True when the digits at `start..end` are glued to other numbers or
/// symbols that make them part of something else: "Hwasong-18", "1,500",
/// "3.14", "$2023", a phone number.
pub(super) fn glued_number(text: &str, start: usize, end: usize) -> bool {
    let prev = before(text, start, 1);
    let prev2 = before(text, start, 2);
    let next = text.get(end..).unwrap_or("");
    let next_char = next.chars().next();
    if matches!(
        prev,
        "-" | "/" | "$" | "€" | "£" | "¥" | "₩" | "#" | "+" | "." | ","
    ) || prev2.chars().next().is_some_and(|c| c.is_ascii_digit()) && prev.trim().is_empty()
    {
        // "mid-2024" is fine: the hyphen follows a modifier word.
        let lead = before(text, start, 6).to_ascii_lowercase();
        if !(prev == "-"
            && (lead.ends_with("mid-")
                || lead.ends_with("pre-")
                || lead.ends_with("post-")
                || lead.ends_with("end-")))
        {
            return true;
        }
    }
    if let Some(c) = next_char {
        if c == '%' || c.is_alphanumeric() {
            return true;
        }
        if matches!(c, ',' | '.' | '-' | '/' | ':')
            && next[c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit())
        {
            return true;
        }
        if c == ' ' && next[1..].chars().next().is_some_and(|d| d.is_ascii_digit()) {
            // "2100 2000": a run of digit groups, a phone number.
            let rest = &next[1..];
            let digits = rest.chars().take_while(|d| d.is_ascii_digit()).count();
            if digits >= 2 {
                return true;
            }
        }
    }
    false
}

pub(super) fn is_sentence_start(text: &str, pos: usize) -> bool {
    let b = before(text, pos, 4).trim_end_matches([' ', '“', '"', '\'']);
    b.is_empty() || b.ends_with(['.', '!', '?', '\n', ':'])
}

pub(super) fn is_date_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    lexicon::month_number(&w).is_some()
        || matches!(
            w.as_str(),
            "on" | "since"
                | "until"
                | "by"
                | "from"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "and"
                | "or"
        )
}
