//! The open gazetteer: countries, first-level regions and cities of more
//! than 15,000 people from GeoNames (`data/places/gazetteer.tsv`, built by
//! `examples/build-gazetteer.rs`), with other English names and demonyms of
//! countries (`data/places/countries.txt`), indexed by folded name once per
//! process.
//!
//! Lookups are one hash-map probe per name: nothing here scans the list per
//! article. Which entry a name in a text means (context, population, the
//! knowledge base first) is decided in `actors::mentions`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::lang::names::fold;

#[cfg(test)]
mod tests;

const GAZETTEER: &str = include_str!("../../../data/places/gazetteer.tsv");
const COUNTRIES: &str = include_str!("../../../data/places/countries.txt");
const GAZETTEER_PATH: &str = "data/places/gazetteer.tsv";
const COUNTRIES_PATH: &str = "data/places/countries.txt";

/// Names of continents, oceans and world regions, which the gazetteer does
/// not list: no region or city is found by them.
const NOT_PLACE_NAMES: &[&str] = &[
    "africa",
    "america",
    "americas",
    "antarctica",
    "arctic",
    "asia",
    "atlantic",
    "europe",
    "eurasia",
    "oceania",
    "pacific",
    "indian ocean",
    "middle east",
    "far east",
    "caucasus",
    "balkans",
    "scandinavia",
    "siberia",
    "latin america",
    "north america",
    "south america",
    "central asia",
    "east asia",
    "southeast asia",
    "south asia",
    "west africa",
    "east africa",
];

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub struct Place {
    /// Page id: stable, URL-safe, unique in the gazetteer.
    pub id: String,
    pub kind: PlaceKind,
    pub geonameid: u32,
    /// ISO 3166 country code, upper case.
    pub country: [u8; 2],
    /// GeoNames' first-level region code within the country ("TX").
    pub region: String,
    /// People (for a region: of its cities over 15,000, a weight only).
    pub population: u64,
    pub name: String,
    /// The name is also a common English word ("Nice", "Split").
    pub common_word: bool,
    /// The name is also a given name ("Victoria").
    pub given_name: bool,
}

impl Place {
    pub fn country_code(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("")
    }
}

/// A name's entries: by their own name when any entry has it as its name,
/// else by an alternate name (`alternate` true), most populous first.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub places: Vec<u32>,
    pub alternate: bool,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GazetteerError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    names: HashMap<String, Candidates>,
    /// Folded first words of names of two or more words: a longer lookup is
    /// only tried after one of these.
    first_words: std::collections::HashSet<String>,
    by_id: HashMap<String, u32>,
    countries: HashMap<[u8; 2], u32>,
    regions: HashMap<([u8; 2], String), u32>,
    demonyms: HashMap<String, [u8; 2]>,
    /// Longest name, in words.
    pub max_words: usize,
}

static COMPILED: LazyLock<Result<Gazetteer, GazetteerError>> =
    LazyLock::new(|| Gazetteer::parse(GAZETTEER, COUNTRIES));

/// The compiled-in gazetteer, parsed and indexed on first use.
pub fn gazetteer() -> Result<&'static Gazetteer, &'static GazetteerError> {
    COMPILED.as_ref()
}

fn code(s: &str) -> Option<[u8; 2]> {
    let b = s.as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_uppercase)).then(|| [b[0], b[1]])
}

