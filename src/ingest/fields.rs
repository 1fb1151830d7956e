//! Publication fields shared by Markdown front matter and
//! `content/metadata.yaml`: parsing, type checks, and the line each field
//! sits on (YAML values carry no positions, so keys are located by a
//! light scan of the source text).

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use regex::Regex;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The publication fields of one article, as written by the analyst.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fields {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub translated_from: Option<String>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// Hugo/Zola `draft: true`: the article is skipped.
    pub draft: bool,
    /// Overrides the id derived from the file name.
    pub slug: Option<String>,
    /// Fields we do not know, kept for templates and reported.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A field that could not be read, with the line of its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub line: Option<usize>,
    pub message: String,
}

/// An unknown field, with the line of its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub name: String,
    pub line: Option<usize>,
}

/// Every field name we understand, with the spellings Hugo and Zola use.
pub const KNOWN_FIELDS: &[&str] = &[
    "title",
    "published",
    "date",
    "outlet",
    "source",
    "url",
    "language",
    "translated_from",
    "tags",
    "taxonomies",
    "notes",
    "draft",
    "slug",
];

/// One `key:` line of a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine {
    pub indent: usize,
    pub key: String,
    /// 1-based line in the file.
    pub line: usize,
}

static KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^( *)(?:"([^"]*)"|'([^']*)'|([^\s#'"\-?][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)"#)
        .expect("valid regex")
});

/// Locates the mapping keys of a YAML text; `first_line` is the file line
/// of the text's first line.
pub fn key_lines(yaml: &str, first_line: usize) -> Vec<KeyLine> {
    yaml.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let c = KEY.captures(l)?;
            let key = c
                .get(2)
                .or(c.get(3))
                .or(c.get(4))?
                .as_str()
                .trim()
                .to_string();
            Some(KeyLine {
                indent: c.get(1).map_or(0, |m| m.as_str().len()),
                key,
                line: first_line + i,
            })
        })
        .collect()
}

/// Rewrites the "line N column M" positions of a YAML error by `offset`
/// lines, so they point into the whole file.
pub fn shift_yaml_message(message: &str, offset: usize) -> String {
    static POS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"line (\d+) column (\d+)").expect("valid regex"));
    POS.replace_all(message, |c: &regex::Captures| {
        let line: usize = c[1].parse().unwrap_or(0);
        format!("line {} column {}", line + offset, &c[2])
    })
    .into_owned()
}

/// Reads the fields of one mapping. `line_of` finds the line of a key.
pub fn parse_fields(
    map: &Mapping,
    line_of: &dyn Fn(&str) -> Option<usize>,
) -> Result<(Fields, Vec<UnknownField>), FieldError> {
    let mut fields = Fields::default();
    let mut unknown = Vec::new();
    let mut seen_alias: Option<(&str, &str)> = None;
    for (key, value) in map {
        let Some(name) = key.as_str() else {
            return Err(FieldError {
                line: None,
                message: format!("field names must be text, found {}", describe(key)),
            });
        };
        let err = |expected: &str| FieldError {
            line: line_of(name),
            message: format!(
                "field `{name}` must be {expected}, found {}",
                describe(value)
            ),
        };
        match name {
            "title" => fields.title = non_empty(scalar_text(value).ok_or_else(|| err("text"))?),
            "published" | "date" => {
                if fields.published.is_some() {
                    seen_alias = Some(("published", "date"));
                }
                fields.published = match value {
                    Value::Null => None,
                    _ => Some(
                        value
                            .as_str()
                            .and_then(parse_date)
                            .ok_or_else(|| err("a date (YYYY-MM-DD or an RFC 3339 date-time)"))?,
                    ),
                }
            }
            "outlet" | "source" => {
                if fields.outlet.is_some() {
                    seen_alias = Some(("outlet", "source"));
                }
                fields.outlet = non_empty(scalar_text(value).ok_or_else(|| err("text"))?)
            }
            "url" => fields.url = non_empty(scalar_text(value).ok_or_else(|| err("text"))?),
            "language" => {
                fields.language = non_empty(scalar_text(value).ok_or_else(|| err("text"))?)
            }
            "translated_from" => {
                fields.translated_from = non_empty(scalar_text(value).ok_or_else(|| err("text"))?)
            }
            "notes" => fields.notes = non_empty(scalar_text(value).ok_or_else(|| err("text"))?),
            "slug" => fields.slug = non_empty(scalar_text(value).ok_or_else(|| err("text"))?),
            "draft" => fields.draft = value.as_bool().ok_or_else(|| err("true or false"))?,
            "tags" => fields.tags = tag_list(value).ok_or_else(|| err("a list of tags"))?,
            // Zola keeps tags under `taxonomies: { tags: [...] }`.
            "taxonomies" => {
                let tags = value
                    .as_mapping()
                    .ok_or_else(|| err("a mapping"))?
                    .get("tags");
                if let Some(t) = tags {
                    fields.tags = tag_list(t).ok_or_else(|| err("a mapping with a tags list"))?;
                }
            }
            _ => {
                unknown.push(UnknownField {
                    name: name.to_string(),
                    line: line_of(name),
                });
                fields.extra.insert(
                    name.to_string(),
                    serde_json::to_value(value).unwrap_or(serde_json::Value::Null),
                );
            }
        }
    }
    if let Some((a, b)) = seen_alias {
        return Err(FieldError {
            line: line_of(b).or(line_of(a)),
            message: format!("both `{a}` and `{b}` are given; they mean the same, keep one"),
        });
    }
    if let Some(notes) = &fields.notes {
        fields
            .extra
            .insert("notes".into(), serde_json::Value::String(notes.clone()));
    }
    Ok((fields, unknown))
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Text, or a number or boolean written where text was meant (`title: 1984`).
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        _ => None,
    }
}

