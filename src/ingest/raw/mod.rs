//! Cleaning of raw text pasted from web pages: strip the page chrome, find
//! the title, the dateline and the "Original Source" line, and rebuild the
//! body as paragraphs separated by one blank line.
//!
//! The rules are general (what makes a line chrome on any news site), not a
//! list of the lines of known files: short UI labels from a small vocabulary,
//! lone counters, photo credits, lines in another script than the article,
//! machine-translation credits, channel promos, image captions right under
//! the headline, repeated short lines, and everything after a "Related
//! articles" / "Leave a reply" marker at the end of the page. Body prose is
//! kept byte for byte apart from whitespace: later stages rely on
//! machine-translation damage staying visible.

mod chrome;
mod script;
mod structure;

use crate::corpus::Dateline;
use chrome::{classify_line, SOURCE_LINE};
use script::dominant_script;
pub(crate) use structure::find_dateline;
use structure::{
    derive_title, find_title, join_paragraphs, mark_captions, mark_repeated, mark_trailer,
    strip_signature,
};

/// What [`clean`] made of a raw page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The headline, or one derived from the first sentence.
    pub title: String,
    /// True when the page had no headline and `title` was derived.
    pub title_derived: bool,
    /// Paragraphs joined by "\n\n".
    pub text: String,
    pub dateline: Option<Dateline>,
    pub original_source: Option<String>,
    /// The lines removed as chrome, with their 1-based line numbers and why.
    pub removed: Vec<(usize, Chrome, String)>,
}

/// Why a line was judged page chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// Navigation and UI labels ("Skip to main content", "Advertisement").
    Interface,
    /// Lone numbers and counters ("0", "12 comments").
    Counter,
    /// "Photo: REUTERS/KCNA", "© AP".
    PhotoCredit,
    /// A short line in another script than the article ("Озвучить текст").
    ForeignScript,
    /// "Translated by Google", "Переведено сервисом …".
    TranslationCredit,
    /// "All important news is on the … channel".
    Promo,
    /// An image description under the headline.
    Caption,
    /// "By Jane Doe", "Reporting by …; Editing by …".
    Byline,
    /// A date or time stamp on its own ("Updated: 27 July 2023, 14:35").
    Timestamp,
    /// A short line that occurs more than once (menus repeated top and bottom).
    Repeated,
    /// Section labels and breadcrumbs above the headline.
    Label,
    /// Everything after "Related Articles", "Leave a Reply" and the like.
    Trailer,
    /// "Original Source: …", kept as metadata rather than body text.
    SourceLine,
    /// An agency signature on its own ("EFE").
    Signature,
}

/// Collapses every run of whitespace into one space and trims the ends.
pub(crate) fn normalize_space(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Lower-cased line without the punctuation UI labels tend to carry.
fn label_key(line: &str) -> String {
    line.trim_end_matches([':', '.', '…', '*', '›', '»', '>', '|'])
        .trim()
        .to_lowercase()
}

fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

struct Line {
    number: usize,
    text: String,
    /// A blank line precedes this one (it starts a new block).
    new_block: bool,
    chrome: Option<Chrome>,
}

/// Cleans a raw page. Never fails: a page that is all chrome yields an empty
/// text, which the caller reports.
pub fn clean(input: &str) -> Cleaned {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let main = dominant_script(input);
    let mut lines: Vec<Line> = Vec::new();
    let mut blank = true;
    for (i, raw) in input.lines().enumerate() {
        let text = normalize_space(raw);
        if text.is_empty() {
            blank = true;
            continue;
        }
        lines.push(Line {
            number: i + 1,
            chrome: classify_line(&text, main),
            text,
            new_block: std::mem::take(&mut blank),
        });
    }

    let mut original_source = None;
    for line in &mut lines {
        if line.chrome.is_none() {
            if let Some(m) = SOURCE_LINE.captures(&line.text) {
                original_source = m.get(1).map(|v| v.as_str().trim().to_string());
                line.chrome = Some(Chrome::SourceLine);
            }
        }
    }

    mark_repeated(&mut lines);
    mark_trailer(&mut lines);
    let title_index = find_title(&mut lines);
    if let Some(t) = title_index {
        mark_captions(&mut lines, t);
    }

    let body: Vec<&Line> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| l.chrome.is_none() && Some(*i) != title_index)
        .map(|(_, l)| l)
        .collect();
    let mut paragraphs = join_paragraphs(&body);

    let dateline = paragraphs
        .iter()
        .take(3)
        .enumerate()
        .find_map(|(i, p)| find_dateline(p).map(|d| (i, d)));
    let mut removed: Vec<(usize, Chrome, String)> = lines
        .iter()
        .filter_map(|l| l.chrome.map(|c| (l.number, c, l.text.clone())))
        .collect();
    let dateline_agency = dateline
        .as_ref()
        .and_then(|(_, d)| d.agency.as_ref())
        .map(|a| a.to_uppercase());
    for p in &mut paragraphs {
        if let Some(sig) = strip_signature(p, dateline_agency.as_deref()) {
            removed.push((0, Chrome::Signature, sig));
        }
    }
    paragraphs.retain(|p| !p.is_empty());

    let (title, title_derived) = match title_index.and_then(|i| lines.get(i)) {
        Some(line) => (line.text.clone(), false),
        None => (
            paragraphs
                .first()
                .map(|p| derive_title(p))
                .unwrap_or_default(),
            true,
        ),
    };

    let text = paragraphs.join("\n\n");
    let dateline = dateline.and_then(|(index, d)| {
        // Offset of paragraph `index` in the joined text.
        let start: usize = paragraphs.iter().take(index).map(|p| p.len() + 2).sum();
        let span = start + d.span.start..start + d.span.end;
        (text.get(span.clone()).is_some()).then_some(Dateline { span, ..d })
    });
    Cleaned {
        title,
        title_derived,
        text,
        dateline,
        original_source,
        removed,
    }
}

#[cfg(test)]
mod tests;
