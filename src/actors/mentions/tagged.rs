//! What the trained name tagger (`lang::tagger`) says of the article's
//! words: it proposes people the rules miss (new names) and vetoes the
//! rules' people it reads, with confidence, as an organization, place or
//! other name ("Salomon Brothers said"). Knowledge-base names come first
//! and are never vetoed.

use super::Ctx;
use crate::corpus::MentionVia;
use crate::lang::names;
use crate::lang::tagger::{self, Kind};

/// Margin (in score units) above which a non-person tag vetoes a rule's
/// person; tuned on CoNLL-2003 testa.
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

    /// True when the tagger reads some of tokens `from..to` as a name other
    /// than a person's, with confidence, and none of them as a person's.
    pub(super) fn vetoed(&self, from: usize, to: usize) -> bool {
        let mut veto = false;
        for k in from..to.min(self.toks.len()) {
            if let Some(t) = self.tagged_at[k].map(|i| self.tagged[i]) {
                if t.kind == Kind::Per {
                    return false;
                }
                veto |= t.confidence >= VETO;
            }
        }
        veto
    }

    /// People the tagger found that no step has: a lone word goes to
    /// partial-name resolution with the rules' singles; a longer name is a
    /// person not in the knowledge base.
    pub(super) fn add_tagged_people(&mut self, singles: &mut Vec<usize>) {
        for t in self.tagged.clone() {
            if t.kind != Kind::Per || (t.from..=t.to).any(|k| self.covered[k]) {
                continue;
            }
            if t.from == t.to {
                if !singles.contains(&t.from) {
                    singles.push(t.from);
                }
                continue;
            }
            let words: Vec<&str> = self.toks[t.from..=t.to].iter().map(|x| x.bare_raw).collect();
            if let Some(key) = names::person_key_of_words(&words) {
                let id = format!("?{}", key.as_string());
                self.discovered.push((id.clone(), key.clone()));
                self.add_person(t.from, t.to, id, MentionVia::Name, Some(key));
            }
        }
        singles.sort_unstable();
        singles.dedup();
    }

    /// True when the tagger reads token `k` alone as a person.
    pub(super) fn tagged_person(&self, k: usize) -> bool {
        self.tagged_at[k]
            .map(|i| self.tagged[i])
            .is_some_and(|t| t.kind == Kind::Per && t.from == t.to)
    }
}
