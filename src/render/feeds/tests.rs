//! Feeds, sitemap and robots.txt of the sample site: well-formed, with and without a base URL.

use super::*;
use crate::briefing;
use crate::corpus::sample::sample_analysis;

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn site(base_url: Option<&str>) -> Site {
    let mut analysis = sample_analysis();
    analysis.config.title = "Watch <&> \"list\"".to_string();
    analysis.config.base_url = base_url.map(str::to_string);
    if let Some(a) = analysis.articles.first_mut() {
        a.article.title = "Petrov <script>x</script> meets Varga".to_string();
    }
    briefing::build(&analysis)
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> Option<&'a str> {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| std::str::from_utf8(&f.contents).unwrap())
}

/// Checks the RFC 4287 must-haves and returns the entries' (id, link).
fn check_atom(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    let child = |n: roxmltree::Node<'_, '_>, tag: &str| {
        n.children()
            .find(|c| c.has_tag_name((ATOM, tag)))
            .and_then(|c| c.text().map(str::to_string))
    };
    for tag in ["id", "title", "updated"] {
        assert!(
            child(feed, tag).is_some_and(|t| !t.is_empty()),
            "feed {tag}"
        );
    }
    assert!(feed.children().any(|c| c.has_tag_name((ATOM, "author"))));
    let updated = child(feed, "updated").unwrap();
    assert!(
        updated.ends_with("T00:00:00Z") && updated.len() == 20,
        "{updated}"
    );
    let mut out = Vec::new();
    for e in feed.children().filter(|c| c.has_tag_name((ATOM, "entry"))) {
        for tag in ["id", "title", "updated"] {
            assert!(child(e, tag).is_some(), "entry {tag}");
        }
        assert!(
            child(e, "updated").unwrap() <= updated,
            "entry newer than feed"
        );
        let link = e
            .children()
            .find(|c| c.has_tag_name((ATOM, "link")))
            .and_then(|l| l.attribute("href"))
            .expect("entry link")
            .to_string();
        out.push((child(e, "id").unwrap(), link));
    }
    out
}

#[test]
fn feeds_without_base_url_are_valid_and_relative() {
    let s = site(None);
    let files = discovery_files(&s, &["index.html", "articles/a1.html"]);
    let articles = check_atom(file(&files, ARTICLES_FEED).unwrap());
    assert_eq!(
        articles.len(),
        s.articles.len(),
        "every article in the feed"
    );
    for (id, link) in &articles {
        assert!(id.starts_with("urn:dossier:watch-list:articles/"), "{id}");
        assert!(link.starts_with("../articles/"), "{link}");
    }
    let xml = file(&files, ARTICLES_FEED).unwrap();
    assert!(xml.contains("Petrov &lt;script&gt;x&lt;/script&gt; meets Varga"));
    assert!(!xml.contains("rel=\"self\""));
    let briefings = check_atom(file(&files, BRIEFINGS_FEED).unwrap());
    assert_eq!(
        briefings.len(),
        s.briefings.len(),
        "one entry per briefing page"
    );
    assert!(
        briefings
            .iter()
            .any(|(_, l)| l == "../briefings/2024-03.html"),
        "{briefings:?}"
    );
    assert!(
        file(&files, "sitemap.xml").is_none(),
        "no sitemap without base_url"
    );
    assert_eq!(
        file(&files, "robots.txt"),
        Some("User-agent: *\nAllow: /\n")
    );
}

#[test]
fn feeds_and_sitemap_with_base_url_are_absolute() {
    let s = site(Some("https://example.org/brief"));
    let pages = ["index.html", "people/ivan-petrov.html"];
    let files = discovery_files(&s, &pages);
    for feed in [ARTICLES_FEED, BRIEFINGS_FEED] {
        let xml = file(&files, feed).unwrap();
        assert!(xml.contains(&format!(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/brief/{feed}\"/>"
        )));
        for (id, link) in check_atom(xml) {
            assert!(id.starts_with("https://example.org/brief/"), "{id}");
            assert_eq!(id, link);
        }
    }
    let map = file(&files, "sitemap.xml").unwrap();
    let doc = roxmltree::Document::parse(map).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        locs,
        [
            "https://example.org/brief/index.html",
            "https://example.org/brief/people/ivan-petrov.html"
        ]
    );
    assert!(file(&files, "robots.txt")
        .unwrap()
        .ends_with("Sitemap: https://example.org/brief/sitemap.xml\n"));
}

#[test]
fn feed_dates_come_from_the_content() {
    let s = site(None);
    let a = discovery_files(&s, &[]);
    let b = discovery_files(&s, &[]);
    assert_eq!(a, b);
    let xml = file(&a, ARTICLES_FEED).unwrap();
    // The newest article (2024-03-10) dates the feed.
    assert!(
        xml.contains("<updated>2024-03-10T00:00:00Z</updated>"),
        "{xml}"
    );
}

#[test]
fn excerpts_cut_at_words() {
    assert_eq!(excerpt("a  b\nc", 10), "a b c");
    let long = "Officials said the delegation would stay for three days, visiting plants.";
    let cut = excerpt(long, 40);
    assert!(cut.ends_with('…') && cut.chars().count() <= 41, "{cut}");
    assert!(!cut.contains("thr…"));
}

#[test]
fn xml_safe_keeps_what_xml_allows_and_drops_the_rest() {
    for c in [
        '\t',
        '\n',
        '\r',
        ' ',
        'a',
        'é',
        '\u{7f}',
        '\u{85}',
        '\u{d7ff}',
        '\u{e000}',
        '\u{fffd}',
        '\u{10000}',
        '\u{10ffff}',
    ] {
        assert!(is_xml_char(c), "{c:?}");
    }
    for c in [
        '\0', '\u{1}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{1f}', '\u{fffe}', '\u{ffff}',
    ] {
        assert!(!is_xml_char(c), "{c:?}");
    }
    assert!(matches!(xml_safe("Kim\tmet\nPutin"), Cow::Borrowed(_)));
    assert_eq!(
        xml_safe("a\0b\u{1b}[31mc\u{fffe}\u{ffff}d\r\n"),
        "ab[31mcd\r\n"
    );
    assert_eq!(esc("<\0&\u{7}>"), "&lt;&amp;&gt;");
}

#[test]
fn control_characters_in_the_content_leave_the_feeds_parseable() {
    let mut analysis = sample_analysis();
    analysis.config.title = "Watch\0list\u{1}".to_string();
    analysis.config.description = "Desk \u{b}\u{c} notes\u{ffff}".to_string();
    analysis.config.base_url = Some("https://example.org/\u{0}brief/".to_string());
    if let Some(a) = analysis.articles.first_mut() {
        a.article.title = "Petrov\0 meets \u{1b}Varga".to_string();
        a.article.outlet = Some("Wire\u{2}".to_string());
        a.article.text.push_str(" Tail \0\u{8} text.");
    }
    let s = briefing::build(&analysis);
    let files = discovery_files(&s, &["index.html"]);
    for feed in [ARTICLES_FEED, BRIEFINGS_FEED, "sitemap.xml"] {
        let xml = file(&files, feed).unwrap();
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{feed}: {e}\n{xml}"));
        assert!(!xml.chars().any(|c| !is_xml_char(c)), "{feed}");
    }
    let xml = file(&files, ARTICLES_FEED).unwrap();
    assert!(xml.contains("Petrov meets Varga"), "{xml}");
}
