//! The site's URL scheme, in one place: where each page of the site lives
//! (relative to the site root), fragment ids, the public base address, and
//! the targets of the analyst's explicit links. Other stages speak of ids;
//! only the site model turns them into addresses.

use crate::corpus::{Actor, ActorKind, ExplicitLink, LinkKind, Note, PeriodId, Registry};

/// The fixed pages of the site, relative to its root.
pub const HOME: &str = "index.html";
pub const TIMELINE: &str = "timeline.html";
pub const ARTICLES_INDEX: &str = "articles/index.html";
pub const SOURCES_INDEX: &str = "sources/index.html";
pub const SEARCH: &str = "search.html";
pub const EVENTS_INDEX: &str = "events/index.html";
pub const PEOPLE_INDEX: &str = "people/index.html";
pub const ORGANIZATIONS_INDEX: &str = "organizations/index.html";
pub const PLACES_INDEX: &str = "places/index.html";
pub const TAGS_INDEX: &str = "tags/index.html";
pub const BRIEFINGS_INDEX: &str = "briefings/index.html";
/// The page static hosts (GitHub Pages, Netlify, Cloudflare …) serve for a
/// missing address.
pub const NOT_FOUND: &str = "404.html";
/// The Atom feeds.
pub const ARTICLES_FEED: &str = "feeds/articles.xml";
pub const BRIEFINGS_FEED: &str = "feeds/briefings.xml";

/// The file an actor's page lives in, by kind.
pub fn actor_url(actor: &Actor) -> String {
    let folder = match actor.kind {
        ActorKind::Person => "people",
        ActorKind::Organization => "organizations",
        ActorKind::Country | ActorKind::Place => "places",
    };
    format!("{folder}/{}.html", file_stem(&actor.id))
}

/// Page `number` (from 1) of the page at `url`: page 1 is `url` itself,
/// page 2 of `people/kim.html` is `people/kim.page-2.html`. File stems made
/// from ids never hold a `.`, so a later page never takes another page's
/// name, and it sits in the same folder, so relative links stay the same.
pub fn paged_url(url: &str, number: usize) -> String {
    if number <= 1 {
        return url.to_string();
    }
    let stem = url.strip_suffix(".html").unwrap_or(url);
    format!("{stem}.page-{number}.html")
}

/// A standalone page (`content/pages/about.md` → `pages/about.html`).
pub fn page_url(stem: &str) -> String {
    format!("pages/{}.html", file_stem(stem))
}

/// An outlet's page, from its name (`None`: the outlet is unknown).
pub fn outlet_url(outlet: Option<&str>) -> String {
    format!("sources/{}.html", listed_stem(outlet.unwrap_or("unknown")))
}

/// A tag's page.
pub fn tag_url(tag: &str) -> String {
    format!("tags/{}.html", listed_stem(tag))
}

/// A tag's Atom feed.
pub fn tag_feed_url(tag: &str) -> String {
    format!("feeds/tags/{}.xml", listed_stem(tag))
}

/// The file stem of a page in a folder that also holds an `index.html`:
/// a name that slugs to `index` must not take the index's place.
fn listed_stem(name: &str) -> String {
    match file_stem(&slug(name)) {
        s if s == "index" => "index-".to_string(),
        s => s,
    }
}

pub fn article_url(id: &str) -> String {
    format!("articles/{}.html", file_stem(id))
}

pub fn event_url(id: &str) -> String {
    format!("events/{}.html", file_stem(id))
}

/// Ids come from other stages and from content; a page file name must be
/// safe whatever they contain, so anything outside a conservative set
/// becomes `-`, and a stem too long for a file system (most allow 255
/// bytes) is cut and made unique again with a hash of the whole id.
fn file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if stem.is_empty() {
        "-".to_string()
    } else if stem.len() > MAX_STEM {
        // The stem is ASCII, so any byte index is a char boundary.
        format!("{}-{:016x}", &stem[..MAX_STEM - 20], fnv1a(id))
    } else {
        stem
    }
}

/// The longest page file stem kept as it is; longer ones are cut to fit
/// with room for `.html` and the hash.
const MAX_STEM: usize = 100;

/// 64-bit FNV-1a: a small, stable hash (the same on every machine and
/// version), so a cut file name is the same in every build.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A fragment id from free text: lower-case ASCII words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-').to_string();
    if trimmed.is_empty() {
        "x".to_string()
    } else {
        trimmed
    }
}

/// The page of a briefing period.
pub fn briefing_url(id: PeriodId) -> String {
    format!("briefings/{id}.html")
}

/// The page an explicit link of a note points at, relative to the site
/// root; `None` when its target has no page.
pub fn link_url(link: &ExplicitLink, registry: &Registry) -> Option<String> {
    match link.kind {
        LinkKind::Actor => registry.get(&link.id).map(actor_url),
        LinkKind::Event => Some(event_url(&link.id)),
        LinkKind::Article => Some(article_url(&link.id)),
    }
}

/// A note's body with its explicit links turned into Markdown links to
/// their pages, prefixed with `root` (the page's way back to the site root).
pub fn note_markdown(note: &Note, registry: &Registry, root: &str) -> String {
    note.markdown_with(|link| format!("{root}{}", link_url(link, registry).unwrap_or_default()))
}

/// `https://example.org/brief` → `https://example.org/brief/`, so page
/// paths can be appended; blank or non-web values count as unset (the
/// `check` command is the place to complain about them).
pub fn normalise_base_url(raw: Option<&str>) -> Option<String> {
    let url = raw?.trim();
    if url.is_empty() || !is_web_url(url) {
        return None;
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Some(url)
}

pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_pages_sit_beside_the_first_and_never_take_an_id_page() {
        assert_eq!(paged_url("people/kim.html", 1), "people/kim.html");
        assert_eq!(paged_url("people/kim.html", 2), "people/kim.page-2.html");
        assert_eq!(paged_url(ARTICLES_INDEX, 12), "articles/index.page-12.html");
        // No id becomes a stem with a dot in it.
        assert_eq!(article_url("kim.page-2"), "articles/kim-page-2.html");
        assert_eq!(tag_url("Index"), "tags/index-.html");
        assert_eq!(tag_url("Air defence"), "tags/air-defence.html");
        assert_eq!(outlet_url(None), "sources/unknown.html");
    }

    #[test]
    fn long_ids_get_short_unique_stable_file_names() {
        let long = "a".repeat(5_000);
        let other = format!("{}b", "a".repeat(4_999));
        let (x, y) = (event_url(&long), event_url(&other));
        assert!(x.len() < 200 && y.len() < 200, "{x}");
        assert_ne!(x, y);
        assert_eq!(x, event_url(&long));
        // Ordinary ids are kept as they are.
        assert_eq!(
            event_url("shoigu-meets-kim"),
            "events/shoigu-meets-kim.html"
        );
        assert_eq!(
            article_url(&"x".repeat(100)),
            format!("articles/{}.html", "x".repeat(100))
        );
    }
}
