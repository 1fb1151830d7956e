//! Stage 1, ingest: find the article files, read them, strip page chrome and
//! front matter, and hand on clean plain text with its publication metadata.
//!
//! Nothing here interprets the prose; later stages do.

mod decode;
pub mod fields;
pub mod pages;
pub mod raw;
pub mod statics;
pub mod unknown;

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::{self, SiteConfig};
use crate::corpus::diagnostics::Diagnostic;
use crate::corpus::{Article, Dateline, SourceFormat};
use crate::markup::{markdown, textfile};
pub(crate) use decode::decode;
use decode::utf8_text;
use fields::{FieldError, Fields, KeyLine};
pub use pages::{load_pages, PAGES_DIR};
pub use statics::{static_files, StaticFile, STATIC_DIR};

/// Everything ingest produced: the articles, sorted by id, and findings.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 (first bad byte at line {line})")]
    InvalidUtf8 { path: String, line: usize },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        path: String,
        line: Option<usize>,
        message: String,
    },
}

/// Where the analyst keeps publication metadata for raw-text articles.
pub const METADATA_FILE: &str = "content/metadata.yaml";
/// Where Markdown articles live.
pub const ARTICLES_DIR: &str = "content/articles";

/// Reads every article of the project: raw text from the configured source
/// folders and Markdown from `content/articles/`. Files are found in sorted
/// order and parsed in parallel; the result is sorted by id.
pub fn load_corpus(root: &Path, config: &SiteConfig) -> Result<Corpus, IngestError> {
    let mut diagnostics = Vec::new();
    let metadata = load_metadata(root, &mut diagnostics)?;

    // Everything read must lie inside the project: a folder or a link that
    // leads outside would publish files the analyst never put in it.
    let root_real = root.canonicalize().map_err(|source| IngestError::Read {
        path: root.display().to_string(),
        source,
    })?;
    let mut files: Vec<(String, SourceFormat)> = Vec::new();
    for source in &config.sources {
        let dir = root.join(source);
        if !dir.is_dir() {
            if config::site_config_path(root).is_file() {
                diagnostics.push(
                    Diagnostic::warning(
                        "missing-source",
                        format!("source folder `{}` does not exist", source.display()),
                    )
                    .in_file("content/site.yaml"),
                );
            }
            continue;
        }
        if !inside(&root_real, &dir) {
            return Err(IngestError::Invalid {
                path: "content/site.yaml".to_string(),
                line: None,
                message: format!(
                    "source folder `{}` lies outside the project; sources must be folders inside it",
                    source.display()
                ),
            });
        }
        for path in walk(root, &dir, "txt", &mut diagnostics)? {
            files.push((path, SourceFormat::Raw));
        }
    }
    let articles_dir = root.join(ARTICLES_DIR);
    if articles_dir.is_dir() {
        if inside(&root_real, &articles_dir) {
            for path in walk(root, &articles_dir, "md", &mut diagnostics)? {
                files.push((path, SourceFormat::Markdown));
            }
        } else {
            diagnostics.push(outside_link(ARTICLES_DIR));
        }
    }
    // Two source folders may overlap (`seeds` and `seeds/extra`).
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);

    for (key, entry) in &metadata.entries {
        let found = files
            .binary_search_by(|(p, _)| p.as_str().cmp(key.as_str()))
            .ok()
            .map(|i| &files[i]);
        match found {
            None => diagnostics.push(
                Diagnostic::warning(
                    "unknown-file",
                    format!("metadata for `{key}`, but no such article file exists"),
                )
                .in_file(METADATA_FILE)
                .at_line(entry.line),
            ),
            Some((_, SourceFormat::Markdown)) => diagnostics.push(
                Diagnostic::warning(
                    "ignored-metadata",
                    format!("`{key}` is Markdown: put its metadata in its front matter"),
                )
                .in_file(METADATA_FILE)
                .at_line(entry.line),
            ),
            Some(_) => {}
        }
    }

    let results: Vec<Result<Option<Loaded>, IngestError>> = files
        .par_iter()
        .map(|(path, format)| {
            let bytes = std::fs::read(root.join(path)).map_err(|source| IngestError::Read {
                path: path.clone(),
                source,
            })?;
            let (content, warning) = decode(path, &bytes)?;
            let loaded = match format {
                SourceFormat::Raw => load_raw(path, &content, metadata.entries.get(path)).map(Some),
                SourceFormat::Markdown => load_markdown(path, &content, config.drafts),
            };
            loaded.map(|l| {
                l.map(|mut l| {
                    l.diagnostics.splice(0..0, warning);
                    l
                })
            })
        })
        .collect();

    let mut articles = Vec::with_capacity(results.len());
    for result in results {
        if let Some(loaded) = result? {
            diagnostics.extend(loaded.diagnostics);
            articles.push(loaded.article);
        }
    }
    articles.sort_by(|a, b| a.id.cmp(&b.id).then(a.source_path.cmp(&b.source_path)));
    for pair in articles.windows(2) {
        if let [a, b] = pair {
            if a.id == b.id {
                return Err(IngestError::Invalid {
                    path: b.source_path.clone(),
                    line: None,
                    message: format!(
                        "article id `{}` is also the id of {}; rename one of the files (or set `slug:`)",
                        b.id, a.source_path
                    ),
                });
            }
        }
    }
    Ok(Corpus {
        articles,
        diagnostics,
    })
}

