//! Checks of a whole built site: every HTML page well formed, with one h1,
//! the landmarks and no scripts (but search), and every internal link and
//! anchor resolving to a file of the site.

use std::collections::BTreeMap;
use std::path::Path;

use super::html;
use super::tree::read_tree;

/// Resolves `url` written in the page at `from` to a site path and fragment.
pub fn resolve(from: &str, url: &str) -> (String, Option<String>) {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    if path.is_empty() {
        return (from.to_string(), fragment);
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in path.split('/') {
        match segment {
            "." | "" => {}
            ".." => {
                assert!(parts.pop().is_some(), "{from}: link {url} leaves the site");
            }
            s => parts.push(s),
        }
    }
    (parts.join("/"), fragment)
}

/// Checks every HTML page of a built site; returns the pages' ids.
pub fn check_site(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let files = read_tree(out);
    let mut pages: BTreeMap<&str, html::Page> = BTreeMap::new();
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{path}: not UTF-8"));
            let page = html::check(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(page.h1_count, 1, "{path}: exactly one h1");
            for landmark in ["header", "nav", "main", "footer"] {
                assert!(
                    page.elements.iter().any(|e| e == landmark),
                    "{path}: no <{landmark}>"
                );
            }
            // Pages work without JavaScript; only the search page runs
            // scripts, and only its own files from assets/ (no inline code).
            if path == "search.html" {
                for src in text.split("<script").skip(1) {
                    assert!(
                        src.starts_with(" src=\"assets/") && src.contains("></script>"),
                        "{path}: unexpected script {src:.60}"
                    );
                }
            } else {
                assert!(
                    !page.elements.iter().any(|e| e == "script"),
                    "{path}: has a script"
                );
            }
            assert!(text.contains("<html lang=\""), "{path}: no lang");
            assert!(text.contains("<meta charset=\"utf-8\">"), "{path}");
            assert!(text.contains("name=\"viewport\""), "{path}");
            pages.insert(path, page);
        }
    }
    for (path, page) in &pages {
        for link in &page.links {
            let url = link.url.as_str();
            let lower = url.to_ascii_lowercase();
            let external = lower.starts_with("http://") || lower.starts_with("https://");
            if external {
                assert_eq!(link.element, "a", "{path}: external {url} outside a link");
                let rel = link.rel.as_deref().unwrap_or_default();
                assert!(
                    rel.split(' ').any(|r| r == "noopener"),
                    "{path}: external link {url} without rel=noopener"
                );
                continue;
            }
            assert!(
                !url.starts_with('/') && !url.contains(':') && !url.starts_with("//"),
                "{path}: absolute or scheme URL {url:?}"
            );
            let (target, fragment) = resolve(path, url);
            assert!(
                files.contains_key(&target),
                "{path}: broken link {url} (→ {target})"
            );
            if let Some(fragment) = fragment {
                let target_page = pages
                    .get(target.as_str())
                    .unwrap_or_else(|| panic!("{path}: anchor {url} into a non-page"));
                assert!(
                    target_page.ids.contains(&fragment),
                    "{path}: missing anchor {url}"
                );
            }
        }
    }
    files
}
