//! Discovery files: Atom feeds (RFC 4287) of articles and of briefing
//! periods, `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`.
//!
//! Every date written is a date from the content (publication or event
//! dates), never the wall clock, so two builds of the same content give the
//! same files. Absolute URLs need the site's `base_url`: without it the
//! feeds use links relative to the feed file (which Atom allows, resolved
//! against the feed's own address), ids become `urn:dossier:` names, and no
//! sitemap is written (the protocol requires absolute URLs).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;

use super::OutputFile;
use crate::briefing::{slug, urls, Site};
use crate::markup::html::escape_html;

pub use crate::briefing::urls::{ARTICLES_FEED, BRIEFINGS_FEED};

/// Atom's `updated` when the content has no dates at all.
const NO_DATE: &str = "1970-01-01";

/// Text escaped for XML, without the characters XML 1.0 does not allow
/// (see [`xml_safe`]): every piece of text in a feed or the sitemap goes
/// through here, so the files always parse.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html(&xml_safe(text), &mut out);
    out
}

/// Whether XML 1.0 allows `c` in a document: tab, line feed, carriage
/// return, and everything from U+0020 up except U+FFFE and U+FFFF (lone
/// surrogates, the other gap, cannot occur in a Rust string).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{fffd}' | '\u{10000}'..)
}

/// `text` without the characters XML 1.0 does not allow (a NUL or another
/// C0 control pasted into an article, U+FFFE, U+FFFF); untouched, and not
/// copied, when it has none.
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// How the site's pages are addressed from outside: absolute under
/// `base_url`, or relative to a file at `from` when there is none.
pub struct Addresses<'a> {
    base_url: Option<&'a str>,
    /// `urn:dossier:{slug of the title}:` for ids without a base URL.
    urn: String,
}

impl<'a> Addresses<'a> {
    pub fn new(site: &'a Site) -> Self {
        Addresses {
            base_url: site.base_url.as_deref(),
            urn: format!("urn:dossier:{}:", slug(&site.title)),
        }
    }

    /// The absolute URL of a site path, when the base URL is known.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.base_url.map(|b| format!("{b}{path}"))
    }

    /// A link to `path` as written in a file at `from` (site-relative).
    fn link(&self, path: &str, from: &str) -> String {
        self.absolute(path)
            .unwrap_or_else(|| format!("{}{path}", "../".repeat(from.matches('/').count())))
    }

    /// A permanent id for the thing at `path`: its canonical URL, or a URN
    /// made from the site's title and the path.
    fn id(&self, path: &str) -> String {
        self.absolute(path)
            .unwrap_or_else(|| format!("{}{path}", self.urn))
    }
}

/// One entry of a feed, independent of where its data came from; the
/// briefings feed builds these from timeline months today and can build
/// them from briefing pages without touching the Atom writer.
#[derive(Debug, Clone)]
pub struct FeedEntry {
    /// Site path (with fragment) the entry links to and is identified by.
    pub path: String,
    pub title: String,
    /// YYYY-MM-DD.
    pub updated: String,
    pub published: Option<String>,
    pub author: Option<String>,
    pub summary: String,
    /// Plain-text lines shown as an HTML list in the entry's content.
    pub items: Vec<String>,
    /// HTML (already escaped, from the site model) shown after the list:
    /// the analyst's notes of a briefing. Its relative links are written
    /// for a page one folder below the root, as the feed is.
    pub html: Option<String>,
}