/// One article and what was noticed while reading it.
struct Loaded {
    article: Article,
    diagnostics: Vec<Diagnostic>,
}

/// True when `path` resolves (links followed) to a place inside the project
/// whose canonical root is `root_real`.
fn inside(root_real: &Path, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|p| p.starts_with(root_real))
}

/// The warning for a link that leads out of the project.
fn outside_link(path: &str) -> Diagnostic {
    Diagnostic::warning(
        "outside-link",
        format!("`{path}` is a symbolic link to a place outside the project; it is not read"),
    )
    .in_file(path)
}

/// Files with the extension under `dir`, recursively, as sorted paths
/// relative to `root` with forward slashes. Hidden files are skipped.
/// Symbolic links are checked, never trusted: a linked file is read only
/// when it resolves inside the project, and a linked folder is not followed
/// (no cycles); each skipped link is a warning naming it.
pub(crate) fn walk(
    root: &Path,
    dir: &Path,
    ext: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<String>, IngestError> {
    let root_real = root.canonicalize().map_err(|source| IngestError::Read {
        path: relative(root, dir),
        source,
    })?;
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = std::fs::read_dir(&current).map_err(|source| IngestError::Read {
            path: relative(root, &current),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| IngestError::Read {
                path: relative(root, &current),
                source,
            })?;
            let path = entry.path();
            // Hidden files are editor and VCS litter; `_index.md` and other
            // underscore files are Hugo/Zola section pages, not articles.
            let name = entry.file_name();
            let hidden = name.to_string_lossy().starts_with(['.', '_']);
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if hidden {
                continue;
            }
            let wanted = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(ext));
            if kind.is_symlink() {
                let rel = relative(root, &path);
                if path.is_dir() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "linked-folder",
                            format!("`{rel}` is a symbolic link to a folder; linked folders are not read"),
                        )
                        .in_file(rel),
                    );
                } else if wanted && path.is_file() {
                    if inside(&root_real, &path) {
                        out.push(rel);
                    } else {
                        diagnostics.push(outside_link(&rel));
                    }
                }
                continue;
            }
            if kind.is_dir() {
                stack.push(path);
            } else if wanted && kind.is_file() {
                out.push(relative(root, &path));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Normalizes a path written by the analyst ("./seeds\\a.txt") to the form
/// used for `source_path`.
fn normalize_key(key: &str) -> String {
    key.trim()
        .replace('\\', "/")
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// A URL-safe id from a file stem: lower-case ASCII letters, digits and
/// single hyphens. Accents are folded ("Séoul" → "seoul"); a stem with no
/// usable character gets a stable id from its path.
pub fn slugify(stem: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(stem.len());
    for c in stem.nfkd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_whitespace() || c.is_ascii_punctuation()) && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn article_id(path: &str, slug: Option<&str>) -> String {
    let stem = slug.unwrap_or_else(|| {
        Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(path)
    });
    let id = slugify(stem);
    // "index" names each folder's list page, so an article may not take it.
    if id == "index" {
        return "index-article".to_string();
    }
    if !id.is_empty() {
        return id;
    }
    // FNV-1a of the path: stable across runs and machines.
    let hash = path.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("article-{:08x}", hash & 0xffff_ffff)
}

fn unknown_field_diagnostics(path: &str, unknown: &[fields::UnknownField]) -> Vec<Diagnostic> {
    unknown
        .iter()
        .map(|u| {
            let d = Diagnostic::warning(
                "unknown-field",
                format!(
                    "unknown field `{}` (kept as extra data); known fields: {}",
                    u.name,
                    fields::KNOWN_FIELDS.join(", ")
                ),
            )
            .in_file(path);
            match u.line {
                Some(line) => d.at_line(line),
                None => d,
            }
        })
        .collect()
}

fn field_error(path: &str, e: FieldError) -> IngestError {
    IngestError::Invalid {
        path: path.to_string(),
        line: e.line,
        message: e.message,
    }
}

fn load_raw(
    path: &str,
    content: &str,
    meta: Option<&MetadataEntry>,
) -> Result<Loaded, IngestError> {
    let cleaned = raw::clean(content);
    if cleaned.text.is_empty() {
        return Err(IngestError::Invalid {
            path: path.to_string(),
            line: None,
            message: "no article text is left after removing page chrome".into(),
        });
    }
    let mut diagnostics = Vec::new();
    let fields = meta.map(|m| m.fields.clone()).unwrap_or_default();
    if let Some(m) = meta {
        diagnostics.extend(unknown_field_diagnostics(METADATA_FILE, &m.unknown));
    }
    let title = match fields.title.clone() {
        Some(t) => t,
        None => {
            if cleaned.title_derived {
                diagnostics.push(
                    Diagnostic::note(
                        "derived-title",
                        format!(
                            "no headline found; title derived from the first sentence: \"{}\" (set `title` in {METADATA_FILE} to override)",
                            cleaned.title
                        ),
                    )
                    .in_file(path),
                );
            }
            cleaned.title.clone()
        }
    };
    if fields.published.is_none() {
        // A date stamp stripped from the page is a good hint for the analyst.
        let stamp = cleaned
            .removed
            .iter()
            .find(|(_, kind, _)| *kind == raw::Chrome::Timestamp);
        let hint = stamp.map_or(String::new(), |(_, _, s)| {
            format!(" (the page shows the date line \"{s}\")")
        });
        let d = Diagnostic::note(
            "no-publication-date",
            format!("no publication date; add one under `{path}` in {METADATA_FILE}{hint}"),
        )
        .in_file(path);
        diagnostics.push(match stamp {
            Some((line, _, _)) if *line > 0 => d.at_line(*line),
            _ => d,
        });
    }
    Ok(Loaded {
        article: Article {
            original_source: cleaned.original_source,
            ..article_from(
                path,
                fields,
                SourceFormat::Raw,
                title,
                cleaned.dateline,
                cleaned.text,
            )
        },
        diagnostics,
    })
}

/// The article of `path` from its fields and cleaned text. The outlet falls
/// back to the dateline's agency ("Seoul, Sep 17 (EFE)").
fn article_from(
    path: &str,
    fields: Fields,
    format: SourceFormat,
    title: String,
    dateline: Option<Dateline>,
    text: String,
) -> Article {
    let outlet = fields
        .outlet
        .or_else(|| dateline.as_ref().and_then(|d| d.agency.clone()));
    Article {
        id: article_id(path, fields.slug.as_deref()),
        source_path: path.to_string(),
        format,
        title,
        published: fields.published,
        outlet,
        url: fields.url,
        language: fields.language,
        translated_from: fields.translated_from,
        tags: fields.tags,
        extra: fields.extra,
        dateline,
        original_source: None,
        text,
        markdown: None,
    }
}

/// The front matter of a Markdown file and where its body starts.
pub(crate) struct FrontMatter<'a> {
    pub yaml: &'a str,
    /// File line of the first YAML line.
    pub first_line: usize,
    pub body: &'a str,
}

impl FrontMatter<'_> {
    /// The front matter parsed as YAML, with errors at their file line, and
    /// control characters written as escapes taken out of its strings (the
    /// warning saying so, if there were any): how articles, notes and pages
    /// all read their front matter.
    pub(crate) fn parse(
        &self,
        path: &str,
    ) -> Result<(serde_yaml::Value, Option<Diagnostic>), IngestError> {
        let mut value: serde_yaml::Value =
            serde_yaml::from_str(self.yaml).map_err(|e| IngestError::Invalid {
                path: path.to_string(),
                line: Some(
                    e.location()
                        .map_or(self.first_line, |l| l.line() + self.first_line - 1),
                ),
                message: format!(
                    "malformed YAML front matter: {}",
                    fields::shift_yaml_message(&e.to_string(), self.first_line - 1)
                ),
            })?;
        let escaped = escaped_controls_warning(path, self.yaml, self.first_line, &mut value);
        Ok((value, escaped))
    }
}

