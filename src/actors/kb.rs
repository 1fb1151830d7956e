//! The curated knowledge base, `content/actors.yaml`.
//!
//! A YAML list of entries (format in docs/actors.md). Loading validates what
//! a typo would silently break: unknown fields, duplicate ids, and `country`
//! or `of` naming an id that does not exist, ids that are unsafe as page
//! file names or that differ only by case (two pages in one file on a
//! case-insensitive disk), and empty names. Every error names the file and,
//! where the YAML gives one, the line. An alias shared by two entries is a
//! warning naming both: a mention of it cannot tell them apart.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::corpus::{Actor, ActorKind, Diagnostic, Role};
use crate::lang::names::{self, NameKey};

/// Where the knowledge base lives, relative to the project root.
pub const KB_PATH: &str = "content/actors.yaml";

/// The analyst's curated actors, with the indexes mention finding needs.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    pub actors: Vec<Actor>,
    /// Full-name key of a person → indexes into `actors`.
    pub(crate) person_names: HashMap<NameKey, Vec<usize>>,
    /// The first part of every key in `person_names`: a word whose
    /// [`names::first_part_keys`] are none of these starts no person's name.
    person_first_parts: HashSet<String>,
    /// Folded key of an organization/place/country name → index.
    pub(crate) other_names: HashMap<String, usize>,
    /// Longest alias of non-person actors, in words, to bound span lookups.
    pub(crate) max_other_words: usize,
    /// Per actor (same index as `actors`): the keys of the display name and
    /// of every alias, computed once so per-article lookups never re-derive
    /// them (that made mention finding scale with corpus × knowledge base).
    pub(crate) spelling_keys: Vec<Vec<NameKey>>,
    /// Per actor: the key of the display name, for persons.
    pub(crate) name_keys: Vec<Option<NameKey>>,
    /// Problems worth saying that do not stop a build (shared aliases).
    pub warnings: Vec<Diagnostic>,
    /// Which gazetteer entries are this base's places, computed on first use.
    pub(crate) place_links: std::sync::OnceLock<super::places::PlaceLinks>,
}

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        path: String,
        line: Option<usize>,
        message: String,
    },
}

/// A date bound as written: `2024`, `2024-05` or `2024-05-14`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawDate {
    Year(i64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    title: String,
    #[serde(default)]
    of: Option<String>,
    #[serde(default)]
    from: Option<RawDate>,
    #[serde(default)]
    until: Option<RawDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    name: String,
    kind: ActorKind,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<RawRole>,
    #[serde(default)]
    description: Option<String>,
}

/// Which end of a partial date a bound stands for.
#[derive(Clone, Copy)]
enum Bound {
    Start,
    End,
}

fn parse_date(raw: &RawDate, bound: Bound) -> Option<NaiveDate> {
    let text = match raw {
        RawDate::Year(y) => y.to_string(),
        RawDate::Text(t) => t.trim().to_string(),
    };
    let parts: Vec<&str> = text.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => match bound {
            Bound::Start => NaiveDate::from_ymd_opt(year, 1, 1),
            Bound::End => NaiveDate::from_ymd_opt(year, 12, 31),
        },
        2 => {
            let month = num(1)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            match bound {
                Bound::Start => Some(first),
                Bound::End => {
                    let next = if month == 12 {
                        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                    } else {
                        NaiveDate::from_ymd_opt(year, month + 1, 1)?
                    };
                    next.pred_opt()
                }
            }
        }
        3 => NaiveDate::from_ymd_opt(year, num(1)?, num(2)?),
        _ => None,
    }
}

/// 1-based line of the first line in `lines[from..]` that defines `key: value`
/// (optionally after "- " or "{"), used to point errors at the right place
/// since the YAML deserializer does not keep positions of valid values.
fn find_line(raw: &str, from_line: usize, key: &str, value: &str) -> Option<usize> {
    raw.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find(|(_, line)| {
            let mut rest = *line;
            while let Some(pos) = rest.find(key) {
                let after = &rest[pos + key.len()..];
                let before_ok = rest[..pos]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c == ' ' || c == '-' || c == '{' || c == ',');
                if before_ok {
                    if let Some(v) = after.trim_start().strip_prefix(':') {
                        let v = v.trim_start().trim_start_matches(['"', '\'']);
                        if v.starts_with(value) {
                            return true;
                        }
                    }
                }
                rest = after;
            }
            false
        })
        .map(|(i, _)| i + 1)
}

