//! Role mentions ("the North Korean leader") resolved to the person the
//! article or the knowledge base says held the office.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::lists::{in_list, is_title_word, DEMONYMS};
use super::Ctx;
use crate::actors::roles::{self, RoleClass};
use crate::corpus::{Mention, MentionVia, ReportedRole};
use crate::lang::names;

/// An office asked about: its class and country.
type Office = (RoleClass, Option<&'static str>);
/// A person mention holding an office: start, end, actor.
type Holder = (usize, usize, String);

impl<'t> Ctx<'_, 't> {
    /// "the North Korean leader", "the Russian defense minister": to the
    /// person named earlier with that office, else to whoever held it on
    /// the article's date in the knowledge base.
    pub(super) fn find_role_mentions(&mut self, reported: &[ReportedRole]) {
        static ROLE: LazyLock<Regex> = LazyLock::new(|| {
            // Nationality or country before the office, the office itself
            // (longest forms first: the regex takes the first alternative
            // that matches), and an optional "of <country>" after it.
            const NATION: &str = r"(?:north\s+korean|south\s+korean|dprk(?:['’]s)?|russian|russia['’]s|u\.?s\.?|american|ukrainian|chinese|japanese|korean|kremlin['’]s?|kpa|north['’]s|pyongyang['’]s|moscow['’]s|seoul['’]s)\s+";
            const POSSESSOR: &str = r"(?:pyongyang|moscow|seoul|russia|north\s+korea|the\s+north|kremlin|washington|beijing|kyiv)['’]s\s+";
            const OFFICE: &str = r"(?:supreme\s+leader|leader|general\s+secretary|head\s+of\s+state|kremlin\s+chief|top\s+diplomat|deputy\s+defen[cs]e\s+minister|deputy\s+head\s+of\s+the\s+(?:russian\s+)?(?:military|defen[cs]e)\s+(?:department|ministry)|head\s+of\s+the\s+(?:russian\s+)?military\s+department|defen[cs]e\s+minister|defen[cs]e\s+chief|minister\s+of\s+defen[cs]e|head\s+of\s+the\s+ministry\s+of\s+defen[cs]e|head\s+of\s+the\s+defen[cs]e\s+ministry|foreign\s+minister|minister\s+of\s+foreign\s+affairs|security\s+chief|security\s+council\s+secretary|chief\s+of\s+(?:the\s+)?general\s+staff|president|prime\s+minister|premier|ambassador|state\s+security\s+minister|minister)";
            const OF: &str = r"(?:\s+of\s+(?:the\s+)?(?:dprk|russia|russian\s+federation|north\s+korea|kpa|korean\s+people['’]s\s+army|korean\s+people['’]s\s+democratic\s+republic|democratic\s+people['’]s\s+republic\s+of\s+korea)|\s+dprk)?";
            Regex::new(&format!(
                r"(?i)\b(?:(?:the|his|her|their)\s+((?:{NATION})?{OFFICE}{OF})|({POSSESSOR}{OFFICE}{OF}))\b"
            ))
            .expect("role pattern is valid")
        });
        // What each person is known as in this article.
        let mut titles: HashMap<&str, Vec<(RoleClass, Option<&'static str>)>> = HashMap::default();
        for r in reported {
            if let Some(c) = roles::classify(&r.title) {
                titles
                    .entry(r.actor.as_str())
                    .or_default()
                    .push((c, roles::country_in(&r.title)));
            }
        }
        self.mentions.sort_by_key(|m| (m.start, m.end));
        // The mentions stay sorted (the loop only removes some), so each
        // role phrase looks at the few mentions near it by binary search.
        // No mention is longer than this, so one overlapping a span starts
        // at most this far before it.
        let longest = self
            .mentions
            .iter()
            .map(|m| m.end - m.start)
            .max()
            .unwrap_or(0);
        // Person mentions are never removed below: the ones holding an
        // office, per office, in text order, built when first asked for.
        let mut holders_in_article: HashMap<Office, Vec<Holder>> = HashMap::default();
        let mut found = Vec::new();
        // Spans of the role phrases that replace the (non-person) mentions
        // inside them, in text order; removed in one pass at the end.
        let mut replaced: Vec<(usize, usize)> = Vec::new();
        for caps in ROLE.captures_iter(self.text) {
            let (Some(whole), Some(phrase)) = (caps.get(0), caps.get(1).or_else(|| caps.get(2)))
            else {
                continue;
            };
            let Some(class) = roles::classify(phrase.as_str()) else {
                continue;
            };
            let country = roles::country_in(phrase.as_str());
            // Already inside a mention, or a title of the name that follows
            // or precedes it (apposition), not a mention of its own.
            let overlaps = |m: &Mention| m.start < whole.end() && whole.start() < m.end;
            if self
                .near(whole.start().saturating_sub(longest), whole.end())
                .iter()
                .any(|m| overlaps(m) && self.is_person(&m.actor))
            {
                continue;
            }
            // "who served as Russia's defense minister", "the former
            // president": a description, not a reference to the holder.
            let mut previous = self.text[..whole.start()]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .rev()
                .map(str::to_lowercase);
            let previous_word = previous.next().unwrap_or_default();
            // "as" only after a verb of holding office ("served as"), not
            // the conjunction ("as the North Korean leader stepped out").
            let previous_word = if previous_word == "as" {
                let verb = previous.next().unwrap_or_default();
                let office_verb = ["serv", "act", "work", "role", "appoint", "name", "elect"]
                    .iter()
                    .any(|v| verb.starts_with(v));
                if office_verb {
                    previous_word
                } else {
                    String::new()
                }
            } else {
                previous_word
            };
            let next_word = self.text[whole.end()..]
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase();
            if matches!(
                previous_word.as_str(),
                "as" | "former"
                    | "became"
                    | "become"
                    | "becomes"
                    | "named"
                    | "appointed"
                    | "was"
                    | "is"
            ) || next_word == "until"
            {
                continue;
            }
            if phrase.as_str().to_lowercase().starts_with("former") {
                continue;
            }
            // A bare "the minister" is too vague to resolve safely.
            if class == RoleClass::Minister && country.is_none() {
                continue;
            }
            let after = &self.text[whole.end()..];
            let from = self.mentions.partition_point(|m| m.start < whole.end());
            let next_person = self.mentions[from..]
                .iter()
                .find(|m| self.is_person(&m.actor));
            if let Some(m) = next_person {
                let gap = &self.text[whole.end()..m.start];
                let gap_is_title = gap.len() < 60
                    && !gap.contains(['.', ';', '“', '"'])
                    && gap
                        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                        .filter(|w| !w.is_empty())
                        .all(|w| {
                            let l = names::fold(w);
                            is_title_word(&l)
                                || in_list(DEMONYMS, &l)
                                || matches!(l.as_str(), "the" | "of" | "to" | "a")
                                || w.chars().next().is_some_and(char::is_uppercase)
                        });
                if gap_is_title {
                    continue;
                }
            }
            let before = self.text[..whole.start()].trim_end();
            // A mention ending right before ", the …": it ends in the
            // blanks before that comma, so starts at most `longest` before.
            let comma_run = before.trim_end_matches(',').trim_end().len();
            if before.ends_with(',')
                && self
                    .near(comma_run.saturating_sub(longest), before.len())
                    .iter()
                    .any(|m| {
                        self.is_person(&m.actor)
                            && self
                                .text
                                .get(m.end..whole.start())
                                .is_some_and(|g| g.trim() == ",")
                    })
            {
                continue;
            }
            let _ = after;
            let pos = phrase.start();
            let holders = holders_in_article
                .entry((class, country))
                .or_insert_with(|| {
                    // One verdict per person, not per mention: a person
                    // named a thousand times is checked once.
                    let mut holds: HashMap<&str, bool> = HashMap::default();
                    self.mentions
                        .iter()
                        .filter(|m| {
                            *holds.entry(m.actor.as_str()).or_insert_with(|| {
                                self.is_person(&m.actor)
                                    && self.holds(&titles, &m.actor, class, country)
                            })
                        })
                        .map(|m| (m.start, m.end, m.actor.clone()))
                        .collect()
                });
            // The last such mention (in text order) ending before the phrase.
            let upto = holders.partition_point(|h| h.0 < pos);
            let in_article = holders[..upto].iter().rev().find(|h| h.1 <= pos);
            let actor = in_article.map(|h| h.2.clone()).or_else(|| {
                if class == RoleClass::Minister {
                    return None;
                }
                let date = self.published?;
                let holders = roles::holders_on(self.kb, class, country, date);
                (holders.len() == 1).then(|| holders[0].id.clone())
            });
            if let Some(actor) = actor {
                // The role phrase replaces the country names inside it
                // (no person mention overlaps it: checked above).
                replaced.push((whole.start(), whole.end()));
                found.push(Mention {
                    start: phrase.start(),
                    end: phrase.end(),
                    text: phrase.as_str().to_string(),
                    actor,
                    via: MentionVia::Role,
                });
            }
        }
        // Matches do not overlap and come in text order, so `replaced` is
        // sorted: one binary search per mention, not one pass per phrase.
        if !replaced.is_empty() {
            self.mentions.retain(|m| {
                let i = replaced.partition_point(|r| r.1 <= m.start);
                replaced.get(i).is_none_or(|r| r.0 >= m.end)
            });
        }
        self.mentions.extend(found);
    }

    /// The mentions (sorted by start) that start in `from..to`.
    fn near(&self, from: usize, to: usize) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.start < from);
        let hi = self.mentions.partition_point(|m| m.start < to).max(lo);
        &self.mentions[lo..hi]
    }

    /// True when `actor` holds an office answering `class` (in `country`)
    /// by what the article says of them or by the knowledge base.
    fn holds(
        &self,
        titles: &HashMap<&str, Vec<(RoleClass, Option<&'static str>)>>,
        actor: &str,
        class: RoleClass,
        country: Option<&str>,
    ) -> bool {
        let reported = titles.get(actor).is_some_and(|ts| {
            ts.iter().any(|&(held, c)| {
                roles::answers(class, held) && (country.is_none() || c.is_none() || c == country)
            })
        });
        if reported {
            return true;
        }
        let Some(a) = self.kb.get(actor) else {
            return false;
        };
        a.roles.iter().any(|r| {
            self.published.is_none_or(|d| roles::held_on(r, d))
                && roles::classify(&r.title).is_some_and(|held| roles::answers(class, held))
                && country.is_none_or(|c| roles::role_country(self.kb, a, r) == Some(c))
        })
    }
}
