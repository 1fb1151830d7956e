//! Nothing in the content is ignored silently: unknown files in
//! `content/` and unknown settings are warnings with a "did you mean";
//! what `dossier check` calls an error stops the build, unless
//! `--keep-going` makes it a warning.

mod support;

use predicates::prelude::*;
use support::bin;
use support::project::Project;

fn project() -> Project {
    let p = Project::new();
    p.file(
        "content/site.yaml",
        "title: Warnings\nsources: []\npaginat: 20\n",
    );
    p.file(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-06-01\n---\n\nSee the [timeline](../timeline.html).\n",
    );
    p.file("content/actor.yaml", "[]\n");
    p.file("content/about.md", "---\ntitle: About\n---\n\nUs.\n");
    p
}

#[test]
fn unknown_files_and_settings_are_warnings_with_a_hint() {
    let p = project();
    let report = dossier::build(p.root(), &p.beside("public")).unwrap();
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    let has = |a: &str, b: &str| shown.iter().any(|d| d.contains(a) && d.contains(b));
    assert!(
        has("content/site.yaml:3", "did you mean `paginate`?"),
        "{shown:?}"
    );
    assert!(
        has("content/actor.yaml", "did you mean `content/actors.yaml`?"),
        "{shown:?}"
    );
    assert!(
        has("content/about.md", "content/pages/about.md"),
        "{shown:?}"
    );
    // `check` says the same.
    bin::check(p.root())
        .assert()
        .success()
        .stdout(predicate::str::contains("content/actor.yaml"));
}

#[test]
fn a_broken_link_stops_the_build_unless_keep_going() {
    let p = project();
    p.file(
        "content/articles/b.md",
        "---\ntitle: B\ndate: 2024-06-02\n---\n\nSee [nothing](../people/nobody.html).\n",
    );
    let out = p.beside("public");
    let err = dossier::build(p.root(), &out).unwrap_err().to_string();
    assert!(
        err.contains("content/articles/b.md:6") && err.contains("people/nobody.html"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
    bin::build_to(p.root(), &out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("people/nobody.html"));
    bin::build_to(p.root(), &out)
        .arg("--keep-going")
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning").and(predicate::str::contains("people/nobody.html")),
        );
    assert!(out.join("articles/b.html").is_file());
}