pub(crate) fn split_front_matter<'a>(
    path: &str,
    content: &'a str,
) -> Result<FrontMatter<'a>, IngestError> {
    let invalid = |line: usize, message: &str| IngestError::Invalid {
        path: path.to_string(),
        line: Some(line),
        message: message.to_string(),
    };
    let mut lines = content.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    match first.trim_end() {
        "---" => {}
        "+++" => {
            return Err(invalid(
                1,
                "TOML front matter (+++) is not supported; write the front matter as YAML between --- lines",
            ))
        }
        _ => {
            return Err(invalid(
                1,
                "no front matter: a Markdown article starts with a --- line, then at least `title: ...`, then ---",
            ))
        }
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            let yaml = content.get(yaml_start..offset).unwrap_or_default();
            if let Err(e) = crate::markup::textfile::yaml_nesting(yaml) {
                return Err(invalid(e.line() + 1, &format!("front matter: {e}")));
            }
            return Ok(FrontMatter {
                yaml,
                first_line: 2,
                body: content.get(offset + line.len()..).unwrap_or_default(),
            });
        }
        offset += line.len();
    }
    Err(invalid(
        1,
        "the front matter opened here is never closed with a --- line",
    ))
}

fn load_markdown(path: &str, content: &str, drafts: bool) -> Result<Option<Loaded>, IngestError> {
    let fm = split_front_matter(path, content)?;
    let (value, escaped) = fm.parse(path)?;
    let empty = serde_yaml::Mapping::new();
    let map = match &value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => &empty,
        _ => {
            return Err(IngestError::Invalid {
                path: path.to_string(),
                line: Some(fm.first_line),
                message: "front matter must be a set of `field: value` lines".into(),
            })
        }
    };
    let keys = fields::key_lines(fm.yaml, fm.first_line);
    let line_of = |k: &str| {
        keys.iter()
            .find(|l| l.indent == 0 && l.key == k)
            .map(|l| l.line)
    };
    let (fields, unknown) =
        fields::parse_fields(map, &line_of).map_err(|e| field_error(path, e))?;
    let mut diagnostics = unknown_field_diagnostics(path, &unknown);
    diagnostics.extend(escaped);
    if fields.draft && !drafts {
        return Ok(None);
    }
    let Some(title) = fields.title.clone() else {
        return Err(IngestError::Invalid {
            path: path.to_string(),
            line: Some(1),
            message: "missing required field `title` in the front matter".into(),
        });
    };
    let (text, flattened) = markdown::plain_text_flattened(fm.body);
    if flattened {
        diagnostics.push(nesting_warning(path));
    }
    if text.is_empty() {
        diagnostics
            .push(Diagnostic::warning("empty-body", "the article has no text").in_file(path));
    }
    if fields.published.is_none() {
        diagnostics.push(
            Diagnostic::note(
                "no-publication-date",
                "no `published` date in the front matter",
            )
            .in_file(path),
        );
    }
    let dateline = text.split("\n\n").next().and_then(raw::find_dateline);
    Ok(Some(Loaded {
        article: Article {
            markdown: Some(fm.body.to_string()),
            ..article_from(path, fields, SourceFormat::Markdown, title, dateline, text)
        },
        diagnostics,
    }))
}

