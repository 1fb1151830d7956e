//! Analyst notes: Markdown files in `content/notes/` with YAML front matter,
//! shown on the briefing of their period.
//!
//! A note goes through the same stages as a Markdown article: its plain text
//! is annotated with dates ([`timex::annotate`]) and actor mentions
//! ([`actors::find_mentions`]), so names and dates link like they do in
//! articles. On top of that, `[[actor:id]]`, `[[event:id]]` and
//! `[[article:id]]` (optionally `[[kind:id|label]]`) link explicitly, and a
//! target that does not exist is an error naming the file and line: a
//! briefing must not silently lose a reference the analyst relied on.

use chrono::NaiveDate;
use rayon::prelude::*;
use regex::Regex;
use serde_yaml::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use crate::actors::{self, kb::KnowledgeBase};
use crate::config::SiteConfig;
use crate::corpus::diagnostics::Diagnostic;
use crate::corpus::period::{self as periods, PeriodId};
use crate::corpus::Event;
use crate::corpus::{ActorKind, AnalysedNote, Analysis, ExplicitLink, LinkKind, Note, Registry};
use crate::ingest::{self, fields, IngestError};
use crate::lang;
use crate::lang::names;
use crate::timex;

/// Where notes live, relative to the project root.
pub const NOTES_DIR: &str = "content/notes";

/// Front-matter fields a note understands.
const KNOWN_FIELDS: &[&str] = &["title", "period", "date", "author", "tags"];

/// `[[kind:id]]` or `[[kind:id|label]]`.
static EXPLICIT_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\[\s*([A-Za-z]+)\s*:\s*([^\]\|\n]*?)\s*(?:\|([^\]\n]*))?\]\]")
        .expect("valid regex")
});

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        path: String,
        line: Option<usize>,
        message: String,
    },
    #[error("{path}:{line}: {message}")]
    BrokenLink {
        path: String,
        line: usize,
        message: String,
    },
}

impl NoteError {
    fn invalid(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        NoteError::Invalid {
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }

    /// The error as a build diagnostic (errors fail `build` and `check`).
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            NoteError::Invalid {
                path,
                line,
                message,
            } => {
                let d = Diagnostic::error("note", message.clone()).in_file(path.clone());
                match line {
                    Some(l) => d.at_line(*l),
                    None => d,
                }
            }
            NoteError::BrokenLink {
                path,
                line,
                message,
            } => Diagnostic::error("note-link", message.clone())
                .in_file(path.clone())
                .at_line(*line),
        }
    }
}

impl From<IngestError> for NoteError {
    fn from(e: IngestError) -> Self {
        match e {
            IngestError::Invalid {
                path,
                line,
                message,
            } => NoteError::Invalid {
                path,
                line,
                message,
            },
            IngestError::InvalidUtf8 { path, line } => NoteError::Invalid {
                path,
                line: Some(line),
                message: "not valid UTF-8".into(),
            },
            IngestError::Empty { path } => NoteError::Invalid {
                path,
                line: None,
                message: "the file is empty".into(),
            },
            IngestError::Read { path, source } => NoteError::Invalid {
                path,
                line: None,
                message: format!("cannot read: {source}"),
            },
        }
    }
}

/// What explicit links may point at: every id of the corpus.
pub struct Targets<'a> {
    pub registry: &'a Registry,
    pub events: BTreeMap<&'a str, &'a Event>,
    /// Article id → title.
    pub articles: BTreeMap<&'a str, &'a str>,
}

impl<'a> Targets<'a> {
    /// `articles` gives each article's id and title.
    pub fn new(
        registry: &'a Registry,
        events: &'a [Event],
        articles: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        Targets {
            registry,
            events: events.iter().map(|e| (e.id.as_str(), e)).collect(),
            articles: articles.into_iter().collect(),
        }
    }

    /// The targets of a finished analysis: its actors, events and articles.
    pub fn of_analysis(analysis: &'a Analysis) -> Self {
        Self::new(
            &analysis.registry,
            &analysis.events,
            analysis
                .articles
                .iter()
                .map(|a| (a.article.id.as_str(), a.article.title.as_str())),
        )
    }
}

/// One note analysed with its warnings, or every error found in it.
type NoteResult = Result<(AnalysedNote, Vec<Diagnostic>), Vec<NoteError>>;

