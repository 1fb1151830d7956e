//! Surname-only and given-name-only mentions, resolved to a person named in
//! the article or to the one knowledge-base person with that surname.

use std::collections::HashSet;

use super::lists::{in_list, is_title_word, CALENDAR_WORDS, DEMONYMS, NON_PERSON_WORDS, STOPWORDS};
use super::{Ctx, Named};
use crate::corpus::MentionVia;
use crate::lang::names;

impl<'t> Ctx<'_, 't> {
    /// True when token `i` starts its sentence (after any opening quote).
    fn sentence_initial(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        self.sentence_of(t.start).is_none_or(|s| {
            self.text
                .get(s.start..t.start)
                .is_none_or(|lead| lead.chars().all(|c| !c.is_alphanumeric()))
        })
    }

    /// A capitalized word mid-sentence that is also a common word ("No",
    /// "So", "Ha"): read as a name part when a person named earlier in the
    /// article has it as surname or given name ("greeted by No and other
    /// officers" after "No Kwang-chol").
    pub(super) fn refers_back(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.cap || t.acronym || self.sentence_initial(i) {
            return false;
        }
        let key = names::partial_key(t.bare_raw);
        self.people.iter().any(|p| {
            p.end <= t.start
                && p.key
                    .as_ref()
                    .is_some_and(|k| k.parts.len() > 1 && k.partial_keys().contains(&key.as_str()))
        })
    }

    /// "Shoigu", "Kim", "Chol": a surname or given name alone, resolved to
    /// the nearest person named in full before it (else after it) in the
    /// article, else to the one knowledge-base person with that surname.
    pub(super) fn resolve_partial_names(&mut self, singles: &[usize]) {
        let people = self.people.clone();
        for &i in singles {
            if self.covered[i] {
                continue;
            }
            let t = &self.toks[i];
            if (in_list(STOPWORDS, &t.bare) && !self.refers_back(i))
                || is_title_word(&t.bare)
                || in_list(DEMONYMS, &t.bare)
                || in_list(CALENDAR_WORDS, &t.bare)
                || NON_PERSON_WORDS.contains(&t.bare)
                || t.acronym
                || t.bare.chars().count() < 2
            {
                continue;
            }
            let key = names::partial_key(t.bare_raw);
            let pos = t.start;
            let refers = |p: &&Named| {
                p.key
                    .as_ref()
                    .is_some_and(|k| k.parts.len() > 1 && k.partial_keys().contains(&key.as_str()))
            };
            // Several people with this name part before it ("Kim Jong Un
            // ... his daughter Kim Ju Ae ... Kim"): the article's subject, the
            // first of them named, is the one a bare surname means.
            let before_all: Vec<&Named> = people
                .iter()
                .filter(|p| p.end <= pos)
                .filter(refers)
                .collect();
            let distinct: HashSet<&str> = before_all.iter().map(|p| p.actor.as_str()).collect();
            // Several people share the name part ("Kim Yo Jong, the sister
            // of leader Kim Jong Un … Kim said"): the one last named as a
            // sentence's subject (its first person) is the one a bare name
            // continues, not whoever was named last in passing.
            let subject_of_sentence = |p: &&Named| {
                let Some(s) = self.sentence_of(p.start) else {
                    return false;
                };
                !people
                    .iter()
                    .any(|q| q.start >= s.start && q.start < p.start)
            };
            let before = if distinct.len() > 1 {
                before_all
                    .iter()
                    .filter(|p| subject_of_sentence(p))
                    .max_by_key(|p| p.start)
                    .or_else(|| before_all.iter().max_by_key(|p| p.start))
                    .copied()
            } else {
                before_all.iter().max_by_key(|p| p.start).copied()
            };
            let after = || {
                people
                    .iter()
                    .filter(|p| p.start > pos)
                    .filter(refers)
                    .min_by_key(|p| p.start)
            };
            let chosen = before.or_else(after).map(|p| p.actor.clone()).or_else(|| {
                if names::is_korean_surname(t.bare_raw) {
                    return None;
                }
                let hits: Vec<&str> = self
                    .kb
                    .persons()
                    .filter(|(idx, _)| {
                        self.kb
                            .name_key(*idx)
                            .is_some_and(|k| k.parts.len() > 1 && k.surname() == key)
                    })
                    .map(|(_, a)| a.id.as_str())
                    .collect();
                (hits.len() == 1).then(|| hits[0].to_string())
            });
            if let Some(id) = chosen {
                self.push(i, i, id, MentionVia::PartialName);
            } else if self.looks_like_person(i, i + 1) && !self.vessel_context(i) {
                // "General Smirnov": a titled surname seen nowhere else.
                if let Some(k) = names::person_key_of_words(&[t.bare_raw]) {
                    let id = format!("?{}", k.as_string());
                    self.discovered.push((id.clone(), k.clone()));
                    self.add_person(i, i, id, MentionVia::Name, Some(k));
                }
            }
        }
    }
}
