//! Long lists are cut into pages (`paginate` in `site.yaml`): page counts,
//! prev/next links, "page N of M", every item on exactly one page, every
//! link resolving; tag pages and their feeds.

mod support;

use std::collections::BTreeMap;

use support::project::Project;
use support::site::check_site;
use support::tree::read_text_tree;

/// A project of `n` articles, all naming Kim Jong Un and Vladimir Putin,
/// all tagged `summit` (every third also `Air defence`), with `paginate`.
fn project(n: usize, paginate: Option<usize>) -> Project {
    let p = Project::new();
    p.bundled_actors();
    let mut site = String::from("title: Pagination\nsources: []\n");
    if let Some(size) = paginate {
        site.push_str(&format!("paginate: {size}\n"));
    }
    p.file("content/site.yaml", site);
    for i in 0..n {
        let tags = if i % 3 == 0 {
            "[summit, Air defence]"
        } else {
            "[summit]"
        };
        let outlet = if i % 2 == 0 { "Daily Ledger" } else { "Wire" };
        p.file(
            &format!("content/articles/a{i:02}.md"),
            format!(
                "---\ntitle: \"Report {i}\"\ndate: 2024-06-{:02}\nsource: \"{outlet}\"\ntags: {tags}\n---\n\n\
                 Kim Jong Un met Vladimir Putin in Pyongyang on Wednesday, report {i} says.\n",
                i + 1
            ),
        );
    }
    p
}

fn build(p: &Project) -> BTreeMap<String, String> {
    let out = p.beside("public");
    dossier::build(p.root(), &out).unwrap();
    check_site(&out);
    read_text_tree(&out)
}

/// The pages of a set, first page at `url`, in order.
fn pages<'a>(files: &'a BTreeMap<String, String>, url: &str) -> Vec<&'a str> {
    let stem = url.strip_suffix(".html").unwrap();
    let mut out = vec![files[url].as_str()];
    let mut n = 2;
    while let Some(page) = files.get(&format!("{stem}.page-{n}.html")) {
        out.push(page);
        n += 1;
    }
    out
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[test]
fn a_person_page_is_cut_into_pages_with_prev_next_and_page_n_of_m() {
    let files = build(&project(7, Some(2)));
    let kim = pages(&files, "people/kim-jong-un.html");
    assert_eq!(kim.len(), 4, "7 articles at 2 a page");
    assert!(!files.contains_key("people/kim-jong-un.page-1.html"));
    for (i, page) in kim.iter().enumerate() {
        let n = i + 1;
        assert!(
            page.contains(&format!("Page {n} of 4")),
            "page {n} says where it is"
        );
        assert!(page.contains("<nav class=\"pagination\" aria-label=\"Pages\">"));
        assert_eq!(
            page.contains("rel=\"prev\""),
            n > 1,
            "page {n}: a previous page"
        );
        assert_eq!(
            page.contains("rel=\"next\""),
            n < 4,
            "page {n}: a next page"
        );
    }
    assert!(kim[0].contains("rel=\"next\" href=\"../people/kim-jong-un.page-2.html\""));
    assert!(kim[2].contains("rel=\"prev\" href=\"../people/kim-jong-un.page-2.html\""));
    assert!(kim[3].contains("rel=\"prev\" href=\"../people/kim-jong-un.page-3.html\""));
    // Each article is listed on exactly one page; later pages have
    // distinct titles.
    for i in 0..7 {
        let href = format!("href=\"../articles/a{i:02}.html\"");
        let on: usize = kim.iter().map(|p| count(p, &href)).sum();
        assert!(on >= 1, "a{i:02} listed");
    }
    assert!(kim[1].contains("<title>Kim Jong Un (page 2 of 4) · Pagination</title>"));
    // Page 1 keeps the summary (the charts and roles); later pages do not.
    assert!(kim[0].contains("id=\"roles\""));
    assert!(!kim[3].contains("id=\"roles\""));
    assert!(!kim[3].contains("id=\"activity\""));
}

#[test]
fn indexes_tags_and_outlets_are_paged_and_every_item_is_on_one_page() {
    let files = build(&project(7, Some(3)));
    let index = pages(&files, "articles/index.html");
    assert_eq!(index.len(), 3);
    let summit = pages(&files, "tags/summit.html");
    assert_eq!(summit.len(), 3);
    for i in 0..7 {
        let href = format!("href=\"../articles/a{i:02}.html\"");
        let on: usize = index.iter().map(|p| count(p, &href)).sum();
        assert_eq!(on, 1, "a{i:02} on one page of the articles index");
        let on: usize = summit.iter().map(|p| count(p, &href)).sum();
        assert_eq!(on, 1, "a{i:02} on one page of its tag");
    }
    // The tag's feed holds all its articles; the second tag only its own.
    let feed = roxmltree::Document::parse(&files["feeds/tags/summit.xml"]).unwrap();
    let entries = feed
        .descendants()
        .filter(|n| n.tag_name().name() == "entry")
        .count();
    assert_eq!(entries, 7);
    let air = roxmltree::Document::parse(&files["feeds/tags/air-defence.xml"]).unwrap();
    let entries = air
        .descendants()
        .filter(|n| n.tag_name().name() == "entry")
        .count();
    assert_eq!(entries, 3);
    assert_eq!(pages(&files, "tags/air-defence.html").len(), 1);
    // Article pages link their tags and outlet; the tag index lists both.
    let article = &files["articles/a00.html"];
    assert!(article.contains("href=\"../tags/summit.html\""));
    assert!(article.contains("href=\"../tags/air-defence.html\">Air defence</a>"));
    assert!(article.contains("href=\"../sources/daily-ledger.html\""));
    assert!(files["tags/index.html"].contains("href=\"../tags/air-defence.html\""));
    assert_eq!(pages(&files, "sources/daily-ledger.html").len(), 2);
    assert!(files["sources/index.html"].contains("href=\"../sources/wire.html\""));
}

#[test]
fn paginate_zero_or_short_lists_make_one_page() {
    let files = build(&project(7, Some(0)));
    assert_eq!(pages(&files, "people/kim-jong-un.html").len(), 1);
    assert_eq!(pages(&files, "articles/index.html").len(), 1);
    assert!(!files["articles/index.html"].contains("aria-label=\"Pages\""));
    // The default (50) leaves a small site on single pages.
    let files = build(&project(3, None));
    assert_eq!(pages(&files, "tags/summit.html").len(), 1);
    assert!(!files.keys().any(|k| k.contains(".page-")));
}
