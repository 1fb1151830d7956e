//! Standalone pages (`content/pages/*.md`): rendered with the site's
//! layout, linked from the navigation in weight order; drafts left out;
//! a bad page named with file and line.

mod support;

use support::project::Project;
use support::site::check_site;
use support::tree::read_text_tree;

fn project() -> Project {
    let p = Project::new();
    p.file("content/site.yaml", "title: Pages\nsources: []\n");
    p.file(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-06-01\n---\n\nText.\n",
    );
    p.file(
        "content/pages/about.md",
        "---\ntitle: About\nweight: 2\n---\n\nWho we are. See the [timeline](../timeline.html).\n\n<script>alert(1)</script>\n",
    );
    p.file(
        "content/pages/method.md",
        "---\ntitle: Method\nweight: 1\nauthor: J. Analyst\n---\n\n# How\n\nCarefully.\n",
    );
    p.file(
        "content/pages/wip.md",
        "---\ntitle: Work in progress\ndraft: true\n---\n\nNot yet.\n",
    );
    p
}

#[test]
fn pages_are_rendered_and_linked_from_the_navigation_in_weight_order() {
    let p = project();
    let out = p.beside("public");
    let report = dossier::build(p.root(), &out).unwrap();
    check_site(&out);
    let files = read_text_tree(&out);
    let about = &files["pages/about.html"];
    assert!(about.contains("<h1>About</h1>"));
    assert!(about.contains("href=\"../timeline.html\""));
    assert!(!about.contains("<script>"), "raw HTML is escaped");
    assert!(!files.contains_key("pages/wip.html"), "drafts are left out");
    for page in ["index.html", "articles/a.html", "pages/method.html"] {
        let text = &files[page];
        let (m, a) = (
            text.find(">Method</a>").expect("Method in the nav"),
            text.find(">About</a>").expect("About in the nav"),
        );
        assert!(m < a, "{page}: weight 1 before weight 2");
    }
    assert!(about.contains("href=\"../pages/about.html\" aria-current=\"page\""));
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|d| d.contains("content/pages/method.md:4") && d.contains("`author`")),
        "{shown:?}"
    );
}

#[test]
fn a_page_without_a_title_fails_the_build_naming_it() {
    let p = project();
    p.file("content/pages/bad.md", "---\nweight: 3\n---\n\nBody.\n");
    let err = dossier::build(p.root(), &p.beside("public"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("content/pages/bad.md") && err.contains("title"),
        "{err}"
    );
}
