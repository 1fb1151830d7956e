//! Finding actors in one article: knowledge-base names, people not in the
//! knowledge base (by title, apposition, speech verb and name shape),
//! surname-only and role mentions resolved in the article's context, names
//! damaged by machine translation, reported titles and quotes.
//!
//! Everything here is one left-to-right pass per step over the article's
//! tokens, so the cost is linear in the article's length.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::kb::KnowledgeBase;
use super::roles::{self, RoleClass};
use crate::corpus::{ActorKind, ArticleActors, Mention, MentionVia, Quote, ReportedRole};
use crate::lang::names::{self, data_lines, NameKey};
use crate::lang::{self, Sentence};

fn word_set(raw: &'static str) -> HashSet<String> {
    data_lines(raw).map(|l| l.to_lowercase()).collect()
}

/// Single words of titles, ranks and offices ("general", "minister").
static TITLE_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set: HashSet<String> = word_set(include_str!("../../data/names/titles.txt"))
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
const CORE_TITLES: &[&str] = &[
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

static NON_PERSON_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| word_set(include_str!("../../data/names/non_person_words.txt")));

/// English words machine translation made of one-syllable Korean surnames.
static MISTRANSLATED: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    data_lines(include_str!(
        "../../data/names/mistranslated_name_parts.txt"
    ))
    .filter_map(|l| {
        let (word, part) = l.split_once('\t')?;
        Some((word.trim().to_lowercase(), part.trim().to_string()))
    })
    .collect()
});

/// Words that start a sentence or a clause and are never a name part.
const STOPWORDS: &[&str] = &[
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

const CALENDAR_WORDS: &[&str] = &[
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
const DEMONYMS: &[&str] = &[
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

const SPEECH_VERBS: &[&str] = &[
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
const VESSEL_CUES: &[&str] = &[
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

fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

#[derive(Debug, Clone)]
struct Tok<'t> {
    start: usize,
    end: usize,
    raw: &'t str,
    /// Folded, apostrophes dropped ("people's" → "peoples").
    lower: String,
    /// Without a trailing possessive ("DPRK’s" → "dprk").
    bare: String,
    /// The raw word without a trailing possessive.
    bare_raw: &'t str,
    cap: bool,
    acronym: bool,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let next_alpha = chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        let prev_space = i == 0 || chars[i - 1].1.is_whitespace();
        let starts = c.is_alphanumeric() || (c == '-' && next_alpha && prev_space);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
            let joiner = matches!(ch, '-' | '\'' | '’');
            // "U.S" inside a token: a period between single capitals.
            let dotted = ch == '.'
                && next_alnum
                && chars[j - 1].1.is_uppercase()
                && (j < 2 || !chars[j - 2].1.is_alphanumeric())
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_uppercase());
            if (joiner || dotted) && next_alnum {
                j += 2;
                continue;
            }
            // Closing apostrophe of a plural possessive: "Koreas’".
            if matches!(ch, '\'' | '’') && chars[j - 1].1 == 's' {
                j += 1;
            }
            break;
        }
        let end = chars.get(j).map(|&(p, _)| p).unwrap_or(text.len());
        let raw = &text[pos..end];
        let bare_raw = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .or_else(|| raw.strip_suffix('’'))
            .or_else(|| raw.strip_suffix('\''))
            .unwrap_or(raw);
        let first = raw.trim_start_matches('-').chars().next().unwrap_or(' ');
        let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
        toks.push(Tok {
            start: pos,
            end,
            raw,
            lower: names::fold(raw),
            bare: names::fold(bare_raw),
            bare_raw,
            cap: first.is_uppercase(),
            acronym: letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()),
        });
        i = j;
    }
    toks
}

/// True when only spaces separate two tokens (same phrase, no punctuation).
fn joined(text: &str, a: &Tok, b: &Tok) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(w)
        || w.strip_suffix('s')
            .is_some_and(|singular| TITLE_WORDS.contains(singular))
}

fn is_core_title(phrase_lower: &str) -> bool {
    phrase_lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CORE_TITLES.contains(&w))
}

/// A person found by name in the first pass.
#[derive(Debug, Clone)]
struct Named {
    start: usize,
    end: usize,
    actor: String,
    key: Option<NameKey>,
}

struct Ctx<'a, 't> {
    text: &'t str,
    toks: Vec<Tok<'t>>,
    sentences: &'a [Sentence],
    kb: &'a KnowledgeBase,
    published: Option<NaiveDate>,
    covered: Vec<bool>,
    mentions: Vec<Mention>,
    /// Every person mention so far with the key it can be referred back by.
    people: Vec<Named>,
    discovered: Vec<(String, NameKey)>,
}

