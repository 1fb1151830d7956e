//! What the trained name tagger (`lang::tagger`) says of the article's
//! words: it proposes people the rules miss (new names) and vetoes the
//! rules' people it reads, with confidence, as an organization, place or
//! other name ("Salomon Brothers said"). Knowledge-base names come first
//! and are never vetoed.

use super::lists::{in_list, is_title_word, CALENDAR_WORDS, DEMONYMS, NON_PERSON_WORDS, STOPWORDS};
use super::{Ctx, KB_NAME_WORDS};
use crate::corpus::MentionVia;
use crate::lang::names;
use crate::lang::tagger::{self, Kind};

/// Margin (in score units) above which a non-person tag vetoes a rule's
/// person; chosen on CoNLL-2003 testa (0.5 to 4 score the same there).
const VETO: f32 = 2.0;

/// A tagger name on the finder's tokens.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tagged {
    pub from: usize,
    /// Last token, inclusive.
    pub to: usize,
    pub kind: Kind,
    pub confidence: f32,
}

impl<'t> Ctx<'_, 't> {
    /// Runs the tagger over the article and maps its names onto tokens:
    /// a name holds the tokens whose bare word lies inside it.
    pub(super) fn run_tagger(&mut self) {
        // A damaged compiled-in model leaves the rules alone (the model's
        // own test fails loudly on such a build).
        let Ok(model) = tagger::model() else {
            return;
        };
        let found = tagger::entities(model, self.text, self.sentences);
        let mut k = 0;
        for e in found {
            while k < self.toks.len() && self.toks[k].start < e.start {
                k += 1;
            }
            let mut j = k;
            while j < self.toks.len() && self.toks[j].start + self.toks[j].bare_raw.len() <= e.end {
                j += 1;
            }
            if j == k || self.toks[k].start != e.start {
                continue;
            }
            let t = Tagged {
                from: k,
                to: j - 1,
                kind: e.kind,
                confidence: e.confidence,
            };
            for x in k..j {
                self.tagged_at[x] = Some(self.tagged.len());
            }
            self.tagged.push(t);
        }
    }

    /// True when the tagger's veto ([`Self::tagged_other`]) holds against
    /// the rules' weaker evidence: a rank or office in front, or a Korean
    /// name's shape, keeps the rules' person.
    pub(super) fn vetoed(&self, from: usize, to: usize) -> bool {
        if !self.tagged_other(from, to) || self.title_before(from).is_some() {
            return false;
        }
        let words: Vec<&str> = self.toks[from..to.min(self.toks.len())]
            .iter()
            .map(|t| t.bare_raw)
            .collect();
        !names::is_korean_name(&words)
    }

    /// True when the tagger reads some of tokens `from..to` as a name other
    /// than a person's, with confidence: none of them is a person's, or
    /// the tagger splits them into a person and something else ("Lebed
    /// Chechnya").
    fn tagged_other(&self, from: usize, to: usize) -> bool {
        (from..to.min(self.toks.len())).any(|k| {
            self.tagged_at[k]
                .map(|i| self.tagged[i])
                .is_some_and(|t| t.kind != Kind::Per && t.confidence >= VETO)
        })
    }

    /// True when the tagger reads a word of the byte range as a person's.
    pub(super) fn tagged_person_in(&self, start: usize, end: usize) -> bool {
        let k = self.toks.partition_point(|t| t.start < start);
        (k..self.toks.len())
            .take_while(|&j| self.toks[j].start < end)
            .any(|j| {
                self.tagged_at[j]
                    .map(|i| self.tagged[i])
                    .is_some_and(|t| t.kind == Kind::Per)
            })
    }

    /// People of two or more words the tagger found where no step has put
    /// a name: the knowledge-base person when the words are one's name, else
    /// a person not in the knowledge base. Runs before the rules' people
    /// step, so a tagged name is taken whole ("Joost van der Westhuizen"),
    /// unless part of it starts a knowledge-base name (the rules find those).
    pub(super) fn add_tagged_names(&mut self) {
        let n = self.toks.len();
        for t in self.tagged.clone() {
            if t.kind != Kind::Per || (t.from..=t.to).any(|k| self.covered[k]) {
                continue;
            }
            // Titles, ranks and the like in front are not the name ("Army
            // General Viktor Goremykin"); what the rules read as no
            // person's word inside, or a knowledge-base name overlapping
            // the span, leaves the words to the rules.
            let mut from = t.from;
            while from <= t.to && self.not_name_word(from) {
                from += 1;
            }
            if from >= t.to
                || (from..=t.to).any(|k| self.not_name_word(k) || !self.latin_word(k))
                || (from.saturating_sub(KB_NAME_WORDS - 1)..=t.to).any(|k| {
                    self.longest_kb_name(k, (k + KB_NAME_WORDS).min(n))
                        .is_some_and(|len| k + len > from)
                })
            {
                continue;
            }
            let t = Tagged { from, ..t };
            let words: Vec<&str> = self.toks[t.from..=t.to]
                .iter()
                .map(|x| x.bare_raw)
                .collect();
            let Some(key) = names::person_key_of_words(&words) else {
                continue;
            };
            if let Some(&idx) = self.kb.person_names.get(&key).and_then(|ids| ids.first()) {
                let id = self.kb.actors[idx].id.clone();
                self.add_person(t.from, t.to, id, MentionVia::Name, Some(key));
                continue;
            }
            let id = format!("?{}", key.as_string());
            self.discovered.push((id.clone(), key.clone()));
            self.add_person(t.from, t.to, id, MentionVia::Name, Some(key));
        }
    }

    /// Lone words the tagger reads as a person, for partial-name resolution
    /// with the rules' single words.
    pub(super) fn add_tagged_singles(&self, singles: &mut Vec<usize>) {
        for t in &self.tagged {
            if t.kind == Kind::Per && t.from == t.to && !self.covered[t.from] {
                singles.push(t.from);
            }
        }
        singles.sort_unstable();
        singles.dedup();
    }

    /// Words the rules never take as part of a person's name: titles,
    /// stopwords, calendar words, demonyms, organization heads, acronyms.
    fn not_name_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        let w = t.bare.as_str();
        is_title_word(w)
            || in_list(STOPWORDS, w)
            || in_list(CALENDAR_WORDS, w)
            || in_list(DEMONYMS, w)
            || NON_PERSON_WORDS.contains(w)
            || t.acronym
    }

    /// A capitalized word of Latin letters (the script the tagger learned).
    fn latin_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.cap
            && t.bare_raw
                .chars()
                .all(|c| c == '-' || c == '\'' || c == '’' || (c.is_alphabetic() && c < '\u{0250}'))
    }

    /// True when the tagger reads token `k` alone as a person.
    pub(super) fn tagged_person(&self, k: usize) -> bool {
        self.latin_word(k)
            && self.tagged_at[k]
                .map(|i| self.tagged[i])
                .is_some_and(|t| t.kind == Kind::Per && t.from == t.to)
    }
}
