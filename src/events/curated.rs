//! Curated events: an analyst confirms, corrects or adds events in
//! `content/events/*.yaml`. Each file holds a list of events:
//!
//! ```yaml
//! - date: 2025-11-08          # YYYY, YYYY-MM or YYYY-MM-DD
//!   kind: meeting             # see EventKind, kebab-case
//!   place: pyongyang          # actor id (optional)
//!   participants: [viktor-goremykin, no-kwang-chol]
//!   title: Goremykin meets No Kwang Chol in Pyongyang   # optional
//!   note: Confirmed by the Russian MoD readout.          # optional
//!   status: reported          # reported | planned | background | not-happened (optional)
//!   sources: [001_4cbcebef65350c0e]                      # article ids (optional)
//! ```
//!
//! A curated event merges with the extracted events it matches (same kind
//! family, compatible date, shared participant — or an extracted event from
//! one of its `sources` articles) and its facts win.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::corpus::diagnostics::Diagnostic;
use crate::corpus::Registry;
use crate::corpus::{DateBasis, EventDate, EventKind, EventStatus};
use crate::corpus::{DateInterval, Granularity};

/// One analyst-written event, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct CuratedEvent {
    /// File (relative to the project root) and 1-based line of the entry.
    pub file: String,
    pub line: usize,
    pub kind: EventKind,
    pub status: EventStatus,
    pub date: Option<EventDate>,
    pub place: Option<String>,
    pub participants: Vec<String>,
    pub title: Option<String>,
    pub note: Option<String>,
    pub object: Option<String>,
    /// Article ids whose reports of this event it confirms.
    pub sources: Vec<String>,
}

/// The fields a curated event may have; any other is a warning (and
/// ignored), never fatal.
pub const EVENT_FIELDS: &[&str] = &[
    "date",
    "kind",
    "status",
    "place",
    "participants",
    "title",
    "note",
    "object",
    "sources",
];

