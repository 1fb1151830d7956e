//! Tag pages: one per tag of the articles' front matter, listing its
//! articles newest first. Tags are grouped by their slug, so `Air defence`
//! and `air-defence` are one tag, shown in its most used spelling.

use std::collections::BTreeMap;

use super::*;

/// Builds the tag pages, in the order of their file names.
pub(super) fn build_tags(
    articles: &[AnalysedArticle],
    refs: &BTreeMap<&str, ArticleRef>,
) -> Vec<TagPage> {
    let mut by_url: BTreeMap<String, (BTreeMap<&str, usize>, Vec<ArticleRef>)> = BTreeMap::new();
    for a in articles {
        let Some(r) = refs.get(a.article.id.as_str()) else {
            continue;
        };
        // A tag given twice on one article lists the article once.
        let mut seen: Vec<String> = Vec::new();
        for tag in a.article.tags.iter().filter(|t| !t.trim().is_empty()) {
            let url = urls::tag_url(tag);
            let entry = by_url.entry(url.clone()).or_default();
            *entry.0.entry(tag.trim()).or_default() += 1;
            if !seen.contains(&url) {
                entry.1.push(r.clone());
                seen.push(url);
            }
        }
    }
    by_url
        .into_iter()
        .map(|(url, (spellings, mut list))| {
            sort_articles_newest_first(&mut list);
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            TagPage {
                feed_url: urls::tag_feed_url(&name),
                url,
                name,
                articles: list,
            }
        })
        .collect()
}

/// The tags of one article as links to their pages.
pub(super) fn tag_refs(tags: &[String]) -> Vec<TagRef> {
    let mut out: Vec<TagRef> = Vec::new();
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let url = urls::tag_url(tag);
        if !out.iter().any(|t| t.url == url) {
            out.push(TagRef {
                name: tag.to_string(),
                url,
            });
        }
    }
    out
}
