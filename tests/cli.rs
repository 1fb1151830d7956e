//! The command line as a user meets it: help text, scaffolding, exit codes
//! of `check`, and `--quiet`.

mod support;

use predicates::prelude::*;
use std::fs;
use std::path::Path;

use support::bin::{self, dossier};

#[test]
fn every_command_documents_its_options() {
    let cases: &[(&str, &[&str])] = &[
        (
            "build",
            &["--root", "--output", "--timings", "--quiet", "Examples"],
        ),
        (
            "check",
            &["--root", "--format", "json", "--quiet", "Examples"],
        ),
        ("new", &["<DIR>", "--templates", "or be empty", "Examples"]),
        ("serve", &["--root", "--port", "--output", "Examples"]),
    ];
    for (command, options) in cases {
        let out = dossier().args([command, "--help"]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        for option in *options {
            assert!(
                text.contains(option),
                "`{command} --help` lacks {option}:\n{text}"
            );
        }
    }
    dossier()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("new").and(predicate::str::contains("check")));
}

#[test]
fn new_then_build_works_and_quiet_prints_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("briefing");
    dossier()
        .arg("new")
        .arg(&dir)
        .assert()
        .success()
        .stderr(predicate::str::contains("dossier build --root"));
    for file in [
        "content/site.yaml",
        "content/actors.yaml",
        "content/metadata.yaml",
        "content/events/example.yaml",
        "raw/example-wire-report.txt",
    ] {
        assert!(dir.join(file).is_file(), "missing {file}");
    }
    assert!(!dir.join("templates").exists());
    dossier()
        .args(["--quiet", "build", "--root"])
        .arg(&dir)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(dir.join("public/index.html").is_file());
    assert!(dir.join("public/search.html").is_file());
    assert!(dir.join("public/assets/search-index.js").is_file());
    // Without --quiet the build says what it did.
    bin::build(&dir)
        .assert()
        .success()
        .stderr(predicate::str::contains("built 2 articles"));
}

#[test]
fn new_with_templates_writes_editable_templates() {
    let tmp = tempfile::tempdir().unwrap();
    dossier()
        .args(["new", "--templates"])
        .arg(tmp.path())
        .assert()
        .success();
    let base = fs::read_to_string(tmp.path().join("templates/base.html")).unwrap();
    assert!(base.contains("{% block content %}"));
    assert!(tmp.path().join("templates/search.html").is_file());
}

#[test]
fn new_refuses_a_folder_with_files() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("keep.md"), "mine").unwrap();
    dossier()
        .arg("new")
        .arg(tmp.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("not empty"));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    assert_eq!(
        fs::read_to_string(tmp.path().join("keep.md")).unwrap(),
        "mine"
    );
}

fn scaffold(dir: &Path) {
    dossier().arg("new").arg(dir).assert().success();
}

#[test]
fn check_fails_on_malformed_yaml_naming_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    scaffold(tmp.path());
    fs::write(
        tmp.path().join("content/events/broken.yaml"),
        "- date: 2024-05-20\n  kind: meeting\n  participants: [aino-virtanen\n",
    )
    .unwrap();
    bin::check(tmp.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("content/events/broken.yaml:"))
        .stdout(predicate::str::contains("error["));
    // JSON carries the same finding.
    let out = dossier()
        .args(["check", "--format", "json", "--root"])
        .arg(tmp.path())
        .assert()
        .code(1);
    let findings: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(findings.as_array().unwrap().iter().any(|d| {
        d["severity"] == "error" && d["file"] == "content/events/broken.yaml" && d["line"].is_u64()
    }));
}

#[test]
fn check_passes_with_warnings_only() {
    let tmp = tempfile::tempdir().unwrap();
    scaffold(tmp.path());
    let article = tmp
        .path()
        .join("content/articles/2024-05-14-defence-ministers-meet.md");
    let text =
        fs::read_to_string(&article)
            .unwrap()
            .replacen("tags:", "desk: Nordic desk\ntags:", 1);
    fs::write(&article, text).unwrap();
    bin::check(tmp.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "content/articles/2024-05-14-defence-ministers-meet.md:",
        ))
        .stdout(predicate::str::contains("warning[unknown-field]"))
        .stdout(predicate::str::contains("`desk`"));
    // --quiet keeps only errors: there are none.
    dossier()
        .args(["-q", "check", "--root"])
        .arg(tmp.path())
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn build_reports_errors_and_keeps_quiet_only_on_success() {
    let tmp = tempfile::tempdir().unwrap();
    scaffold(tmp.path());
    fs::write(tmp.path().join("content/site.yaml"), "title: [unclosed\n").unwrap();
    dossier()
        .args(["--quiet", "build", "--root"])
        .arg(tmp.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("content/site.yaml"));
}