/// Loads every note of the project and analyses it. Every problem becomes an
/// error diagnostic naming the file and line; good notes are still returned
/// so `dossier check` reports all problems at once.
pub fn load(
    root: &Path,
    config: &SiteConfig,
    kb: &KnowledgeBase,
    targets: &Targets<'_>,
) -> (Vec<AnalysedNote>, Vec<Diagnostic>) {
    let dir = root.join(NOTES_DIR);
    if !dir.is_dir() {
        return (Vec::new(), Vec::new());
    }
    let mut link_warnings = Vec::new();
    let files = match ingest::walk(root, &dir, "md", &mut link_warnings) {
        Ok(files) => files,
        Err(e) => return (Vec::new(), vec![NoteError::from(e).to_diagnostic()]),
    };
    // People found only in articles, by name key, built once for all notes.
    let people = discovered_people(targets.registry);
    let results: Vec<NoteResult> = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(root.join(path)).map_err(|source| {
                vec![NoteError::from(IngestError::Read {
                    path: path.clone(),
                    source,
                })]
            })?;
            let (content, warning) = ingest::decode(path, &bytes).map_err(|e| vec![e.into()])?;
            let (note, mut warnings) = parse(path, &content, config, targets)?;
            warnings.splice(0..0, warning);
            Ok((analyse(note, kb, targets.registry, &people), warnings))
        })
        .collect();
    let mut notes = Vec::new();
    let mut diagnostics = link_warnings;
    for r in results {
        match r {
            Ok((note, mut warnings)) => {
                notes.push(note);
                diagnostics.append(&mut warnings);
            }
            Err(errors) => diagnostics.extend(errors.iter().map(NoteError::to_diagnostic)),
        }
    }
    notes.sort_by(|a, b| {
        (a.note.period, a.note.date, &a.note.path).cmp(&(b.note.period, b.note.date, &b.note.path))
    });
    (notes, diagnostics)
}

/// Reads one note: front matter, period, and explicit links. Returns the
/// note and warnings (unknown fields), or every error found.
pub fn parse(
    path: &str,
    content: &str,
    config: &SiteConfig,
    targets: &Targets<'_>,
) -> Result<(Note, Vec<Diagnostic>), Vec<NoteError>> {
    let fm = ingest::split_front_matter(path, content).map_err(|e| vec![e.into()])?;
    let (value, escaped) = fm.parse(path).map_err(|e| vec![e.into()])?;
    let empty = serde_yaml::Mapping::new();
    let map = match &value {
        Value::Mapping(m) => m,
        Value::Null => &empty,
        _ => {
            return Err(vec![NoteError::invalid(
                path,
                Some(fm.first_line),
                "front matter must be a set of `field: value` lines",
            )])
        }
    };
    let keys = fields::key_lines(fm.yaml, fm.first_line);
    let line_of = |k: &str| {
        keys.iter()
            .find(|l| l.indent == 0 && l.key == k)
            .map(|l| l.line)
            .unwrap_or(1)
    };
    let mut errors = Vec::new();
    let mut warnings: Vec<Diagnostic> = escaped.into_iter().collect();
    let text_field = |name: &str| -> Result<Option<String>, NoteError> {
        match map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(NoteError::invalid(
                path,
                Some(line_of(name)),
                format!("`{name}` must be text"),
            )),
        }
    };
    for (key, _) in map {
        let name = key.as_str().unwrap_or_default();
        if !KNOWN_FIELDS.contains(&name) {
            warnings.push(
                Diagnostic::warning(
                    "unknown-field",
                    format!(
                        "unknown field `{name}` in a note (known: {})",
                        KNOWN_FIELDS.join(", ")
                    ),
                )
                .in_file(path)
                .at_line(line_of(name)),
            );
        }
    }

    let title = match text_field("title") {
        Ok(Some(t)) => Some(t),
        Ok(None) => {
            errors.push(NoteError::invalid(
                path,
                Some(1),
                "missing required field `title` in the front matter",
            ));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let author = text_field("author").unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let tags = match map.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.trim().to_string()],
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect(),
        Some(_) => {
            errors.push(NoteError::invalid(
                path,
                Some(line_of("tags")),
                "`tags` must be a list of words",
            ));
            Vec::new()
        }
    };
    let date = match text_field("date") {
        Ok(Some(d)) => match NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
            Ok(day) => Some(day),
            Err(_) => {
                errors.push(NoteError::invalid(
                    path,
                    Some(line_of("date")),
                    format!("`date: {d}` is not a date; write it as YYYY-MM-DD"),
                ));
                None
            }
        },
        Ok(None) => None,
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let period = match text_field("period") {
        Ok(Some(p)) => match period_for(&p, config) {
            Ok(id) => Some(id),
            Err(message) => {
                errors.push(NoteError::invalid(path, Some(line_of("period")), message));
                None
            }
        },
        Ok(None) => date.map(|d| PeriodId::containing(d, config.period)),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if period.is_none() && !map.contains_key("period") && !map.contains_key("date") {
        errors.push(NoteError::invalid(
            path,
            Some(1),
            "a note needs a `period` (e.g. 2025-11, 2025-W45, 2025-Q4) or a `date` (YYYY-MM-DD) in its front matter",
        ));
    }

    let body = fm.body;
    // The body is a suffix of the file; its first line is one past the
    // line breaks before it.
    let body_offset = content.len().saturating_sub(body.len());
    let body_first_line = content
        .get(..body_offset)
        .map_or(0, |s| s.matches('\n').count())
        + 1;
    let (links, mut link_errors) = resolve_links(path, body, body_first_line, targets);
    errors.append(&mut link_errors);
    if crate::markup::markdown::plain_text_flattened(body).1 {
        warnings.push(ingest::nesting_warning(path));
    }

    match (title, period) {
        (Some(title), Some(period)) if errors.is_empty() => Ok((
            Note {
                path: path.to_string(),
                title,
                period,
                date,
                author,
                tags,
                body: body.to_string(),
                links,
            },
            warnings,
        )),
        _ => Err(errors),
    }
}

