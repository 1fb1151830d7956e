//! Across articles: one actor per person. Knowledge-base actors keep their
//! ids; gazetteer places the articles name become actors with their
//! gazetteer ids (`actors::places`); people found only in articles are clustered by name key (a hash
//! map, linear in the number of mentions) and get a stable id from their
//! most frequent spelling. Names that are close but not certainly one person
//! are kept apart and listed as possible duplicates, compared only within a
//! block of the same surname key, so the work stays near-linear.

use std::collections::{BTreeMap, HashMap};

use super::kb::KnowledgeBase;
use super::roles;
use crate::corpus::{
    Actor, ActorKind, ArticleActors, MentionVia, PossibleDuplicate, Registry, ReportedRole,
};
use crate::lang::names::{self, NameKey};
use crate::lang::{self, Sentence};

/// Bounds on a publication date come from the timex stage's type, so the
/// tenures found here feed date inference directly.
pub use crate::timex::DateConstraint;

/// Rewrites every provisional mention id to a final actor id and returns the
/// corpus's actors, sorted by id.
pub fn resolve(kb: &KnowledgeBase, articles: &mut [ArticleActors]) -> Registry {
    // Cluster discovered people by key; count each spelling.
    let mut clusters: BTreeMap<String, (NameKey, BTreeMap<String, usize>)> = BTreeMap::new();
    for a in articles.iter() {
        let keys: HashMap<&str, &NameKey> = a
            .discovered
            .iter()
            .map(|(id, k)| (id.as_str(), k))
            .collect();
        for m in &a.mentions {
            if let Some(key) = keys.get(m.actor.as_str()) {
                let entry = clusters
                    .entry(m.actor.clone())
                    .or_insert_with(|| ((*key).clone(), BTreeMap::new()));
                if m.via == MentionVia::Name {
                    *entry.1.entry(m.text.clone()).or_default() += 1;
                }
            }
        }
    }

    let mut taken: HashMap<String, ()> = kb.actors.iter().map(|a| (a.id.clone(), ())).collect();
    let mut final_ids: HashMap<String, String> = HashMap::new();
    let mut actors: Vec<Actor> = kb.actors.clone();
    // Gazetteer places the articles name, and their countries, before the
    // people: their ids come from the gazetteer and never change.
    for place in super::places::named_places(kb, articles) {
        taken.insert(place.id.clone(), ());
        actors.push(place);
    }
    for (provisional, (_key, spellings)) in &clusters {
        // Most frequent, then most complete (longest), then alphabetical.
        let display = spellings
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(a.0.len().cmp(&b.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map(|(s, _)| s.clone())
            .unwrap_or_else(|| provisional.trim_start_matches('?').to_string());
        let base = slug(&display);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone(), ());
        final_ids.insert(provisional.clone(), id.clone());
        actors.push(Actor {
            id,
            name: display.clone(),
            kind: ActorKind::Person,
            country: None,
            aliases: spellings
                .keys()
                .filter(|s| **s != display)
                .cloned()
                .collect(),
            roles: Vec::new(),
            curated: false,
            description: None,
        });
    }
    for a in articles.iter_mut() {
        for m in &mut a.mentions {
            if let Some(id) = final_ids.get(&m.actor) {
                m.actor = id.clone();
            }
        }
        for r in &mut a.reported_roles {
            if let Some(id) = final_ids.get(&r.actor) {
                r.actor = id.clone();
            }
        }
        for q in &mut a.quotes {
            if let Some(id) = final_ids.get(&q.actor) {
                q.actor = id.clone();
            }
        }
        for (id, _) in &mut a.discovered {
            if let Some(f) = final_ids.get(id) {
                *id = f.clone();
            }
        }
    }

    // Possible duplicates, blocked by surname key.
    let mut blocks: BTreeMap<String, Vec<(String, NameKey)>> = BTreeMap::new();
    for (_, a) in kb.persons() {
        for spelling in std::iter::once(&a.name).chain(&a.aliases) {
            if let Some(k) = names::person_key(spelling) {
                blocks
                    .entry(k.surname().to_string())
                    .or_default()
                    .push((a.id.clone(), k));
            }
        }
    }
    for (provisional, (key, _)) in &clusters {
        if let Some(id) = final_ids.get(provisional) {
            blocks
                .entry(key.surname().to_string())
                .or_default()
                .push((id.clone(), key.clone()));
        }
    }
    let mut possible_duplicates = Vec::new();
    for members in blocks.values() {
        for (i, (id_a, ka)) in members.iter().enumerate() {
            for (id_b, kb_) in &members[i + 1..] {
                if id_a == id_b {
                    continue;
                }
                let curated_pair = kb.get(id_a).is_some() && kb.get(id_b).is_some();
                if curated_pair {
                    continue;
                }
                let reason = if ka.parts.len() == 1 || kb_.parts.len() == 1 {
                    Some("a surname alone, matching a full name".to_string())
                } else {
                    names::near_miss(ka, kb_)
                };
                if let Some(reason) = reason {
                    let (first, second) = if id_a < id_b {
                        (id_a, id_b)
                    } else {
                        (id_b, id_a)
                    };
                    possible_duplicates.push(PossibleDuplicate {
                        first: first.clone(),
                        second: second.clone(),
                        reason,
                    });
                }
            }
        }
    }
    possible_duplicates.sort_by(|a, b| (&a.first, &a.second).cmp(&(&b.first, &b.second)));
    possible_duplicates.dedup_by(|a, b| a.first == b.first && a.second == b.second);

    actors.sort_by(|a, b| a.id.cmp(&b.id));
    Registry {
        actors,
        possible_duplicates,
    }
}

/// A URL-safe id from a display name: "Kim Jong Gyu" → "kim-jong-gyu".
pub fn slug(name: &str) -> String {
    let folded = names::fold(name);
    let s: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "person".to_string()
    } else {
        s
    }
}

