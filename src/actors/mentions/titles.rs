//! Title phrases around a person's name (before it or in apposition) and the
//! roles the article reports for its people.

use super::lists::{in_list, is_core_title, is_title_word, DEMONYMS, STOPWORDS};
use super::Ctx;
use crate::corpus::{MentionVia, ReportedRole};

impl<'t> Ctx<'_, 't> {
    /// The title phrase right before token `j` in its sentence ("Russian
    /// Deputy Defense Minister, Army General"), as token range.
    pub(super) fn title_before(&self, j: usize) -> Option<(usize, usize)> {
        let sentence_start = self.sentence_of(self.toks.get(j)?.start).map(|s| s.start)?;
        let mut k = j;
        let mut first = None;
        while k > 0 {
            let t = &self.toks[k - 1];
            let next = &self.toks[k];
            if t.start < sentence_start {
                break;
            }
            let gap = self.text.get(t.end..next.start).unwrap_or("");
            let gap_ok = gap.trim().is_empty()
                || (gap.trim() == "," && is_title_word(&t.bare) && first.is_some());
            if !gap_ok {
                break;
            }
            let word = t.bare.as_str();
            let allowed = (t.cap && !in_list(STOPWORDS, word))
                || t.acronym
                || is_title_word(word)
                || in_list(DEMONYMS, word)
                || matches!(word, "of" | "the" | "to" | "for");
            if !allowed {
                break;
            }
            // Another person ends the title ("Shoigu and Kim").
            if self.covered[k - 1] && self.in_person(k - 1) {
                break;
            }
            k -= 1;
            first = Some(k);
        }
        let mut first = first?;
        // Trim leading connectors and words that are not part of a title.
        while first < j {
            let w = self.toks[first].bare.as_str();
            if matches!(w, "of" | "the" | "to" | "for" | "and") || in_list(STOPWORDS, w) {
                first += 1;
            } else {
                break;
            }
        }
        if first >= j {
            return None;
        }
        let phrase = self
            .text
            .get(self.toks[first].start..self.toks[j - 1].end)?;
        is_core_title(&phrase.to_lowercase()).then_some((first, j - 1))
    }

    /// The apposition after token `last`: ", the Russian security chief,".
    pub(super) fn title_after(&self, last: usize) -> Option<(usize, usize)> {
        let t = self.toks.get(last)?;
        let next = self.toks.get(last + 1)?;
        if self.text.get(t.end..next.start)?.trim() != "," {
            return None;
        }
        let mut k = last + 1;
        let mut end = None;
        while k < self.toks.len() {
            let tok = &self.toks[k];
            if k > last + 1 {
                let gap = self.text.get(self.toks[k - 1].end..tok.start).unwrap_or("");
                if !gap.trim().is_empty() {
                    break;
                }
            }
            let w = tok.bare.as_str();
            let ok = tok.cap
                || tok.acronym
                || is_title_word(w)
                || in_list(DEMONYMS, w)
                || matches!(w, "the" | "of" | "a" | "to" | "for" | "and");
            if !ok || (tok.cap && self.covered[k] && self.is_person_at(k)) {
                break;
            }
            end = Some(k);
            k += 1;
        }
        let end = end?;
        let mut first = last + 1;
        while first < end && matches!(self.toks[first].bare.as_str(), "the" | "a") {
            first += 1;
        }
        // Trim trailing connectors.
        let mut end = end;
        while end > first
            && matches!(
                self.toks[end].bare.as_str(),
                "the" | "of" | "a" | "to" | "for" | "and"
            )
        {
            end -= 1;
        }
        let phrase = self.text.get(self.toks[first].start..self.toks[end].end)?;
        is_core_title(&phrase.to_lowercase()).then_some((first, end))
    }

    /// Titles the article gives people: before the name ("North Korean
    /// Defense Minister Kang Sun-nam") or in apposition ("Ri Chang Dae, the
    /// DPRK's State Security Minister").
    pub(super) fn reported_roles(&self) -> Vec<ReportedRole> {
        let mut out = Vec::new();
        for m in &self.mentions {
            if !self.is_person(&m.actor) || m.via == MentionVia::PartialName {
                continue;
            }
            // Tokens are sorted by start: binary searches, not scans.
            let first = self.toks.partition_point(|t| t.start < m.start);
            if self.toks.get(first).is_none_or(|t| t.start != m.start) {
                continue;
            }
            let Some(last) = self
                .toks
                .partition_point(|t| t.start < m.end)
                .checked_sub(1)
            else {
                continue;
            };
            let Some(sentence) = self.sentence_of(m.start) else {
                continue;
            };
            for (a, b) in [self.title_before(first), self.title_after(last)]
                .into_iter()
                .flatten()
            {
                let title = self.text[self.toks[a].start..self.toks[b].end]
                    .trim_end_matches([',', ' '])
                    .to_string();
                out.push(ReportedRole {
                    actor: m.actor.clone(),
                    title,
                    sentence_start: sentence.start,
                    sentence_end: sentence.end,
                });
            }
        }
        out
    }
}
