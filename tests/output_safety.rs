//! `dossier build` never removes what it did not write: an output that is
//! the project, a folder above it, a folder the build reads, a folder of
//! someone else's files or a file is refused before anything is touched
//! (a sentinel file must survive byte-identical); a wrong `--root` is an
//! error; staging and backup folders of killed builds are removed by the next
//! build; a second build of one output is kept out by the lock.

mod support;

use std::fs;
use std::path::Path;
use std::process::Output;

use support::bin;
use support::project::Project;
use support::tree::read_tree;

const ARTICLE: &str = "---\ntitle: \"Lavrov meets Choe in Moscow\"\npublished: 2025-10-28\noutlet: Wire\n---\n\nRussian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Choe Son Hui in Moscow on Monday.\n";

/// A small project that builds, with a source folder, templates, and
/// sentinel files inside it and beside it.
fn project() -> Project {
    let project = Project::new();
    project
        .file("content/site.yaml", "title: Test\nsources: [seeds]\n")
        .file("content/articles/lavrov.md", ARTICLE)
        .file("content/sentinel.txt", "the analyst's notes\n")
        .file("seeds/sentinel.md", "not a seed\n")
        .file("templates/sentinel.txt", "keep\n")
        .file("mine.txt", "the user's own file\n");
    fs::write(project.beside("beside.txt"), "next to the project\n").unwrap();
    project
}

