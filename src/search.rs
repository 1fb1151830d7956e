//! Site search, built at build time: an elasticlunr index (the format mdBook
//! uses, built with the `elasticlunr-rs` crate) over articles, actors and
//! events, written as `assets/search-index.js`, a script that assigns a
//! global. A `<script>` tag loads it, so search works from any static host
//! and from a site opened straight from disk (file://), where `fetch()` of
//! index chunks (Pagefind's approach) is refused. See docs/search.md for the
//! choice and its measurements.
//!
//! The index stays compact: an article contributes its title, outlet, date,
//! the people it names and only the opening words of its text; the result
//! list shows a title and one line of detail kept beside the index.

use std::borrow::Cow;

use elasticlunr::{Index, IndexBuilder};
use serde::Serialize;

use crate::briefing::Site;
use crate::corpus::ActorKind;
use crate::render::OutputFile;

/// How many words of an article's text go into the index: the lede carries
/// the who/what/where of a news story; the rest would multiply the index
/// size for little recall (names in it are indexed separately anyway).
pub const BODY_WORDS: usize = crate::briefing::LEAD_WORDS;

/// The longest word the index takes, in characters. Longer ones (a pasted
/// base64 blob, a URL without spaces) stay in the page text but are not
/// indexed: nobody searches for them, and elasticlunr keeps words as a
/// character trie whose building, serializing and dropping recurse once
/// per character, so a 50,000-character word would overflow the stack.
pub const MAX_WORD_CHARS: usize = 64;

/// The elasticlunr browser runtime (npm `elasticlunr` 0.9.5, MIT).
pub const ELASTICLUNR_JS: &str = include_str!("../templates/vendor/elasticlunr.min.js");
/// Its license, shipped beside it in the built site.
pub const ELASTICLUNR_LICENSE: &str = include_str!("../templates/vendor/elasticlunr.LICENSE");
/// The search page's own script: runs queries and lists the results.
pub const SEARCH_JS: &str = include_str!("../templates/search.js");

/// The index fields, in the order `SearchDoc::fields` gives them.
const FIELDS: [&str; 4] = ["title", "names", "meta", "body"];

/// What a search result links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Article,
    Person,
    Organization,
    Place,
    Event,
}

/// One searchable page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    pub kind: DocKind,
    pub title: String,
    /// Relative to the site root (the search page sits at the root).
    pub url: String,
    /// One line shown under the result: outlet and date, role, place …
    pub detail: String,
    /// Names: the people an article names, an actor's aliases and
    /// spellings, an event's participants.
    pub names: Vec<String>,
    /// Outlet, date, place, kind: matched, but weighted low.
    pub meta: Vec<String>,
    pub body: String,
}

/// What the result list needs of a document, kept beside the index (the
/// index itself stores no documents).
#[derive(Serialize)]
struct Shown<'a> {
    k: DocKind,
    t: &'a str,
    u: &'a str,
    d: &'a str,
}

#[derive(Serialize)]
struct Bundle<'a> {
    index: &'a Index,
    docs: Vec<Shown<'a>>,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot write the search index: {0}")]
    Serialize(#[from] serde_json::Error),
}

