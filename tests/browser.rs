//! Real-browser tests: build the bundled project, then let headless Chromium
//! (Debian's), axe-core and the Nu HTML checker look at it through
//! `tests/browser/check-site.mjs`.
//!
//! They need `chromium`, `java` and `npm ci` in tests/browser, which `.ci/run`
//! installs. Without them the test says so and passes, unless
//! DOSSIER_REQUIRE_BROWSER is set (as CI does), where it fails.

use std::path::Path;
use std::process::Command;

fn missing_tools(dir: &Path) -> Vec<&'static str> {
    let mut missing = Vec::new();
    let works = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    };
    if !works("node", "--version") {
        missing.push("node");
    }
    if !works("java", "-version") {
        missing.push("java");
    }
    if !Path::new("/usr/bin/chromium").exists() && std::env::var_os("CHROMIUM").is_none() {
        missing.push("chromium (apt-get install chromium)");
    }
    if !dir.join("node_modules/playwright-core").exists() {
        missing.push("npm packages (cd tests/browser && npm ci)");
    }
    missing
}

#[test]
fn built_site_passes_browser_accessibility_and_html_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = root.join("tests/browser");
    let missing = missing_tools(&browser_dir);
    if !missing.is_empty() {
        let msg = format!("browser tests need: {}", missing.join(", "));
        if std::env::var_os("DOSSIER_REQUIRE_BROWSER").is_some() {
            panic!("{msg}");
        }
        eprintln!("SKIPPED {msg} (set DOSSIER_REQUIRE_BROWSER=1 to make this an error)");
        return;
    }

    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    dossier::build(root, &site).expect("the bundled project builds");
    check_in_browser(&browser_dir, &site, &root.join("target/browser-shots"));

    // The same project with short pages and tagged articles, so that
    // paginated pages and tag pages are checked too.
    let project = out.path().join("paged");
    copy_tree(&root.join("content"), &project.join("content"));
    copy_tree(&root.join("seeds"), &project.join("seeds"));
    copy_tree(
        &root.join("tests/fixtures/two-outlets/content/articles"),
        &project.join("content/articles"),
    );
    let settings = project.join("content/site.yaml");
    let mut yaml = std::fs::read_to_string(&settings).unwrap();
    yaml.push_str("\npaginate: 3\n");
    std::fs::write(&settings, yaml).unwrap();
    let paged = out.path().join("paged-site");
    dossier::build(&project, &paged).expect("the paged project builds");
    check_in_browser(
        &browser_dir,
        &paged,
        &root.join("target/browser-shots/paged"),
    );
}

fn check_in_browser(browser_dir: &Path, site: &Path, shots: &Path) {
    let result = Command::new("node")
        .arg(browser_dir.join("check-site.mjs"))
        .arg(site)
        .arg(shots)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&result.stdout);
    let stderr = String::from_utf8_lossy(&result.stderr);
    println!("{stdout}");
    assert!(
        result.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).unwrap();
    }
}
