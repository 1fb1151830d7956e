//! The knowledge base's checks through the real binary: unsafe ids and ids
//! that differ only by case stop the build with file and line and leave the
//! previous site as it was; a shared alias is a warning naming both entries.

mod support;

use predicates::prelude::*;
use support::bin;
use support::project::Project;

const ARTICLE: &str =
    "---\ntitle: Talks\npublished: 2024-03-01\n---\nAda Lovelace met Charles Babbage in London.\n";

fn project(actors: &str) -> Project {
    let p = Project::new();
    p.file("content/site.yaml", "title: KB checks\nsources: []\n")
        .file("content/articles/a.md", ARTICLE)
        .file("content/actors.yaml", actors);
    p
}

#[test]
fn an_unsafe_id_stops_the_build_with_file_and_line() {
    let p = project("- id: ada\n  name: Ada Lovelace\n  kind: person\n- id: ../../etc\n  name: Evil\n  kind: person\n");
    let out = p.beside("site");
    std::fs::create_dir_all(&out).unwrap();
    bin::build_to(p.root(), &out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("content/actors.yaml:4:"))
        .stderr(predicate::str::contains("can only hold ASCII letters"))
        .stderr(predicate::str::contains("panicked").not());
    assert!(!p.root().join("etc").exists());
}

#[test]
fn ids_differing_only_by_case_are_an_error_naming_both() {
    let p = project("- id: ada\n  name: Ada Lovelace\n  kind: person\n- id: ADA\n  name: Ada King\n  kind: person\n");
    bin::check(p.root())
        .assert()
        .failure()
        .stderr(predicate::str::contains("content/actors.yaml:4:"))
        .stderr(predicate::str::contains("`ada` (line 1) and `ADA`"));
}

#[test]
fn a_shared_alias_is_a_warning_naming_both_entries() {
    let p = project(
        "- id: ada\n  name: Ada Lovelace\n  kind: person\n  aliases: [the Countess]\n- id: anne\n  name: Anne Isabella Milbanke\n  kind: person\n  aliases: [The Countess]\n",
    );
    bin::check(p.root()).assert().success().stdout(
        predicate::str::contains("content/actors.yaml:5: warning[shared-alias]")
            .and(predicate::str::contains("`anne`"))
            .and(predicate::str::contains("`ada` (line 1)")),
    );
    // A warning does not stop the build.
    bin::build_to(p.root(), p.beside("site")).assert().success();
}
