//! An article after ingest: its cleaned text and what is known about it.

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// How the article reached us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Text pasted from a web page, chrome and all.
    Raw,
    /// Markdown with YAML front matter.
    Markdown,
}

/// A dateline such as "TOKYO, July 27. /TASS/." or "Seoul, Sep 17 (EFE).-".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// The place as written ("TOKYO", "Seoul").
    pub place: String,
    /// The date as written ("July 27"), if the dateline has one.
    pub date_text: Option<String>,
    /// The agency named in the dateline ("TASS", "EFE").
    pub agency: Option<String>,
    /// Byte range of the whole dateline in the cleaned text.
    pub span: Range<usize>,
}

/// One article after ingest: cleaned text plus what is known about it.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Stable, URL-safe identifier derived from the file name.
    pub id: String,
    /// The input file, relative to the project root, with forward slashes.
    pub source_path: String,
    pub format: SourceFormat,
    pub title: String,
    /// Publication date as given by the analyst (front matter or the
    /// metadata file); inference from the text happens in a later stage.
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    /// The original web address of the article, if known.
    pub url: Option<String>,
    pub language: Option<String>,
    pub translated_from: Option<String>,
    pub tags: Vec<String>,
    /// Front-matter or metadata fields this version does not know; kept, and
    /// reported by `dossier check`.
    pub extra: BTreeMap<String, serde_json::Value>,
    pub dateline: Option<Dateline>,
    /// "Original Source: www.nknews.org" and the like.
    pub original_source: Option<String>,
    /// The cleaned plain text: paragraphs separated by a blank line. Every
    /// offset produced by later stages points into this string.
    pub text: String,
    /// For Markdown articles, the body as written, so the page can keep its
    /// formatting (see `markdown::render_annotated`).
    pub markdown: Option<String>,
}
