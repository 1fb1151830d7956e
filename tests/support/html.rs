//! A small HTML checker for the generated pages: well-formedness (every
//! non-void element closed, in order), unique ids, and the links and ids of
//! each page for the link checker. It reads the subset of HTML our templates
//! write (double-quoted attributes, no raw-text elements besides style).

use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<!--.*?-->|<!DOCTYPE[^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(/?)>|<"#)
        .unwrap()
});
static ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"([^\s=/>]+)(?:="([^"]*)")?"#).unwrap());

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

#[derive(Debug, Default)]
pub struct Page {
    pub ids: BTreeSet<String>,
    /// (element, attribute value, full attribute list) for href and src.
    pub links: Vec<Link>,
    pub h1_count: usize,
    pub elements: Vec<String>,
}

#[derive(Debug)]
pub struct Link {
    pub element: String,
    pub url: String,
    pub rel: Option<String>,
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Parses `html`, returning its ids and links, or the first problem found.
pub fn check(html: &str) -> Result<Page, String> {
    let mut page = Page::default();
    let mut stack: Vec<(String, usize)> = Vec::new();
    let line_of = |pos: usize| html[..pos].matches('\n').count() + 1;
    if !html.starts_with("<!DOCTYPE html>") {
        return Err("missing <!DOCTYPE html>".into());
    }
    for m in TAG.captures_iter(html) {
        let whole = m.get(0).unwrap();
        let Some(name) = m.get(2) else {
            if whole.as_str() == "<" {
                return Err(format!(
                    "line {}: stray or malformed '<'",
                    line_of(whole.start())
                ));
            }
            continue;
        };
        let name = name.as_str().to_ascii_lowercase();
        let closing = !m[1].is_empty();
        let line = line_of(whole.start());
        if closing {
            match stack.pop() {
                Some((open, _)) if open == name => {}
                Some((open, open_line)) => {
                    return Err(format!(
                        "line {line}: </{name}> closes <{open}> opened on line {open_line}"
                    ))
                }
                None => return Err(format!("line {line}: </{name}> without an open element")),
            }
            continue;
        }
        page.elements.push(name.clone());
        if name == "h1" {
            page.h1_count += 1;
        }
        let mut rel = None;
        let mut urls = Vec::new();
        let mut seen_attrs = BTreeSet::new();
        for a in ATTR.captures_iter(m.get(3).map_or("", |x| x.as_str())) {
            let key = a[1].to_ascii_lowercase();
            if !seen_attrs.insert(key.clone()) {
                return Err(format!(
                    "line {line}: duplicate attribute {key} on <{name}>"
                ));
            }
            let value = a.get(2).map(|v| unescape(v.as_str()));
            match key.as_str() {
                "id" => {
                    let id = value.unwrap_or_default();
                    if id.is_empty() || id.contains(char::is_whitespace) {
                        return Err(format!("line {line}: invalid id {id:?}"));
                    }
                    if !page.ids.insert(id.clone()) {
                        return Err(format!("line {line}: duplicate id {id:?}"));
                    }
                }
                "href" | "src" => urls.push(value.unwrap_or_default()),
                "rel" => rel = value,
                _ => {}
            }
        }
        for url in urls {
            page.links.push(Link {
                element: name.clone(),
                url,
                rel: rel.clone(),
            });
        }
        if !VOID.contains(&name.as_str()) && m[4].is_empty() {
            stack.push((name, line));
        }
    }
    if let Some((open, line)) = stack.pop() {
        return Err(format!("<{open}> opened on line {line} is never closed"));
    }
    Ok(page)
}
