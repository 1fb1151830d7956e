//! Builds whole projects and checks the site a reader gets: every page there,
//! every link and anchor resolving, well-formed HTML, escaped content, the
//! JSON export's shape, deterministic output, and template errors that name
//! their file without touching the previous site.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use support::bin;
use support::project::{repo, Project};
use support::site::{check_site, resolve};
use support::tree::read_tree;

fn json(files: &BTreeMap<String, Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(files.get("data/dossier.json").expect("export written")).unwrap()
}

/// The export's documented minimum shape, and every url in it a real page.
fn check_export(files: &BTreeMap<String, Vec<u8>>) -> serde_json::Value {
    let export = json(files);
    for a in export["articles"].as_array().expect("articles[]") {
        for key in [
            "id",
            "title",
            "outlet",
            "published",
            "source_path",
            "url",
            "text",
        ] {
            assert!(a.get(key).is_some(), "article.{key}");
        }
        assert!(files.contains_key(a["url"].as_str().unwrap()));
        let text = a["text"].as_str().unwrap();
        for list in ["timexes", "mentions"] {
            for item in a[list].as_array().unwrap_or_else(|| panic!("{list}[]")) {
                let (s, e) = (
                    item["start"].as_u64().unwrap() as usize,
                    item["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(text.get(s..e), item["text"].as_str(), "{list} offsets");
            }
        }
        for t in a["timexes"].as_array().unwrap() {
            assert!(t["value"].is_string());
        }
        for m in a["mentions"].as_array().unwrap() {
            assert!(m["actor"].is_string());
        }
    }
    for a in export["actors"].as_array().expect("actors[]") {
        for key in ["id", "name", "kind", "aliases", "url"] {
            assert!(a.get(key).is_some(), "actor.{key}");
        }
        assert!(files.contains_key(a["url"].as_str().unwrap()));
    }
    for e in export["events"].as_array().expect("events[]") {
        for key in [
            "id",
            "title",
            "kind",
            "date",
            "place",
            "participants",
            "sources",
            "url",
        ] {
            assert!(e.get(key).is_some(), "event.{key}");
        }
        assert!(files.contains_key(e["url"].as_str().unwrap()));
        for s in e["sources"].as_array().unwrap() {
            assert!(s["article"].is_string() && s["sentence"].is_string());
        }
    }
    export
}

const MAIN_PAGES: &[&str] = &[
    "index.html",
    "timeline.html",
    "articles/index.html",
    "people/index.html",
    "events/index.html",
    "sources/index.html",
    "data/dossier.json",
    "assets/style.css",
];

#[test]
fn the_bundled_project_builds_into_a_linked_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    dossier::build(repo(), &out).unwrap();
    let files = check_site(&out);
    for p in MAIN_PAGES {
        assert!(files.contains_key(*p), "{p} missing");
    }
    let export = check_export(&files);
    // One page per article, actor and event in the export.
    for list in ["articles", "actors", "events"] {
        for item in export[list].as_array().unwrap() {
            assert!(files.contains_key(item["url"].as_str().unwrap()));
        }
    }
    // Monthly briefings: the home page leads with the latest (November
    // 2025, which carries the bundled analyst's note) and links the archive.
    let page = |p: &str| String::from_utf8(files[p].clone()).unwrap();
    let home = page("index.html");
    assert!(home.contains(r#"href="briefings/2025-11.html""#));
    assert!(home.contains(r#"href="briefings/index.html""#));
    let november = page("briefings/2025-11.html");
    assert!(november.contains("Goremykin"));
    assert!(
        november.contains(r#"id="notes""#),
        "the analyst's note is shown"
    );
    assert!(november.contains(r#"rel="prev" href="../briefings/2025-10.html""#));
    let archive = page("briefings/index.html");
    for month in ["2023-07", "2023-09", "2024-11", "2025-05", "2025-11"] {
        assert!(
            archive.contains(&format!("briefings/{month}.html")),
            "{month}"
        );
    }
}

#[test]
fn the_cli_builds_the_same_site_as_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let (via_lib, via_cli) = (dir.path().join("lib"), dir.path().join("cli"));
    dossier::build(repo(), &via_lib).unwrap();
    bin::build_to(repo(), &via_cli).assert().success();
    assert!(
        read_tree(&via_cli) == read_tree(&via_lib),
        "CLI and library builds differ"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    dossier::build(repo(), &a).unwrap();
    dossier::build(repo(), &b).unwrap();
    let (ta, tb) = (read_tree(&a), read_tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(tb.get(path) == Some(bytes), "{path} differs between builds");
    }
}

/// A project of our own: one Markdown article whose text tries to inject
/// markup, and no templates folder (so the embedded defaults are used).
fn fixture_project() -> Project {
    let project = Project::new();
    project
        .file(
            "content/site.yaml",
            "title: \"Harbour <watch>\"\ndescription: Port calls in the north.\nsources: []\n",
        )
        .file(
            "content/articles/port-call.md",
            "---\ntitle: \"Frigate calls at <b>Murmansk</b>\"\npublished: 2024-05-14\noutlet: Northern Ledger\nurl: https://example.org/port-call\n---\n\nThe frigate docked on Tuesday. A reader comment read <script>alert(1)</script> and was removed.\n\nOfficials said the visit would last three days.\n",
        );
    project
}

#[test]
fn article_text_and_titles_are_escaped() {
    let project = fixture_project();
    let out = project.beside("public");
    dossier::build(project.root(), &out).unwrap();
    let files = check_site(&out);
    let everything: String = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(!everything.contains("<script>"), "raw script tag in output");
    assert!(
        !everything.contains("<b>Murmansk"),
        "raw title markup in output"
    );
    assert!(
        !everything.contains("<watch>"),
        "raw site title markup in output"
    );
}

#[test]
fn a_script_in_article_text_is_escaped() {
    let project = fixture_project();
    let out = project.beside("public");
    dossier::build(project.root(), &out).unwrap();
    let files = check_site(&out);
    let export = check_export(&files);
    let articles = export["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1, "the fixture article is built");
    let page = String::from_utf8_lossy(&files[articles[0]["url"].as_str().unwrap()]).into_owned();
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
}

#[test]
fn a_broken_template_fails_the_build_and_keeps_the_old_site() {
    let project = fixture_project();
    let root = project.root();
    let out = project.beside("public");
    dossier::build(root, &out).unwrap();
    let before = read_tree(&out);

    // A syntax error: an unclosed tag.
    project.file(
        "templates/timeline.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{% for e in page.undated %}\n{% endblock content %}\n",
    );
    let err = dossier::build(root, &out)
        .expect_err("syntax error must fail")
        .to_string();
    assert!(err.contains("templates/timeline.html"), "{err}");
    assert!(read_tree(&out) == before, "previous output changed");

    // An unknown variable, reported with its line, also from the CLI.
    project.file(
        "templates/timeline.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>Timeline</p>\n{{ page.no_such_thing }}\n{% endblock content %}\n",
    );
    let err = dossier::build(root, &out)
        .expect_err("unknown variable must fail")
        .to_string();
    assert!(err.contains("templates/timeline.html:4"), "{err}");
    bin::build_to(root, &out)
        .assert()
        .failure()
        .stderr(predicates::str::contains("templates/timeline.html:4"));
    assert!(read_tree(&out) == before, "previous output changed");

    // A project template that is fine overrides the default.
    project.file(
        "templates/timeline.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>My own timeline</h1>\n{% endblock content %}\n",
    );
    dossier::build(root, &out).unwrap();
    let timeline = fs::read_to_string(out.join("timeline.html")).unwrap();
    assert!(timeline.contains("My own timeline"));
    check_site(&out);
}

#[test]
fn resolve_follows_relative_paths() {
    assert_eq!(
        resolve("people/a.html", "../index.html"),
        ("index.html".into(), None)
    );
    assert_eq!(
        resolve("index.html", "#main"),
        ("index.html".into(), Some("main".into()))
    );
    let mut seen = BTreeSet::new();
    seen.insert(resolve("a/b.html", "c.html#x").0);
    assert!(seen.contains("a/c.html"));
}
