//! Places the knowledge base does not list, from the open gazetteer
//! (`lang::gazetteer`): a run of capitalized words that is exactly a
//! gazetteer name becomes a place mention. Runs after the knowledge-base
//! step (whose names are covered and never looked at again) and the
//! tagger, before the tagger's people and the people step.
//!
//! A name that is also a common word or a given name ("Nice", "Victoria"),
//! or only an alternate spelling, needs locative evidence: the tagger's
//! place tag or a locative word before it ("in", "to", "visited" …); so
//! does a region or city of fewer than [`BARE_POPULATION`] people. The
//! tagger reading the words, with confidence, as a person or organization
//! vetoes them unless a locative comes first; without evidence, any other
//! reading of the tagger's does. A lone word of a name the tagger reads as
//! a person's elsewhere in the article ("Yuki Tanabe" … "Tanabe") is no
//! town; "according to" is no locative. A name of several entries
//! ("Paris") is the one whose region ("Paris, Texas") or country ("Paris,
//! France", or any other place, country or demonym of the article) the
//! article names, then a country before a region or city, then the most
//! populous. An entry the knowledge base lists is its knowledge-base actor.

use rustc_hash::FxHashSet as HashSet;

use super::lists::{in_list, is_title_word, CALENDAR_WORDS, STOPWORDS};
use super::{Ctx, KB_NAME_WORDS};
use crate::corpus::MentionVia;
use crate::lang::gazetteer::{self, Gazetteer, PlaceKind};
use crate::lang::tagger::Kind;
use crate::lang::tokens::joined;

/// A region or city with at least this many people may be named without
/// locative evidence.
pub(super) const BARE_POPULATION: u64 = 100_000;

/// Tagger margin above which a person or organization reading vetoes a
/// place (as the tagger's veto of the rules' people, `tagged::VETO`).
const VETO: f32 = 2.0;

/// Words right before a place name that make the name a location.
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "outside",
    "inside",
    "via",
    "across",
    "around",
    "throughout",
    "toward",
    "towards",
    "visit",
    "visits",
    "visited",
    "visiting",
    "toured",
    "tours",
    "touring",
    "reached",
    "left",
    "arrived",
    "landed",
    "capital",
    "city",
    "town",
    "province",
    "state",
    "region",
];

struct Found {
    from: usize,
    to: usize,
    places: Vec<u32>,
}

