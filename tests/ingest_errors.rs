//! Every kind of bad input to the ingest stage gives an error naming the
//! file and, where there is one, the line — never a panic.

mod support;

use std::path::Path;

use dossier::config::{self, SiteConfig};
use dossier::corpus::diagnostics::Severity;
use dossier::ingest::{load_corpus, Corpus, IngestError};

use support::project::Project;

const BODY: &str =
    "The two navies held a joint drill off the coast on Tuesday, the ministry said.\n";

/// An empty project with the two folders the ingest stage reads.
fn project() -> Project {
    let project = Project::new();
    project.folder("content/articles").folder("seeds");
    project
}

fn load(project: &Project) -> Result<Corpus, IngestError> {
    load_corpus(project.root(), &SiteConfig::default())
}

fn error(project: &Project) -> String {
    match load(project) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

/// A project of one raw seed, `seeds/a.txt`, and `metadata` for it in
/// `content/metadata.yaml`.
fn with_metadata(metadata: &str) -> Project {
    let project = project();
    project
        .file(
            "seeds/a.txt",
            format!("Navy chiefs meet in Vladivostok\n\n{BODY}"),
        )
        .file("content/metadata.yaml", metadata);
    project
}

/// The ingest error for a project holding just `file` = `contents`.
fn error_with(file: &str, contents: impl AsRef<[u8]>) -> String {
    let project = project();
    project.file(file, contents);
    error(&project)
}

#[test]
fn malformed_front_matter_yaml_names_the_file_line() {
    let e = error_with(
        "content/articles/drill.md",
        format!("---\ntitle: Joint drill\ntags: [navy\npublished: 2024-05-02\n---\n{BODY}"),
    );
    assert!(e.starts_with("content/articles/drill.md:"), "{e}");
    assert!(e.contains("malformed YAML"), "{e}");
    // The error is reported within the front matter (lines 2-4), in file lines.
    let line: usize = e
        .split(':')
        .nth(1)
        .and_then(|l| l.parse().ok())
        .expect("line number");
    assert!((3..=5).contains(&line), "{e}");
}

#[test]
fn missing_title_is_an_error() {
    let e = error_with(
        "content/articles/untitled.md",
        format!("---\npublished: 2024-05-02\n---\n{BODY}"),
    );
    assert!(e.starts_with("content/articles/untitled.md:1:"), "{e}");
    assert!(e.contains("title"), "{e}");
}

#[test]
fn wrong_type_names_the_field_line() {
    let e = error_with(
        "content/articles/when.md",
        format!("---\ntitle: Joint drill\noutlet: Example Wire\npublished: yesterday\n---\n{BODY}"),
    );
    assert!(e.starts_with("content/articles/when.md:4:"), "{e}");
    assert!(e.contains("published") && e.contains("yesterday"), "{e}");
}

#[test]
fn invalid_utf8_names_the_line_of_the_first_bad_byte() {
    let mut bytes = b"Navy chiefs meet in Vladivostok\n\nThe commanders met on Tuesday.\n".to_vec();
    bytes.extend_from_slice(b"Third line \xff\xfe broken.\n");
    let e = error_with("seeds/broken.txt", bytes);
    assert_eq!(
        e,
        "seeds/broken.txt: not valid UTF-8 (first bad byte at line 4)"
    );
}

#[test]
fn empty_files_are_errors() {
    assert_eq!(
        error_with("seeds/blank.txt", "  \n\n"),
        "seeds/blank.txt: the file is empty"
    );
    assert_eq!(
        error_with("content/articles/blank.md", ""),
        "content/articles/blank.md: the file is empty"
    );
}

#[test]
fn a_page_of_nothing_but_chrome_is_an_error() {
    let e = error_with(
        "seeds/chrome.txt",
        "Skip to main content\nAdvertisement\n0\n",
    );
    assert!(e.starts_with("seeds/chrome.txt:"), "{e}");
    assert!(e.contains("no article text"), "{e}");
}

#[test]
fn unterminated_front_matter_names_its_opening_line() {
    let e = error_with(
        "content/articles/open.md",
        format!("---\ntitle: Joint drill\n{BODY}"),
    );
    assert!(e.starts_with("content/articles/open.md:1:"), "{e}");
    assert!(e.contains("never closed"), "{e}");
}

#[test]
fn toml_front_matter_gets_a_clear_error() {
    let e = error_with(
        "content/articles/toml.md",
        format!("+++\ntitle = \"Joint drill\"\n+++\n{BODY}"),
    );
    assert!(e.starts_with("content/articles/toml.md:1:"), "{e}");
    assert!(e.contains("TOML"), "{e}");
}

#[test]
fn markdown_without_front_matter_is_an_error() {
    let e = error_with("content/articles/bare.md", BODY);
    assert!(e.starts_with("content/articles/bare.md:1:"), "{e}");
}

#[test]
fn malformed_metadata_yaml_names_its_line() {
    let project = with_metadata("seeds/a.txt:\n  outlet: Example Wire\n  published: [2024\n");
    let e = error(&project);
    assert!(e.starts_with("content/metadata.yaml:"), "{e}");
    assert!(e.contains("malformed YAML"), "{e}");
}

#[test]
fn wrong_type_in_metadata_yaml_names_its_line() {
    let project =
        with_metadata("# comment\nseeds/a.txt:\n  outlet: Example Wire\n  published: last week\n");
    let e = error(&project);
    assert!(e.starts_with("content/metadata.yaml:4:"), "{e}");
}

#[test]
fn metadata_for_a_missing_file_is_a_warning_with_its_line() {
    let project = with_metadata("seeds/a.txt:\n  published: 2024-05-02\n  outlet: Example Wire\n\nseeds/gone.txt:\n  published: 2024-05-03\n");
    let corpus = load(&project).expect("loads");
    let a = &corpus.articles[0];
    assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2024-05-02")
    );
    let d = corpus
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-file")
        .expect("warning");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.file.as_deref(), Some("content/metadata.yaml"));
    assert_eq!(d.line, Some(5));
    assert!(d.message.contains("seeds/gone.txt"));
}

