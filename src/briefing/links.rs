//! Links written in Markdown articles to pages of the site: each is
//! resolved like a browser would, from the article's page, and one to a
//! file the site does not have is an error naming the article's file and
//! line. `dossier check` and `dossier build` both ask (the build with the
//! files it really wrote).

use pulldown_cmark::{Event, Parser, Tag};
use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::{AnalysedArticle, Analysis, Diagnostic};

/// Whether any Markdown article links to something that could be a page
/// of the site (so that finding the site's files is worth it).
pub fn has_internal_links(analysis: &Analysis) -> bool {
    analysis.articles.iter().any(|a| !links_of(a).is_empty())
}

/// The links of one Markdown article: destination and byte offset in its
/// body.
fn links_of(a: &AnalysedArticle) -> Vec<(String, usize)> {
    let Some(md) = a.article.markdown.as_deref() else {
        return Vec::new();
    };
    Parser::new(md)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), range.start))
            }
            _ => None,
        })
        .collect()
}

/// An error for every link of a Markdown article to a site path `exists`
/// says is not in the site.
pub fn broken_links(
    root: &Path,
    analysis: &Analysis,
    exists: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut files: BTreeMap<&str, Option<String>> = BTreeMap::new();
    for a in &analysis.articles {
        let page = super::article_url(&a.article.id);
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        for (dest, offset) in links_of(a) {
            let Some(target) = internal_target(dir, &dest) else {
                continue;
            };
            if exists(&target) {
                continue;
            }
            let path = a.article.source_path.as_str();
            let md = a.article.markdown.as_deref().unwrap_or("");
            let file = files
                .entry(path)
                .or_insert_with(|| std::fs::read_to_string(root.join(path)).ok());
            let line = file.as_deref().map(|file| {
                // The body as stored may have lost leading blank lines;
                // count from its first text, which is where it sits in the
                // file.
                let lead = md.len() - md.trim_start().len();
                let body_start = file.find(md.trim_start()).unwrap_or(0);
                let before = md.get(lead.min(offset)..offset).unwrap_or("");
                file[..body_start].matches('\n').count() + before.matches('\n').count() + 1
            });
            let d = Diagnostic::error(
                "broken-link",
                format!("link to `{dest}`: the site has no page {target}"),
            )
            .in_file(path);
            out.push(match line {
                Some(l) => d.at_line(l),
                None => d,
            });
        }
    }
    out
}

/// A link target inside the site, relative to the site root, or None for
/// links that leave the site (a scheme, `//host`) or stay on the page.
pub fn internal_target(page_dir: &str, dest: &str) -> Option<String> {
    let dest = dest.trim();
    let path = dest.split(['#', '?']).next().unwrap_or("");
    if path.is_empty() || dest.starts_with("//") {
        return None;
    }
    let scheme = path.find(':');
    if scheme.is_some_and(|c| path.find('/').is_none_or(|s| c < s)) {
        return None;
    }
    let mut parts: Vec<&str> = if let Some(abs) = path.strip_prefix('/') {
        abs.split('/').collect()
    } else {
        page_dir
            .split('/')
            .filter(|s| !s.is_empty())
            .chain(path.split('/'))
            .collect()
    };
    let mut resolved: Vec<&str> = Vec::new();
    let folder = path.ends_with('/');
    for p in parts.drain(..) {
        match p {
            "" | "." => {}
            ".." => {
                resolved.pop();
            }
            p => resolved.push(p),
        }
    }
    if folder || resolved.is_empty() {
        resolved.push("index.html");
    }
    Some(resolved.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_resolve_like_a_browser() {
        assert_eq!(
            internal_target("articles", "../people/kim.html#roles").as_deref(),
            Some("people/kim.html")
        );
        assert_eq!(
            internal_target("articles", "other.html").as_deref(),
            Some("articles/other.html")
        );
        assert_eq!(
            internal_target("articles", "../events/").as_deref(),
            Some("events/index.html")
        );
        assert_eq!(
            internal_target("articles", "/timeline.html").as_deref(),
            Some("timeline.html")
        );
        for external in [
            "https://example.org/x",
            "mailto:desk@example.org",
            "//cdn.example.org/a.js",
            "#section",
            "",
        ] {
            assert_eq!(internal_target("articles", external), None, "{external}");
        }
    }
}
