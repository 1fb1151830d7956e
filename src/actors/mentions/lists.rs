//! Word lists and sets that tell name words from titles, dates, places and
//! other words, read from `data/names` or listed here.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::lang::names::data_lines;

fn word_set(raw: &'static str) -> HashSet<String> {
    data_lines(raw).map(|l| l.to_lowercase()).collect()
}

/// Single words of titles, ranks and offices ("general", "minister").
pub(super) static TITLE_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set: HashSet<String> = word_set(include_str!("../../../data/names/titles.txt"))
        .iter()
        .flat_map(|l| {
            l.split([' ', '-'])
                .map(|w| w.trim_end_matches('.').to_string())
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "of" | "the" | "in"))
        .collect();
    for w in [
        "defense",
        "defence",
        "foreign",
        "security",
        "state",
        "national",
        "interior",
        "first",
        "vice",
        "supreme",
        "political",
        "military",
        "affairs",
        "armed",
        "forces",
        "staff",
        "main",
        "intelligence",
        "ministry",
        "department",
        "directorate",
        "council",
        "bureau",
        "central",
        "committee",
        "people's",
        "peoples",
        "army",
        "navy",
        "party",
        "defense,",
    ] {
        set.insert(w.to_string());
    }
    set
});

/// The title words that make a phrase a title (not just a qualifier).
pub(super) const CORE_TITLES: &[&str] = &[
    "minister",
    "general",
    "leader",
    "ambassador",
    "chief",
    "president",
    "head",
    "director",
    "secretary",
    "chairman",
    "chairwoman",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "marshal",
    "admiral",
    "colonel",
    "premier",
    "envoy",
    "governor",
    "deputy",
    "lieutenant",
    "major",
    "captain",
    "chancellor",
    "speaker",
    "aide",
    "adviser",
    "advisor",
    "rep",
    "sen",
    "senator",
    "lawmaker",
    "representative",
    "mayor",
    "researcher",
    "analyst",
    "fellow",
];

pub(super) static NON_PERSON_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../../../data/names/non_person_words.txt")));

/// Lower-case particles inside personal names ("da", "bin", "von").
static NAME_PARTICLES: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../../../data/names/name_particles.txt")));

/// True when a lower-case word is a name particle ("da" in "Lula da
/// Silva"), which may sit between the capitalized words of a name.
pub(super) fn is_name_particle(raw: &str) -> bool {
    NAME_PARTICLES.contains(raw)
}

/// True for "al-Assad", "el-Sisi": a particle, a hyphen, a capitalized part.
pub(super) fn is_particle_name_word(raw: &str) -> bool {
    raw.split_once('-').is_some_and(|(particle, rest)| {
        NAME_PARTICLES.contains(particle) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Words that start a sentence or a clause and are never a name part.
pub(super) const STOPWORDS: &[&str] = &[
    "a",
    "after",
    "afterwards",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "during",
    "earlier",
    "for",
    "from",
    "furthermore",
    "he",
    "her",
    "his",
    "however",
    "if",
    "in",
    "it",
    "its",
    "later",
    "meanwhile",
    "moreover",
    "of",
    "on",
    "our",
    "prior",
    "she",
    "since",
    "so",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "to",
    "today",
    "we",
    "when",
    "where",
    "while",
    "with",
    "yesterday",
    "according",
    "additionally",
    "observers",
    "both",
    "such",
    "there",
    "then",
    "thus",
    "all",
    "other",
    "some",
    "each",
    "photo",
    "original",
    "source",
    "related",
    "read",
    "more",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "says",
    "no",
    "not",
    "only",
    "unlike",
    "despite",
    "amid",
    "under",
    "over",
    "about",
    "here",
    "what",
    "who",
    "which",
    "why",
    "how",
    "last",
    "next",
    "first",
    "new",
    "former",
];

pub(super) const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Nationality words: a title qualifier, never part of a person's name.
pub(super) const DEMONYMS: &[&str] = &[
    "north",
    "south",
    "korean",
    "koreas",
    "korea",
    "russian",
    "russia",
    "russias",
    "american",
    "ukrainian",
    "chinese",
    "japanese",
    "soviet",
    "dprk",
    "dprks",
    "us",
    "belarusian",
    "iranian",
    "british",
    "western",
    "eastern",
    "pyongyangs",
    "moscows",
];

pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "stressed",
    "noted",
    "added",
    "emphasized",
    "emphasised",
    "stated",
    "declared",
    "announced",
    "remarked",
    "explained",
    "warned",
    "urged",
    "praised",
    "commended",
    "expressed",
    "called",
    "highlighted",
    "underlined",
    "pointed",
    "insisted",
    "claimed",
    "replied",
    "asked",
    "wrote",
    "confirmed",
    "denied",
    "thanked",
    "welcomed",
];

/// Words before a name that make it a vessel, weapon or facility name
/// ("the frigate Marshal Shaposhnikov").
pub(super) const VESSEL_CUES: &[&str] = &[
    "frigate",
    "destroyer",
    "cruiser",
    "corvette",
    "ship",
    "vessel",
    "submarine",
    "carrier",
    "warship",
    "icebreaker",
    "missile",
    "missiles",
    "system",
    "systems",
    "complex",
    "aircraft",
    "bomber",
    "bombers",
    "jet",
    "jets",
    "fighter",
    "tank",
    "tanks",
    "plant",
    "station",
    "named",
    "after",
    "aboard",
    "onboard",
];

pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

pub(super) fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(w)
        || w.strip_suffix('s')
            .is_some_and(|singular| TITLE_WORDS.contains(singular))
}

pub(super) fn is_core_title(phrase_lower: &str) -> bool {
    phrase_lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CORE_TITLES.contains(&w))
}