/// A list of tags, or one comma-separated string.
fn tag_list(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Null => Some(Vec::new()),
        Value::String(s) => Some(
            s.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
        ),
        Value::Sequence(items) => items
            .iter()
            .map(|v| scalar_text(v).and_then(non_empty))
            .collect(),
        _ => None,
    }
}

/// YYYY-MM-DD, an RFC 3339 date-time (its local date), or a date-time
/// without zone as Hugo writes it.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(t).ok().map(|d| d.date_naive()))
        .or_else(|| {
            ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
                .map(|d| d.date())
        })
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("\"{}\"", s.chars().take(40).collect::<String>()),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(_) => "a tagged value".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<(Fields, Vec<UnknownField>), FieldError> {
        let map: Mapping = serde_yaml::from_str(yaml).expect("test yaml");
        let keys = key_lines(yaml, 1);
        parse_fields(&map, &|k| keys.iter().find(|l| l.key == k).map(|l| l.line))
    }

    #[test]
    fn dates_in_every_accepted_spelling() {
        let d = NaiveDate::from_ymd_opt(2024, 6, 19);
        assert_eq!(parse_date("2024-06-19"), d);
        assert_eq!(parse_date("2024-06-19T23:30:00+09:00"), d);
        assert_eq!(parse_date("2024-06-19T10:00:00Z"), d);
        assert_eq!(parse_date("2024-06-19 08:15:00"), d);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-13-01"), None);
    }

    #[test]
    fn hugo_spellings_and_unknown_fields() {
        let (f, unknown) = parse(
            "title: Talks in Hanoi\ndate: 2024-03-02\nsource: Example Wire\ntags: [navy, talks]\nauthor: J. Doe\n",
        )
        .expect("valid");
        assert_eq!(f.title.as_deref(), Some("Talks in Hanoi"));
        assert_eq!(f.published, NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(f.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(f.tags, vec!["navy", "talks"]);
        assert_eq!(
            unknown,
            vec![UnknownField {
                name: "author".into(),
                line: Some(5)
            }]
        );
        assert!(f.extra.contains_key("author"));
    }

    #[test]
    fn wrong_types_name_the_line() {
        let e = parse("title: Talks\npublished: yesterday\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("published"), "{}", e.message);
        let e = parse("title: [a, b]\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse("title: T\ntags: {a: 1}\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn zola_taxonomies_and_comma_tags() {
        let (f, _) = parse("title: T\ntaxonomies:\n  tags: [a, b]\n").expect("valid");
        assert_eq!(f.tags, vec!["a", "b"]);
        let (f, _) = parse("title: T\ntags: a, b\n").expect("valid");
        assert_eq!(f.tags, vec!["a", "b"]);
    }

    #[test]
    fn key_lines_handle_quotes_and_nesting() {
        let keys = key_lines(
            "\"seeds/a.txt\":\n  title: x # note\n- item\nplain: 1\n",
            10,
        );
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[0].key, "seeds/a.txt");
        assert_eq!(keys[1].indent, 2);
        assert_eq!(keys[2].line, 13);
    }

    #[test]
    fn yaml_positions_are_shifted() {
        assert_eq!(
            shift_yaml_message("bad at line 2 column 5", 3),
            "bad at line 5 column 5"
        );
    }
}