/// The folder around the project (everything a test may touch).
fn around(project: &Project) -> &Path {
    project.root().parent().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `dossier build` with `args` in `cwd`; it must fail saying every one
/// of `expected`, and leave every file around the project as it was.
fn assert_refused(project: &Project, cwd: &Path, args: &[&str], expected: &[&str]) {
    let before = read_tree(around(project));
    let out = bin::dossier()
        .current_dir(cwd)
        .arg("build")
        .args(args)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(!out.status.success(), "{args:?}: must fail:\n{err}");
    assert!(!err.contains("panicked"), "{args:?}: panicked:\n{err}");
    for e in expected {
        assert!(err.contains(e), "{args:?}: expected {e:?} in:\n{err}");
    }
    assert!(
        read_tree(around(project)) == before,
        "{args:?}: files changed:\n{err}"
    );
}

#[test]
fn the_project_root_is_refused() {
    let p = project();
    let root = p.root().to_str().unwrap();
    assert_refused(
        &p,
        p.root(),
        &["--root", root, "--output", root],
        &["refusing to build into .", "project folder itself"],
    );
    // The same through a relative path, and through `./`.
    assert_refused(&p, p.root(), &["--output", "."], &["project folder itself"]);
    assert_refused(
        &p,
        p.root(),
        &["--output", "./"],
        &["project folder itself"],
    );
}

#[test]
fn a_folder_above_the_project_is_refused() {
    let p = project();
    let root = p.root().to_str().unwrap();
    let parent = around(&p).to_str().unwrap();
    assert_refused(
        &p,
        p.root(),
        &["--root", root, "--output", parent],
        &["holds the project folder"],
    );
    assert_refused(
        &p,
        p.root(),
        &["--output", ".."],
        &["holds the project folder"],
    );
    assert_refused(&p, p.root(), &["--output", "/"], &["refusing"]);
}

#[test]
fn folders_the_build_reads_are_refused() {
    let p = project();
    assert_refused(
        &p,
        p.root(),
        &["--output", "content"],
        &[
            "refusing to build into content",
            "the project's content/ folder",
        ],
    );
    assert_refused(
        &p,
        p.root(),
        &["--output", "templates"],
        &["the project's templates/ folder"],
    );
    assert_refused(
        &p,
        p.root(),
        &["--output", "seeds"],
        &["the source folder `seeds` listed in content/site.yaml"],
    );
    assert_refused(
        &p,
        p.root(),
        &["--output", "content/site"],
        &[
            "refusing to build into content/site",
            "inside the project's content/ folder",
        ],
    );
    // A path that only reaches the project through `..`.
    assert_refused(
        &p,
        &p.root().join("content"),
        &["--root", "..", "--output", "../content/articles/.."],
        &["the project's content/ folder"],
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_the_project_is_refused() {
    let p = project();
    let link = p.beside("site-link");
    std::os::unix::fs::symlink(p.root(), &link).unwrap();
    assert_refused(
        &p,
        p.root(),
        &["--output", link.to_str().unwrap()],
        &["project folder itself"],
    );
}

#[test]
fn a_folder_dossier_did_not_build_is_refused() {
    let p = project();
    let docs = p.beside("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("thesis.odt"), "years of work").unwrap();
    assert_refused(
        &p,
        p.root(),
        &["--output", docs.to_str().unwrap()],
        &["not empty", ".dossier-site"],
    );
}

#[test]
fn a_site_built_before_markers_is_replaced_and_a_look_alike_is_not() {
    let p = project();
    let out = p.beside("site");
    bin::build_to(p.root(), &out).assert().success();
    // What an earlier dossier left: the same site without the marker.
    fs::remove_file(out.join(".dossier-site")).unwrap();
    bin::build_to(p.root(), &out).assert().success();
    assert!(out.join(".dossier-site").is_file());
    // A folder with only one of the two files dossier writes, or with files
    // of that name that dossier did not write, is someone else's.
    let docs = p.beside("docs");
    fs::create_dir_all(docs.join("data")).unwrap();
    fs::write(
        docs.join("data/dossier.json"),
        "{\n  \"format_version\": 1}",
    )
    .unwrap();
    assert_refused(
        &p,
        p.root(),
        &["--output", docs.to_str().unwrap()],
        &["not empty"],
    );
    fs::create_dir_all(docs.join("assets")).unwrap();
    fs::write(docs.join("assets/search-index.js"), "my own script").unwrap();
    assert_refused(
        &p,
        p.root(),
        &["--output", docs.to_str().unwrap()],
        &["not empty"],
    );
}

#[test]
fn a_file_is_refused_and_not_renamed() {
    let p = project();
    let file = p.beside("beside.txt");
    assert_refused(
        &p,
        p.root(),
        &["--output", file.to_str().unwrap()],
        &["is a file"],
    );
    assert_eq!(fs::read_to_string(file).unwrap(), "next to the project\n");
}

#[test]
fn building_twice_into_one_output_works_and_marks_it() {
    let p = project();
    let out = p.beside("site");
    // An empty folder is fine.
    fs::create_dir(&out).unwrap();
    bin::build_to(p.root(), &out).assert().success();
    let marker = fs::read_to_string(out.join(".dossier-site")).unwrap();
    assert!(marker.contains("dossier build"), "{marker}");
    assert_eq!(marker.lines().count(), 1);
    let first = read_tree(&out);
    bin::build_to(p.root(), &out).assert().success();
    assert!(read_tree(&out) == first, "the rebuilt site differs");
    // No page, feed or index links to the marker.
    for (path, bytes) in &first {
        assert!(
            !String::from_utf8_lossy(bytes).contains(".dossier-site") || path == ".dossier-site",
            "{path} names the marker"
        );
    }
    // Nothing but the output is left beside it: no staging folder, no lock.
    let mut names: Vec<_> = fs::read_dir(around(&p))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["beside.txt", "project", "site"]);
    // The default output too, twice.
    bin::build(p.root()).assert().success();
    bin::build(p.root()).assert().success();
    assert!(p.path("public/.dossier-site").is_file());
    assert_eq!(
        fs::read_to_string(p.path("mine.txt")).unwrap(),
        "the user's own file\n"
    );
}

#[test]
fn a_missing_root_is_an_error_naming_it() {
    let p = project();
    let wrong = p.beside("no-such-project");
    for cmd in ["build", "check"] {
        let out = bin::dossier()
            .arg(cmd)
            .arg("--root")
            .arg(&wrong)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(!out.status.success(), "{cmd}: {err}");
        assert!(
            err.contains("no-such-project") && err.contains("no such project folder"),
            "{cmd}: {err}"
        );
    }
    assert!(!wrong.exists());
    assert!(!wrong.join("public").exists());
}

#[test]
fn a_missing_site_yaml_is_an_error_naming_it() {
    let p = Project::new();
    p.file("content/articles/lavrov.md", ARTICLE);
    for cmd in ["build", "check"] {
        let out = bin::dossier()
            .arg(cmd)
            .arg("--root")
            .arg(p.root())
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(!out.status.success(), "{cmd}: {err}");
        assert!(err.contains("content/site.yaml"), "{cmd}: {err}");
    }
    assert!(!p.path("public").exists());
}

#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let p = project();
    let beside = around(&p);
    let marked = |name: &str| {
        let dir = beside.join(name);
        fs::create_dir_all(dir.join("people")).unwrap();
        fs::write(dir.join(".dossier-site"), "written by dossier build\n").unwrap();
        fs::write(dir.join("people/x.html"), "old").unwrap();
    };
    marked(".site.building-a1b2c3");
    marked(".site.previous-4242");
    fs::create_dir(beside.join(".site.building-empty")).unwrap();
    // Look-alikes that dossier did not write survive.
    fs::create_dir(beside.join(".site.building-foreign")).unwrap();
    fs::write(beside.join(".site.building-foreign/mine.txt"), "mine").unwrap();
    fs::write(beside.join(".site.previous-file"), "a file").unwrap();
    marked(".other.building-zzz");

    let out = beside.join("site");
    bin::build_to(p.root(), &out).assert().success();
    let mut names: Vec<_> = fs::read_dir(beside)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".other.building-zzz",
            ".site.building-foreign",
            ".site.previous-file",
            "beside.txt",
            "project",
            "site"
        ]
    );
    assert_eq!(
        fs::read_to_string(beside.join(".site.building-foreign/mine.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_second_build_of_one_output_is_kept_out_by_the_lock() {
    let p = project();
    let out = p.beside("site");
    bin::build_to(p.root(), &out).assert().success();
    let before = read_tree(&out);
    // Another build holds the lock.
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(p.beside(".site.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let run = bin::build_to(p.root(), &out).output().unwrap();
    let err = stderr(&run);
    assert!(!run.status.success(), "{err}");
    assert!(
        err.contains("another dossier build is writing") && err.contains(".site.lock"),
        "{err}"
    );
    assert!(read_tree(&out) == before, "the output changed");
    drop(lock);
    bin::build_to(p.root(), &out).assert().success();
}

/// Every file beside the project whose name starts with `.site.`: staging,
/// backup and lock files of the output `site`.
fn leftovers(project: &Project) -> Vec<String> {
    fs::read_dir(around(project))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect()
}

#[test]
fn a_build_killed_at_any_point_leaves_the_old_or_the_new_site() {
    let p = Project::new();
    p.copy_fixture("two-outlets").bundled_actors();
    let out = p.beside("site");
    let expect = p.beside("expect");
    let started = std::time::Instant::now();
    bin::build_to(p.root(), &out).assert().success();
    let took = started.elapsed();
    let settings = fs::read_to_string(p.path("content/site.yaml")).unwrap();
    for round in 0..6u32 {
        let old = read_tree(&out);
        // The next site differs from the old one.
        p.file(
            "content/site.yaml",
            settings.replacen("title: \"", &format!("title: \"Round {round}: "), 1),
        );
        let _ = fs::remove_dir_all(&expect);
        bin::build_to(p.root(), &expect).assert().success();
        let new = read_tree(&expect);
        assert!(new != old);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .env("CI", "1")
            .args(["build", "--quiet", "--root"])
            .arg(p.root())
            .arg("--output")
            .arg(&out)
            .spawn()
            .unwrap();
        std::thread::sleep(took * round / 5);
        let _ = child.kill();
        let _ = child.wait();
        let now = read_tree(&out);
        assert!(
            now == old || now == new,
            "round {round}: the output is neither the old nor the new site"
        );
        // The next build finishes and leaves nothing behind.
        bin::build_to(p.root(), &out).assert().success();
        assert!(read_tree(&out) == new, "round {round}");
        assert!(
            leftovers(&p).is_empty(),
            "round {round}: {:?}",
            leftovers(&p)
        );
    }
}

#[test]
fn serve_output_follows_the_same_rules() {
    use std::io::{BufRead, BufReader};
    let p = project();
    let before = read_tree(around(&p));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .env("CI", "1")
        .args(["serve", "--port", "0", "--root"])
        .arg(p.root())
        .arg("--output")
        .arg(p.root())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read stderr until the refusal shows (or the server ends).
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut said = String::new();
    while let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(60)) {
        said.push_str(&line);
        said.push('\n');
        if line.contains("refusing") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        said.contains("refusing to build into .: it is the project folder itself"),
        "{said}"
    );
    assert!(read_tree(around(&p)) == before, "files changed:\n{said}");
}