/// Takes the control characters that escapes put into the strings of
/// parsed YAML out of `value` (see [`textfile::strip_yaml_controls`]) and
/// says so, with the line of the first escape (`first_line` is the file
/// line of the YAML's first line).
pub(crate) fn escaped_controls_warning(
    path: &str,
    yaml: &str,
    first_line: usize,
    value: &mut serde_yaml::Value,
) -> Option<Diagnostic> {
    let count = textfile::strip_yaml_controls(value);
    (count > 0).then(|| {
        let d = Diagnostic::warning(
            "control-characters",
            format!(
                "{count} control character(s) written as escapes (such as \\x07) removed from the YAML's strings"
            ),
        )
        .in_file(path);
        match textfile::escaped_control_line(yaml) {
            Some(line) => d.at_line(line + first_line - 1),
            None => d,
        }
    })
}

/// The warning for a Markdown body whose markup nests deeper than
/// [`markdown::MAX_NESTING`] levels (flattened to text there).
pub(crate) fn nesting_warning(path: &str) -> Diagnostic {
    Diagnostic::warning(
        "deep-nesting",
        format!(
            "quotes, lists, links or emphasis nest more than {} levels deep; the deeper markup is shown as plain text",
            markdown::MAX_NESTING
        ),
    )
    .in_file(path)
}

/// One entry of `content/metadata.yaml`.
#[derive(Debug, Clone)]
struct MetadataEntry {
    line: usize,
    fields: Fields,
    unknown: Vec<fields::UnknownField>,
}