#[derive(Debug, Deserialize)]
struct RawEvent {
    #[serde(default)]
    date: Option<String>,
    kind: EventKind,
    #[serde(default)]
    status: Option<EventStatus>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    participants: Vec<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    object: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

/// Loads every `content/events/*.yaml` (sorted by name). Problems come back
/// as error diagnostics naming the file and line; a project without the
/// folder has no curated events.
pub fn load_curated(root: &Path, registry: &Registry) -> (Vec<CuratedEvent>, Vec<Diagnostic>) {
    let dir = root.join("content").join("events");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    let mut events = Vec::new();
    let mut diagnostics = Vec::new();
    for path in files {
        let label = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        match std::fs::read(&path) {
            Err(e) => diagnostics.push(
                Diagnostic::error("unreadable-file", format!("cannot read: {e}")).in_file(&label),
            ),
            Ok(bytes) => match crate::markup::textfile::yaml_text(bytes) {
                Err(e) => {
                    let code = match e {
                        crate::markup::textfile::TextError::InvalidUtf8 { .. } => "invalid-utf8",
                        crate::markup::textfile::TextError::Control { .. } => "control-character",
                        crate::markup::textfile::TextError::TooDeep { .. } => "yaml-too-deep",
                    };
                    diagnostics.push(
                        Diagnostic::error(code, e.to_string())
                            .in_file(&label)
                            .at_line(e.line()),
                    );
                }
                Ok(text) => {
                    let (mut e, mut d) = parse_curated(&label, &text, registry);
                    events.append(&mut e);
                    diagnostics.append(&mut d);
                }
            },
        }
    }
    (events, diagnostics)
}

/// Parses one curated-events file. `file` is the name used in diagnostics.
pub fn parse_curated(
    file: &str,
    text: &str,
    registry: &Registry,
) -> (Vec<CuratedEvent>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    if text.trim().is_empty() {
        diagnostics.push(Diagnostic::error("empty-file", "the file is empty").in_file(file));
        return (Vec::new(), diagnostics);
    }
    if crate::markup::textfile::yaml_has_escaped_controls(text) {
        let mut d = Diagnostic::error("control-character", crate::markup::textfile::CONTROL_ESCAPE)
            .in_file(file);
        if let Some(line) = crate::markup::textfile::escaped_control_line(text) {
            d = d.at_line(line);
        }
        diagnostics.push(d);
        return (Vec::new(), diagnostics);
    }
    let raw: Vec<RawEvent> = match serde_yaml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let mut d = Diagnostic::error("invalid-yaml", format!("not a list of events: {e}"))
                .in_file(file);
            if let Some(loc) = e.location() {
                d = d.at_line(loc.line());
            }
            diagnostics.push(d);
            return (Vec::new(), diagnostics);
        }
    };
    let starts = entry_lines(text);
    let lines: Vec<&str> = text.lines().collect();
    // The same text as plain YAML, for the fields serde skipped.
    let plain: Vec<serde_yaml::Value> = serde_yaml::from_str(text).unwrap_or_default();
    let mut events = Vec::new();
    for (i, r) in raw.into_iter().enumerate() {
        let line = starts.get(i).copied().unwrap_or(1);
        let next = starts.get(i + 1).copied().unwrap_or(lines.len() + 1);
        if let Some(serde_yaml::Value::Mapping(map)) = plain.get(i) {
            for name in map.keys().filter_map(|k| k.as_str()) {
                if EVENT_FIELDS.contains(&name) {
                    continue;
                }
                let at = (line..next)
                    .find(|l| {
                        lines.get(l - 1).is_some_and(|t| {
                            t.trim_start_matches([' ', '-'])
                                .strip_prefix(name)
                                .is_some_and(|rest| rest.trim_start().starts_with(':'))
                        })
                    })
                    .unwrap_or(line);
                diagnostics.push(
                    Diagnostic::warning(
                        "unknown-field",
                        format!(
                            "unknown field `{name}` in a curated event; it is ignored (known: {})",
                            EVENT_FIELDS.join(", ")
                        ),
                    )
                    .in_file(file)
                    .at_line(at),
                );
            }
        }
        // The line in this entry where a value is written, for pointing at it.
        let line_of = |value: &str| -> usize {
            (line..next)
                .find(|l| lines.get(l - 1).is_some_and(|t| t.contains(value)))
                .unwrap_or(line)
        };
        let mut ok = true;
        let date = match r.date.as_deref().map(parse_date) {
            None => None,
            Some(Some(d)) => Some(d),
            Some(None) => {
                let value = r.date.clone().unwrap_or_default();
                diagnostics.push(
                    Diagnostic::error(
                        "invalid-date",
                        format!("date {value:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                    )
                    .in_file(file)
                    .at_line(line_of(&value)),
                );
                ok = false;
                None
            }
        };
        for id in r.place.iter().chain(r.participants.iter()) {
            if registry.get(id).is_none() {
                diagnostics.push(
                    Diagnostic::error("unknown-actor", format!("unknown actor id {id:?}"))
                        .in_file(file)
                        .at_line(line_of(id)),
                );
                ok = false;
            }
        }
        if r.participants.is_empty() && r.sources.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    "missing-field",
                    "a curated event needs participants or sources",
                )
                .in_file(file)
                .at_line(line),
            );
            ok = false;
        }
        if ok {
            events.push(CuratedEvent {
                file: file.to_string(),
                line,
                kind: r.kind,
                status: r.status.unwrap_or(EventStatus::Reported),
                date,
                place: r.place,
                participants: r.participants,
                title: r.title,
                note: r.note,
                object: r.object,
                sources: r.sources,
            });
        }
    }
    (events, diagnostics)
}

/// 1-based lines where top-level list entries ("- ") start.
fn entry_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("- ") || *l == "-")
        .map(|(i, _)| i + 1)
        .collect()
}

/// "2025", "2025-11", "2025-11-08" as an event date with its interval.
pub fn parse_date(value: &str) -> Option<EventDate> {
    let v = value.trim();
    let parts: Vec<&str> = v.split('-').collect();
    let (interval, granularity) = match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y: i32 = y.parse().ok()?;
            (
                DateInterval {
                    start: NaiveDate::from_ymd_opt(y, 1, 1)?,
                    end: NaiveDate::from_ymd_opt(y, 12, 31)?,
                },
                Granularity::Year,
            )
        }
        [y, m] if y.len() == 4 && m.len() == 2 => {
            let start = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
            let next = if start.month() == 12 {
                NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)?
            };
            (
                DateInterval {
                    start,
                    end: next.pred_opt()?,
                },
                Granularity::Month,
            )
        }
        [_, _, _] => {
            let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
            (DateInterval { start: d, end: d }, Granularity::Day)
        }
        _ => return None,
    };
    Some(EventDate {
        value: v.to_string(),
        granularity,
        interval,
        basis: DateBasis::Curated,
    })
}
