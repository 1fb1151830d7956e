//! What a build reads stays inside the project: a symbolic link to a file
//! or folder outside it is not read (a warning names it), a linked folder is
//! not followed, and a source folder outside the project is an error.

#![cfg(unix)]

mod support;

use std::os::unix::fs::symlink;

use predicates::prelude::*;
use support::bin;
use support::project::Project;

const PRIVATE: &str = "PRIVATE DIARY: nobody may publish this line.";
const ARTICLE: &str =
    "Talks in Geneva\n\nGENEVA, May 2 -- Diplomats met on Thursday to discuss the treaty.\n";

fn project() -> Project {
    let p = Project::new();
    p.file("content/site.yaml", "title: Links\nsources: [seeds]\n")
        .file("seeds/real.txt", ARTICLE);
    // A private file beside the project, outside it.
    std::fs::write(p.beside("diary.txt"), format!("{PRIVATE}\n\nMore.\n")).unwrap();
    p
}

/// Every file the site holds, as text.
fn site_text(out: &std::path::Path) -> String {
    support::tree::read_text_tree(out)
        .into_values()
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_linked_file_outside_the_project_is_not_published() {
    let p = project();
    symlink(p.beside("diary.txt"), p.path("seeds/diary.txt")).unwrap();
    let out = p.beside("site");
    bin::build_to(p.root(), &out)
        .assert()
        .success()
        .stderr(predicate::str::contains("seeds/diary.txt"))
        .stderr(predicate::str::contains("outside the project"));
    let text = site_text(&out);
    assert!(
        !text.contains("PRIVATE DIARY"),
        "the private file was published"
    );
    assert!(
        text.contains("Diplomats met"),
        "the real article is missing"
    );
    bin::check(p.root())
        .assert()
        .stdout(predicate::str::contains("warning[outside-link]"));
}

#[test]
fn a_linked_file_inside_the_project_is_read() {
    let p = project();
    p.file(
        "archive/kept.txt",
        "Kept talks\n\nBERN, May 3 -- Envoys met again on Friday.\n",
    );
    symlink(p.path("archive/kept.txt"), p.path("seeds/kept.txt")).unwrap();
    let out = p.beside("site");
    bin::build_to(p.root(), &out).assert().success();
    assert!(site_text(&out).contains("Envoys met again"));
}

#[test]
fn a_linked_articles_folder_outside_the_project_is_not_read() {
    let p = project();
    let elsewhere = p.beside("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(
        elsewhere.join("secret.md"),
        format!("---\ntitle: Secret\n---\n{PRIVATE}\n"),
    )
    .unwrap();
    symlink(&elsewhere, p.path("content/articles")).unwrap();
    let out = p.beside("site");
    bin::build_to(p.root(), &out)
        .assert()
        .success()
        .stderr(predicate::str::contains("content/articles"));
    assert!(!site_text(&out).contains("PRIVATE DIARY"));
}

#[test]
fn a_linked_folder_is_not_followed_and_says_so() {
    let p = project();
    p.file("archive/more/old.txt", ARTICLE);
    symlink(p.path("archive/more"), p.path("seeds/more")).unwrap();
    bin::check(p.root()).assert().stdout(
        predicate::str::contains("seeds/more")
            .and(predicate::str::contains("warning[linked-folder]")),
    );
}

#[test]
fn a_source_folder_outside_the_project_is_an_error() {
    let p = project();
    std::fs::create_dir_all(p.beside("outside")).unwrap();
    std::fs::write(p.beside("outside/diary.txt"), PRIVATE).unwrap();
    p.file(
        "content/site.yaml",
        "title: Links\nsources: [seeds, ../outside]\n",
    );
    let out = p.beside("site");
    bin::build_to(p.root(), &out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("content/site.yaml"))
        .stderr(predicate::str::contains("outside the project"));
    assert!(!out.exists());
}
