//! Finding actors in one article: knowledge-base names, people not in the
//! knowledge base (by title, apposition, speech verb and name shape),
//! surname-only and role mentions resolved in the article's context, names
//! damaged by machine translation, reported titles and quotes.
//!
//! Everything here is one left-to-right pass per step over the article's
//! tokens, so the cost is linear in the article's length.
//!
//! One file per step, run by [`find_mentions`] in this order: `known`
//! (organizations, countries and places by name), `repair` (names damaged
//! by machine translation), `known` again (people by full name, with the
//! evidence for people not in the knowledge base in `unknown`), `partial`
//! (surnames and given names alone), `titles` (reported roles),
//! `role_mentions` and `quotes`. `tagged` runs the trained name tagger
//! before the people step: its people the rules miss join them, and its
//! confident organizations, places and other names veto the rules' people.
//! Between the two, `places` takes the runs of capitalized words that are
//! names of the open gazetteer (`lang::gazetteer`) and no knowledge-base
//! name. `tokens`
//! and `lists` are what they share.

mod known;
mod lists;
mod partial;
mod places;
mod quotes;
mod repair;
mod role_mentions;
mod tagged;
mod titles;
mod unknown;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;

use super::kb::KnowledgeBase;
use crate::corpus::{ActorKind, ArticleActors, Mention, MentionVia, ReportedRole};
use crate::lang::names::{self, NameKey};
use crate::lang::tokens::{tokenize, Token};
use crate::lang::{self, Sentence};
use quotes::find_quotes;

/// The most words of a knowledge-base person's name looked for at one
/// place ("Luiz Inacio Lula da Silva").
const KB_NAME_WORDS: usize = 5;

const AT_PERSON: u8 = 1;
const IN_PERSON: u8 = 2;

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
    toks: Vec<Token<'t>>,
    sentences: &'a [Sentence],
    kb: &'a KnowledgeBase,
    published: Option<NaiveDate>,
    covered: Vec<bool>,
    /// Per token, what person mentions pushed so far say of it: `AT_PERSON`
    /// when one starts at or before the token's start and ends after it,
    /// `IN_PERSON` when one holds the whole token. Mentions are only pushed
    /// (nothing is removed until the role step), so this answers "is this
    /// token part of a person's name" without a pass over every mention.
    person_cover: Vec<u8>,
    mentions: Vec<Mention>,
    /// Every person mention so far with the key it can be referred back by.
    people: Vec<Named>,
    /// For each name part a person in `people` can be referred back by, the
    /// earliest end of such a person; kept up to date lazily (people are
    /// only ever appended) with how many people it has seen.
    earliest_by_part: std::cell::RefCell<(usize, HashMap<String, usize>)>,
    discovered: Vec<(String, NameKey)>,
    /// The tagger's names, and per token the one holding it.
    tagged: Vec<tagged::Tagged>,
    tagged_at: Vec<Option<usize>>,
    /// Set when a step left a choice to the publication date and had none
    /// (see [`find_mentions_dating`]).
    date_sensitive: bool,
    /// Per token, whether a knowledge-base person's name may start with it:
    /// 0 not yet asked, 1 no, 2 yes ([`Ctx::may_start_kb_name`]).
    kb_first_word: Vec<std::cell::Cell<u8>>,
}

/// Finds every actor mention in an article's text.
pub fn find_mentions(
    text: &str,
    sentences: &[Sentence],
    published: Option<NaiveDate>,
    kb: &KnowledgeBase,
) -> ArticleActors {
    let (ctx, reported_roles) = named_people(text, sentences, published, kb, true);
    finish(ctx, reported_roles)
}

/// [`find_mentions`] for an article without a publication date: `date`
/// is given the roles the article reports (tenures bound when it was
/// written) and returns the date it infers, which the steps after the
/// names (people by role alone) then use. The names are found once; they
/// are found again with the date only when a step before it left a choice
/// to the date (a damaged name with several role holders).
pub fn find_mentions_dating(
    text: &str,
    sentences: &[Sentence],
    kb: &KnowledgeBase,
    date: impl FnOnce(&[ReportedRole]) -> Option<NaiveDate>,
) -> ArticleActors {
    let (mut ctx, mut reported_roles) = named_people(text, sentences, None, kb, true);
    let published = date(&reported_roles);
    if published.is_some() && ctx.date_sensitive {
        (ctx, reported_roles) = named_people(text, sentences, published, kb, true);
    }
    ctx.published = published;
    finish(ctx, reported_roles)
}