/// An id that is safe as a page file name and in a URL: ASCII letters,
/// digits, `-`, `_` and `.`, no `..`, no leading `.`.
fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && !id.contains("..")
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A warning for every alias that is also another entry's name or alias
/// (compared folded: case and accents aside), naming both entries. One pass
/// over the names with a map, so linear in the size of the base.
fn shared_aliases(
    entries: &[RawEntry],
    lines: &BTreeMap<String, usize>,
    path: &str,
) -> Vec<Diagnostic> {
    let mut owner: HashMap<String, &RawEntry> = HashMap::default();
    for e in entries {
        owner.entry(names::fold(&e.name)).or_insert(e);
    }
    let mut warnings = Vec::new();
    for e in entries {
        for alias in &e.aliases {
            let key = names::fold(alias);
            if key.is_empty() {
                continue;
            }
            match owner.get(&key) {
                Some(other) if other.id != e.id => {
                    let line = lines.get(&e.id).copied().unwrap_or(1);
                    let at = lines.get(&other.id).copied().unwrap_or(1);
                    warnings.push(
                        Diagnostic::warning(
                            "shared-alias",
                            format!(
                                "`{}`: alias {alias:?} is also a name or alias of `{}` (line {at}); a mention of it cannot tell them apart",
                                e.id, other.id
                            ),
                        )
                        .in_file(path)
                        .at_line(line),
                    );
                }
                Some(_) => {}
                None => {
                    owner.insert(key, e);
                }
            }
        }
    }
    warnings
}

impl KnowledgeBase {
    /// Loads `content/actors.yaml`; a project without one has an empty base.
    pub fn load(root: &Path) -> Result<KnowledgeBase, KbError> {
        let path = root.join(KB_PATH);
        if !path.exists() {
            return Ok(KnowledgeBase::default());
        }
        let raw = std::fs::read(&path).map_err(|source| KbError::Read {
            path: KB_PATH.to_string(),
            source,
        })?;
        // A byte-order mark some editors write would read as content.
        let raw = crate::markup::textfile::yaml_text(raw).map_err(|e| KbError::Invalid {
            path: KB_PATH.to_string(),
            line: Some(e.line()),
            message: e.to_string(),
        })?;
        Self::parse(&raw, KB_PATH)
    }