/// Finds every actor mention in an article's text.
pub fn find_mentions(
    text: &str,
    sentences: &[Sentence],
    published: Option<NaiveDate>,
    kb: &KnowledgeBase,
) -> ArticleActors {
    let toks = tokenize(text);
    let mut ctx = Ctx {
        text,
        covered: vec![false; toks.len()],
        toks,
        sentences,
        kb,
        published,
        mentions: Vec::new(),
        people: Vec::new(),
        discovered: Vec::new(),
    };
    ctx.find_other_actors();
    ctx.find_repaired_names();
    let singles = ctx.find_named_people();
    ctx.resolve_partial_names(&singles);
    let mut reported_roles = ctx.reported_roles();
    // One reported role per person and title in an article: a title
    // repeated in the text is one fact for the person page, cited once.
    let mut seen_titles = HashSet::new();
    reported_roles.retain(|r| seen_titles.insert((r.actor.clone(), names::fold(&r.title))));
    ctx.find_role_mentions(&reported_roles);
    ctx.mentions.sort_by_key(|m| (m.start, m.end));
    ctx.mentions.dedup_by(|b, a| b.start < a.end);
    let mut quotes = find_quotes(text, sentences, &ctx.mentions, kb);
    // The same words quoted twice for one person (a lead and its body
    // repeating a quote) are one quote.
    let mut seen_quotes = HashSet::new();
    quotes.retain(|q| seen_quotes.insert((q.actor.clone(), names::fold(&q.text))));
    let mut discovered = ctx.discovered;
    discovered.sort_by(|a, b| a.0.cmp(&b.0));
    discovered.dedup_by(|a, b| a.0 == b.0);
    ArticleActors {
        mentions: ctx.mentions,
        reported_roles,
        quotes,
        discovered,
    }
}

