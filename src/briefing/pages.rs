//! The page data the templates receive: links to articles, actors and
//! events as lists show them, and one struct per kind of page.

use serde::Serialize;

use super::briefings;
use crate::corpus::{ActorKind, DateBasis, EventKind, EventStatus, Granularity};

/// A link to an article, as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub title: String,
    pub url: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub published_label: Option<String>,
    pub published_inferred: bool,
}

/// A link to an actor, with how often it appears where it is listed.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub url: String,
    pub count: usize,
}

/// A date as pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// TIMEX3-style value.
    pub value: String,
    pub label: String,
    /// Valid HTML `datetime`, when the value has one.
    pub datetime: Option<String>,
    pub precision: Option<Granularity>,
    /// Where the date came from, in words ("reported on" …).
    pub basis: Option<&'static str>,
    /// The same as a key (`explicit`, `narrative`, `reported-on`,
    /// `curated`), for templates that word it themselves.
    pub basis_key: Option<DateBasis>,
    /// The label says "on or before" the value (a date the text does not
    /// give, bounded by publication).
    pub on_or_before: bool,
    /// First day the value covers (YYYY-MM-DD), when known: charts place
    /// the event by it.
    pub start: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventRef {
    pub id: String,
    pub title: String,
    pub url: String,
    pub kind: EventKind,
    pub kind_label: String,
    pub status: EventStatus,
    pub date: Option<DateView>,
    /// Sentences reporting it.
    pub sources: usize,
    /// Articles those sentences are in.
    pub articles: usize,
    /// Outlets of those articles.
    pub outlets: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Home {
    pub period_start: Option<DateView>,
    pub period_end: Option<DateView>,
    pub key_events: Vec<EventRef>,
    pub key_people: Vec<ActorRef>,
    pub latest_articles: Vec<ArticleRef>,
    /// The latest planned events (at most 10), in timeline order.
    pub upcoming: Vec<EventRef>,
    /// How many planned events there are in all.
    pub upcoming_total: usize,
    pub counts: Counts,
    /// The most recent periodic briefing, which the home page leads with.
    pub latest_briefing: Option<briefings::BriefingRef>,
    pub briefings: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub articles: usize,
    pub people: usize,
    pub actors: usize,
    pub events: usize,
    pub outlets: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticlePage {
    pub url: String,
    pub info: ArticleRef,
    pub source_path: String,
    pub original_url: Option<String>,
    /// The original URL as a link target, only when it is a web address: a
    /// `javascript:` or `file:` URL from content must never become a link.
    pub original_href: Option<String>,
    pub original_source: Option<String>,
    pub outlet_anchor: String,
    pub published_evidence: Option<String>,
    /// For an inferred date, what the evidence fixes: "the day" or "a date
    /// between 4 February 2025 and 10 February 2025".
    pub published_range: Option<String>,
    pub language: Option<String>,
    pub translated_from: Option<String>,
    /// The outlet's page.
    pub outlet_url: String,
    pub tags: Vec<TagRef>,
    /// The article body as escaped, annotated HTML (paragraphs for raw
    /// text, the rendered Markdown for Markdown articles). The only
    /// pre-escaped text in the site; templates mark it safe.
    pub body: String,
    /// The opening words of the plain text ([`LEAD_WORDS`] of them), for
    /// summaries and the search index; not shown by the page templates.
    #[serde(skip)]
    pub lead: String,
    pub events: Vec<EventRef>,
    pub people: Vec<ActorRef>,
    pub other_actors: Vec<ActorRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
    /// The first [`SPELLING_SOURCES`] articles with this spelling, newest
    /// first (every article is in the page's own article list).
    pub articles: Vec<ArticleRef>,
    /// How many more articles have it.
    pub more_articles: usize,
}

/// How many articles a spelling of a name lists as its sources.
pub const SPELLING_SOURCES: usize = 10;

/// A standalone page from `content/pages/`.
#[derive(Debug, Clone, Serialize)]
pub struct StandalonePage {
    pub title: String,
    pub url: String,
    /// Where it came from, `content/pages/about.md`.
    pub source_path: String,
    /// The Markdown body as HTML; templates mark it safe.
    pub body: String,
}

/// A tag as an article page links it.
#[derive(Debug, Clone, Serialize)]
pub struct TagRef {
    pub name: String,
    pub url: String,
}

/// A tag's page: its articles, newest first.
#[derive(Debug, Clone, Serialize)]
pub struct TagPage {
    pub name: String,
    pub url: String,
    /// The tag's own Atom feed.
    pub feed_url: String,
    pub articles: Vec<ArticleRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub title: String,
    pub of: Option<ActorRef>,
    pub from: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportedRoleView {
    pub title: String,
    pub article: ArticleRef,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub text: String,
    pub article: ArticleRef,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorPage {
    pub url: String,
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub kind_label: &'static str,
    pub curated: bool,
    pub country: Option<ActorRef>,
    /// The knowledge base's line about the actor, or where a gazetteer
    /// place comes from.
    pub description: Option<String>,
    pub aliases: Vec<String>,
    pub spellings: Vec<Spelling>,
    pub roles: Vec<RoleView>,
    pub reported_roles: Vec<ReportedRoleView>,
    pub quotes: Vec<QuoteView>,
    /// Events the actor took part in.
    pub events: Vec<EventRef>,
    /// Events that took place here (places and countries).
    pub events_here: Vec<EventRef>,
    /// People who took part in the same events.
    pub met: Vec<ActorRef>,
    /// For the page's opening lines, whatever page of its lists is shown:
    /// the roles the knowledge base gives no end to, the latest event that
    /// happened (or, with none, the latest of any status), and the three
    /// people met most often.
    pub current_roles: Vec<RoleView>,
    pub latest_event: Option<EventRef>,
    pub top_met: Vec<ActorRef>,
    /// People named in the same articles.
    pub mentioned_with: Vec<ActorRef>,
    pub articles: Vec<ArticleRef>,
    pub mentions: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    pub article: ArticleRef,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventPage {
    pub url: String,
    pub info: EventRef,
    pub cameo: &'static str,
    pub object: Option<String>,
    pub delegation: Option<String>,
    pub place_relation: Option<String>,
    pub curated: bool,
    pub status_label: &'static str,
    pub place: Option<ActorRef>,
    pub participants: Vec<ActorRef>,
    pub sources: Vec<SourceView>,
    /// The outlets reporting it, sorted.
    pub outlets: Vec<String>,
    /// The other events of its trip, in date order.
    pub trip: Vec<EventRef>,
    pub conflicts: Vec<String>,
    pub note: Option<String>,
    pub related: Vec<EventRef>,
    pub previous: Option<EventRef>,
    pub next: Option<EventRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineMonth {
    /// `2024-06`, or the year alone for events known only to the year.
    pub key: String,
    pub label: String,
    pub anchor: String,
    pub events: Vec<EventRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineYear {
    pub year: i32,
    pub anchor: String,
    pub months: Vec<TimelineMonth>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub years: Vec<TimelineYear>,
    pub undated: Vec<EventRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outlet {
    pub name: String,
    pub anchor: String,
    /// The outlet's own page.
    pub url: String,
    pub articles: Vec<ArticleRef>,
}