    /// Parses and validates knowledge-base YAML; `path` is used in errors.
    pub fn parse(raw: &str, path: &str) -> Result<KnowledgeBase, KbError> {
        let invalid = |line: Option<usize>, message: String| KbError::Invalid {
            path: path.to_string(),
            line,
            message,
        };
        if raw.trim().is_empty() {
            return Ok(KnowledgeBase::default());
        }
        if crate::markup::textfile::yaml_has_escaped_controls(raw) {
            return Err(invalid(
                crate::markup::textfile::escaped_control_line(raw),
                crate::markup::textfile::CONTROL_ESCAPE.to_string(),
            ));
        }
        let entries: Vec<RawEntry> = serde_yaml::from_str(raw).map_err(|e| {
            let line = e.location().map(|l| l.line());
            let message = e.to_string();
            // The error text repeats the position; keep just the reason.
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            invalid(line, message)
        })?;

        let mut lines: BTreeMap<String, usize> = BTreeMap::new();
        // Ids by their lower-case form: two ids that differ only by case
        // would write one page file on a case-insensitive disk.
        let mut folded_ids: HashMap<String, (&str, usize)> = HashMap::default();
        let mut cursor = 1;
        for e in &entries {
            let line = find_line(raw, cursor, "id", &e.id).unwrap_or(cursor);
            cursor = line + 1;
            if e.id.trim().is_empty() || e.id.chars().any(char::is_whitespace) {
                return Err(invalid(
                    Some(line),
                    format!(
                        "actor id {:?} must be non-empty and contain no spaces",
                        e.id
                    ),
                ));
            }
            if !is_safe_id(&e.id) {
                return Err(invalid(
                    Some(line),
                    format!(
                        "actor id {:?} can only hold ASCII letters, digits, `-`, `_` and `.` (not `..`, not a leading `.`): it names the actor's page file",
                        e.id
                    ),
                ));
            }
            if let Some(first) = lines.get(e.id.as_str()) {
                return Err(invalid(
                    Some(line),
                    format!(
                        "duplicate actor id `{}` (first defined at line {first})",
                        e.id
                    ),
                ));
            }
            if let Some((other, first)) = folded_ids.get(&e.id.to_ascii_lowercase()) {
                return Err(invalid(
                    Some(line),
                    format!(
                        "actor ids `{other}` (line {first}) and `{}` differ only by case: their pages would be one file on a case-insensitive disk",
                        e.id
                    ),
                ));
            }
            if e.name.trim().is_empty() {
                let at = find_line(raw, line, "name", &e.name).unwrap_or(line);
                return Err(invalid(Some(at), format!("`{}`: the name is empty", e.id)));
            }
            folded_ids.insert(e.id.to_ascii_lowercase(), (e.id.as_str(), line));
            lines.insert(e.id.clone(), line);
        }
        let warnings = shared_aliases(&entries, &lines, path);
        let mut actors = Vec::with_capacity(entries.len());
        for e in entries {
            let line = lines.get(e.id.as_str()).copied();
            if let Some(country) = &e.country {
                if !lines.contains_key(country.as_str()) {
                    let at = line.and_then(|l| find_line(raw, l, "country", country));
                    return Err(invalid(
                        at.or(line),
                        format!("`{}`: country `{country}` is not an actor id", e.id),
                    ));
                }
            }
            let mut roles = Vec::with_capacity(e.roles.len());
            for r in &e.roles {
                let role_line = line.and_then(|l| find_line(raw, l, "title", &r.title));
                if let Some(of) = &r.of {
                    if !lines.contains_key(of.as_str()) {
                        let at = role_line.and_then(|l| find_line(raw, l, "of", of));
                        return Err(invalid(
                            at.or(role_line).or(line),
                            format!(
                                "`{}`: role `{}` is of `{of}`, which is not an actor id",
                                e.id, r.title
                            ),
                        ));
                    }
                }
                let date = |d: &Option<RawDate>,
                            b: Bound,
                            field: &str|
                 -> Result<Option<NaiveDate>, KbError> {
                    match d {
                        None => Ok(None),
                        Some(raw_date) => parse_date(raw_date, b).map(Some).ok_or_else(|| {
                            invalid(
                                role_line.or(line),
                                format!("`{}`: role `{}`: `{field}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", e.id, r.title),
                            )
                        }),
                    }
                };
                let from = date(&r.from, Bound::Start, "from")?;
                let until = date(&r.until, Bound::End, "until")?;
                if let (Some(f), Some(u)) = (from, until) {
                    if f > u {
                        return Err(invalid(
                            role_line.or(line),
                            format!(
                                "`{}`: role `{}` ends ({u}) before it starts ({f})",
                                e.id, r.title
                            ),
                        ));
                    }
                }
                roles.push(Role {
                    title: r.title.clone(),
                    of: r.of.clone(),
                    from,
                    until,
                });
            }
            actors.push(Actor {
                id: e.id,
                name: e.name,
                kind: e.kind,
                country: e.country,
                aliases: e.aliases,
                roles,
                curated: true,
                description: e.description,
            });
        }
        actors.sort_by(|a, b| a.id.cmp(&b.id));
        let mut kb = Self::from_actors(actors);
        kb.warnings = warnings;
        Ok(kb)
    }

