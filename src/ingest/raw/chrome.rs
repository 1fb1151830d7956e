//! What makes a line page chrome: the word lists and regexes, and
//! [`classify_line`] for chrome recognisable from the line alone.

use regex::Regex;
use std::sync::LazyLock;

use super::script::{mostly_foreign, Script};
use super::{ends_sentence, label_key, word_count, Chrome};

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
pub(super) const TRAILER_MARKERS: &[&str] = &[
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
pub(super) const CAPTION_OPENINGS: &[&str] = &[
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
pub(super) const CAPTION_PARTICIPLES: &[&str] =
    &["featuring", "depicting", "showing", "symbolizing"];

/// Verbs of news prose; a line with one of them is not a caption.
pub(super) const REPORTING_VERBS: &[&str] = &[
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
pub(super) const AGENCY_SIGNATURES: &[&str] = &[
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
pub(super) static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
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

pub(super) static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:original\s+)?source\s*:\s*(\S(?:[^\s]*\s?){0,7})$").expect("valid regex")
});

pub(super) const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

/// Chrome that can be recognised from the line alone.
pub(super) fn classify_line(line: &str, main: Script) -> Option<Chrome> {
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