impl<'t> Ctx<'_, 't> {
    pub(super) fn find_gazetteer_places(&mut self) {
        let Ok(g) = gazetteer::gazetteer() else {
            return;
        };
        let found = self.gazetteer_spans(g);
        if found.is_empty() {
            return;
        }
        // The article's countries and regions: knowledge-base countries
        // and places named so far, demonyms, and names of one entry.
        let links = self.kb.place_links();
        let mut countries: HashSet<[u8; 2]> = HashSet::default();
        let mut regions: HashSet<([u8; 2], &str)> = HashSet::default();
        for m in &self.mentions {
            if let Some(code) = self.kb.index_of(&m.actor).and_then(|i| links.kb_country(i)) {
                countries.insert(code);
            }
        }
        for t in &self.toks {
            if t.cap && !t.acronym {
                if let Some(code) = g.demonym(&t.lower) {
                    countries.insert(code);
                }
            }
        }
        for f in &found {
            let first = g.place(f.places[0]);
            if f.places
                .iter()
                .all(|&p| g.place(p).country == first.country)
            {
                countries.insert(first.country);
            }
            for &p in &f.places {
                let place = g.place(p);
                if place.kind == PlaceKind::Region {
                    regions.insert((place.country, place.region.as_str()));
                }
            }
        }
        for f in found {
            let best = f
                .places
                .iter()
                .copied()
                .max_by_key(|&p| {
                    let place = g.place(p);
                    let context = if regions.contains(&(place.country, place.region.as_str()))
                        && place.kind == PlaceKind::City
                    {
                        2
                    } else {
                        u8::from(countries.contains(&place.country))
                    };
                    (
                        context,
                        place.kind == PlaceKind::Country,
                        place.population,
                        std::cmp::Reverse(place.geonameid),
                    )
                })
                .unwrap_or(f.places[0]);
            let id = links.actor_id(self.kb, g, best);
            self.push(f.from, f.to, id, MentionVia::Name);
        }
    }

    /// The runs of capitalized words that are gazetteer names with the
    /// evidence their kind of name needs, and the entries they can mean.
    fn gazetteer_spans(&self, g: &Gazetteer) -> Vec<Found> {
        let n = self.toks.len();
        let mut out = Vec::new();
        let mut i = 0;
        let mut key = String::new();
        let person_words = self.tagged_person_words();
        while i < n {
            let t = &self.toks[i];
            if self.covered[i] || !(t.cap || t.acronym) || self.boundary_word(i) {
                i += 1;
                continue;
            }
            // The longest name starting here, ending on a capitalized word.
            let mut hit = None;
            key.clear();
            let max = g.max_words.min(n - i);
            for len in 1..=max {
                let j = i + len - 1;
                if len > 1
                    && (self.covered[j]
                        || !joined(self.text, &self.toks[j - 1], &self.toks[j])
                        || !g.starts_longer_name(&self.toks[i].lower))
                {
                    break;
                }
                if len > 1 {
                    key.push(' ');
                }
                key.push_str(&self.toks[j].bare);
                let last = &self.toks[j];
                if !last.cap {
                    continue;
                }
                // A short name in capitals ("US", "UAE") counts only as
                // written; a lone short word is never a place ("Of").
                if len == 1 && last.lower.len() <= 3 && !last.acronym {
                    continue;
                }
                if let Some(c) = g.lookup(&key) {
                    hit = Some((j, c));
                }
            }
            let Some((to, cands)) = hit else {
                i += 1;
                continue;
            };
            let a_persons = to == i
                && person_words.contains(self.toks[i].bare.as_str())
                && cands
                    .places
                    .iter()
                    .all(|&p| g.place(p).kind != PlaceKind::Country);
            if !a_persons && self.accept_place(g, i, to, &cands.places, cands.alternate) {
                out.push(Found {
                    from: i,
                    to,
                    places: cands.places.clone(),
                });
            }
            i = to + 1;
        }
        out
    }

    /// Words that start no place name and end a run of capitalized words:
    /// sentence openers, weekdays and months, titles.
    fn boundary_word(&self, k: usize) -> bool {
        let w = self.toks[k].bare.as_str();
        in_list(STOPWORDS, w) || in_list(CALENDAR_WORDS, w) || is_title_word(w)
    }

    /// A capitalized word before a name that is not part of it: a sentence
    /// opener, weekday or month ("In Nairobi", "On Monday Hanoi").
    fn opener(&self, k: usize) -> bool {
        let w = self.toks[k].bare.as_str();
        in_list(STOPWORDS, w) || in_list(CALENDAR_WORDS, w)
    }

    /// True when tokens `from..=to`, a name of `places`, name a place here.
    fn accept_place(
        &self,
        g: &Gazetteer,
        from: usize,
        to: usize,
        places: &[u32],
        alternate: bool,
    ) -> bool {
        // The name must be the whole run of capitalized words: "Paris
        // Hilton", "Nairobi Securities Exchange", "Washington Post" are not
        // the places.
        let part_of_run = |a: usize, b: usize| {
            let (x, y) = (&self.toks[a], &self.toks[b]);
            (x.cap || x.acronym)
                && (y.cap || y.acronym)
                && joined(self.text, x, y)
                && x.bare_raw.len() == x.raw.len()
        };
        if from > 0 && part_of_run(from - 1, from) && !self.opener(from - 1) {
            return false;
        }
        // An abbreviation before the name is part of it ("St. Petersburg",
        // "Ft. Worth"): the name alone is another place.
        if from > 0 {
            let x = &self.toks[from - 1];
            let gap = self.text.get(x.end..self.toks[from].start).unwrap_or("");
            if x.cap
                && x.raw.chars().count() <= 3
                && gap.starts_with('.')
                && gap[1..].trim().is_empty()
            {
                return false;
            }
        }
        // A title after the name keeps it ("Nairobi Governor Johnson Sakaja").
        if to + 1 < self.toks.len()
            && part_of_run(to, to + 1)
            && !is_title_word(&self.toks[to + 1].bare)
        {
            return false;
        }
        if self.starts_kb_name(from, (from + KB_NAME_WORDS).min(self.toks.len())) {
            return false;
        }
        let locative = self.locative_before(from);
        let tagged: Vec<_> = (from..=to)
            .filter_map(|k| self.tagged_at[k].map(|i| self.tagged[i]))
            .collect();
        let tagged_place = !tagged.is_empty() && tagged.iter().all(|t| t.kind == Kind::Loc);
        let vetoed = tagged
            .iter()
            .any(|t| matches!(t.kind, Kind::Per | Kind::Org) && t.confidence >= VETO);
        if vetoed && !locative {
            return false;
        }
        let evidence = locative || tagged_place;
        // Without evidence the tagger must not read the words as anything
        // but a place ("Xinhua reported", "Tanabe said").
        if !evidence && !tagged.is_empty() {
            return false;
        }
        let best = g.place(places[0]);
        let guarded = alternate
            || places.iter().any(|&p| {
                let p = g.place(p);
                p.common_word || p.given_name
            });
        if guarded && !evidence {
            return false;
        }
        evidence
            || places
                .iter()
                .any(|&p| g.place(p).kind == PlaceKind::Country)
            || best.population >= BARE_POPULATION
    }

    /// True when a locative word comes right before token `k` ("in
    /// Nairobi", "visited Hanoi", "the Kenyan capital of Nairobi").
    fn locative_before(&self, k: usize) -> bool {
        let Some(prev) = k.checked_sub(1).map(|p| &self.toks[p]) else {
            return false;
        };
        let gap = self.text.get(prev.end..self.toks[k].start).unwrap_or("");
        // "according to Tanabe" names a source, not a place.
        let according = prev.lower == "to" && k >= 2 && self.toks[k - 2].lower == "according";
        gap.trim().is_empty() && in_list(LOCATIVES, &prev.lower) && !according
    }

    /// Words of the names the tagger reads as people's of two or more
    /// words ("Yuki Tanabe"): the same word alone is that person, not the
    /// town of that name.
    fn tagged_person_words(&self) -> HashSet<&str> {
        let mut words = HashSet::default();
        for t in &self.tagged {
            if t.kind == Kind::Per && t.to > t.from {
                words.extend(self.toks[t.from..=t.to].iter().map(|x| x.bare.as_str()));
            }
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use crate::actors::kb::KnowledgeBase;
    use crate::corpus::ActorKind;
    use crate::lang;

    /// The place and country mentions of a text: (text, actor id).
    fn places(text: &str, kb: &KnowledgeBase) -> Vec<(String, String)> {
        let sentences = lang::sentences(text);
        super::super::find_mentions(text, &sentences, None, kb)
            .mentions
            .into_iter()
            .filter(|m| {
                !m.actor.starts_with('?')
                    && kb.get(&m.actor).is_none_or(|a| a.kind != ActorKind::Person)
            })
            .map(|m| (m.text, m.actor))
            .collect()
    }

    fn place_of(text: &str, name: &str, kb: &KnowledgeBase) -> Option<String> {
        places(text, kb)
            .into_iter()
            .find(|(t, _)| t == name)
            .map(|(_, id)| id)
    }

    #[test]
    fn an_ambiguous_name_is_the_place_of_the_articles_context_then_the_most_populous() {
        let kb = KnowledgeBase::default();
        let texas = "A tornado struck Paris, Texas, on Friday, damaging dozens of homes.";
        assert_eq!(place_of(texas, "Paris", &kb).as_deref(), Some("paris-us"));
        let france = "Envoys met in Paris on Thursday, French officials said.";
        assert_eq!(place_of(france, "Paris", &kb).as_deref(), Some("paris-fr"));
        let bare = "Envoys met in Paris on Thursday.";
        assert_eq!(place_of(bare, "Paris", &kb).as_deref(), Some("paris-fr"));
        let us = "The governor spoke in Atlanta. Storms crossed Georgia overnight.";
        assert_eq!(place_of(us, "Georgia", &kb).as_deref(), Some("georgia-us"));
        let ge = "The minister flew to Georgia on Monday.";
        assert_eq!(place_of(ge, "Georgia", &kb).as_deref(), Some("georgia"));
    }

    #[test]
    fn knowledge_base_places_override_the_gazetteer_and_claim_its_spellings() {
        let kb = KnowledgeBase::parse(
            "- id: ke\n  name: Kenya\n  kind: country\n- id: nbo\n  name: Nairobi\n  kind: place\n  country: ke\n- id: vn\n  name: Vietnam\n  kind: country\n- id: hn\n  name: Hanoi\n  kind: place\n  country: vn\n",
            "content/actors.yaml",
        )
        .unwrap();
        let text = "Talks were held in Nairobi and then in Mombasa. Later she flew to Ha Noi.";
        let found = places(text, &kb);
        assert!(
            found.contains(&("Nairobi".into(), "nbo".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("Mombasa".into(), "mombasa-ke".into())),
            "{found:?}"
        );
        // A gazetteer spelling of a knowledge-base place is that place.
        assert!(found.contains(&("Ha Noi".into(), "hn".into())), "{found:?}");
        // The gazetteer city's country is the knowledge base's.
        let g = crate::lang::gazetteer::gazetteer().unwrap();
        let mombasa = g.by_id("mombasa-ke").unwrap();
        let actor = crate::actors::places::place_actor(&kb, g, mombasa);
        assert_eq!(actor.country.as_deref(), Some("ke"));
        assert!(actor.description.unwrap().contains("GeoNames"));
    }

    #[test]
    fn common_words_and_given_names_need_locative_evidence() {
        let kb = KnowledgeBase::default();
        assert_eq!(
            place_of("Split votes were counted again.", "Split", &kb),
            None
        );
        assert_eq!(
            place_of("They travelled to Split on Monday.", "Split", &kb).as_deref(),
            Some("split-hr")
        );
        assert_eq!(
            place_of("Mobile phones were banned at the talks.", "Mobile", &kb),
            None
        );
        assert!(places("Of the delegates, most left early.", &kb).is_empty());
        // Part of a longer run of capitalized words: a person, a company.
        assert_eq!(place_of("Paris Hilton arrived late.", "Paris", &kb), None);
        assert!(places("Shares of the Nairobi Securities Exchange fell.", &kb).is_empty());
        // Not the town of Asia (Philippines), nor Petersburg (Virginia).
        assert!(places("Trade in Asia grew.", &kb).is_empty());
        assert_eq!(
            place_of("He flew to St. Petersburg on Monday.", "Petersburg", &kb),
            None
        );
        // A word of a person's name named in the article is that person.
        let text =
            "Yuki Tanabe, a professor, spoke first. According to Tanabe, the visit was planned.";
        assert_eq!(place_of(text, "Tanabe", &kb), None);
    }

    #[test]
    fn small_places_need_locative_evidence() {
        let kb = KnowledgeBase::default();
        // Baraut, India: fewer than 100,000 people.
        assert_eq!(
            place_of(
                "Baraut officials said the market would reopen.",
                "Baraut",
                &kb
            ),
            None
        );
        assert_eq!(
            place_of("Farmers gathered in Baraut on Sunday.", "Baraut", &kb).as_deref(),
            Some("baraut-in")
        );
    }
}
