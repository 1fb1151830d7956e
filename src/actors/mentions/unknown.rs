//! People not in the knowledge base: the evidence (title, name shape, given
//! name, byline, speech verb, apposition) that capitalized words are a person.

use std::sync::LazyLock;

use regex::Regex;

use super::lists::{
    in_list, is_title_word, CALENDAR_WORDS, DEMONYMS, NON_PERSON_WORDS, SPEECH_VERBS, VESSEL_CUES,
};
use super::Ctx;
use crate::lang::names;

impl<'t> Ctx<'_, 't> {
    /// Names in a wire byline: "(Reporting by Hyonhee Shin and Joyce Lee;
    /// Editing by Ed Davies)".
    fn in_byline(&self, from: usize) -> bool {
        static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^\s*(?:(?i:by)\s+(?:\p{Lu}[\p{L}'’.-]*\s+)*|(?i:(?:additional\s+)?(?:reporting|editing|writing|written|compiled|photos?|translated)\s+by)\s+(?:\p{Lu}[\p{L}'’.-]*(?:\s+|\s*,\s*|\s+and\s+))*)$",
            )
            .expect("byline pattern is valid")
        });
        let Some(t) = self.toks.get(from) else {
            return false;
        };
        let line_start = self.text[..t.start].rfind('\n').map_or(0, |p| p + 1);
        let lead = &self.text[line_start..t.start];
        let lead = lead.rsplit(['(', ';']).next().unwrap_or(lead);
        BYLINE.is_match(lead)
    }

    pub(super) fn vessel_context(&self, at: usize) -> bool {
        let from = at.saturating_sub(3);
        self.toks[from..at]
            .iter()
            .any(|t| in_list(VESSEL_CUES, &t.lower))
            || at > 0 && self.toks[at - 1].lower == "the" && !self.toks[at].cap
    }

    /// Evidence that capitalized words `from..to` are a person's name.
    pub(super) fn looks_like_person(&self, from: usize, to: usize) -> bool {
        let tail = &self.toks[from..to];
        if tail.iter().any(|t| {
            NON_PERSON_WORDS.contains(&t.bare)
                || t.acronym
                || in_list(CALENDAR_WORDS, &t.bare)
                || in_list(DEMONYMS, &t.bare)
                || is_title_word(&t.bare)
                || !t.bare_raw.chars().all(|c| c.is_alphabetic() || c == '-')
        }) {
            return false;
        }
        // Capitalized words before a lower-case org head: "Kursk region".
        if let Some(next) = self.toks.get(to) {
            if NON_PERSON_WORDS.contains(&next.lower) {
                return false;
            }
        }
        let words: Vec<&str> = tail.iter().map(|t| t.bare_raw).collect();
        let title = self.title_before(from);
        let titled = title.is_some();
        if tail.len() == 1 {
            // A lone surname needs a rank or office in front of it, and not
            // "the" before that ("the Admiral Kuznetsov" is a ship).
            return title.is_some_and(|(a, _)| {
                a == 0 || !matches!(self.toks[a - 1].lower.as_str(), "the" | "a")
            }) && !self.vessel_context(from);
        }
        if names::is_korean_name(&words)
            || titled
            || names::is_given_name(words[0])
            || self.in_byline(from)
        {
            return true;
        }
        let after = self.text.get(tail[tail.len() - 1].end..).unwrap_or("");
        let next_word = after
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        if in_list(SPEECH_VERBS, &next_word.to_lowercase())
            && !after.trim_start().starts_with(['.', ';'])
        {
            return true;
        }
        // Apposition: "X, the DPRK's State Security Minister".
        self.title_after(to - 1).is_some()
    }
}