    /// Builds the lookup indexes over a list of actors (sorted by id).
    pub fn from_actors(actors: Vec<Actor>) -> KnowledgeBase {
        let mut person_names: HashMap<NameKey, Vec<usize>> = HashMap::default();
        let mut other_names = HashMap::default();
        let mut max_other_words = 0;
        let mut spelling_keys = vec![Vec::new(); actors.len()];
        let name_keys: Vec<Option<NameKey>> = actors
            .iter()
            .map(|a| match a.kind {
                ActorKind::Person => names::person_key(&a.name),
                _ => None,
            })
            .collect();
        for (i, a) in actors.iter().enumerate() {
            for spelling in std::iter::once(&a.name).chain(&a.aliases) {
                if a.kind == ActorKind::Person {
                    if let Some(key) = names::person_key(spelling) {
                        spelling_keys[i].push(key.clone());
                        let ids = person_names.entry(key).or_default();
                        if !ids.contains(&i) {
                            ids.push(i);
                        }
                    }
                } else {
                    let key = names::phrase_key(spelling);
                    if !key.is_empty() {
                        max_other_words = max_other_words.max(key.split(' ').count());
                        // First definition wins; a clash is the analyst's
                        // to resolve and `find_mentions` stays deterministic.
                        other_names.entry(key).or_insert(i);
                    }
                }
            }
        }
        let person_first_parts = person_names
            .keys()
            .filter_map(|k| k.parts.first().cloned())
            .collect();
        KnowledgeBase {
            actors,
            person_names,
            person_first_parts,
            other_names,
            max_other_words,
            spelling_keys,
            name_keys,
            warnings: Vec::new(),
            place_links: std::sync::OnceLock::new(),
        }
    }

    /// How this base's places meet the gazetteer (`actors::places`).
    pub(crate) fn place_links(&self) -> &super::places::PlaceLinks {
        self.place_links
            .get_or_init(|| match crate::lang::gazetteer::gazetteer() {
                Ok(g) => super::places::PlaceLinks::new(self, g),
                Err(_) => super::places::PlaceLinks::default(),
            })
    }

    /// The key of an actor's display name (persons only), precomputed.
    pub(crate) fn name_key(&self, index: usize) -> Option<&NameKey> {
        self.name_keys.get(index)?.as_ref()
    }

