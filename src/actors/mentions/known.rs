//! Knowledge-base names and aliases: organizations, countries and places,
//! then people in runs of capitalized words (what is left goes to the other steps).

use super::lists::{
    in_list, is_name_particle, is_particle_name_word, is_title_word, CALENDAR_WORDS, DEMONYMS,
    NON_PERSON_WORDS, STOPWORDS,
};
use super::{Ctx, KB_NAME_WORDS};
use crate::corpus::MentionVia;
use crate::lang::names;
use crate::lang::tokens::joined;

impl<'t> Ctx<'_, 't> {
    /// Organizations, countries and places by their knowledge-base names:
    /// longest match first.
    pub(super) fn find_other_actors(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        // Buffers reused from word to word (no allocation per word).
        let (mut key, mut bare) = (String::new(), String::new());
        let (mut ends, mut starts) = (Vec::new(), Vec::new());
        while i < n {
            let t = &self.toks[i];
            let usable = t.acronym || (t.cap && !in_list(STOPWORDS, &t.lower));
            if !usable {
                i += 1;
                continue;
            }
            let mut found = None;
            let max = self.kb.max_other_words.min(n - i);
            // The names of 1..=max words from here as one string of
            // lower-case words: `ends[len - 1]` ends the name of `len`
            // words, `starts[len - 1]` starts its last word.
            key.clear();
            ends.clear();
            starts.clear();
            for len in 1..=max {
                let j = i + len - 1;
                if len > 1 && !joined(self.text, &self.toks[j - 1], &self.toks[j]) {
                    break;
                }
                if len > 1 {
                    key.push(' ');
                }
                starts.push(key.len());
                key.push_str(&self.toks[j].lower);
                ends.push(key.len());
            }
            for len in (1..=ends.len()).rev() {
                let last = &self.toks[i + len - 1];
                // A multi-word name must end on a capitalized word or a
                // listed lower-case head ("Kursk region").
                let full = &key[..ends[len - 1]];
                let mut hit = self.kb.other_names.get(full);
                if hit.is_none() && last.bare != last.lower {
                    bare.clear();
                    bare.push_str(&key[..starts[len - 1]]);
                    bare.push_str(&last.bare);
                    hit = self.kb.other_names.get(bare.as_str());
                }
                if let Some(&idx) = hit {
                    // A lone short all-caps alias ("US") must be written
                    // in capitals to count.
                    if len == 1 && last.lower.len() <= 3 && !last.acronym {
                        continue;
                    }
                    found = Some((len, idx));
                    break;
                }
            }
            if let Some((len, idx)) = found {
                let id = self.kb.actors[idx].id.clone();
                self.push(i, i + len - 1, id, MentionVia::Name);
                i += len;
            } else {
                i += 1;
            }
        }
    }

    /// Runs of capitalized words: knowledge-base people by full name, and
    /// people not in the knowledge base by title, name shape or speech
    /// verb. Returns the single capitalized words left for partial-name
    /// resolution.
    pub(super) fn find_named_people(&mut self) -> Vec<usize> {
        let n = self.toks.len();
        let mut singles = Vec::new();
        let mut i = 0;
        while i < n {
            if self.covered[i] || !self.toks[i].cap {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while let Some(next) = self.run_continues(j) {
                j = next;
            }
            // A possessive ends the run but belongs to it ("Shoigu’s").
            self.person_run(i, j, &mut singles);
            i = j;
        }
        singles
    }

    /// Where a run of name words that has reached token `j` goes on to:
    /// `j + 1` when `j` is a capitalized word (or "al-Assad") joined to the
    /// run, past up to two lower-case particles when a name word follows
    /// them ("Lula da Silva", "von der Leyen"); `None` when the run ends
    /// (punctuation, a possessive, a word already taken).
    fn run_continues(&self, j: usize) -> Option<usize> {
        let n = self.toks.len();
        let name_word = |k: usize| {
            k < n
                && !self.covered[k]
                && (self.toks[k].cap || is_particle_name_word(self.toks[k].bare_raw))
                && joined(self.text, &self.toks[k - 1], &self.toks[k])
                && self.toks[k - 1].bare_raw.len() == self.toks[k - 1].raw.len()
        };
        if name_word(j) {
            return Some(j + 1);
        }
        let mut k = j;
        while k < n
            && k < j + 2
            && !self.covered[k]
            && is_name_particle(self.toks[k].bare_raw)
            && joined(self.text, &self.toks[k - 1], &self.toks[k])
            && self.toks[k - 1].bare_raw.len() == self.toks[k - 1].raw.len()
        {
            k += 1;
        }
        (k > j && name_word(k)).then_some(k + 1)
    }

    fn person_run(&mut self, from: usize, to: usize, singles: &mut Vec<usize>) {
        let mut start = from;
        while start < to {
            let t = &self.toks[start];
            let w = t.bare.as_str();
            let strip = ((in_list(STOPWORDS, w) && !self.refers_back(start))
                || in_list(CALENDAR_WORDS, w)
                || is_title_word(w)
                || in_list(DEMONYMS, w)
                || t.acronym)
                && !self.starts_kb_name(start, to);
            if !strip {
                break;
            }
            start += 1;
        }
        // A title or organization word inside the run ends what comes before
        // the name ("Natural Resources Minister Alexander Kozlov", "First
        // Asian Department Georgy Zinoviev"); one at its end makes the whole
        // run a place or body ("Kim Il Sung Square").
        if let Some(k) = (start..to).rev().find(|&k| {
            let t = &self.toks[k];
            let w = t.bare.as_str();
            (is_title_word(w)
                || in_list(DEMONYMS, w)
                || NON_PERSON_WORDS.contains(w)
                || (in_list(STOPWORDS, w) && !self.refers_back(k))
                || t.acronym)
                && !self.starts_kb_name(k, to)
                && (NON_PERSON_WORDS.contains(w) || !(k > start && self.starts_kb_name(start, to)))
        }) {
            start = k + 1;
        }
        let mut i = start;
        while i < to {
            // The longest knowledge-base name starting here.
            let max = if self.may_start_kb_name(i) {
                (to - i).min(5)
            } else {
                0
            };
            let mut hit = None;
            for len in (1..=max).rev() {
                let words: Vec<&str> = self.toks[i..i + len].iter().map(|t| t.bare_raw).collect();
                if let Some(key) = names::person_key_of_words(&words) {
                    if let Some(ids) = self.kb.person_names.get(&key) {
                        if len > 1 || !names::is_korean_surname(words[0]) {
                            hit = ids.first().map(|&x| (len, x, key));
                            break;
                        }
                    }
                }
            }
            if let Some((len, idx, key)) = hit {
                let id = self.kb.actors[idx].id.clone();
                self.add_person(i, i + len - 1, id, MentionVia::Name, Some(key));
                i += len;
                continue;
            }
            // Not in the knowledge base: is the rest of the run a name?
            let tail = &self.toks[i..to];
            let words: Vec<&str> = tail.iter().map(|t| t.bare_raw).collect();
            if tail.len() >= 2
                && tail.len() <= 4
                && self.looks_like_person(i, to)
                && !self.vetoed(i, to)
            {
                if let Some(key) = names::person_key_of_words(&words) {
                    let id = format!("?{}", key.as_string());
                    self.discovered.push((id.clone(), key.clone()));
                    self.add_person(i, to - 1, id, MentionVia::Name, Some(key));
                    return;
                }
            }
            if tail.len() == 1
                && ((self.looks_like_person(i, to) && !self.vessel_context(i))
                    || self.refers_back(i)
                    || self.tagged_person(i))
                && !self.vetoed(i, to)
            {
                singles.push(i);
                return;
            }
            // Particles inside the run are no names of their own.
            singles.extend((i..to).filter(|&k| self.toks[k].cap));
            return;
        }
    }

    /// True when two to [`KB_NAME_WORDS`] words from `at` (ending by `to`)
    /// are a knowledge-base person's name.
    pub(super) fn starts_kb_name(&self, at: usize, to: usize) -> bool {
        self.longest_kb_name(at, to).is_some()
    }

    /// The most words (two to [`KB_NAME_WORDS`], ending by `to`) from `at`
    /// that are a knowledge-base person's name.
    pub(super) fn longest_kb_name(&self, at: usize, to: usize) -> Option<usize> {
        let most = to.saturating_sub(at).min(KB_NAME_WORDS);
        if most < 2 || !self.may_start_kb_name(at) {
            return None;
        }
        (2..=most).rev().find(|&len| {
            let words: Vec<&str> = self.toks[at..at + len].iter().map(|t| t.bare_raw).collect();
            names::person_key_of_words(&words)
                .is_some_and(|k| self.kb.person_names.contains_key(&k))
        })
    }

    /// False when no knowledge-base person's name starts with token `at`
    /// ([`crate::actors::kb::KnowledgeBase::may_start_person_name`],
    /// remembered per token).
    pub(super) fn may_start_kb_name(&self, at: usize) -> bool {
        let Some(cell) = self.kb_first_word.get(at) else {
            return false;
        };
        if cell.get() == 0 {
            let may = self.kb.may_start_person_name(self.toks[at].bare_raw);
            cell.set(if may { 2 } else { 1 });
        }
        cell.get() == 2
    }
}