impl Gazetteer {
    /// Parses the gazetteer and the countries' other names; errors name the
    /// file and line.
    pub fn parse(tsv: &str, countries: &str) -> Result<Gazetteer, GazetteerError> {
        let err = |file, line, message: String| GazetteerError {
            file,
            line,
            message,
        };
        let mut g = Gazetteer::default();
        // (key, place, by alternate name)
        let mut named: Vec<(String, u32, bool)> = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let [id, kind, geonameid, cc, region, population, flags, name, alternates] = f[..]
            else {
                return Err(err(
                    GAZETTEER_PATH,
                    n + 1,
                    format!("expected 9 tab-separated columns, found {}", f.len()),
                ));
            };
            let kind = match kind {
                "C" => PlaceKind::Country,
                "R" => PlaceKind::Region,
                "P" => PlaceKind::City,
                other => {
                    return Err(err(
                        GAZETTEER_PATH,
                        n + 1,
                        format!("unknown kind {other:?}"),
                    ))
                }
            };
            let country = code(cc)
                .ok_or_else(|| err(GAZETTEER_PATH, n + 1, format!("bad country code {cc:?}")))?;
            let geonameid = geonameid.parse().map_err(|_| {
                err(
                    GAZETTEER_PATH,
                    n + 1,
                    format!("bad geonameid {geonameid:?}"),
                )
            })?;
            let population = population.parse().map_err(|_| {
                err(
                    GAZETTEER_PATH,
                    n + 1,
                    format!("bad population {population:?}"),
                )
            })?;
            if id.is_empty()
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(err(GAZETTEER_PATH, n + 1, format!("unsafe id {id:?}")));
            }
            let index = g.places.len() as u32;
            if g.by_id.insert(id.to_string(), index).is_some() {
                return Err(err(GAZETTEER_PATH, n + 1, format!("duplicate id {id:?}")));
            }
            match kind {
                PlaceKind::Country => {
                    g.countries.insert(country, index);
                }
                PlaceKind::Region => {
                    g.regions.insert((country, region.to_string()), index);
                }
                PlaceKind::City => {}
            }
            named.push((fold(name), index, false));
            for alt in alternates.split(';').filter(|a| !a.is_empty()) {
                named.push((fold(alt), index, true));
            }
            g.places.push(Place {
                id: id.to_string(),
                kind,
                geonameid,
                country,
                region: region.to_string(),
                population,
                name: name.to_string(),
                common_word: flags.contains('w'),
                given_name: flags.contains('g'),
            });
        }
        for (n, line) in countries.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let [cc, others, demonyms] = f[..] else {
                return Err(err(
                    COUNTRIES_PATH,
                    n + 1,
                    format!("expected 3 tab-separated columns, found {}", f.len()),
                ));
            };
            let country = code(cc)
                .ok_or_else(|| err(COUNTRIES_PATH, n + 1, format!("bad country code {cc:?}")))?;
            let Some(&index) = g.countries.get(&country) else {
                return Err(err(
                    COUNTRIES_PATH,
                    n + 1,
                    format!("{cc} is no country of {GAZETTEER_PATH}"),
                ));
            };
            // Curated English names count as the country's own.
            for other in others.split(';').filter(|a| !a.is_empty()) {
                named.push((fold(other), index, false));
            }
            for d in demonyms.split(';').filter(|a| !a.is_empty()) {
                g.demonyms.insert(fold(d), country);
            }
        }
        g.index(named);
        Ok(g)
    }

    fn index(&mut self, named: Vec<(String, u32, bool)>) {
        for (key, index, alternate) in named {
            // A town named like a continent or an ocean ("Asia", in the
            // Philippines) is not what a text naming it means.
            if key.is_empty()
                || (NOT_PLACE_NAMES.contains(&key.as_str())
                    && self.places[index as usize].kind != PlaceKind::Country)
            {
                continue;
            }
            let words = key.split(' ').count();
            self.max_words = self.max_words.max(words);
            if words > 1 {
                if let Some(first) = key.split(' ').next() {
                    self.first_words.insert(first.to_string());
                }
            }
            let c = self.names.entry(key).or_default();
            if c.places.is_empty() {
                c.alternate = alternate;
            }
            match (c.alternate, alternate) {
                // An entry's own name outranks every alternate name.
                (true, false) => {
                    c.places.clear();
                    c.alternate = false;
                    c.places.push(index);
                }
                (false, true) => {}
                _ => {
                    if !c.places.contains(&index) {
                        c.places.push(index);
                    }
                }
            }
        }
        let places = &self.places;
        for c in self.names.values_mut() {
            // A city and a region of one country with one name: the name
            // is the city's ("Hanoi", "Mexico City").
            let cities: Vec<[u8; 2]> = c
                .places
                .iter()
                .map(|&i| &places[i as usize])
                .filter(|p| p.kind == PlaceKind::City)
                .map(|p| p.country)
                .collect();
            c.places.retain(|&i| {
                let p = &places[i as usize];
                p.kind != PlaceKind::Region || !cities.contains(&p.country)
            });
            c.places.sort_by(|&a, &b| {
                let (pa, pb) = (&places[a as usize], &places[b as usize]);
                pb.population
                    .cmp(&pa.population)
                    .then(pa.geonameid.cmp(&pb.geonameid))
            });
        }
    }

    /// The entries a folded name can mean, if any.
    pub fn lookup(&self, key: &str) -> Option<&Candidates> {
        self.names.get(key)
    }

    /// True when some name of two or more words starts with this folded word.
    pub fn starts_longer_name(&self, first: &str) -> bool {
        self.first_words.contains(first)
    }

    pub fn place(&self, index: u32) -> &Place {
        &self.places[index as usize]
    }

    pub fn by_id(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The country entry of a country code.
    pub fn country(&self, code: [u8; 2]) -> Option<u32> {
        self.countries.get(&code).copied()
    }

    /// The region entry of a country and region code.
    pub fn region(&self, code: [u8; 2], region: &str) -> Option<u32> {
        self.regions.get(&(code, region.to_string())).copied()
    }

    /// The country a folded demonym names ("kenyan" → KE).
    pub fn demonym(&self, key: &str) -> Option<[u8; 2]> {
        self.demonyms.get(key).copied()
    }
}