#[test]
fn unknown_fields_are_kept_and_reported_with_their_line() {
    let project = project();
    project.file(
        "content/articles/drill.md",
        format!("---\ntitle: Joint drill\nauthor: Desk\ndate: 2024-05-02T09:30:00+09:00\nsource: Example Wire\n---\n{BODY}"),
    );
    let corpus = load(&project).expect("loads");
    let a = &corpus.articles[0];
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2024-05-02")
    );
    assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
    assert_eq!(a.extra.get("author"), Some(&serde_json::json!("Desk")));
    let d = corpus
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-field")
        .expect("reported");
    assert_eq!(d.file.as_deref(), Some("content/articles/drill.md"));
    assert_eq!(d.line, Some(3));
    assert!(d.message.contains("author"));
}

#[test]
fn colliding_ids_name_both_files() {
    let project = project();
    project.file(
        "seeds/Navy_Talks.txt",
        format!("Navy chiefs meet in Vladivostok\n\n{BODY}"),
    );
    project.file(
        "content/articles/navy-talks.md",
        format!("---\ntitle: Navy talks\n---\n{BODY}"),
    );
    let e = error(&project);
    assert!(e.contains("seeds/Navy_Talks.txt"), "{e}");
    assert!(e.contains("content/articles/navy-talks.md"), "{e}");
}

#[test]
fn drafts_are_skipped() {
    let project = project();
    project.file(
        "content/articles/draft.md",
        format!("---\ntitle: Not yet\ndraft: true\n---\n{BODY}"),
    );
    assert!(load(&project).expect("loads").articles.is_empty());
}

#[test]
fn site_config_errors_name_the_line() {
    let project = project();
    project.file(
        "content/site.yaml",
        "title: Briefing\nlanguage: en\nperiod: fortnight\n",
    );
    let e = config::load(project.root())
        .expect_err("bad period")
        .to_string();
    assert!(e.starts_with("content/site.yaml:3:"), "{e}");
    // An unknown field is not fatal: it is set aside with its line, for a
    // warning.
    project.file("content/site.yaml", "title: Briefing\ncolour: blue\n");
    let c = config::load(project.root()).expect("unknown fields are warnings");
    assert_eq!(c.unknown_fields[0].key, "colour");
    assert_eq!(c.unknown_fields[0].line, Some(2));
}

#[test]
fn the_bundled_site_yaml_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = config::load(root).expect("content/site.yaml loads");
    assert_eq!(config.title, "Russia–DPRK military contacts");
    assert_eq!(config.language, "en");
    assert_eq!(config.sources, vec![std::path::PathBuf::from("seeds")]);
}

#[test]
fn a_raw_file_without_metadata_still_loads_and_its_date_stamp_is_pointed_out() {
    let project = project();
    project.file(
        "seeds/talks.txt",
        format!("Navy chiefs meet in Vladivostok\n\nUpdated: 20 June 2024, 09:15\n\n{BODY}"),
    );
    let corpus = load(&project).expect("loads");
    let a = &corpus.articles[0];
    assert_eq!(a.published, None);
    assert_eq!(a.title, "Navy chiefs meet in Vladivostok");
    assert_eq!(a.text, BODY.trim());
    let d = corpus
        .diagnostics
        .iter()
        .find(|d| d.code == "no-publication-date")
        .expect("note");
    assert_eq!(d.line, Some(3));
    assert!(d.message.contains("20 June 2024"), "{}", d.message);
}
