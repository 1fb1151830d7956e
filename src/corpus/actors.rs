//! People, organizations, countries and places: the actors of the corpus,
//! their mentions in articles, and the registry every page links through.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Place,
}

/// A role held by an actor, with optional date bounds (inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    /// Actor id of the organization or country the role belongs to.
    #[serde(default)]
    pub of: Option<String>,
    #[serde(default)]
    pub from: Option<NaiveDate>,
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// One resolved actor (from the knowledge base or discovered in the corpus).
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Actor id of the country the actor belongs to.
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    /// False for people found only in the articles.
    pub curated: bool,
    /// A line about the actor from the knowledge base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// How a mention was recognized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionVia {
    /// The full name or a listed alias.
    Name,
    /// A surname or given name alone, resolved in the article's context.
    PartialName,
    /// A role ("the North Korean leader") resolved by context or tenure.
    Role,
    /// A name damaged by machine translation, resolved by context.
    Repaired,
}

/// A span of text that refers to an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Actor id.
    pub actor: String,
    pub via: MentionVia,
}

/// A role or title the article itself gives a person ("North Korean Defense
/// Minister Kang Sun-nam"), kept with the sentence that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedRole {
    pub actor: String,
    pub title: String,
    /// Byte range of the sentence in the article's text.
    pub sentence_start: usize,
    pub sentence_end: usize,
}

/// Words put in a person's mouth by the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub actor: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// What the actor stage found in one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleActors {
    pub mentions: Vec<Mention>,
    pub reported_roles: Vec<ReportedRole>,
    pub quotes: Vec<Quote>,
    /// People not in the knowledge base, by their provisional id (the
    /// `actor` of their mentions until [`resolve`] gives the final one).
    #[serde(skip)]
    pub discovered: Vec<(String, crate::lang::names::NameKey)>,
}

/// Two actors that may be one person; listed by `dossier check`, never merged
/// silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PossibleDuplicate {
    pub first: String,
    pub second: String,
    pub reason: String,
}

/// Every actor of the corpus after cross-article resolution.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Registry {
    /// Sorted by id.
    pub actors: Vec<Actor>,
    pub possible_duplicates: Vec<PossibleDuplicate>,
}

impl Registry {
    /// Keeps only the actors the corpus refers to (`referenced`), plus the
    /// countries and organizations those point at, so that every link on a
    /// kept page resolves. A knowledge base holds many more people than one
    /// corpus names; pages and indexes for people nobody mentions would bury
    /// the ones that matter.
    pub fn retain_referenced<'a>(&mut self, referenced: impl IntoIterator<Item = &'a str>) {
        let mut keep: std::collections::BTreeSet<String> =
            referenced.into_iter().map(str::to_string).collect();
        // Follow `country` and roles' `of` until nothing new is added; each
        // round only looks at what the last one added, so this is linear.
        let mut frontier: Vec<String> = keep.iter().cloned().collect();
        while let Some(id) = frontier.pop() {
            let Some(actor) = self.get(&id) else {
                continue;
            };
            let targets: Vec<String> = actor
                .country
                .iter()
                .chain(actor.roles.iter().filter_map(|r| r.of.as_ref()))
                .cloned()
                .collect();
            for t in targets {
                if keep.insert(t.clone()) {
                    frontier.push(t);
                }
            }
        }
        self.actors.retain(|a| keep.contains(&a.id));
        self.possible_duplicates
            .retain(|d| keep.contains(&d.first) && keep.contains(&d.second));
    }

    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.actors
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.actors[i])
    }
}
