//! The gazetteer beside the knowledge base: which gazetteer entries are
//! knowledge-base places (the knowledge base's name for them wins), the page
//! id of a gazetteer place, and the actor a named gazetteer place becomes.

use std::collections::{BTreeSet, HashMap};

use super::kb::KnowledgeBase;
use crate::corpus::{Actor, ActorKind, ArticleActors};
use crate::lang::gazetteer::{Gazetteer, Place, PlaceKind};
use crate::lang::names;

/// How the knowledge base and the gazetteer meet, computed once per base.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceLinks {
    /// Gazetteer entry → knowledge-base actor (index) that is the same place.
    claimed: HashMap<u32, usize>,
    /// Knowledge-base country, or place in one → its country code.
    kb_country: HashMap<usize, [u8; 2]>,
    /// Country code → the knowledge-base country.
    country_actor: HashMap<[u8; 2], usize>,
}

impl PlaceLinks {
    /// Knowledge-base countries claim the gazetteer country of one of their
    /// names; knowledge-base places claim the most populous region or city
    /// of each of their names in their country (in any country when they
    /// name none).
    pub(crate) fn new(kb: &KnowledgeBase, g: &Gazetteer) -> PlaceLinks {
        let mut links = PlaceLinks::default();
        let spellings = |a: &Actor| -> Vec<String> {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|s| names::phrase_key(s))
                .collect()
        };
        for (i, a) in kb.actors.iter().enumerate() {
            if a.kind != ActorKind::Country {
                continue;
            }
            for key in spellings(a) {
                let Some(c) = g.lookup(&key) else { continue };
                if let Some(&p) = c
                    .places
                    .iter()
                    .find(|&&p| g.place(p).kind == PlaceKind::Country)
                {
                    let code = g.place(p).country;
                    links.claimed.entry(p).or_insert(i);
                    links.kb_country.entry(i).or_insert(code);
                    links.country_actor.entry(code).or_insert(i);
                }
            }
        }
        for (i, a) in kb.actors.iter().enumerate() {
            if a.kind != ActorKind::Place {
                continue;
            }
            let code = a
                .country
                .as_deref()
                .and_then(|c| kb.index_of(c))
                .and_then(|c| links.kb_country.get(&c).copied());
            if let Some(code) = code {
                links.kb_country.insert(i, code);
            }
            for key in spellings(a) {
                let Some(c) = g.lookup(&key) else { continue };
                if let Some(&p) = c.places.iter().find(|&&p| {
                    let place = g.place(p);
                    place.kind != PlaceKind::Country && code.is_none_or(|cc| place.country == cc)
                }) {
                    links.claimed.entry(p).or_insert(i);
                }
            }
        }
        links
    }

    /// The knowledge-base actor that is this gazetteer entry, if any.
    pub(crate) fn claimed(&self, place: u32) -> Option<usize> {
        self.claimed.get(&place).copied()
    }

    /// The country code of a knowledge-base country or place.
    pub(crate) fn kb_country(&self, actor: usize) -> Option<[u8; 2]> {
        self.kb_country.get(&actor).copied()
    }

    /// The actor id of an entry's page: the knowledge base's when it lists
    /// the place, else the gazetteer id, with `-gn` and the geonameid added
    /// when the knowledge base uses that id for something else.
    pub(crate) fn actor_id(&self, kb: &KnowledgeBase, g: &Gazetteer, place: u32) -> String {
        if let Some(i) = self.claimed(place) {
            return kb.actors[i].id.clone();
        }
        let p = g.place(place);
        if kb.get(&p.id).is_some() {
            format!("{}-gn{}", p.id, p.geonameid)
        } else {
            p.id.clone()
        }
    }

    /// The gazetteer entry an actor id of [`Self::actor_id`] stands for,
    /// when it is no knowledge-base actor.
    pub(crate) fn place_of(&self, kb: &KnowledgeBase, g: &Gazetteer, id: &str) -> Option<u32> {
        if kb.get(id).is_some() {
            return None;
        }
        if let Some(p) = g.by_id(id) {
            return Some(p);
        }
        let (base, geonameid) = id.rsplit_once("-gn")?;
        let p = g.by_id(base)?;
        (g.place(p).geonameid.to_string() == geonameid && kb.get(base).is_some()).then_some(p)
    }

    /// The actor id of a country code's country.
    pub(crate) fn country_id(
        &self,
        kb: &KnowledgeBase,
        g: &Gazetteer,
        code: [u8; 2],
    ) -> Option<String> {
        if let Some(&i) = self.country_actor.get(&code) {
            return Some(kb.actors[i].id.clone());
        }
        g.country(code).map(|c| self.actor_id(kb, g, c))
    }
}

/// The actors of the gazetteer places the articles name (mentions whose id
/// is no knowledge-base actor's but a gazetteer page id), with the
/// gazetteer countries they are in, sorted by id.
pub(crate) fn named_places(kb: &KnowledgeBase, articles: &[ArticleActors]) -> Vec<Actor> {
    let Ok(g) = crate::lang::gazetteer::gazetteer() else {
        return Vec::new();
    };
    let links = kb.place_links();
    let mut places: BTreeSet<u32> = BTreeSet::new();
    for m in articles.iter().flat_map(|a| &a.mentions) {
        if m.actor.starts_with('?') {
            continue;
        }
        if let Some(p) = links.place_of(kb, g, &m.actor) {
            places.insert(p);
        }
    }
    let countries: Vec<u32> = places
        .iter()
        .filter_map(|&p| g.country(g.place(p).country))
        .filter(|&c| links.claimed(c).is_none())
        .collect();
    places.extend(countries);
    let mut actors: Vec<Actor> = places.into_iter().map(|p| place_actor(kb, g, p)).collect();
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    actors
}

/// The actor a gazetteer place becomes when the corpus names it.
pub(crate) fn place_actor(kb: &KnowledgeBase, g: &Gazetteer, place: u32) -> Actor {
    let links = kb.place_links();
    let p = g.place(place);
    let country = (p.kind != PlaceKind::Country)
        .then(|| links.country_id(kb, g, p.country))
        .flatten();
    Actor {
        id: links.actor_id(kb, g, place),
        name: p.name.clone(),
        kind: match p.kind {
            PlaceKind::Country => ActorKind::Country,
            _ => ActorKind::Place,
        },
        country,
        aliases: Vec::new(),
        roles: Vec::new(),
        curated: false,
        description: Some(describe(g, p)),
    }
}

/// "A city of Kenya (Nairobi County), population 4,397,073. From GeoNames."
fn describe(g: &Gazetteer, p: &Place) -> String {
    let country = g
        .country(p.country)
        .map(|c| g.place(c).name.clone())
        .unwrap_or_else(|| p.country_code().to_string());
    let region = g
        .region(p.country, &p.region)
        .map(|r| g.place(r).name.clone())
        .filter(|r| *r != p.name);
    let what = match p.kind {
        PlaceKind::Country => "A country".to_string(),
        PlaceKind::Region => format!("A first-level region of {country}"),
        PlaceKind::City => match region {
            Some(r) => format!("A city of {country} ({r})"),
            None => format!("A city of {country}"),
        },
    };
    let population = match p.kind {
        PlaceKind::Region => String::new(),
        _ => format!(", population {}", thousands(p.population)),
    };
    format!("{what}{population}. From GeoNames (geonames.org, CC BY 4.0).")
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4_397_073), "4,397,073");
    }
}