    /// False when no knowledge-base person's name can start with `word`
    /// (by [`names::first_part_keys`]); true when one may.
    pub fn may_start_person_name(&self, word: &str) -> bool {
        names::first_part_keys(word).is_none_or(|keys| {
            keys.iter()
                .flatten()
                .any(|k| self.person_first_parts.contains(k))
        })
    }

    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.index_of(id).map(|i| &self.actors[i])
    }

    pub(crate) fn index_of(&self, id: &str) -> Option<usize> {
        self.actors.binary_search_by(|a| a.id.as_str().cmp(id)).ok()
    }

    pub(crate) fn persons(&self) -> impl Iterator<Item = (usize, &Actor)> {
        self.actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorKind::Person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_knowledge_base_loads() {
        let kb = KnowledgeBase::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert!(kb.get("sergei-shoigu").is_some());
        assert!(kb.get("dprk").is_some());
        let shoigu = kb.get("sergei-shoigu").unwrap();
        assert_eq!(shoigu.roles[0].until, NaiveDate::from_ymd_opt(2024, 5, 12));
        let kang = kb.get("kang-sun-nam").unwrap();
        assert_eq!(kang.roles[0].from, NaiveDate::from_ymd_opt(2022, 6, 1));
        assert_eq!(kang.roles[0].until, NaiveDate::from_ymd_opt(2024, 10, 31));
    }

    fn err(yaml: &str) -> String {
        KnowledgeBase::parse(yaml, "content/actors.yaml")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn duplicate_ids_are_errors_with_line() {
        let e = err("- id: a\n  name: A\n  kind: place\n- id: a\n  name: B\n  kind: place\n");
        assert!(e.starts_with("content/actors.yaml:4:"), "{e}");
        assert!(e.contains("duplicate actor id `a`"), "{e}");
    }

    #[test]
    fn unsafe_ids_are_errors_with_line() {
        for id in [
            r#"'a"b'"#,
            "'a<b'",
            "a/b",
            "'..'",
            "a..b",
            "'.hidden'",
            "'é'",
        ] {
            let e = err(&format!(
                "- id: ok\n  name: Ok\n  kind: place\n- id: {id}\n  name: B\n  kind: place\n"
            ));
            assert!(e.starts_with("content/actors.yaml:4:"), "{id}: {e}");
            assert!(e.contains("can only hold ASCII letters"), "{id}: {e}");
        }
        // Dots and underscores inside an id are fine.
        assert!(KnowledgeBase::parse(
            "- id: a.b_c-1\n  name: A\n  kind: place\n",
            "content/actors.yaml"
        )
        .is_ok());
    }

    #[test]
    fn ids_that_differ_only_by_case_are_errors_naming_both() {
        let e = err("- id: Kim\n  name: A\n  kind: place\n- id: kim\n  name: B\n  kind: place\n");
        assert!(e.starts_with("content/actors.yaml:4:"), "{e}");
        assert!(e.contains("`Kim` (line 1) and `kim`"), "{e}");
    }

    #[test]
    fn an_empty_name_is_an_error_with_line() {
        let e = err("- id: a\n  name: A\n  kind: place\n- id: b\n  name: \"  \"\n  kind: place\n");
        assert!(e.starts_with("content/actors.yaml:5:"), "{e}");
        assert!(e.contains("`b`: the name is empty"), "{e}");
    }

    #[test]
    fn a_shared_alias_is_a_warning_naming_both_entries() {
        let kb = KnowledgeBase::parse(
            "- id: kim-a\n  name: Kim A\n  kind: person\n  aliases: [Marshal Kim]\n- id: kim-b\n  name: Kim B\n  kind: person\n  aliases: [marshal kim, Kim B.]\n",
            "content/actors.yaml",
        )
        .unwrap();
        assert_eq!(kb.warnings.len(), 1, "{:?}", kb.warnings);
        let w = kb.warnings[0].to_string();
        assert!(w.starts_with("content/actors.yaml:5:"), "{w}");
        assert!(
            w.contains("`kim-b`") && w.contains("`kim-a` (line 1)"),
            "{w}"
        );
        // An alias that is another entry's name counts too; one's own does not.
        let kb = KnowledgeBase::parse(
            "- id: a\n  name: Alpha\n  kind: place\n  aliases: [Alpha]\n- id: b\n  name: Beta\n  kind: place\n  aliases: [ALPHA]\n",
            "content/actors.yaml",
        )
        .unwrap();
        assert_eq!(kb.warnings.len(), 1, "{:?}", kb.warnings);
        assert!(kb.warnings[0].to_string().contains("`b`: alias \"ALPHA\""));
    }

    #[test]
    fn unknown_references_are_errors_with_line() {
        let e = err("- id: a\n  name: A\n  kind: person\n  country: nowhere\n");
        assert!(e.starts_with("content/actors.yaml:4:"), "{e}");
        let e =
            err("- id: a\n  name: A\n  kind: person\n  roles:\n    - {title: Minister, of: b}\n");
        assert!(e.starts_with("content/actors.yaml:5:"), "{e}");
        assert!(e.contains("not an actor id"), "{e}");
    }

    #[test]
    fn unknown_fields_and_bad_yaml_are_errors_with_line() {
        let e = err("- id: a\n  name: A\n  kind: person\n  nickname: x\n");
        assert!(e.contains("unknown field `nickname`"), "{e}");
        assert!(e.starts_with("content/actors.yaml:"), "{e}");
        let e = err("- id: a\n  name: [unclosed\n");
        assert!(e.starts_with("content/actors.yaml:"), "{e}");
        let e = err("- id: a\n  name: A\n  kind: planet\n");
        assert!(e.contains("planet"), "{e}");
    }

    #[test]
    fn bad_dates_are_errors() {
        let e =
            err("- id: a\n  name: A\n  kind: person\n  roles:\n    - {title: X, from: 2024-13}\n");
        assert!(e.contains("not a date"), "{e}");
        let e = err("- id: a\n  name: A\n  kind: person\n  roles:\n    - {title: X, from: 2024, until: 2023}\n");
        assert!(e.contains("ends"), "{e}");
    }
}