/// Writes an Atom feed at `feed_path` with the given entries (newest first).
pub fn atom(
    site: &Site,
    addr: &Addresses,
    feed_path: &str,
    title: &str,
    alternate: &str,
    entries: &[FeedEntry],
) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated.as_str())
        .max()
        .unwrap_or(NO_DATE);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        esc(&site.language)
    );
    let _ = writeln!(x, "<id>{}</id>", esc(&addr.id(feed_path)));
    let _ = writeln!(
        x,
        "<title>{}</title>",
        esc(&format!("{} — {title}", site.title))
    );
    if !site.description.is_empty() {
        let _ = writeln!(x, "<subtitle>{}</subtitle>", esc(&site.description));
    }
    let _ = writeln!(x, "<updated>{}</updated>", timestamp(updated));
    let _ = writeln!(x, "<author><name>{}</name></author>", esc(&site.title));
    let _ = writeln!(x, "<generator>dossier</generator>");
    if let Some(own) = addr.absolute(feed_path) {
        let _ = writeln!(
            x,
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            esc(&own)
        );
    }
    let _ = writeln!(
        x,
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        esc(&addr.link(alternate, feed_path))
    );
    for e in entries {
        x.push_str("<entry>\n");
        let _ = writeln!(x, "<id>{}</id>", esc(&addr.id(&e.path)));
        let _ = writeln!(x, "<title>{}</title>", esc(&e.title));
        let _ = writeln!(x, "<updated>{}</updated>", timestamp(&e.updated));
        if let Some(p) = &e.published {
            let _ = writeln!(x, "<published>{}</published>", timestamp(p));
        }
        if let Some(a) = &e.author {
            let _ = writeln!(x, "<author><name>{}</name></author>", esc(a));
        }
        let _ = writeln!(
            x,
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            esc(&addr.link(&e.path, feed_path))
        );
        let _ = writeln!(x, "<summary>{}</summary>", esc(&e.summary));
        if !e.items.is_empty() || e.html.is_some() {
            // HTML content, escaped once for HTML and once more for XML.
            let mut html = String::new();
            if !e.items.is_empty() {
                html.push_str("<ul>");
                for item in &e.items {
                    html.push_str("<li>");
                    escape_html(item, &mut html);
                    html.push_str("</li>");
                }
                html.push_str("</ul>");
            }
            if let Some(extra) = &e.html {
                html.push_str(extra);
            }
            let _ = writeln!(x, "<content type=\"html\">{}</content>", esc(&html));
        }
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// A calendar day as an Atom date-time (midnight UTC: the content knows
/// days, not hours).
fn timestamp(day: &str) -> String {
    format!("{day}T00:00:00Z")
}

/// Up to `max` characters of `text`, cut at a word boundary.
fn excerpt(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut.get(..i).unwrap_or(&cut).to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// Every article, newest first (undated last), with the start of its text.
/// Undated articles carry the feed's latest date so `updated` stays
/// deterministic.
pub fn article_entries(site: &Site) -> Vec<FeedEntry> {
    let texts = site.export.article_texts();
    let latest = site
        .articles
        .iter()
        .filter_map(|a| a.info.published.clone())
        .max()
        .unwrap_or_else(|| NO_DATE.to_string());
    let mut entries: Vec<(Option<&String>, &str, FeedEntry)> = site
        .articles
        .iter()
        .map(|a| {
            let text = texts.get(a.info.id.as_str()).copied().unwrap_or("");
            // The text often opens with the title again; skip it.
            let body = text
                .trim_start()
                .strip_prefix(a.info.title.trim())
                .unwrap_or(text);
            (
                a.info.published.as_ref(),
                a.info.id.as_str(),
                FeedEntry {
                    path: a.url.clone(),
                    title: a.info.title.clone(),
                    updated: a.info.published.clone().unwrap_or_else(|| latest.clone()),
                    published: a.info.published.clone(),
                    author: a.info.outlet.clone(),
                    summary: excerpt(body, 280),
                    items: Vec::new(),
                    html: None,
                },
            )
        })
        .collect();
    entries.sort_by(|a, b| {
        (b.0.is_some(), b.0)
            .cmp(&(a.0.is_some(), a.0))
            .then_with(|| a.1.cmp(b.1))
    });
    entries.into_iter().map(|(_, _, e)| e).collect()
}

/// One entry per periodic briefing, newest first, linking to its page.
/// `updated` is the latest publication date among the reports of the
/// period (a late report of an old event updates its briefing), else the
/// latest event date in it, else the period's last day; never the clock.
pub fn briefing_entries(site: &Site) -> Vec<FeedEntry> {
    let mut entries: Vec<FeedEntry> = site
        .briefings
        .iter()
        .map(|b| {
            let reported = b
                .reported
                .iter()
                .filter_map(|r| r.article.published.clone())
                .max();
            let dated = b
                .events
                .iter()
                .filter_map(|e| e.date.as_ref().and_then(|d| d.start.clone()))
                .max();
            let updated = reported
                .or(dated)
                .or_else(|| b.info.end.start.clone())
                .unwrap_or_else(|| b.info.end.value.clone());
            // Published when the period closed, or at its latest report if
            // that came first (a briefing is never published after its
            // last update).
            let end = b.info.end.start.clone().unwrap_or_else(|| updated.clone());
            let published = Some(end.min(updated.clone()));
            let notes: String = b
                .notes
                .iter()
                .map(|n| {
                    let mut h = String::from("<h2>");
                    escape_html(&format!("Analyst's note: {}", n.title), &mut h);
                    h.push_str("</h2>");
                    h.push_str(&n.body);
                    h
                })
                .collect();
            FeedEntry {
                path: b.url.clone(),
                title: format!("Briefing: {}", b.info.label),
                updated,
                published,
                author: None,
                html: (!notes.is_empty()).then_some(notes),
                summary: b.info.summary.clone(),
                items: b
                    .events
                    .iter()
                    .map(|e| {
                        let when = e.date.as_ref().map(|d| d.label.as_str()).unwrap_or("");
                        format!("{when}: {} ({})", e.title, e.kind_label)
                    })
                    .collect(),
            }
        })
        .collect();
    entries.sort_by(|a, b| b.path.cmp(&a.path));
    entries
}

/// One feed per tag (`feeds/tags/…xml`): the entries of the articles
/// feed for its articles, in the same order.
fn tag_feeds(site: &Site, addr: &Addresses, articles: &[FeedEntry]) -> Vec<OutputFile> {
    let by_path: BTreeMap<&str, &FeedEntry> =
        articles.iter().map(|e| (e.path.as_str(), e)).collect();
    site.tags
        .iter()
        .map(|t| {
            let entries: Vec<FeedEntry> = t
                .articles
                .iter()
                .filter_map(|a| by_path.get(a.url.as_str()).map(|e| (*e).clone()))
                .collect();
            OutputFile::new(
                t.feed_url.clone(),
                atom(
                    site,
                    addr,
                    &t.feed_url,
                    &format!("Tag: {}", t.name),
                    &t.url,
                    &entries,
                ),
            )
        })
        .collect()
}

/// `sitemap.xml` listing `pages` (site paths), or `None` without a base URL.
/// A page gets a `lastmod` only where the content gives an honest date for
/// it (`lastmod`: an article's publication date, a briefing's latest
/// report); the others have none rather than the build's clock.
pub fn sitemap(addr: &Addresses, pages: &[&str], lastmod: &BTreeMap<&str, &str>) -> Option<String> {
    addr.base_url?;
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages {
        if let Some(url) = addr.absolute(p) {
            match lastmod.get(p) {
                Some(day) => {
                    let _ = writeln!(
                        x,
                        "<url><loc>{}</loc><lastmod>{}</lastmod></url>",
                        esc(&url),
                        esc(day)
                    );
                }
                None => {
                    let _ = writeln!(x, "<url><loc>{}</loc></url>", esc(&url));
                }
            }
        }
    }
    x.push_str("</urlset>\n");
    Some(x)
}

/// `robots.txt`: everything may be crawled; the sitemap is named when
/// there is one.
pub fn robots(addr: &Addresses) -> String {
    let mut r = String::from("User-agent: *\nAllow: /\n");
    if let Some(url) = addr.absolute("sitemap.xml") {
        let _ = writeln!(r, "\nSitemap: {url}");
    }
    r
}

/// The discovery files for a site whose HTML pages are `pages`.
pub fn discovery_files(site: &Site, pages: &[&str]) -> Vec<OutputFile> {
    let addr = Addresses::new(site);
    let articles = article_entries(site);
    let briefings = briefing_entries(site);
    let mut lastmod: BTreeMap<&str, &str> = BTreeMap::new();
    for e in articles.iter().filter(|e| e.published.is_some()) {
        lastmod.insert(&e.path, &e.updated);
    }
    for e in &briefings {
        lastmod.insert(&e.path, &e.updated);
    }
    let mut files = tag_feeds(site, &addr, &articles);
    files.extend([
        OutputFile::new(
            ARTICLES_FEED,
            atom(
                site,
                &addr,
                ARTICLES_FEED,
                "Articles",
                urls::ARTICLES_INDEX,
                &articles,
            ),
        ),
        OutputFile::new(
            BRIEFINGS_FEED,
            atom(
                site,
                &addr,
                BRIEFINGS_FEED,
                "Briefings",
                urls::BRIEFINGS_INDEX,
                &briefings,
            ),
        ),
        OutputFile::new("robots.txt", robots(&addr)),
    ]);
    if let Some(map) = sitemap(&addr, pages, &lastmod) {
        files.push(OutputFile::new("sitemap.xml", map));
    }
    files
}

#[cfg(test)]
mod tests;
