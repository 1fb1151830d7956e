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

use regex::Regex;
use std::sync::LazyLock;

use crate::corpus::Dateline;
use crate::lang;

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

/// Whole-line UI labels, lower-cased, without trailing punctuation. Kept as
/// data so a new site's chrome is one line to add.
const UI_LABELS: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "main menu",
    "menu",
    "search",
    "home",
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "live",
    "live broadcast",
    "live stream",
    "all news",
    "latest news",
    "news feed",
    "most read",
    "most popular",
    "trending",
    "back to top",
    "back to top button",
    "scroll to top",
    "related",
    "related articles",
    "related news",
    "related posts",
    "read also",
    "read more",
    "see also",
    "more on this topic",
    "leave a reply",
    "leave a comment",
    "comments",
    "add comment",
    "select important",
    "important",
    "on",
    "off",
    "share",
    "share this",
    "share this article",
    "print",
    "copy link",
    "link copied",
    "listen",
    "listen to this article",
    "text to speech",
    "font size",
    "close",
    "loading",
    "next",
    "previous",
    "next article",
    "previous article",
    "tags",
    "topics",
    "subscribe",
    "newsletter",
    "log in",
    "sign in",
    "register",
    "cookie settings",
    "accept",
    "accept all",
    "(end)",
];

/// Line openings that mark UI text whatever follows (for lines up to
/// [`PROMO_MAX_WORDS`] words).
const UI_PREFIXES: &[&str] = &[
    "skip to ",
    "your email address will not be published",
    "required fields are marked",
    "you must be logged in",
    "all important news",
    "subscribe to ",
    "sign up for ",
    "follow us ",
    "join our ",
    "read also:",
    "read more:",
    "see also:",
    "also read:",
    "share on ",
    "click here",
    "download our app",
    "download the app",
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "listen to this article",
    "our standards:",
];

/// Phrases that make a short line a promo for the outlet's channels.
const PROMO_PHRASES: &[&str] = &[
    "news is on the",
    "news on our",
    "our channel",
    "our telegram",
    "in the max messenger",
    "our newsletter",
    "follow us on",
    "subscribe to our",
];

const PROMO_MAX_WORDS: usize = 25;

/// Markers after which the rest of the page is comments, related links and
/// footer, once the article body has started.
const TRAILER_MARKERS: &[&str] = &[
    "related articles",
    "related news",
    "related posts",
    "related",
    "more on this topic",
    "read also",
    "see also",
    "leave a reply",
    "leave a comment",
    "comments",
    "you may also like",
    "recommended",
    "most read",
    "most popular",
];

/// Openings of image descriptions (AI illustrations, stock photos).
const CAPTION_OPENINGS: &[&str] = &[
    "abstract ",
    "an abstract ",
    "illustration",
    "an illustration",
    "illustrative ",
    "artistic ",
    "an artistic ",
    "digital illustration",
    "representation of",
    "a representation of",
    "image of",
    "an image of",
    "image:",
    "picture of",
    "a picture of",
    "photo of",
    "a photo of",
    "file photo",
    "stock photo",
    "a view of",
    "an aerial view",
    "flags of",
    "the flags of",
    "caption:",
    "pictured:",
];

/// Participles typical of image descriptions ("… featuring flags …").
const CAPTION_PARTICIPLES: &[&str] = &["featuring", "depicting", "showing", "symbolizing"];

/// Verbs of news prose; a line with one of them is not a caption.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "announced",
    "met",
    "meets",
    "stated",
    "added",
];

/// News-agency acronyms that sign off a story ("… the country. EFE").
const AGENCY_SIGNATURES: &[&str] = &[
    "AFP", "AP", "EFE", "TASS", "RIA", "KCNA", "UPI", "DPA", "ANSA", "IANS", "PTI", "ANI", "IRNA",
    "KUNA", "WAM", "SPA", "MENA", "APA", "CNA", "BNA",
];

static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d{1,3}(?:[ ,.]\d{3})+|\d{1,7})(?:\s*(?:k|m)?\s*(?:comments?|views?|shares?|likes?|reads?|min(?:ute)?s?\s+read))?$",
    )
    .expect("valid regex")
});

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\(?\s*(?:photos?|images?|pictures?|video|illustration|credit|фото|источник фото)\s*(?:credits?)?\s*(?::|/|©|\bby\b|–|—|-)|©|\(c\)\s)",
    )
    .expect("valid regex")
});

