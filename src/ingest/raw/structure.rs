//! The page's structure: headline, captions, repeated lines, trailer,
//! paragraphs, dateline, signature and a derived title.

use regex::Regex;
use std::sync::LazyLock;

use super::chrome::{
    AGENCY_SIGNATURES, CAPTION_CREDIT, CAPTION_OPENINGS, CAPTION_PARTICIPLES, MONTH,
    REPORTING_VERBS, TRAILER_MARKERS,
};
use super::{ends_sentence, label_key, word_count, Chrome, Dateline, Line};
use crate::lang;

/// Datelines of the common wire styles:
/// "TOKYO, July 27. /TASS/.", "Seoul, Sep 17 (EFE).-",
/// "PYONGYANG, Nov. 8 (Yonhap) --", "Moscow, 27 July (AFP) -",
/// "MOSCOW (Reuters) -", "WASHINGTON, July 5 —".
static DATELINES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let place = r"(?P<place>\p{Lu}[\p{L}'’.-]*(?:[ /]\p{Lu}[\p{L}'’.-]*){0,3})";
    let date =
        format!(r"(?P<date>{MONTH} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {MONTH}(?: \d{{4}})?)");
    let agency = r"(?P<agency>\p{L}[\p{L}\p{N} .&'-]{0,30}?)";
    let dash = r"(?:\s*\.?\s*(?:-{1,2}|–|—)|\s*:)";
    [
        // TOKYO, July 27. /TASS/.
        format!(r"^{place},? {date}\.? /{agency}/\.?"),
        // Seoul, Sep 17 (EFE).-   PYONGYANG, Nov. 8 (Yonhap) --
        format!(r"^{place}, {date},? \({agency}\)\.?{dash}?"),
        // MOSCOW (Reuters) -
        format!(r"^{place} \({agency}\)\.?{dash}"),
        // WASHINGTON, July 5 —
        format!(r"^{place}, {date}{dash}"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("valid regex"))
    .collect()
});

/// A headline: a few words, no sentence-final period, starts in upper case.
pub(super) fn is_headline(line: &str) -> bool {
    let words = word_count(line);
    let lettered = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    (3..=30).contains(&words)
        && lettered >= 3
        && line.len() <= 250
        && !line
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with('.')
        && line
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| !c.is_lowercase())
}

/// Body prose: a full sentence of some length.
fn is_body(line: &str) -> bool {
    ends_sentence(line) && word_count(line) >= 8
}

pub(super) fn is_caption(line: &str) -> bool {
    let words = word_count(line);
    if !(3..=40).contains(&words) {
        return false;
    }
    if CAPTION_CREDIT.is_match(line) {
        return true;
    }
    let lower = line.to_lowercase();
    let prose_verb = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| REPORTING_VERBS.contains(&w));
    if prose_verb {
        return false;
    }
    CAPTION_OPENINGS.iter().any(|p| lower.starts_with(p))
        || (lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| CAPTION_PARTICIPLES.contains(&w))
            && words <= 30
            && lang::sentences(line).len() <= 1)
}

/// Short non-sentence lines that occur more than once are menus and buttons
/// repeated at the top and bottom of the page.
pub(super) fn mark_repeated(lines: &mut [Line]) {
    let key = |l: &Line| {
        (word_count(&l.text) <= 4 && !ends_sentence(&l.text)).then(|| l.text.to_lowercase())
    };
    let mut counts = std::collections::BTreeMap::new();
    for l in lines.iter() {
        if let Some(k) = key(l) {
            *counts.entry(k).or_insert(0usize) += 1;
        }
    }
    for l in lines.iter_mut() {
        if l.chrome.is_none() && key(l).is_some_and(|k| counts.get(&k).copied().unwrap_or(0) > 1) {
            l.chrome = Some(Chrome::Repeated);
        }
    }
}

/// Once the body has started, a "Related articles" or "Leave a reply" marker
/// ends the article: the rest is links, comments and footer.
pub(super) fn mark_trailer(lines: &mut [Line]) {
    let mut seen_body = false;
    let mut cut = None;
    for (i, l) in lines.iter().enumerate() {
        if seen_body && TRAILER_MARKERS.contains(&label_key(&l.text).as_str()) {
            cut = Some(i);
            break;
        }
        if l.chrome.is_none() && is_body(&l.text) {
            seen_body = true;
        }
    }
    if let Some(cut) = cut {
        for l in &mut lines[cut..] {
            l.chrome = Some(Chrome::Trailer);
        }
    }
}

