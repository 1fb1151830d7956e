//! Repair of names machine translation damaged (a Korean surname turned
//! into an English word), anchored by the title, the role and the date.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::{Ctx, Named};
use crate::actors::roles;
use crate::corpus::MentionVia;
use crate::lang::names::{self, data_lines};

/// English words machine translation made of one-syllable Korean surnames.
static MISTRANSLATED: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    data_lines(include_str!(
        "../../../data/names/mistranslated_name_parts.txt"
    ))
    .filter_map(|l| {
        let (word, part) = l.split_once('\t')?;
        Some((word.trim().to_lowercase(), part.trim().to_string()))
    })
    .collect()
});

impl<'t> Ctx<'_, 't> {
    /// "Gwan Cholle" after "but": Russian "Но" (the surname No) translated
    /// as a conjunction. A word that is also a name part, directly before
    /// capitalized Korean-looking fragments, in a title context, is read as
    /// that name part when the result matches a person the role and date
    /// point to.
    pub(super) fn find_repaired_names(&mut self) {
        let n = self.toks.len();
        for i in 0..n {
            let Some(part) = MISTRANSLATED.get(self.toks[i].lower.as_str()).cloned() else {
                continue;
            };
            // The fragments: up to three capitalized Korean syllable words.
            let mut frags = Vec::new();
            let mut k = i + 1;
            while k < n && frags.len() < 3 {
                let prev = &self.toks[k - 1];
                let t = &self.toks[k];
                let gap = self.text.get(prev.end..t.start).unwrap_or("").trim();
                if !(gap.is_empty() || (gap == "," && k == i + 1)) || !t.cap || self.covered[k] {
                    break;
                }
                frags.push(k);
                k += 1;
            }
            if frags.is_empty() || self.covered[i] {
                continue;
            }
            let Some((tfrom, tto)) = self.title_before(i) else {
                continue;
            };
            let title = self.text[self.toks[tfrom].start..self.toks[tto].end].to_string();
            let surname = names::token_key(&part);
            let given: String = frags
                .iter()
                .map(|&f| names::token_key(self.toks[f].bare_raw))
                .collect::<Vec<_>>()
                .concat();
            let given = names::token_key(&given);
            let class = roles::classify(&title);
            let country = roles::country_in(&title);
            let mut candidates: Vec<String> = Vec::new();
            for (idx, a) in self.kb.persons() {
                let matches = self.kb.spelling_keys[idx].iter().any(|key| {
                    key.korean
                        && key.surname() == surname
                        && key
                            .given()
                            .is_some_and(|g| names::damaged_given_matches(&given, g))
                });
                if matches {
                    candidates.push(a.id.clone());
                }
            }
            // Role and date decide among name candidates, or stand alone
            // when the fragments are too damaged but the surname agrees.
            // Without a date yet, the choice the date would make is left
            // open, and the caller told to look again once it has one.
            if class.is_some() && candidates.len() != 1 && self.published.is_none() {
                self.date_sensitive = true;
            }
            let holders: Vec<String> = match (class, self.published) {
                (Some(c), Some(d)) => roles::holders_on(self.kb, c, country, d)
                    .into_iter()
                    .filter(|a| names::person_key(&a.name).is_some_and(|k| k.surname() == surname))
                    .map(|a| a.id.clone())
                    .collect(),
                _ => Vec::new(),
            };
            let chosen = if candidates.len() == 1 {
                candidates.pop()
            } else if candidates.len() > 1 {
                candidates.into_iter().find(|c| holders.contains(c))
            } else if holders.len() == 1 {
                holders.into_iter().next()
            } else {
                None
            };
            if let Some(id) = chosen {
                let last = *frags.last().unwrap_or(&i);
                self.push(i, last, id.clone(), MentionVia::Repaired);
                let key = self.kb.get(&id).and_then(|a| names::person_key(&a.name));
                self.people.push(Named {
                    start: self.toks[i].start,
                    end: self.toks[last].end,
                    actor: id,
                    key,
                });
            }
        }
    }
}