/// "REUTERS/Kim Hong-Ji", "AP/Ahn Young-joon": an agency in capitals, a slash
/// and a photographer.
static AGENCY_SLASH_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{2,}(?:/[\p{L}][\p{L} .'-]*)+$").expect("valid regex"));

static TRANSLATION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:machine[- ])?translat(?:ed|ion)\b.{0,60}\b(?:google|yandex|deepl|bing|microsoft|papago|translator|translate)\b|(?:переведено|перевод)\b)",
    )
    .expect("valid regex")
});

/// A parenthesized credit closing a caption: "(KCNA via Reuters)", "(AP Photo)".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\([^()]*\b(?:photo|via|getty|file)\b[^()]*\)\.?$").expect("valid regex")
});

/// Wire credits at the foot of a story.
static STAFF_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:additional\s+)?reporting|writing|editing|compiled|edited|written)\s+by\s",
    )
    .expect("valid regex")
});

/// A line that is only a date and/or time, possibly labelled.
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    let date = format!(
        r"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|{MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {MONTH},? \d{{4}})"
    );
    let time = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?i:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:GMT|UTC|MSK|KST))?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)";
    let label = r"(?:(?i:(?:last\s+)?(?:updated|published|posted|date))\s*:?\s*(?:(?i:on)\s+)?)?";
    let weekday = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?";
    Regex::new(&format!(
        r"^{label}{weekday}(?:{date}(?:,?\s*(?:at\s+)?{time})?|{time},?\s*{date})$"
    ))
    .expect("valid regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY)\s+\p{Lu}[\p{L}.'-]*(?:\s+\S+){0,5}$").expect("valid regex")
});

static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:original\s+)?source\s*:\s*(\S(?:[^\s]*\s?){0,7})$").expect("valid regex")
});

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Hangul,
    Cjk,
    Arabic,
    Greek,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    let s = match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
        0x370..=0x3FF => Script::Greek,
        0x400..=0x52F => Script::Cyrillic,
        0x600..=0x6FF => Script::Arabic,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x4E00..=0x9FFF => Script::Cjk,
        _ => Script::Other,
    };
    Some(s)
}

/// The script most letters of the text are written in.
fn dominant_script(text: &str) -> Script {
    let mut counts = [0usize; 7];
    for s in text.chars().filter_map(script_of) {
        counts[s as usize] += 1;
    }
    let all = [
        Script::Latin,
        Script::Cyrillic,
        Script::Hangul,
        Script::Cjk,
        Script::Arabic,
        Script::Greek,
        Script::Other,
    ];
    all.into_iter()
        .max_by_key(|s| (counts[*s as usize], std::cmp::Reverse(*s as usize)))
        .unwrap_or(Script::Latin)
}

/// True when most letters of the line are in another script than `main`.
fn mostly_foreign(line: &str, main: Script) -> bool {
    let (mut foreign, mut total) = (0, 0);
    for s in line.chars().filter_map(script_of) {
        total += 1;
        if s != main {
            foreign += 1;
        }
    }
    total > 0 && foreign * 2 > total
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

/// Chrome that can be recognised from the line alone.
fn classify_line(line: &str, main: Script) -> Option<Chrome> {
    let key = label_key(line);
    let words = word_count(line);
    if key.is_empty() {
        return None;
    }
    if UI_LABELS.contains(&key.as_str()) {
        return Some(Chrome::Interface);
    }
    let lower = line.to_lowercase();
    if words <= PROMO_MAX_WORDS {
        if UI_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            return Some(Chrome::Interface);
        }
        if PROMO_PHRASES.iter().any(|p| lower.contains(p)) {
            return Some(Chrome::Promo);
        }
    }
    if COUNTER.is_match(line) {
        return Some(Chrome::Counter);
    }
    if words <= 15 && (PHOTO_CREDIT.is_match(line) || AGENCY_SLASH_CREDIT.is_match(line)) {
        return Some(Chrome::PhotoCredit);
    }
    if words <= 20 && TRANSLATION_CREDIT.is_match(line) {
        return Some(Chrome::TranslationCredit);
    }
    if words <= 12 && mostly_foreign(line, main) {
        return Some(Chrome::ForeignScript);
    }
    if BYLINE.is_match(line) && !ends_sentence(line) {
        return Some(Chrome::Byline);
    }
    if words <= 25 && STAFF_CREDIT.is_match(line) {
        return Some(Chrome::Byline);
    }
    if words <= 10 && TIMESTAMP.is_match(line) {
        return Some(Chrome::Timestamp);
    }
    None
}