/// The first headline-like line before any body prose; short labels above it
/// (section names, breadcrumbs) are chrome.
pub(super) fn find_title(lines: &mut [Line]) -> Option<usize> {
    for i in 0..lines.len() {
        let Some(line) = lines.get(i) else { break };
        if line.chrome.is_some() {
            continue;
        }
        if is_headline(&line.text) {
            return Some(i);
        }
        if is_body(&line.text) || word_count(&line.text) > 30 {
            return None;
        }
        if let Some(l) = lines.get_mut(i) {
            l.chrome = Some(Chrome::Label);
        }
    }
    None
}

/// Image descriptions sit between the headline and the first paragraph.
pub(super) fn mark_captions(lines: &mut [Line], title: usize) {
    for l in lines.iter_mut().skip(title + 1) {
        if l.chrome.is_some() {
            continue;
        }
        if is_caption(&l.text) {
            l.chrome = Some(Chrome::Caption);
        } else {
            break;
        }
    }
}

/// Rebuilds paragraphs: each line is a paragraph (web pages put one paragraph
/// per line), except that a line continuing a hard-wrapped sentence (the
/// previous line in the same block does not end a sentence and this one
/// starts in lower case) is joined to it.
pub(super) fn join_paragraphs(body: &[&Line]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in body {
        let continues = !line.new_block
            && line.text.chars().next().is_some_and(char::is_lowercase)
            && out.last().is_some_and(|p| !ends_sentence(p));
        match out.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(&line.text);
            }
            _ => out.push(line.text.clone()),
        }
    }
    out
}

/// Removes an agency sign-off ("… the country. EFE") from the end of a
/// paragraph; returns it. A paragraph that is only a signature is emptied.
pub(super) fn strip_signature(paragraph: &mut String, agency: Option<&str>) -> Option<String> {
    let is_signature = |word: &str| {
        AGENCY_SIGNATURES.contains(&word) || agency.is_some_and(|a| a == word && a.len() >= 2)
    };
    if is_signature(paragraph.as_str()) {
        return Some(std::mem::take(paragraph));
    }
    let (head, last) = paragraph.rsplit_once(' ')?;
    if is_signature(last) && ends_sentence(head) {
        let sig = last.to_string();
        let keep = head.len();
        paragraph.truncate(keep);
        return Some(sig);
    }
    None
}

/// Finds a wire dateline at the start of a paragraph. The span covers the
/// dateline with its closing punctuation, relative to the paragraph.
pub(crate) fn find_dateline(paragraph: &str) -> Option<Dateline> {
    let m = DATELINES.iter().find_map(|r| r.captures(paragraph))?;
    let whole = m.get(0)?;
    // A dateline introduces text: something must follow it.
    if paragraph[whole.end()..].trim().is_empty() {
        return None;
    }
    let place = m.name("place")?.as_str().to_string();
    let date_text = m.name("date").map(|d| d.as_str().to_string());
    let agency = m.name("agency").map(|a| a.as_str().trim().to_string());
    Some(Dateline {
        place,
        date_text,
        agency,
        span: 0..whole.as_str().trim_end().len(),
    })
}

/// A title for a page without a headline: the first sentence, cut at a
/// clause boundary when long.
pub(super) fn derive_title(paragraph: &str) -> String {
    const MAX_WORDS: usize = 15;
    let first = lang::sentences(paragraph)
        .first()
        .map(|s| s.text(paragraph).to_string())
        .unwrap_or_else(|| paragraph.to_string());
    let first = first.trim_end_matches(['.', '!', '?']).trim().to_string();
    let words: Vec<&str> = first.split_whitespace().collect();
    if words.len() <= MAX_WORDS {
        return first;
    }
    // Cut at the last clause boundary within the limit, if it leaves enough.
    let mut kept = Vec::new();
    let mut best = None;
    for (i, w) in words.iter().take(MAX_WORDS).enumerate() {
        kept.push(*w);
        if i >= 4
            && (w.ends_with([',', ';', ':'])
                || matches!(words.get(i + 1), Some(&"–" | &"—" | &"-")))
        {
            best = Some(kept.join(" "));
        }
    }
    match best {
        Some(cut) => cut.trim_end_matches([',', ';', ':']).to_string(),
        None => {
            // Do not end on a dangling "the" or "of".
            const FUNCTION_WORDS: &[&str] = &[
                "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "and", "or",
                "from", "as", "that",
            ];
            let mut cut: Vec<&str> = words.iter().take(12).copied().collect();
            while cut.len() > 5
                && cut
                    .last()
                    .is_some_and(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            {
                cut.pop();
            }
            format!("{}…", cut.join(" ").trim_end_matches([',', ';', ':']))
        }
    }
}
