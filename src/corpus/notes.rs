//! The analyst's notes: Markdown with explicit links to actors, events and
//! articles, and the dates and mentions found in them.

use chrono::NaiveDate;
use std::ops::Range;

use super::actors::Mention;
use super::period::PeriodId;
use super::timex::Timex;

/// What an explicit link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Actor,
    Event,
    Article,
}

/// An explicit link after its target was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplicitLink {
    /// Byte range of `[[…]]` in the note's Markdown body.
    pub span: Range<usize>,
    pub kind: LinkKind,
    pub id: String,
    /// The text shown: the label written, or the target's name or title.
    pub label: String,
}

/// One note as written, with its explicit links resolved.
#[derive(Debug, Clone)]
pub struct Note {
    /// Path from the project root, with forward slashes.
    pub path: String,
    pub title: String,
    pub period: PeriodId,
    pub date: Option<NaiveDate>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// The Markdown body as written.
    pub body: String,
    pub links: Vec<ExplicitLink>,
}

/// A note with the dates and actor mentions found in it. Offsets point into
/// `text`, the plain text of [`Note::markdown`].
#[derive(Debug, Clone)]
pub struct AnalysedNote {
    pub note: Note,
    pub text: String,
    pub timexes: Vec<Timex>,
    pub mentions: Vec<Mention>,
}

impl Note {
    /// The body with explicit links turned into Markdown links to
    /// `target(link)`. The link text does not depend on the target, so the
    /// plain text, and every offset into it, is the same whatever the
    /// targets are.
    pub fn markdown_with(&self, target: impl Fn(&ExplicitLink) -> String) -> String {
        let mut out = String::with_capacity(self.body.len() + 64);
        let mut cursor = 0;
        for link in &self.links {
            out.push_str(self.body.get(cursor..link.span.start).unwrap_or_default());
            out.push('[');
            for c in link.label.chars() {
                // Every ASCII punctuation character may be backslash-escaped
                // in CommonMark; escaping them all keeps a label literal.
                if c.is_ascii_punctuation() {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push_str("](<");
            out.push_str(&target(link));
            out.push_str(">)");
            cursor = link.span.end;
        }
        out.push_str(self.body.get(cursor..).unwrap_or_default());
        out
    }
}
