//! The machine-readable export, `data/dossier.json`. Its shape is a public
//! interface (documented in docs/export.md): add fields, never rename them.

use serde::Serialize;

use super::{actor_url, article_url, event_url};
use crate::corpus::ActorKind;
use crate::corpus::Analysis;
use crate::corpus::{DateBasis, EventKind, EventStatus};
use crate::corpus::{Granularity, TimexKind};

/// Bumped when a field changes meaning; adding fields does not bump it.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Export {
    pub format_version: u32,
    pub title: String,
    pub articles: Vec<ExportArticle>,
    pub actors: Vec<ExportActor>,
    pub events: Vec<ExportEvent>,
}

impl Export {
    /// Each article's plain text by article id (for pages and feeds that
    /// show the text or its start).
    pub fn article_texts(&self) -> std::collections::BTreeMap<&str, &str> {
        self.articles
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportArticle {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    /// YYYY-MM-DD, given or inferred (see `published_inferred`).
    pub published: Option<String>,
    pub published_inferred: bool,
    pub published_evidence: Option<String>,
    /// For an inferred date: the days it may fall on (`start` = `end` when
    /// the evidence fixes the day).
    pub published_range: Option<ExportRange>,
    /// For an inferred date: `day` when the evidence fixes the day, `range`
    /// when `published` was chosen from `published_range`.
    pub published_precision: Option<&'static str>,
    pub source_path: String,
    /// The article's page in the site, relative to the site root.
    pub url: String,
    /// The original web address, when known.
    pub original_url: Option<String>,
    pub language: Option<String>,
    pub translated_from: Option<String>,
    pub tags: Vec<String>,
    pub text: String,
    pub timexes: Vec<ExportTimex>,
    pub mentions: Vec<ExportMention>,
}

/// An inclusive range of days, YYYY-MM-DD.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRange {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportTimex {
    pub text: String,
    /// Byte offsets into the article's `text`.
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub kind: TimexKind,
    pub granularity: Option<Granularity>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Actor id.
    pub actor: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportActor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub curated: bool,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportEvent {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub status: EventStatus,
    /// CAMEO code of `kind`.
    pub cameo: &'static str,
    /// TIMEX3-style value, or null when the event is undated.
    pub date: Option<String>,
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    /// Actor id.
    pub place: Option<String>,
    pub participants: Vec<String>,
    pub sources: Vec<ExportSource>,
    pub conflicts: Vec<String>,
    /// Where the date came from: explicit, narrative, reported-on (the
    /// text gives none: on or before `date_end`), curated.
    pub date_basis: Option<DateBasis>,
    /// Id of the first event of the trip this event is a stop of.
    pub trip: Option<String>,
    /// Outlets of the articles reporting it.
    pub outlets: Vec<String>,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportSource {
    /// Article id.
    pub article: String,
    pub sentence: String,
}

/// The range of an inferred publication date (none for a given one).
fn inferred_range(a: &crate::corpus::AnalysedArticle) -> Option<crate::corpus::DateInterval> {
    a.published_evidence.as_ref().and(a.published_range)
}

pub fn build(analysis: &Analysis) -> Export {
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    Export {
        format_version: FORMAT_VERSION,
        title: analysis.config.title.clone(),
        articles: analysis
            .articles
            .iter()
            .map(|a| ExportArticle {
                id: a.article.id.clone(),
                title: a.article.title.clone(),
                outlet: a.article.outlet.clone(),
                published: a.published.map(day),
                published_inferred: a.published_evidence.is_some(),
                published_evidence: a.published_evidence.clone(),
                published_range: inferred_range(a).map(|r| ExportRange {
                    start: day(r.start),
                    end: day(r.end),
                }),
                published_precision: inferred_range(a).map(|r| {
                    if r.start == r.end {
                        "day"
                    } else {
                        "range"
                    }
                }),
                source_path: a.article.source_path.clone(),
                url: article_url(&a.article.id),
                original_url: a.article.url.clone(),
                language: a.article.language.clone(),
                translated_from: a.article.translated_from.clone(),
                tags: a.article.tags.clone(),
                text: a.article.text.clone(),
                timexes: a
                    .timexes
                    .iter()
                    .map(|t| ExportTimex {
                        text: t.text.clone(),
                        start: t.start,
                        end: t.end,
                        value: t.value.clone(),
                        kind: t.kind,
                        granularity: t.granularity,
                    })
                    .collect(),
                mentions: a
                    .actors
                    .mentions
                    .iter()
                    .map(|m| ExportMention {
                        text: m.text.clone(),
                        start: m.start,
                        end: m.end,
                        actor: m.actor.clone(),
                    })
                    .collect(),
            })
            .collect(),
        actors: analysis
            .registry
            .actors
            .iter()
            .map(|a| ExportActor {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                country: a.country.clone(),
                aliases: a.aliases.clone(),
                curated: a.curated,
                url: actor_url(a),
            })
            .collect(),
        events: analysis
            .events
            .iter()
            .map(|e| ExportEvent {
                id: e.id.clone(),
                title: e.title.clone(),
                kind: e.kind,
                status: e.status,
                cameo: e.cameo,
                date: e.date.as_ref().map(|d| d.value.clone()),
                date_start: e.date.as_ref().map(|d| day(d.interval.start)),
                date_end: e.date.as_ref().map(|d| day(d.interval.end)),
                place: e.place.clone(),
                participants: e.participants.clone(),
                sources: e
                    .sources
                    .iter()
                    .map(|s| ExportSource {
                        article: s.article.clone(),
                        sentence: s.sentence.clone(),
                    })
                    .collect(),
                conflicts: e.conflicts.clone(),
                date_basis: e.date.as_ref().map(|d| d.basis),
                trip: e.trip.clone(),
                outlets: e.outlets.clone(),
                url: event_url(&e.id),
            })
            .collect(),
    }
}
