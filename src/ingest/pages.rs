//! Standalone pages: `content/pages/*.md`, each a YAML front matter
//! (`title`, optional `weight` for the navigation order, optional `draft`)
//! and a Markdown body. A draft is left out of the site (and said so); a
//! page without a title is an error naming file and line; an unknown field
//! is a warning.

use serde_yaml::Value;
use std::path::Path;

use super::{decode, fields, split_front_matter, walk, IngestError};
use crate::corpus::diagnostics::Diagnostic;
use crate::corpus::Page;

/// Where standalone pages live.
pub const PAGES_DIR: &str = "content/pages";

/// The front matter fields a page may have.
pub const PAGE_FIELDS: &[&str] = &["title", "weight", "draft"];

/// Every published page in navigation order (weight, title, file), and what
/// was found wrong or skipped. No folder means no pages.
///
/// `drafts` builds the pages marked `draft: true` too (`serve --drafts`).
pub fn load_pages(root: &Path, drafts: bool) -> (Vec<Page>, Vec<Diagnostic>) {
    let dir = root.join(PAGES_DIR);
    let mut diagnostics = Vec::new();
    if !dir.is_dir() {
        return (Vec::new(), diagnostics);
    }
    let files = match walk(root, &dir, "md", &mut diagnostics) {
        Ok(files) => files,
        Err(e) => return (Vec::new(), vec![error_of(&e)]),
    };
    let mut pages = Vec::new();
    for path in files {
        match read_page(root, &path, drafts, &mut diagnostics) {
            Ok(Some(page)) => pages.push(page),
            Ok(None) => {}
            Err(e) => diagnostics.push(error_of(&e)),
        }
    }
    pages.sort_by(|a, b| (a.weight, &a.title, &a.path).cmp(&(b.weight, &b.title, &b.path)));
    (pages, diagnostics)
}

fn error_of(e: &IngestError) -> Diagnostic {
    let (file, line) = match e {
        IngestError::Read { path, .. }
        | IngestError::InvalidUtf8 { path, .. }
        | IngestError::Empty { path } => (path.clone(), None),
        IngestError::Invalid { path, line, .. } => (path.clone(), *line),
    };
    // The message already names file and line; the diagnostic carries
    // them for `check --format json`.
    let message = e.to_string();
    let message = message
        .strip_prefix(&format!(
            "{file}{}: ",
            line.map(|l| format!(":{l}")).unwrap_or_default()
        ))
        .unwrap_or(&message)
        .to_string();
    let d = Diagnostic::error("bad-page", message).in_file(file);
    match line {
        Some(l) => d.at_line(l),
        None => d,
    }
}

fn read_page(
    root: &Path,
    path: &str,
    drafts: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<Page>, IngestError> {
    let bytes = std::fs::read(root.join(path)).map_err(|source| IngestError::Read {
        path: path.to_string(),
        source,
    })?;
    let (content, warning) = decode(path, &bytes)?;
    diagnostics.extend(warning);
    let fm = split_front_matter(path, &content)?;
    let invalid = |line: usize, message: String| IngestError::Invalid {
        path: path.to_string(),
        line: Some(line),
        message,
    };
    let (value, escaped) = fm.parse(path)?;
    diagnostics.extend(escaped);
    let keys = fields::key_lines(fm.yaml, fm.first_line);
    let line_of = |k: &str| {
        keys.iter()
            .find(|l| l.indent == 0 && l.key == k)
            .map_or(1, |l| l.line)
    };
    let empty = serde_yaml::Mapping::new();
    let map = match &value {
        Value::Mapping(m) => m,
        Value::Null => &empty,
        _ => {
            return Err(invalid(
                fm.first_line,
                "front matter must be a set of `field: value` lines".into(),
            ))
        }
    };
    for (key, _) in map {
        let name = key.as_str().unwrap_or_default();
        if !PAGE_FIELDS.contains(&name) {
            diagnostics.push(
                Diagnostic::warning(
                    "unknown-field",
                    format!(
                        "unknown field `{name}` in a page (known: {}); it is ignored",
                        PAGE_FIELDS.join(", ")
                    ),
                )
                .in_file(path)
                .at_line(line_of(name)),
            );
        }
    }
    let title = match map.get("title") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        None | Some(Value::Null) => {
            return Err(invalid(
                1,
                "missing required field `title` in the front matter".into(),
            ))
        }
        Some(_) => return Err(invalid(line_of("title"), "`title` must be text".into())),
    };
    let weight = match map.get("weight") {
        None | Some(Value::Null) => 0,
        Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64().unwrap_or(0),
        Some(_) => {
            return Err(invalid(
                line_of("weight"),
                "`weight` must be a whole number (lower comes first in the navigation)".into(),
            ))
        }
    };
    let draft = match map.get("draft") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(invalid(
                line_of("draft"),
                "`draft` must be true or false".into(),
            ))
        }
    };
    if draft && !drafts {
        diagnostics.push(
            Diagnostic::note("draft-page", "a draft: not published")
                .in_file(path)
                .at_line(line_of("draft")),
        );
        return Ok(None);
    }
    let stem = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".md")
        .to_string();
    Ok(Some(Page {
        path: path.to_string(),
        stem,
        title,
        weight,
        body: fm.body.to_string(),
    }))
}