/// The site period a note's `period` value names. A value of another kind
/// is accepted when it lies inside one site period (a month on a quarterly
/// site); otherwise the analyst must say which briefing is meant.
fn period_for(value: &str, config: &SiteConfig) -> Result<PeriodId, String> {
    let Some(id) = PeriodId::parse(value) else {
        return Err(format!(
            "`period: {value}` is not a period; write a month (2025-11), an ISO week (2025-W45) or a quarter (2025-Q4)"
        ));
    };
    if id.kind() == config.period {
        return Ok(id);
    }
    let example = |d| PeriodId::containing(d, config.period).to_string();
    match id.bounds() {
        Some((start, end)) => periods::enclosing(start, end, config.period).ok_or_else(|| {
            format!(
                "`period: {value}` is a {} but this site's briefings are by {} (content/site.yaml); \
                 write a {} such as {}, or give a `date` instead",
                id.noun(),
                PeriodId::containing(start, config.period).noun(),
                PeriodId::containing(start, config.period).noun(),
                example(start)
            )
        }),
        None => Err(format!("`period: {value}` does not exist")),
    }
}

/// Byte ranges of code in a Markdown body, where `[[…]]` is literal text.
fn code_ranges(body: &str) -> Vec<Range<usize>> {
    use pulldown_cmark::{Event as Md, Parser, Tag};
    let mut out = Vec::new();
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Md::Code(_) | Md::Start(Tag::CodeBlock(_)) => out.push(range),
            _ => {}
        }
    }
    out
}

