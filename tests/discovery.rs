//! Feeds, sitemap, robots.txt, the 404 page and the head metadata of every
//! page, built from a fixture project with and without a `base_url`.

mod support;

use std::collections::BTreeMap;
use std::fs;

use support::html;
use support::project::Project;
use support::tree::read_text_tree;

/// The two-outlets fixture, with `base_url` added to its site settings.
fn fixture(base_url: Option<&str>) -> Project {
    let project = Project::new();
    project.copy_fixture("two-outlets");
    let mut config = fs::read_to_string(project.path("content/site.yaml")).unwrap();
    if let Some(url) = base_url {
        config.push_str(&format!("base_url: \"{url}\"\n"));
    }
    project.file("content/site.yaml", config);
    project
}

/// The fixture's built site, every file as text (empty if not UTF-8).
fn build(base_url: Option<&str>) -> BTreeMap<String, String> {
    let project = fixture(base_url);
    let out = project.beside("public");
    dossier::build(project.root(), &out).unwrap();
    read_text_tree(&out)
}

fn meta(page: &str, attr: &str, key: &str) -> Option<String> {
    let needle = format!("<meta {attr}=\"{key}\" content=\"");
    let start = page.find(&needle)? + needle.len();
    Some(page[start..].split('"').next()?.to_string())
}

fn html_pages(files: &BTreeMap<String, String>) -> Vec<(&String, &String)> {
    files.iter().filter(|(p, _)| p.ends_with(".html")).collect()
}

#[test]
fn with_base_url_every_page_has_canonical_and_open_graph() {
    let files = build(Some("https://briefs.example.org/summit"));
    let base = "https://briefs.example.org/summit/";
    for (path, page) in html_pages(&files) {
        let parsed = html::check(page).unwrap_or_else(|e| panic!("{path}: {e}"));
        // The canonical link is the only absolute URL a page's head adds
        // (the 404 page, shown at any address, links absolutely).
        for link in parsed.links.iter().filter(|l| l.url.starts_with(base)) {
            assert!(
                path == "404.html"
                    || (link.element == "link" && link.rel.as_deref() == Some("canonical")),
                "{path}: absolute internal link {}",
                link.url
            );
        }
        assert!(
            meta(page, "name", "description").is_some_and(|d| !d.is_empty()),
            "{path}"
        );
        assert!(meta(page, "property", "og:title").is_some(), "{path}");
        assert!(meta(page, "property", "og:description").is_some(), "{path}");
        assert!(meta(page, "property", "og:site_name").is_some(), "{path}");
        let og_type = meta(page, "property", "og:type").unwrap();
        assert_eq!(
            og_type == "article",
            path.starts_with("articles/") && !path.ends_with("index.html"),
            "{path}"
        );
        if path == "404.html" {
            // Served at any address: no canonical, absolute links.
            assert!(!page.contains("rel=\"canonical\""));
            assert!(page.contains(&format!("href=\"{base}assets/style.css\"")));
            continue;
        }
        let canonical = format!("{base}{path}");
        assert!(
            page.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")),
            "{path}"
        );
        assert_eq!(
            meta(page, "property", "og:url").as_deref(),
            Some(&*canonical),
            "{path}"
        );
        // Internal links stay relative.
        assert!(
            page.contains("assets/style.css\">") && !page.contains(&format!("href=\"{base}assets")),
            "{path}"
        );
        assert!(page.contains("type=\"application/atom+xml\""), "{path}");
    }
    // The sitemap lists every page but the 404, each once, absolute.
    let map = roxmltree::Document::parse(&files["sitemap.xml"]).unwrap();
    let locs: Vec<&str> = map
        .descendants()
        .filter(|n| n.tag_name().name() == "loc")
        .filter_map(|n| n.text())
        .collect();
    let expected: Vec<String> = html_pages(&files)
        .into_iter()
        .filter(|(p, _)| *p != "404.html")
        .map(|(p, _)| format!("{base}{p}"))
        .collect();
    let mut sorted = locs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    sorted.sort();
    assert_eq!(sorted, expected);
    assert!(files["robots.txt"].contains(&format!("Sitemap: {base}sitemap.xml")));
    // Every article is in the articles feed, linked absolutely.
    let feed = roxmltree::Document::parse(&files["feeds/articles.xml"]).unwrap();
    let links: Vec<&str> = feed
        .descendants()
        .filter(|n| n.tag_name().name() == "entry")
        .flat_map(|e| e.children().filter(|c| c.tag_name().name() == "link"))
        .filter_map(|l| l.attribute("href"))
        .collect();
    let articles: Vec<String> = files
        .keys()
        .filter(|p| p.starts_with("articles/") && *p != "articles/index.html")
        .map(|p| format!("{base}{p}"))
        .collect();
    assert_eq!(links.len(), articles.len());
    for a in &articles {
        assert!(links.contains(&a.as_str()), "{a} not in the feed");
    }
    roxmltree::Document::parse(&files["feeds/briefings.xml"]).unwrap();
}

#[test]
fn without_base_url_nothing_absolute_is_invented() {
    let files = build(None);
    assert!(!files.contains_key("sitemap.xml"));
    assert_eq!(files["robots.txt"], "User-agent: *\nAllow: /\n");
    for (path, page) in html_pages(&files) {
        assert!(!page.contains("rel=\"canonical\""), "{path}");
        assert!(!page.contains("og:url"), "{path}");
        assert!(meta(page, "name", "description").is_some(), "{path}");
    }
    let not_found = &files["404.html"];
    html::check(not_found).unwrap();
    assert!(not_found.contains("<h1>Page not found</h1>"));
    assert!(not_found.contains("href=\"index.html\""));
    for feed in ["feeds/articles.xml", "feeds/briefings.xml"] {
        let doc = roxmltree::Document::parse(&files[feed]).unwrap();
        assert!(
            doc.descendants().any(|n| n.tag_name().name() == "entry"),
            "{feed}"
        );
        assert!(!files[feed].contains("http://briefs"), "{feed}");
    }
}

#[test]
fn check_suggests_setting_base_url() {
    let project = fixture(None);
    let analysis = dossier::pipeline::analyse(project.root()).unwrap();
    assert!(analysis.diagnostics.iter().any(|d| d.code == "no-base-url"));
    let project = fixture(Some("ftp://nope"));
    let analysis = dossier::pipeline::analyse(project.root()).unwrap();
    assert!(analysis
        .diagnostics
        .iter()
        .any(|d| d.code == "invalid-base-url"));
}