impl KnowledgeBase {
    /// Bounds on when an article was written, from the offices it gives
    /// people as current: "Defense Minister Sergei Shoigu" means the article
    /// is from Shoigu's tenure as defence minister. Titles marked as past
    /// ("former", "then") are ignored.
    pub fn tenure_constraints(&self, text: &str) -> Vec<DateConstraint> {
        self.tenure_constraints_in(text, &lang::sentences(text))
    }

    /// [`Self::tenure_constraints`] of a text already split into sentences.
    pub fn tenure_constraints_in(&self, text: &str, sentences: &[Sentence]) -> Vec<DateConstraint> {
        let reported = super::mentions::reported_roles(text, sentences, None, self);
        self.tenure_constraints_of(text, &reported)
    }

    /// [`Self::tenure_constraints`] from the roles an article reports, as
    /// [`super::mentions::find_mentions_dating`] hands them over.
    pub fn tenure_constraints_of(
        &self,
        text: &str,
        reported: &[ReportedRole],
    ) -> Vec<DateConstraint> {
        let mut out = Vec::new();
        for r in reported {
            let Some(actor) = self.get(&r.actor) else {
                continue;
            };
            let Some(class) = roles::classify(&r.title) else {
                continue;
            };
            let lower = r.title.to_lowercase();
            if ["former", "then", "ex-", "late", "acting"]
                .iter()
                .any(|w| lower.contains(w))
            {
                continue;
            }
            let sentence = text
                .get(r.sentence_start..r.sentence_end)
                .unwrap_or("")
                .to_lowercase();
            if sentence.contains("former") {
                continue;
            }
            let country = roles::country_in(&r.title);
            let matching: Vec<_> = actor
                .roles
                .iter()
                .filter(|role| {
                    roles::classify(&role.title) == Some(class)
                        && country.is_none_or(|c| roles::role_country(self, actor, role) == Some(c))
                })
                .collect();
            // Several tenures of one office: only their hull is certain.
            if matching.is_empty() {
                continue;
            }
            let not_before = matching.iter().map(|r| r.from).min().flatten();
            let not_after = if matching.iter().any(|r| r.until.is_none()) {
                None
            } else {
                matching.iter().filter_map(|r| r.until).max()
            };
            if not_before.is_none() && not_after.is_none() {
                continue;
            }
            out.push(DateConstraint {
                not_before,
                not_after,
                reason: format!(
                    "\"{}\" is called {} (knowledge base tenure)",
                    actor.name, r.title
                ),
            });
        }
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::path::Path;

    #[test]
    fn slugs() {
        assert_eq!(slug("Kim Jong Gyu"), "kim-jong-gyu");
        assert_eq!(slug("Noh Gwang-chol"), "noh-gwang-chol");
    }

    #[test]
    fn tenure_bounds_publication() {
        let kb = KnowledgeBase::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let c = kb.tenure_constraints("Defense Minister Sergei Shoigu arrived in Pyongyang.");
        assert!(
            c.iter()
                .any(|c| c.not_after == NaiveDate::from_ymd_opt(2024, 5, 12)),
            "{c:?}"
        );
    }
}