impl<'t> Ctx<'_, 't> {
    fn sentence_of(&self, pos: usize) -> Option<&Sentence> {
        lang::sentence_at(self.sentences, pos).and_then(|i| self.sentences.get(i))
    }

    fn is_person(&self, id: &str) -> bool {
        id.starts_with('?') || self.kb.get(id).is_some_and(|a| a.kind == ActorKind::Person)
    }

    fn push(&mut self, from: usize, to: usize, actor: String, via: MentionVia) {
        let (Some(first), Some(last)) = (self.toks.get(from), self.toks.get(to)) else {
            return;
        };
        let (start, end) = (first.start, last.bare_raw.len() + last.start);
        for c in &mut self.covered[from..=to] {
            *c = true;
        }
        self.mentions.push(Mention {
            start,
            end,
            text: self.text[start..end].to_string(),
            actor,
            via,
        });
    }

    /// Organizations, countries and places by their knowledge-base names:
    /// longest match first.
    fn find_other_actors(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = &self.toks[i];
            let usable = t.acronym || (t.cap && !in_list(STOPWORDS, &t.lower));
            if !usable {
                i += 1;
                continue;
            }
            let mut found = None;
            let max = self.kb.max_other_words.min(n - i);
            let mut key = String::new();
            let mut keys = Vec::with_capacity(max);
            for len in 1..=max {
                let j = i + len - 1;
                if len > 1 && !joined(self.text, &self.toks[j - 1], &self.toks[j]) {
                    break;
                }
                if len > 1 {
                    key.push(' ');
                }
                let bare_key = format!("{key}{}", self.toks[j].bare);
                key.push_str(&self.toks[j].lower);
                keys.push((len, key.clone(), bare_key));
            }
            for (len, full, bare) in keys.into_iter().rev() {
                let last = &self.toks[i + len - 1];
                // A multi-word name must end on a capitalized word or a
                // listed lower-case head ("Kursk region").
                let hit = self
                    .kb
                    .other_names
                    .get(&full)
                    .or_else(|| self.kb.other_names.get(&bare));
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

    /// The title phrase right before token `j` in its sentence ("Russian
    /// Deputy Defense Minister, Army General"), as token range.
    fn title_before(&self, j: usize) -> Option<(usize, usize)> {
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
            if self.covered[k - 1]
                && self
                    .mentions
                    .iter()
                    .any(|m| m.start <= t.start && t.end <= m.end && self.is_person(&m.actor))
            {
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

    /// "Gwan Cholle" after "but": Russian "Но" (the surname No) translated
    /// as a conjunction. A word that is also a name part, directly before
    /// capitalized Korean-looking fragments, in a title context, is read as
    /// that name part when the result matches a person the role and date
    /// point to.
    fn find_repaired_names(&mut self) {
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

    /// Runs of capitalized words: knowledge-base people by full name, and
    /// people not in the knowledge base by title, name shape or speech
    /// verb. Returns the single capitalized words left for partial-name
    /// resolution.
    fn find_named_people(&mut self) -> Vec<usize> {
        let n = self.toks.len();
        let mut singles = Vec::new();
        let mut i = 0;
        while i < n {
            if self.covered[i] || !self.toks[i].cap {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n
                && !self.covered[j]
                && self.toks[j].cap
                && joined(self.text, &self.toks[j - 1], &self.toks[j])
                && self.toks[j - 1].bare_raw.len() == self.toks[j - 1].raw.len()
            {
                j += 1;
            }
            // A possessive ends the run but belongs to it ("Shoigu’s").
            self.person_run(i, j, &mut singles);
            i = j;
        }
        singles
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
            let max = (to - i).min(5);
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
            if tail.len() >= 2 && tail.len() <= 4 && self.looks_like_person(i, to) {
                if let Some(key) = names::person_key_of_words(&words) {
                    let id = format!("?{}", key.as_string());
                    self.discovered.push((id.clone(), key.clone()));
                    self.add_person(i, to - 1, id, MentionVia::Name, Some(key));
                    return;
                }
            }
            if tail.len() == 1
                && ((self.looks_like_person(i, to) && !self.vessel_context(i))
                    || self.refers_back(i))
            {
                singles.push(i);
                return;
            }
            singles.extend(i..to);
            return;
        }
    }

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
    fn refers_back(&self, i: usize) -> bool {
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

    fn starts_kb_name(&self, at: usize, to: usize) -> bool {
        (2..=(to - at).min(4)).any(|len| {
            let words: Vec<&str> = self.toks[at..at + len].iter().map(|t| t.bare_raw).collect();
            names::person_key_of_words(&words)
                .is_some_and(|k| self.kb.person_names.contains_key(&k))
        })
    }

    fn vessel_context(&self, at: usize) -> bool {
        let from = at.saturating_sub(3);
        self.toks[from..at]
            .iter()
            .any(|t| in_list(VESSEL_CUES, &t.lower))
            || at > 0 && self.toks[at - 1].lower == "the" && !self.toks[at].cap
    }

    /// Evidence that capitalized words `from..to` are a person's name.
    fn looks_like_person(&self, from: usize, to: usize) -> bool {
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

    /// The apposition after token `last`: ", the Russian security chief,".
    fn title_after(&self, last: usize) -> Option<(usize, usize)> {
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

    fn is_person_at(&self, k: usize) -> bool {
        let pos = self.toks[k].start;
        self.mentions
            .iter()
            .any(|m| m.start <= pos && pos < m.end && self.is_person(&m.actor))
    }

    fn add_person(
        &mut self,
        from: usize,
        to: usize,
        id: String,
        via: MentionVia,
        key: Option<NameKey>,
    ) {
        self.push(from, to, id.clone(), via);
        self.people.push(Named {
            start: self.toks[from].start,
            end: self.toks[to].end,
            actor: id,
            key,
        });
    }

    /// "Shoigu", "Kim", "Chol": a surname or given name alone, resolved to
    /// the nearest person named in full before it (else after it) in the
    /// article, else to the one knowledge-base person with that surname.
    fn resolve_partial_names(&mut self, singles: &[usize]) {
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

    /// Titles the article gives people: before the name ("North Korean
    /// Defense Minister Kang Sun-nam") or in apposition ("Ri Chang Dae, the
    /// DPRK's State Security Minister").
    fn reported_roles(&self) -> Vec<ReportedRole> {
        let mut out = Vec::new();
        for m in &self.mentions {
            if !self.is_person(&m.actor) || m.via == MentionVia::PartialName {
                continue;
            }
            let Some(first) = self.toks.iter().position(|t| t.start == m.start) else {
                continue;
            };
            let Some(last) = self.toks.iter().rposition(|t| t.start < m.end) else {
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

    /// "the North Korean leader", "the Russian defense minister": to the
    /// person named earlier with that office, else to whoever held it on
    /// the article's date in the knowledge base.
    fn find_role_mentions(&mut self, reported: &[ReportedRole]) {
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
        let mut titles: HashMap<&str, Vec<(RoleClass, Option<&'static str>)>> = HashMap::new();
        for r in reported {
            if let Some(c) = roles::classify(&r.title) {
                titles
                    .entry(r.actor.as_str())
                    .or_default()
                    .push((c, roles::country_in(&r.title)));
            }
        }
        self.mentions.sort_by_key(|m| (m.start, m.end));
        let mut found = Vec::new();
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
                .mentions
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
            let next_person = self
                .mentions
                .iter()
                .filter(|m| m.start >= whole.end() && self.is_person(&m.actor))
                .min_by_key(|m| m.start);
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
            if before.ends_with(',')
                && self.mentions.iter().any(|m| {
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
            let in_article = self
                .mentions
                .iter()
                .filter(|m| m.end <= pos && self.is_person(&m.actor))
                .rev()
                .find(|m| self.holds(&titles, &m.actor, class, country));
            let actor = in_article.map(|m| m.actor.clone()).or_else(|| {
                if class == RoleClass::Minister {
                    return None;
                }
                let date = self.published?;
                let holders = roles::holders_on(self.kb, class, country, date);
                (holders.len() == 1).then(|| holders[0].id.clone())
            });
            if let Some(actor) = actor {
                // The role phrase replaces the country names inside it.
                self.mentions.retain(|m| !overlaps(m));
                found.push(Mention {
                    start: phrase.start(),
                    end: phrase.end(),
                    text: phrase.as_str().to_string(),
                    actor,
                    via: MentionVia::Role,
                });
            }
        }
        self.mentions.extend(found);
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

/// Quoted words attributed to a person: the person named next to a speech
/// verb around the quote, or the last person named before "he said" /
/// "according to him".
fn find_quotes(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    kb: &KnowledgeBase,
) -> Vec<Quote> {
    let is_person =
        |id: &str| id.starts_with('?') || kb.get(id).is_some_and(|a| a.kind == ActorKind::Person);
    let people: Vec<&Mention> = mentions.iter().filter(|m| is_person(&m.actor)).collect();
    let mut out = Vec::new();
    for (start, end) in quoted_spans(text) {
        let inner = text[start..end].trim();
        if inner.split_whitespace().count() < 3 {
            continue;
        }
        let outside = |m: &&&Mention| m.end <= start || m.start >= end;
        let window_start = lang::sentence_at(sentences, start)
            .and_then(|i| sentences.get(i))
            .map(|s| s.start)
            .unwrap_or(start);
        let window_end = lang::sentence_at(sentences, end.saturating_sub(1))
            .and_then(|i| sentences.get(i))
            .map(|s| s.end)
            .unwrap_or(end)
            .max(end);
        let context = format!(
            "{} {}",
            &text[window_start..start.max(window_start)],
            text.get(end..window_end).unwrap_or("")
        )
        .to_lowercase();
        let speech = SPEECH_VERBS.iter().any(|v| context.contains(v))
            || context.contains("according to")
            || context.contains("quoted")
            || context.contains("saying");
        if !speech {
            continue;
        }
        let in_window: Vec<&&Mention> = people
            .iter()
            .filter(|m| m.start >= window_start && m.end <= window_end)
            .filter(outside)
            .collect();
        // Nearest to the quote: just after it ("…," Belousov said) or the
        // last before it.
        let speaker = in_window
            .iter()
            .filter(|m| m.start >= end)
            .min_by_key(|m| m.start)
            .filter(|m| m.start - end < 30)
            .or_else(|| {
                in_window
                    .iter()
                    .filter(|m| m.end <= start)
                    .max_by_key(|m| m.start)
            })
            .or_else(|| in_window.first())
            .map(|m| m.actor.clone())
            .or_else(|| {
                // "The Minister noted that “…”": an unresolved title is the
                // speaker; guessing the last named person would mislead.
                let lead = text[window_start..start.max(window_start)].to_lowercase();
                if lead
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| CORE_TITLES.contains(&w) || w == "official")
                {
                    return None;
                }
                let pronoun = [
                    "he said",
                    "she said",
                    "according to him",
                    "according to her",
                    "he noted",
                    "he stressed",
                    "he added",
                    "she added",
                    "he emphasized",
                ]
                .iter()
                .any(|p| context.contains(p));
                pronoun
                    .then(|| {
                        people
                            .iter()
                            .filter(|m| m.end <= start)
                            .max_by_key(|m| m.start)
                    })
                    .flatten()
                    .map(|m| m.actor.clone())
            });
        if let Some(actor) = speaker {
            out.push(Quote {
                actor,
                text: inner.to_string(),
                start,
                end,
            });
        }
    }
    out
}

/// Byte ranges of text between quotation marks (curly or straight).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«') => open = Some((c, i + c.len_utf8())),
            (None, '"') => open = Some(('"', i + 1)),
            (Some(('“', s)), '”') | (Some(('«', s)), '»') | (Some(('"', s)), '"') => {
                out.push((s, i));
                open = None;
            }
            // A line break ends a quote that was never closed: pasted and
            // machine-translated text often loses closing marks.
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}