/// Every searchable page of the site model: articles (with the opening
/// words of their text), actors of every kind, and events.
pub fn documents(site: &Site) -> Vec<SearchDoc> {
    let mut docs = Vec::with_capacity(site.articles.len() + site.actors.len() + site.events.len());
    for a in &site.articles {
        let info = &a.info;
        let mut detail: Vec<&str> = Vec::new();
        if let Some(o) = info.outlet.as_deref() {
            detail.push(o);
        }
        if let Some(p) = info.published_label.as_deref() {
            detail.push(p);
        }
        let mut meta: Vec<String> = detail.iter().map(|s| s.to_string()).collect();
        if let Some(p) = info.published.as_deref() {
            meta.push(p.to_string());
        }
        meta.extend(a.tags.iter().map(|t| t.name.clone()));
        docs.push(SearchDoc {
            kind: DocKind::Article,
            title: info.title.clone(),
            url: a.url.clone(),
            detail: detail.join(" · "),
            names: a.people.iter().map(|p| p.name.clone()).collect(),
            meta,
            body: a.lead.clone(),
        });
    }
    for a in &site.actors {
        let kind = match a.kind {
            ActorKind::Person => DocKind::Person,
            ActorKind::Organization => DocKind::Organization,
            ActorKind::Country | ActorKind::Place => DocKind::Place,
        };
        // The most recent role describes the person best: an open-ended
        // one, else the one that started last (dates are YYYY-MM-DD, so
        // they compare as strings).
        let role = a
            .roles
            .iter()
            .max_by(|x, y| (x.until.is_none(), &x.from).cmp(&(y.until.is_none(), &y.from)))
            .map(|r| match &r.of {
                Some(of) => format!("{}, {}", r.title, of.name),
                None => r.title.clone(),
            });
        let detail = match (&role, &a.country) {
            (Some(r), _) => r.clone(),
            (None, Some(c)) => format!("{} · {}", a.kind_label, c.name),
            (None, None) => a.kind_label.to_string(),
        };
        let mut names: Vec<String> = a.aliases.clone();
        names.extend(a.spellings.iter().map(|s| s.text.clone()));
        names.sort();
        names.dedup();
        let mut meta = vec![a.kind_label.to_string()];
        meta.extend(a.roles.iter().map(|r| r.title.clone()));
        meta.extend(a.country.iter().map(|c| c.name.clone()));
        docs.push(SearchDoc {
            kind,
            title: a.name.clone(),
            url: a.url.clone(),
            detail,
            names,
            meta,
            body: String::new(),
        });
    }
    for e in &site.events {
        let date = e.info.date.as_ref().map(|d| d.label.clone());
        let place = e.place.as_ref().map(|p| p.name.clone());
        let detail = [Some(e.info.kind_label.clone()), date.clone(), place.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let mut meta = vec![e.info.kind_label.clone()];
        meta.extend(date);
        meta.extend(e.info.date.as_ref().map(|d| d.value.clone()));
        meta.extend(place);
        docs.push(SearchDoc {
            kind: DocKind::Event,
            title: e.info.title.clone(),
            url: e.url.clone(),
            detail,
            names: e.participants.iter().map(|p| p.name.clone()).collect(),
            meta,
            body: e.object.clone().unwrap_or_default(),
        });
    }
    docs
}

/// Builds the elasticlunr index of `docs`; a document's ref is its position
/// in `docs`, which is also its position in the bundle's `docs` list.
pub fn index(docs: &[SearchDoc]) -> Index {
    let mut index = IndexBuilder::new()
        .save_docs(false)
        .add_fields(FIELDS)
        .set_ref("i")
        .build();
    for (i, d) in docs.iter().enumerate() {
        let names = d.names.join(" ; ");
        let meta = d.meta.join(" ; ");
        index.add_doc(
            &i.to_string(),
            [
                indexable(&d.title),
                indexable(&names),
                indexable(&meta),
                indexable(&d.body),
            ],
        );
    }
    index
}

/// `text` without the words elasticlunr would index that are longer than
/// [`MAX_WORD_CHARS`]. Words are split as elasticlunr splits them (at
/// whitespace and hyphens), so the words kept are indexed exactly as
/// before; text without an overlong word is passed on untouched.
fn indexable(text: &str) -> Cow<'_, str> {
    let words = || {
        text.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
    };
    let too_long = |w: &str| w.chars().nth(MAX_WORD_CHARS).is_some();
    if !words().any(too_long) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        words()
            .filter(|w| !too_long(w))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The index and the result rows as a script assigning
/// `window.dossierSearch`. Characters that could end a script element or
/// confuse an HTML parser are written as JSON escapes, so the bundle stays
/// inert even if someone inlines it into a page.
pub fn bundle_script(docs: &[SearchDoc]) -> Result<String, SearchError> {
    let index = index(docs);
    let bundle = Bundle {
        index: &index,
        docs: docs
            .iter()
            .map(|d| Shown {
                k: d.kind,
                t: &d.title,
                u: &d.url,
                d: &d.detail,
            })
            .collect(),
    };
    let json = serde_json::to_string(&bundle)?;
    let mut out = String::with_capacity(json.len() + 64);
    out.push_str("window.dossierSearch = ");
    for c in json.chars() {
        // Outside strings JSON has none of these, so escaping them
        // everywhere only ever touches string contents.
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push_str(";\n");
    Ok(out)
}

/// The files search adds to the site: the index, the runtime and its
/// license, and the search page's script.
pub fn site_files(site: &Site) -> Result<Vec<OutputFile>, SearchError> {
    let docs = documents(site);
    Ok(vec![
        OutputFile::new("assets/search-index.js", bundle_script(&docs)?),
        OutputFile::new("assets/elasticlunr.min.js", ELASTICLUNR_JS),
        OutputFile::new("assets/elasticlunr-LICENSE.txt", ELASTICLUNR_LICENSE),
        OutputFile::new("assets/search.js", SEARCH_JS),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: DocKind, title: &str, names: &[&str]) -> SearchDoc {
        SearchDoc {
            kind,
            title: title.to_string(),
            url: "articles/x.html".to_string(),
            detail: "Outlet · 3 May 2024".to_string(),
            names: names.iter().map(|s| s.to_string()).collect(),
            meta: vec![],
            body: String::new(),
        }
    }

    /// The bundle is `window.dossierSearch = {json};`: take the JSON back.
    fn parse(script: &str) -> serde_json::Value {
        let json = script
            .strip_prefix("window.dossierSearch = ")
            .and_then(|s| s.trim_end().strip_suffix(';'))
            .expect("bundle shape");
        serde_json::from_str(json).expect("valid JSON")
    }

    /// The postings of `term` in `field`: elasticlunr stores terms as a
    /// character trie.
    fn term_docs<'a>(
        v: &'a serde_json::Value,
        field: &str,
        term: &str,
    ) -> Option<&'a serde_json::Value> {
        let mut node = &v["index"]["index"][field]["root"];
        for c in term.chars() {
            node = node.get(c.to_string())?;
        }
        node.get("docs")
    }

    #[test]
    fn markup_in_titles_is_escaped_and_survives_as_text() {
        let title = "Talks </script><script>alert(1)</script> & \u{2028}more";
        let script = bundle_script(&[doc(DocKind::Article, title, &[])]).unwrap();
        assert!(!script.contains('<'), "{script}");
        assert!(!script.contains('>') && !script.contains('&'));
        assert!(!script.contains('\u{2028}'));
        // The escapes decode to the original text, which the page inserts
        // with textContent.
        assert_eq!(parse(&script)["docs"][0]["t"], title);
    }

    #[test]
    fn index_maps_words_to_document_positions() {
        let docs = [
            doc(
                DocKind::Event,
                "Defence talks in Pyongyang",
                &["Andrei Belousov"],
            ),
            doc(
                DocKind::Person,
                "Choe Son Hui",
                &["Choe Son-hui", "Choi Song-hee"],
            ),
        ];
        let v = parse(&bundle_script(&docs).unwrap());
        assert!(term_docs(&v, "names", "belousov").is_some_and(|d| d.get("0").is_some()));
        assert!(term_docs(&v, "names", "choi").is_some_and(|d| d.get("1").is_some()));
        assert!(term_docs(&v, "title", "pyongyang").is_some_and(|d| d.get("0").is_some()));
        assert_eq!(v["docs"][1]["k"], "person");
    }

    #[test]
    fn overlong_words_are_shown_but_not_indexed() {
        let blob = "Q".repeat(50_000);
        let edge = "e".repeat(MAX_WORD_CHARS);
        let title = format!("Talks {blob} in Pyongyang {edge}");
        let docs = [doc(DocKind::Article, &title, &[blob.as_str()])];
        let v = parse(&bundle_script(&docs).unwrap());
        assert_eq!(v["docs"][0]["t"], title.as_str());
        assert!(term_docs(&v, "title", "pyongyang").is_some());
        assert!(
            term_docs(&v, "title", &edge).is_some(),
            "64 letters is a word"
        );
        assert!(term_docs(&v, "title", "qqqq").is_none());
        assert!(term_docs(&v, "names", "qqqq").is_none());
    }

    #[test]
    fn text_without_overlong_words_is_indexed_unchanged() {
        assert!(matches!(
            indexable("Kim Jong-un met  Putin"),
            Cow::Borrowed(_)
        ));
        let long = "w".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(indexable(&format!("a-{long} b\tc")), "a b c");
    }
}