/// Finds the explicit links of a body and checks each target exists.
fn resolve_links(
    path: &str,
    body: &str,
    first_line: usize,
    targets: &Targets<'_>,
) -> (Vec<ExplicitLink>, Vec<NoteError>) {
    let mut links = Vec::new();
    let mut errors = Vec::new();
    if !body.contains("[[") {
        return (links, errors);
    }
    let code = code_ranges(body);
    for c in EXPLICIT_LINK.captures_iter(body) {
        let Some(whole) = c.get(0) else { continue };
        if code
            .iter()
            .any(|r| r.start <= whole.start() && whole.end() <= r.end)
        {
            continue;
        }
        let line = first_line
            + body
                .get(..whole.start())
                .map_or(0, |s| s.matches('\n').count());
        let kind_text = c.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
        let id = c.get(2).map_or("", |m| m.as_str()).to_string();
        let label = c
            .get(3)
            .map(|m| m.as_str().trim().to_string())
            .filter(|l| !l.is_empty());
        let broken = |message: String| NoteError::BrokenLink {
            path: path.to_string(),
            line,
            message,
        };
        let (kind, found) = match kind_text.as_str() {
            "actor" | "person" | "people" => (
                LinkKind::Actor,
                targets.registry.get(&id).map(|a| a.name.clone()),
            ),
            "event" => (
                LinkKind::Event,
                targets.events.get(id.as_str()).map(|e| e.title.clone()),
            ),
            "article" => (
                LinkKind::Article,
                targets.articles.get(id.as_str()).map(|t| t.to_string()),
            ),
            _ => {
                errors.push(broken(format!(
                    "`{}`: unknown link kind `{kind_text}`; write [[actor:ID]], [[event:ID]] or [[article:ID]]",
                    whole.as_str()
                )));
                continue;
            }
        };
        match found {
            Some(name) => links.push(ExplicitLink {
                span: whole.range(),
                kind,
                label: label.unwrap_or(name),
                id,
            }),
            None => errors.push(broken(format!(
                "`{}`: no {kind_text} with id `{id}`{}",
                whole.as_str(),
                suggestion(kind, &id, targets)
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default()
            ))),
        }
    }
    (links, errors)
}

/// A close id to suggest for a mistyped one: the first id that starts with
/// what was written, or that what was written starts with.
fn suggestion(kind: LinkKind, id: &str, targets: &Targets<'_>) -> Option<String> {
    if id.len() < 3 {
        return None;
    }
    let close = |candidate: &&str| candidate.starts_with(id) || id.starts_with(*candidate);
    match kind {
        LinkKind::Actor => targets
            .registry
            .actors
            .iter()
            .map(|a| a.id.as_str())
            .find(close)
            .map(str::to_string),
        LinkKind::Event => targets
            .events
            .keys()
            .copied()
            .find(close)
            .map(str::to_string),
        LinkKind::Article => targets
            .articles
            .keys()
            .copied()
            .find(close)
            .map(str::to_string),
    }
}

/// Dates and actor mentions of a note, found by the article stages. Dates
/// anchor to the note's date, or the end of its period ("this week" in a
/// note on week 45 is week 45). People the knowledge base does not know
/// link when the corpus found them under the same name.
fn analyse(
    note: Note,
    kb: &KnowledgeBase,
    registry: &Registry,
    by_key: &HashMap<names::NameKey, &str>,
) -> AnalysedNote {
    let text = crate::markup::markdown::plain_text(&note.markdown_with(|_| String::new()));
    let anchor = note.date.or(note.period.bounds().map(|(_, end)| end));
    let sentences = lang::sentences(&text);
    let timexes = timex::annotate_sentences(&text, &sentences, anchor);
    let found = actors::find_mentions(&text, &sentences, anchor, kb);
    let discovered: HashMap<&str, &names::NameKey> = found
        .discovered
        .iter()
        .map(|(id, key)| (id.as_str(), key))
        .collect();
    let mentions = found
        .mentions
        .into_iter()
        .filter_map(|mut m| {
            if registry.get(&m.actor).is_some() {
                return Some(m);
            }
            let key = discovered.get(m.actor.as_str())?;
            m.actor = by_key.get(*key)?.to_string();
            Some(m)
        })
        .collect();
    AnalysedNote {
        note,
        text,
        timexes,
        mentions,
    }
}

/// Name key → id of the people found only in articles.
fn discovered_people(registry: &Registry) -> HashMap<names::NameKey, &str> {
    let mut out = HashMap::new();
    let mut ambiguous = BTreeSet::new();
    for a in registry
        .actors
        .iter()
        .filter(|a| !a.curated && a.kind == ActorKind::Person)
    {
        for spelling in std::iter::once(&a.name).chain(&a.aliases) {
            if let Some(key) = names::person_key(spelling) {
                if let Some(other) = out.insert(key.clone(), a.id.as_str()) {
                    if other != a.id {
                        ambiguous.insert(key);
                    }
                }
            }
        }
    }
    // A key two people share links neither.
    for key in ambiguous {
        out.remove(&key);
    }
    out
}

#[cfg(test)]
mod tests;
