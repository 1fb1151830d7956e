//! Every kind of bad input stops `dossier build` with a clear error naming
//! the file (and line where there is one), exits non-zero without panicking,
//! and leaves the previously built site exactly as it was.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const GOOD_ARTICLE: &str = "---\ntitle: \"Lavrov meets Choe in Moscow\"\npublished: 2025-10-28\noutlet: Wire\n---\n\nRussian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Choe Son Hui in Moscow on Monday.\n";

/// A small valid project, built once so that `public/` holds a good site.
fn built_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("content/articles")).unwrap();
    fs::write(
        root.join("content/site.yaml"),
        "title: Test briefing\nsources: []\n",
    )
    .unwrap();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content/actors.yaml"),
        root.join("content/actors.yaml"),
    )
    .unwrap();
    fs::write(root.join("content/articles/lavrov.md"), GOOD_ARTICLE).unwrap();
    dossier_cmd(root).assert().success();
    assert!(root.join("public/index.html").is_file());
    dir
}

fn dossier_cmd(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.arg("build").arg("--root").arg(root).env("CI", "1");
    cmd
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).unwrap().display().to_string(),
                    fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

/// Breaks the project with `file` = `contents`, builds, and checks the
/// error mentions every `expected` fragment and the old site survived.
fn assert_fails(file: &str, contents: &[u8], expected: &[&str]) {
    let dir = built_project();
    let root = dir.path();
    let before = snapshot(&root.join("public"));
    let path = root.join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, contents).unwrap();
    let output = dossier_cmd(root).output().unwrap();
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
        snapshot(&root.join("public")),
        "{file}: the previous site must be left intact"
    );
    // Nothing but the project's own folders is left behind.
    let leftovers: Vec<_> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
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
