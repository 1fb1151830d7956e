//! Every kind of bad input stops `dossier build` with a clear error naming
//! the file (and line where there is one), exits non-zero without panicking,
//! and leaves the previously built site exactly as it was.

mod support;

use std::fs;

use support::bin;
use support::project::Project;
use support::tree::read_tree;

const GOOD_ARTICLE: &str = "---\ntitle: \"Lavrov meets Choe in Moscow\"\npublished: 2025-10-28\noutlet: Wire\n---\n\nRussian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Choe Son Hui in Moscow on Monday.\n";

/// A small valid project, built once so that `public/` holds a good site.
fn built_project() -> Project {
    let project = Project::new();
    project
        .file("content/site.yaml", "title: Test briefing\nsources: []\n")
        .bundled_actors()
        .file("content/articles/lavrov.md", GOOD_ARTICLE);
    bin::build(project.root()).assert().success();
    assert!(project.path("public/index.html").is_file());
    project
}

/// Breaks the project with `file` = `contents`, builds, and checks the
/// error mentions every `expected` fragment and the old site survived.
fn assert_fails(file: &str, contents: &[u8], expected: &[&str]) {
    let project = built_project();
    let root = project.root();
    let before = read_tree(root.join("public"));
    project.file(file, contents);
    let output = bin::build(root).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{file}: build should fail");
    assert!(
        !stderr.contains("panicked"),
        "{file}: must not panic:\n{stderr}"
    );
    for e in expected {
        assert!(stderr.contains(e), "{file}: expected {e:?} in:\n{stderr}");
    }
    assert_eq!(
        before,
        read_tree(root.join("public")),
        "{file}: the previous site must be left intact"
    );
    // Nothing but the project's own folders (and the analysis cache) is
    // left behind.
    let leftovers: Vec<_> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".dossier-cache")
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
}

#[test]
fn malformed_front_matter_names_file_and_line() {
    assert_fails(
        "content/articles/bad.md",
        b"---\ntitle: \"Unclosed\npublished: 2025-01-01\n---\n\nBody text here.\n",
        &["content/articles/bad.md:"],
    );
}

#[test]
fn missing_title_is_an_error() {
    assert_fails(
        "content/articles/untitled.md",
        b"---\npublished: 2025-01-01\n---\n\nBody text here.\n",
        &["content/articles/untitled.md", "title"],
    );
}

#[test]
fn wrongly_typed_date_names_the_line() {
    assert_fails(
        "content/articles/when.md",
        b"---\ntitle: When\npublished: yesterday\n---\n\nBody text here.\n",
        &["content/articles/when.md:3"],
    );
}

#[test]
fn invalid_utf8_names_file_and_line() {
    assert_fails(
        "content/articles/latin1.md",
        b"---\ntitle: Latin-1\n---\n\nCaf\xe9 society.\n",
        &["content/articles/latin1.md", "UTF-8", "line 5"],
    );
}

#[test]
fn empty_file_is_an_error() {
    assert_fails(
        "content/articles/empty.md",
        b"",
        &["content/articles/empty.md", "empty"],
    );
}

#[test]
fn malformed_site_settings_name_the_line() {
    assert_fails(
        "content/site.yaml",
        b"title: Test\nperiod: fortnight\n",
        &["content/site.yaml:2"],
    );
}

#[test]
fn malformed_knowledge_base_names_the_line() {
    assert_fails(
        "content/actors.yaml",
        b"- id: a\n  name: A\n  kind: person\n- id: a\n  name: Again\n  kind: person\n",
        &["content/actors.yaml:4"],
    );
}

#[test]
fn unknown_actor_id_in_a_curated_event_names_file_and_line() {
    assert_fails(
        "content/events/mine.yaml",
        b"- date: 2025-10-27\n  kind: meeting\n  participants: [sergei-lavrov, nobody-we-know]\n",
        &["content/events/mine.yaml:3", "nobody-we-know"],
    );
}

#[test]
fn template_with_unknown_variable_names_the_template() {
    assert_fails(
        "templates/timeline.html",
        b"{% extends \"base.html\" %}{% block content %}{{ no_such_variable }}{% endblock content %}",
        &["templates/timeline.html"],
    );
}
