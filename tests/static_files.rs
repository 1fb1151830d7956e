//! The `static/` folder is copied into the site as it is; a default
//! favicon is shipped; a static file never silently replaces a generated
//! one; links out of the project are skipped with a warning.

mod support;

use std::fs;

use support::project::Project;

fn project() -> Project {
    let p = Project::new();
    p.file("content/site.yaml", "title: Static\nsources: []\n");
    p.file(
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2024-06-01\n---\n\nText.\n",
    );
    p
}

#[test]
fn static_files_are_copied_and_a_default_favicon_is_shipped() {
    let p = project();
    p.file(
        "static/img/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    p.file("static/files/report.pdf", b"%PDF-1.4 \x00\xff bytes");
    p.file("static/.DS_Store", "litter");
    let out = p.beside("public");
    dossier::build(p.root(), &out).unwrap();
    assert_eq!(
        fs::read(out.join("files/report.pdf")).unwrap(),
        b"%PDF-1.4 \x00\xff bytes"
    );
    assert!(out.join("img/logo.svg").is_file());
    assert!(!out.join(".DS_Store").exists());
    assert_eq!(
        fs::read(out.join("favicon.ico")).unwrap(),
        dossier::render::DEFAULT_FAVICON
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<link rel=\"icon\" href=\"favicon.ico\""));
    let article = fs::read_to_string(out.join("articles/a.html")).unwrap();
    assert!(article.contains("<link rel=\"icon\" href=\"../favicon.ico\""));
}

#[test]
fn a_static_favicon_replaces_the_default() {
    let p = project();
    p.file("static/favicon.ico", "mine");
    let out = p.beside("public");
    dossier::build(p.root(), &out).unwrap();
    assert_eq!(fs::read(out.join("favicon.ico")).unwrap(), b"mine");
}

#[test]
fn a_static_file_at_a_generated_path_is_an_error_naming_both() {
    let p = project();
    p.file("static/index.html", "<p>mine</p>");
    let out = p.beside("public");
    let err = dossier::build(p.root(), &out).unwrap_err().to_string();
    assert!(
        err.contains("static/index.html") && err.contains("generated file index.html"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_project_is_skipped_with_a_warning() {
    let p = project();
    let secret = p.beside("secret.txt");
    fs::write(&secret, "outside").unwrap();
    p.folder("static");
    std::os::unix::fs::symlink(&secret, p.path("static/secret.txt")).unwrap();
    p.file("inside.txt", "inside");
    std::os::unix::fs::symlink(p.path("inside.txt"), p.path("static/inside.txt")).unwrap();
    let out = p.beside("public");
    let report = dossier::build(p.root(), &out).unwrap();
    assert!(!out.join("secret.txt").exists());
    assert_eq!(
        fs::read_to_string(out.join("inside.txt")).unwrap(),
        "inside"
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.to_string().contains("static/secret.txt")),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn the_output_may_not_be_inside_static() {
    let p = project();
    p.file("static/logo.svg", "<svg/>");
    let err = dossier::build(p.root(), &p.path("static/public"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("static/"), "{err}");
    assert!(!p.path("static/public").exists());
}
