//! Surname-only and given-name-only mentions, resolved to a person named in
//! the article or to the one knowledge-base person with that surname.

use rustc_hash::FxHashMap as HashMap;

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
        // Someone ending before `t` has this name part: the earliest end
        // among those who have it, from an index of everyone named so far.
        let mut index = self.earliest_by_part.borrow_mut();
        let (seen, earliest) = &mut *index;
        for p in &self.people[*seen..] {
            let Some(k) = p.key.as_ref().filter(|k| k.parts.len() > 1) else {
                continue;
            };
            for part in k.partial_keys() {
                let e = earliest.entry(part.to_string()).or_insert(p.end);
                *e = (*e).min(p.end);
            }
        }
        *seen = self.people.len();
        earliest.get(&key).is_some_and(|&end| end <= t.start)
    }

    /// "Shoigu", "Kim", "Chol": a surname or given name alone, resolved to
    /// the nearest person named in full before it (else after it) in the
    /// article, else to the one knowledge-base person with that surname.
    pub(super) fn resolve_partial_names(&mut self, singles: &[usize]) {
        let people = self.people.clone();
        let index = PartIndex::new(&people, |pos| self.sentence_of(pos).map(|s| s.start));
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
            // The people this name part refers back to, from the index:
            // before it, the last named (the last sentence subject among
            // them when they are several people), else the first after it.
            // A given name two people named before share ("Rob" after Rob
            // Andrew and Rob Howley) stays unresolved, unless someone before
            // has it as surname.
            if index.given_shared(&key, pos) && !index.surname_before(&key, pos) {
                continue;
            }
            let before = index.before(&key, pos).map(|p| &people[p]);
            let after = || index.after(&key, pos).map(|p| &people[p]);
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
            // The tagger's veto counts against everything but a person
            // named in full earlier in the article who is in the knowledge
            // base or whom the tagger reads as a person too (so one false
            // person does not spread to every later "Chechnya").
            let sure = before.is_some_and(|p| {
                !p.actor.starts_with('?') || self.tagged_person_in(p.start, p.end)
            });
            if !sure && self.vetoed(i, i + 1) {
                continue;
            }
            if let Some(id) = chosen {
                self.push(i, i, id, MentionVia::PartialName);
            } else if (self.looks_like_person(i, i + 1) || self.tagged_person(i))
                && !self.vessel_context(i)
            {
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

/// The people named in full before partial names are resolved, indexed by
/// each name part they can be referred back by, so a surname alone looks at
/// the people with that surname (by binary search), not at everyone named.
struct PartIndex {
    parts: HashMap<String, Part>,
    /// Per given name: the earliest end by which two different actors
    /// with it as given name have been named.
    given_two: HashMap<String, usize>,
    /// Per surname: the earliest end of a person with it.
    surname_first: HashMap<String, usize>,
}

/// The people with one name part, as indexes into the people list.
#[derive(Default)]
struct Part {
    /// (end, index), sorted: a prefix is everyone ending at or before a position.
    by_end: Vec<(usize, usize)>,
    /// For each prefix of `by_end` (at its length - 1): the one named last
    /// (greatest start, then greatest index), and the one named last that
    /// opens its sentence.
    last: Vec<usize>,
    last_subject: Vec<Option<usize>>,
    /// Length of the shortest prefix of `by_end` holding two distinct actors.
    two_actors: usize,
    /// (start, index), sorted.
    by_start: Vec<(usize, usize)>,
}

impl PartIndex {
    fn new(people: &[Named], sentence_start: impl Fn(usize) -> Option<usize>) -> PartIndex {
        // A person is a sentence's subject when nobody named starts in that
        // sentence before them.
        let sentence_of: Vec<Option<usize>> =
            people.iter().map(|p| sentence_start(p.start)).collect();
        let mut first_in_sentence: HashMap<usize, usize> = HashMap::default();
        for q in people {
            // Those starting at or after a sentence's start and inside it.
            if let Some(s) = sentence_start(q.start) {
                let e = first_in_sentence.entry(s).or_insert(q.start);
                *e = (*e).min(q.start);
            }
        }
        let subject = |i: usize| {
            sentence_of[i].is_some_and(|s| {
                first_in_sentence
                    .get(&s)
                    .is_none_or(|&f| f >= people[i].start)
            })
        };
        let mut given: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        let mut surname_first: HashMap<String, usize> = HashMap::default();
        for (i, p) in people.iter().enumerate() {
            let Some(k) = p.key.as_ref().filter(|k| k.parts.len() > 1) else {
                continue;
            };
            let e = surname_first
                .entry(k.surname().to_string())
                .or_insert(p.end);
            *e = (*e).min(p.end);
            if let Some(g) = k.given() {
                given.entry(g.to_string()).or_default().push((p.end, i));
            }
        }
        let mut given_two = HashMap::default();
        for (g, mut list) in given {
            list.sort_unstable();
            let first = people[list[0].1].actor.as_str();
            if let Some(&(end, _)) = list.iter().find(|&&(_, i)| people[i].actor != first) {
                given_two.insert(g, end);
            }
        }
        let mut parts: HashMap<String, Part> = HashMap::default();
        for (i, p) in people.iter().enumerate() {
            let Some(k) = p.key.as_ref().filter(|k| k.parts.len() > 1) else {
                continue;
            };
            let mut keys = k.partial_keys();
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                let part = parts.entry(key.to_string()).or_default();
                part.by_start.push((p.start, i));
                part.by_end.push((p.end, i));
            }
        }
        for part in parts.values_mut() {
            part.by_start.sort_unstable();
            part.by_end.sort_unstable();
            part.two_actors = usize::MAX;
            let mut best: Option<usize> = None;
            let mut best_subject: Option<usize> = None;
            let first_actor = part.by_end.first().map(|&(_, i)| people[i].actor.as_str());
            for (n, &(_, i)) in part.by_end.iter().enumerate() {
                let later = |b: Option<usize>| {
                    b.is_none_or(|b| (people[i].start, i) > (people[b].start, b))
                };
                if later(best) {
                    best = Some(i);
                }
                if subject(i) && later(best_subject) {
                    best_subject = Some(i);
                }
                part.last.push(best.unwrap_or(i));
                part.last_subject.push(best_subject);
                if part.two_actors == usize::MAX && Some(people[i].actor.as_str()) != first_actor {
                    part.two_actors = n + 1;
                }
            }
        }
        PartIndex {
            parts,
            given_two,
            surname_first,
        }
    }

    /// True when two different people named before `pos` have this given name.
    fn given_shared(&self, key: &str, pos: usize) -> bool {
        self.given_two.get(key).is_some_and(|&end| end <= pos)
    }

    /// True when someone named before `pos` has this surname.
    fn surname_before(&self, key: &str, pos: usize) -> bool {
        self.surname_first.get(key).is_some_and(|&end| end <= pos)
    }

    /// The person a name part at `pos` continues, among those ending before
    /// it: the last named, or when they are several people the last named
    /// as a sentence's subject.
    fn before(&self, key: &str, pos: usize) -> Option<usize> {
        let part = self.parts.get(key)?;
        let n = part.by_end.partition_point(|&(end, _)| end <= pos);
        let last = *part.last.get(n.checked_sub(1)?)?;
        if n >= part.two_actors {
            Some(part.last_subject[n - 1].unwrap_or(last))
        } else {
            Some(last)
        }
    }

    /// The first person with the name part named after `pos`.
    fn after(&self, key: &str, pos: usize) -> Option<usize> {
        let part = self.parts.get(key)?;
        let n = part.by_start.partition_point(|&(start, _)| start <= pos);
        part.by_start.get(n).map(|&(_, i)| i)
    }
}