/// A headline: a few words, no sentence-final period, starts in upper case.
fn is_headline(line: &str) -> bool {
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

fn is_caption(line: &str) -> bool {
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

/// Short non-sentence lines that occur more than once are menus and buttons
/// repeated at the top and bottom of the page.
fn mark_repeated(lines: &mut [Line]) {
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
fn mark_trailer(lines: &mut [Line]) {
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
fn find_title(lines: &mut [Line]) -> Option<usize> {
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
fn mark_captions(lines: &mut [Line], title: usize) {
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
fn join_paragraphs(body: &[&Line]) -> Vec<String> {
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
fn strip_signature(paragraph: &mut String, agency: Option<&str>) -> Option<String> {
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
fn derive_title(paragraph: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn chrome(line: &str) -> Option<Chrome> {
        classify_line(line, Script::Latin)
    }

    #[test]
    fn ui_labels_are_chrome() {
        for l in [
            "Skip to main content",
            "Advertisement",
            "Live broadcast",
            "All news",
            "Back to top button",
            "Related Articles",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Select important",
            "On",
            "Off",
            "Share this article:",
            "Read also: Moscow hosts naval parade",
        ] {
            assert_eq!(chrome(l), Some(Chrome::Interface), "{l}");
        }
    }

    #[test]
    fn counters_credits_and_promos_are_chrome() {
        assert_eq!(chrome("0"), Some(Chrome::Counter));
        assert_eq!(chrome("1,204"), Some(Chrome::Counter));
        assert_eq!(chrome("12 comments"), Some(Chrome::Counter));
        assert_eq!(chrome("4 min read"), Some(Chrome::Counter));
        assert_eq!(chrome("Photo: REUTERS/KCNA"), Some(Chrome::PhotoCredit));
        assert_eq!(chrome("Photo by Lee Min-ho"), Some(Chrome::PhotoCredit));
        assert_eq!(chrome("© AFP 2024"), Some(Chrome::PhotoCredit));
        assert_eq!(chrome("REUTERS/Kim Hong-Ji"), Some(Chrome::PhotoCredit));
        assert_eq!(
            chrome("Translated by Google"),
            Some(Chrome::TranslationCredit)
        );
        assert_eq!(
            chrome("Machine translation by DeepL Translator"),
            Some(Chrome::TranslationCredit)
        );
        assert_eq!(chrome("Озвучить текст"), Some(Chrome::ForeignScript));
        assert_eq!(
            chrome("Переведено сервисом «Яндекс Переводчик»"),
            Some(Chrome::TranslationCredit)
        );
        assert_eq!(
            chrome("Follow us on Telegram for breaking updates"),
            Some(Chrome::Interface)
        );
        assert_eq!(
            chrome("All the key stories are on our Telegram channel"),
            Some(Chrome::Promo)
        );
        assert_eq!(chrome("By Anna Petrova"), Some(Chrome::Byline));
    }

    #[test]
    fn stamps_and_wire_credits_are_chrome() {
        for l in [
            "Updated: 27 July 2023, 14:35",
            "July 27, 2023 14:35 GMT",
            "Published on Thursday, 2024-06-20 at 09:15",
            "14:35, 27.07.2023",
            "2023-07-27",
        ] {
            assert_eq!(chrome(l), Some(Chrome::Timestamp), "{l}");
        }
        assert_eq!(
            chrome("Reporting by Anna Petrova; Editing by John Smith"),
            Some(Chrome::Byline)
        );
        assert_eq!(chrome("(END)"), Some(Chrome::Interface));
        assert_eq!(chrome("On July 27, 2023 the ministers met."), None);
        assert!(!is_headline("July 27, 2023, 14:35"));
    }

    #[test]
    fn translation_credit_in_a_russian_page_is_still_chrome() {
        assert_eq!(
            classify_line("Переведено сервисом «Яндекс Переводчик»", Script::Cyrillic),
            Some(Chrome::TranslationCredit)
        );
    }

    #[test]
    fn prose_and_headlines_survive() {
        for l in [
            "Putin, Kim sign pact",
            "0 casualties were reported.",
            "On Monday the delegation flew to Vladivostok.",
            "Related talks will continue in Moscow next month, the ministry said.",
            "Photographs released by the ministry showed the two men shaking hands.",
            "Source: the defence ministry said the talks were productive and long.",
            "By the end of the visit, both sides had signed three memoranda.",
            "Telegram channels close to the ministry published a statement on Friday evening after the talks ended without agreement.",
            "The Seoul-based Yonhap news agency said the visit was unannounced.",
            "2024 was a turning point for military ties.",
        ] {
            assert_eq!(chrome(l), None, "{l}");
        }
    }

    #[test]
    fn short_cyrillic_quote_in_a_russian_page_is_not_foreign() {
        assert_eq!(
            classify_line("Министр обороны прибыл в Пхеньян", Script::Cyrillic),
            None
        );
    }

    #[test]
    fn captions_under_the_headline() {
        assert!(is_caption(
            "Abstract illustration of two flags over a harbour in muted colours."
        ));
        assert!(is_caption(
            "A composite image featuring military insignia of both countries."
        ));
        assert!(is_caption(
            "Kim Jong Un greets a visitor in Pyongyang, July 2023. (KCNA via Reuters)"
        ));
        assert!(!is_caption(
            "Belousov said the exercises featuring both navies would continue."
        ));
        assert!(!is_caption("The two ministers met in Pyongyang on Friday."));
    }

    #[test]
    fn a_page_with_chrome_headline_caption_and_trailer() {
        let page = "Menu\nWorld\n\nNavy chiefs of two countries meet in Vladivostok\n\n\
                    7\nIllustration of warships at a pier in soft evening light.\n\n\
                    The commanders of the two fleets met on Tuesday, the ministry said. \
                    They discussed joint drills.\n\nThe talks will continue next year.\n\n\
                    Translated by Google\n\nRelated Articles\n\nSubmarine launched in the north\n\n\
                    Menu";
        let c = clean(page);
        assert_eq!(c.title, "Navy chiefs of two countries meet in Vladivostok");
        assert!(!c.title_derived);
        assert_eq!(
            c.text,
            "The commanders of the two fleets met on Tuesday, the ministry said. They discussed joint drills.\n\nThe talks will continue next year."
        );
    }

    #[test]
    fn a_wire_story_with_stamp_and_credits() {
        let page = "World News\n\nRussian and North Korean envoys hold talks on grain supplies\n\n\
                    By Anna Petrova\n\nJune 20, 2024 9:15 AM GMT\n\n\
                    MOSCOW (Reuters) - Envoys of the two countries discussed grain deliveries on Thursday, \
                    according to a statement from the foreign ministry.\n\n\
                    The statement did not say when deliveries would begin.\n\n\
                    Reporting by Anna Petrova; Editing by John Smith\n\nOur Standards: The Trust Principles.";
        let c = clean(page);
        assert_eq!(
            c.title,
            "Russian and North Korean envoys hold talks on grain supplies"
        );
        assert!(
            c.text.starts_with("MOSCOW (Reuters) - Envoys"),
            "{}",
            c.text
        );
        assert!(
            c.text.ends_with("when deliveries would begin."),
            "{}",
            c.text
        );
        let d = c.dateline.expect("dateline");
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(d.span, 0..18);
    }

    #[test]
    fn a_russian_page_keeps_its_prose_and_loses_english_chrome() {
        let page = "Skip to main content\nМенее минуты\n\nДелегации двух стран провели переговоры в Москве\n\n\
                    Министры обороны обсудили совместные учения и обмен делегациями, сообщили в ведомстве.\n\n\
                    Share\n\nПереведено сервисом «Яндекс Переводчик»";
        let c = clean(page);
        assert_eq!(c.title, "Делегации двух стран провели переговоры в Москве");
        assert_eq!(
            c.text,
            "Министры обороны обсудили совместные учения и обмен делегациями, сообщили в ведомстве."
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined_and_whitespace_normalized() {
        let page = "Ministers meet in Moscow\n\nThe defence ministers  of both\ncountries met\tin Moscow.\nA second paragraph follows.";
        let c = clean(page);
        assert_eq!(
            c.text,
            "The defence ministers of both countries met in Moscow.\n\nA second paragraph follows."
        );
    }

    #[test]
    fn title_is_derived_when_page_starts_with_prose() {
        let page = "The naval delegation of the two countries held lengthy talks in the port city of Wonsan on Thursday, officials said.\nA second line.";
        let c = clean(page);
        assert!(c.title_derived);
        assert_eq!(
            c.title,
            "The naval delegation of the two countries held lengthy talks…"
        );
        let short = clean("Envoys met in Beijing. Nothing else was said.");
        assert_eq!(short.title, "Envoys met in Beijing");
        let clause = clean("Ties between the armies are expanding quickly in every field, including training and joint exercises at sea, the minister said on Monday.");
        assert_eq!(
            clause.title,
            "Ties between the armies are expanding quickly in every field"
        );
    }

    #[test]
    fn datelines_of_many_agencies() {
        let cases = [
            (
                "TOKYO, July 27. /TASS/. Text follows.",
                "TOKYO",
                Some("July 27"),
                Some("TASS"),
                "TOKYO, July 27. /TASS/.",
            ),
            (
                "Seoul, Sep 17 (EFE).- North Korea's leader",
                "Seoul",
                Some("Sep 17"),
                Some("EFE"),
                "Seoul, Sep 17 (EFE).-",
            ),
            (
                "MOSCOW (Reuters) - Russia said",
                "MOSCOW",
                None,
                Some("Reuters"),
                "MOSCOW (Reuters) -",
            ),
            (
                "PYONGYANG, Nov. 8 (Yonhap) -- North Korea",
                "PYONGYANG",
                Some("Nov. 8"),
                Some("Yonhap"),
                "PYONGYANG, Nov. 8 (Yonhap) --",
            ),
            (
                "Moscow, 27 July (AFP) - The Kremlin",
                "Moscow",
                Some("27 July"),
                Some("AFP"),
                "Moscow, 27 July (AFP) -",
            ),
            (
                "WASHINGTON, July 5, 2024 — Officials",
                "WASHINGTON",
                Some("July 5, 2024"),
                None,
                "WASHINGTON, July 5, 2024 —",
            ),
            (
                "UNITED NATIONS (AP) — Diplomats",
                "UNITED NATIONS",
                None,
                Some("AP"),
                "UNITED NATIONS (AP) —",
            ),
        ];
        for (text, place, date, agency, whole) in cases {
            let d = find_dateline(text).unwrap_or_else(|| panic!("no dateline in {text}"));
            assert_eq!(d.place, place, "{text}");
            assert_eq!(d.date_text.as_deref(), date, "{text}");
            assert_eq!(d.agency.as_deref(), agency, "{text}");
            assert_eq!(&text[d.span.clone()], whole, "{text}");
        }
        for text in [
            "Kim, Shoigu discuss boosting cooperation",
            "On Monday, July 5 the talks began.",
            "Russia and North Korea (DPRK) signed a treaty.",
        ] {
            assert_eq!(find_dateline(text), None, "{text}");
        }
    }

    #[test]
    fn signature_is_stripped_but_prose_is_not() {
        let mut p = "He left on Friday. EFE".to_string();
        assert_eq!(strip_signature(&mut p, None), Some("EFE".into()));
        assert_eq!(p, "He left on Friday.");
        let mut q = "The treaty was signed by the DPRK".to_string();
        assert_eq!(strip_signature(&mut q, None), None);
        let mut r = "Officials briefed reporters. XINHUA".to_string();
        assert_eq!(
            strip_signature(&mut r, Some("XINHUA")),
            Some("XINHUA".into())
        );
    }

    #[test]
    fn source_line_is_taken_out_of_the_body() {
        let c = clean("Envoys meet in Beijing\n\nThe envoys met on Monday, the ministry said.\n\nOriginal Source: www.example.org");
        assert_eq!(c.original_source.as_deref(), Some("www.example.org"));
        assert!(!c.text.contains("Original Source"));
    }

    #[test]
    fn dateline_span_points_into_the_cleaned_text() {
        let c = clean("Ministers meet in Hanoi\n\nA standfirst paragraph that sets the scene for readers.\n\nHANOI, March 3 (AFP) - The ministers met.");
        let d = c.dateline.expect("dateline");
        assert_eq!(&c.text[d.span], "HANOI, March 3 (AFP) -");
    }
}