#[derive(Debug, Default)]
struct Metadata {
    entries: BTreeMap<String, MetadataEntry>,
}

/// Reads `content/metadata.yaml`: a map from article path to its fields.
/// A project without the file has no metadata.
fn load_metadata(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Result<Metadata, IngestError> {
    let path = METADATA_FILE.to_string();
    let content = match std::fs::read(root.join(METADATA_FILE)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Metadata::default()),
        Err(source) => return Err(IngestError::Read { path, source }),
    };
    let content = utf8_text(&path, &content)?;
    crate::markup::textfile::yaml_nesting(content).map_err(|e| IngestError::Invalid {
        path: path.clone(),
        line: Some(e.line()),
        message: e.to_string(),
    })?;
    let mut value: serde_yaml::Value =
        serde_yaml::from_str(content).map_err(|e| IngestError::Invalid {
            path: path.clone(),
            line: e.location().map(|l| l.line()),
            message: format!("malformed YAML: {e}"),
        })?;
    diagnostics.extend(escaped_controls_warning(&path, content, 1, &mut value));
    let map = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => return Ok(Metadata::default()),
        _ => {
            return Err(IngestError::Invalid {
                path,
                line: Some(1),
                message: "expected a map from article path (e.g. `seeds/a.txt:`) to its fields"
                    .into(),
            })
        }
    };
    let keys = fields::key_lines(content, 1);
    let mut entries = BTreeMap::new();
    for (key, value) in &map {
        let Some(name) = key.as_str() else {
            return Err(IngestError::Invalid {
                path,
                line: None,
                message: "every entry must be named by the article's path".into(),
            });
        };
        let (line, nested) = entry_keys(&keys, name);
        let fields_map = match value {
            serde_yaml::Value::Mapping(m) => m.clone(),
            serde_yaml::Value::Null => serde_yaml::Mapping::new(),
            _ => {
                return Err(IngestError::Invalid {
                    path,
                    line: Some(line),
                    message: format!(
                        "`{name}` must hold fields such as `published:` and `outlet:`"
                    ),
                })
            }
        };
        let line_of = |k: &str| nested.iter().find(|l| l.key == k).map(|l| l.line);
        let (fields, unknown) = fields::parse_fields(&fields_map, &line_of)
            .map_err(|e| field_error(METADATA_FILE, e))?;
        let normalized = normalize_key(name);
        if entries.contains_key(&normalized) {
            return Err(IngestError::Invalid {
                path,
                line: Some(line),
                message: format!("`{name}` has two entries"),
            });
        }
        entries.insert(
            normalized,
            MetadataEntry {
                line,
                fields,
                unknown,
            },
        );
    }
    Ok(Metadata { entries })
}

/// The line of a top-level entry and the keys nested under it (the first
/// level below, whatever its indentation).
fn entry_keys<'k>(keys: &'k [KeyLine], entry: &str) -> (usize, Vec<&'k KeyLine>) {
    let Some(pos) = keys.iter().position(|k| k.indent == 0 && k.key == entry) else {
        return (1, Vec::new());
    };
    let line = keys.get(pos).map_or(1, |k| k.line);
    let rest = keys.get(pos + 1..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|k| k.indent == 0)
        .unwrap_or(rest.len());
    let nested = rest.get(..end).unwrap_or_default();
    let level = nested.iter().map(|k| k.indent).min().unwrap_or(0);
    (line, nested.iter().filter(|k| k.indent == level).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slugify("000_9654a2be2c4a8f76"), "000-9654a2be2c4a8f76");
        assert_eq!(slugify("Séoul  Talks (2024)"), "seoul-talks-2024");
        assert_eq!(slugify("Встреча"), "");
        assert!(article_id("seeds/Встреча.txt", None).starts_with("article-"));
        assert_eq!(article_id("a/b.md", Some("My Slug")), "my-slug");
    }

    #[test]
    fn metadata_keys_are_normalized() {
        assert_eq!(normalize_key("./seeds/a.txt"), "seeds/a.txt");
        assert_eq!(normalize_key("seeds\\a.txt"), "seeds/a.txt");
    }

    #[test]
    fn front_matter_is_split_with_its_lines() {
        let fm = split_front_matter("a.md", "---\ntitle: T\n---\nBody\n").expect("ok");
        assert_eq!(fm.yaml, "title: T\n");
        assert_eq!(fm.body, "Body\n");
        assert!(split_front_matter("a.md", "+++\ntitle = 'T'\n+++\n").is_err());
        assert!(split_front_matter("a.md", "---\ntitle: T\n").is_err());
    }
}