/// The steps after the names: people by role alone, then quotes.
fn finish(mut ctx: Ctx<'_, '_>, reported_roles: Vec<ReportedRole>) -> ArticleActors {
    let (text, sentences, kb) = (ctx.text, ctx.sentences, ctx.kb);
    ctx.find_role_mentions(&reported_roles);
    ctx.mentions.sort_by_key(|m| (m.start, m.end));
    ctx.mentions.dedup_by(|b, a| b.start < a.end);
    let mut quotes = find_quotes(text, sentences, &ctx.mentions, kb);
    // The same words quoted twice for one person (a lead and its body
    // repeating a quote) are one quote.
    let mut seen_quotes = HashSet::default();
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

/// The roles an article gives the people it names ("Defense Minister
/// Sergei Shoigu"), as [`find_mentions`] reports them, without the steps
/// that only come after (mentions by role alone, quotes): what inferring a
/// publication date from tenures needs. Tenures are only known for
/// knowledge-base people, whom the rules find by name and title, so the
/// name tagger (which finds people the knowledge base lacks, and vetoes
/// rule-found ones without a title) is not run here.
pub fn reported_roles(
    text: &str,
    sentences: &[Sentence],
    published: Option<NaiveDate>,
    kb: &KnowledgeBase,
) -> Vec<ReportedRole> {
    named_people(text, sentences, published, kb, false).1
}

/// The steps up to the people named and the roles the text gives them;
/// `tagger` says whether the name tagger takes part.
fn named_people<'a, 't>(
    text: &'t str,
    sentences: &'a [Sentence],
    published: Option<NaiveDate>,
    kb: &'a KnowledgeBase,
    tagger: bool,
) -> (Ctx<'a, 't>, Vec<ReportedRole>) {
    let toks = tokenize(text);
    let n_toks = toks.len();
    let mut ctx = Ctx {
        text,
        covered: vec![false; toks.len()],
        tagged_at: vec![None; toks.len()],
        tagged: Vec::new(),
        person_cover: vec![0; toks.len()],
        toks,
        sentences,
        kb,
        published,
        mentions: Vec::new(),
        people: Vec::new(),
        earliest_by_part: Default::default(),
        discovered: Vec::new(),
        date_sensitive: false,
        kb_first_word: vec![std::cell::Cell::new(0); n_toks],
    };
    ctx.find_other_actors();
    ctx.find_repaired_names();
    if tagger {
        ctx.run_tagger();
        ctx.find_gazetteer_places();
        ctx.add_tagged_names();
    }
    let mut singles = ctx.find_named_people();
    if tagger {
        ctx.add_tagged_singles(&mut singles);
    }
    ctx.resolve_partial_names(&singles);
    let mut reported_roles = ctx.reported_roles();
    // One reported role per person and title in an article: a title
    // repeated in the text is one fact for the person page, cited once.
    let mut seen_titles = HashSet::default();
    reported_roles.retain(|r| seen_titles.insert((r.actor.clone(), names::fold(&r.title))));
    (ctx, reported_roles)
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
        if self.is_person(&actor) {
            for k in from..=to {
                let t = &self.toks[k];
                // Tokens from..=to start inside the mention; the last holds
                // it whole only without trailing characters past the end.
                self.person_cover[k] |= AT_PERSON;
                if t.end <= end {
                    self.person_cover[k] |= IN_PERSON;
                }
            }
        }
        self.mentions.push(Mention {
            start,
            end,
            text: self.text[start..end].to_string(),
            actor,
            via,
        });
    }

    /// True when a person mention covers the start of token `k`.
    fn is_person_at(&self, k: usize) -> bool {
        self.person_cover.get(k).is_some_and(|c| c & AT_PERSON != 0)
    }

    /// True when a person mention holds the whole of token `k`.
    fn in_person(&self, k: usize) -> bool {
        self.person_cover.get(k).is_some_and(|c| c & IN_PERSON != 0)
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
}
