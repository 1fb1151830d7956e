//! Analyst notes and periodic briefings through the whole pipeline, on
//! small projects written here: notes render on their period's briefing with
//! automatic and explicit links, and bad notes fail the build with an error
//! naming the file and line, leaving the previous site in place.

mod support;

use std::fs;
use std::path::Path;

use support::project::Project;

const ACTORS: &str = "\
- id: belarus
  name: Belarus
  kind: country
- id: minsk
  name: Minsk
  kind: place
  country: belarus
- id: ivan-petrov
  name: Ivan Petrov
  kind: person
  country: belarus
- id: lena-varga
  name: Lena Varga
  kind: person
";

/// A weekly project with two articles in different weeks.
fn project(period: &str) -> Project {
    let project = Project::new();
    project
        .file(
            "content/site.yaml",
            format!("title: Test desk\nperiod: {period}\nsources: []\n"),
        )
        .file("content/actors.yaml", ACTORS)
        .file(
            "content/articles/minsk-talks.md",
            "---\ntitle: Petrov and Varga meet in Minsk\npublished: 2024-12-31\noutlet: Evening Post\n---\n\
         Defence Minister Ivan Petrov met Lena Varga in Minsk on Monday, the ministry said.\n\
         The two discussed border exercises planned for the spring.\n",
        )
        .file(
            "content/articles/follow-up.md",
            "---\ntitle: Varga returns home\npublished: 2025-01-09\noutlet: Morning Wire\n---\n\
         Lena Varga returned from Minsk on Wednesday after two days of talks.\n",
        );
    project
}

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_note_renders_on_its_weekly_briefing_with_links() {
    let project = project("week");
    let root = project.root();
    project.file(
        "content/notes/first-week.md",
        "---\ntitle: Why Minsk matters\ndate: 2025-01-02\nauthor: Desk\n---\n\
         Ivan Petrov chose Minsk for the talks on 30 December 2024.\n\n\
         See [[actor:lena-varga|Varga]] and [[article:minsk-talks]].\n",
    );
    // A note for a week with no events and no articles still makes a briefing.
    project.file(
        "content/notes/quiet.md",
        "---\ntitle: A quiet week\nperiod: 2025-W05\n---\nNothing to report.\n",
    );
    let out = root.join("public");
    dossier::build(root, &out).expect("builds");

    // 30 December 2024 to 5 January 2025 is week 1 of 2025.
    let w1 = read(&out, "briefings/2025-W01.html");
    assert!(w1.contains("Week 1, 2025 (30 Dec – 5 Jan)"), "{w1}");
    assert!(w1.contains("Why Minsk matters"));
    assert!(
        w1.contains(r#"href="../people/ivan-petrov.html""#),
        "automatic link"
    );
    assert!(
        w1.contains(r#"href="../places/minsk.html""#),
        "automatic link"
    );
    assert!(
        w1.contains(r#"<time class="timex" datetime="2024-12-30""#),
        "date markup: {w1}"
    );
    assert!(
        w1.contains(r#"href="../people/lena-varga.html">Varga</a>"#),
        "explicit link with label"
    );
    assert!(
        w1.contains(r#"href="../articles/minsk-talks.html""#),
        "explicit article link"
    );
    // Previous/next run through every briefing, in order.
    assert!(w1.contains(r#"href="../briefings/2025-W02.html""#), "next");
    let w2 = read(&out, "briefings/2025-W02.html");
    assert!(
        w2.contains(r#"href="../briefings/2025-W01.html""#),
        "previous"
    );
    assert!(
        w2.contains(r#"href="../briefings/2025-W05.html""#),
        "next skips empty weeks"
    );
    let w5 = read(&out, "briefings/2025-W05.html");
    assert!(w5.contains("A quiet week"));
    // The home page leads with the latest briefing and links the archive.
    let home = read(&out, "index.html");
    assert!(home.contains(r#"href="briefings/2025-W05.html""#), "{home}");
    assert!(home.contains(r#"href="briefings/index.html""#));
    let archive = read(&out, "briefings/index.html");
    let newest = archive.find("2025-W05.html").expect("W05 listed");
    let oldest = archive.find("2025-W01.html").expect("W01 listed");
    assert!(newest < oldest, "archive is newest first");
}

#[test]
fn quarterly_notes_may_name_a_month() {
    let project = project("quarter");
    let root = project.root();
    project.file(
        "content/notes/q.md",
        "---\ntitle: Quarter review\nperiod: 2025-01\n---\nA slow start to the year.\n",
    );
    let out = root.join("public");
    dossier::build(root, &out).expect("builds");
    assert!(read(&out, "briefings/2025-Q1.html").contains("Quarter review"));
    assert!(read(&out, "briefings/2024-Q4.html").contains("Q4 2024"));
}

fn build_error(root: &Path) -> String {
    let out = root.join("public");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("keep.txt"), "previous site").expect("write");
    // A previous site carries the marker of the build that wrote it.
    fs::write(
        out.join(dossier::write::MARKER),
        dossier::write::MARKER_TEXT,
    )
    .expect("write");
    let e = dossier::build(root, &out).expect_err("the build fails");
    assert_eq!(
        fs::read_to_string(out.join("keep.txt")).ok().as_deref(),
        Some("previous site"),
        "the previous site is left alone"
    );
    e.to_string()
}

#[test]
fn a_link_to_a_missing_target_fails_the_build_naming_file_and_line() {
    let project = project("month");
    let root = project.root();
    project.file(
        "content/notes/bad-link.md",
        "---\ntitle: Typo\nperiod: 2025-01\n---\nFirst paragraph.\n\nThen [[actor:lena-vargas]] again.\n",
    );
    let e = build_error(root);
    assert!(e.contains("content/notes/bad-link.md:7:"), "{e}");
    assert!(e.contains("lena-vargas") && e.contains("lena-varga"), "{e}");
}

#[test]
fn bad_front_matter_fails_the_build_naming_file_and_line() {
    let project = project("month");
    let root = project.root();
    project.file(
        "content/notes/no-title.md",
        "---\nperiod: 2025-01\n---\nBody.\n",
    );
    project.file(
        "content/notes/bad-period.md",
        "---\ntitle: T\nauthor: Desk\nperiod: 2025-14\n---\nBody.\n",
    );
    project.file(
        "content/notes/bad-yaml.md",
        "---\ntitle: T\ntags: [a, b\nperiod: 2025-01\n---\nBody.\n",
    );
    let e = build_error(root);
    assert!(
        e.contains("content/notes/no-title.md:1:") && e.contains("title"),
        "{e}"
    );
    assert!(
        e.contains("content/notes/bad-period.md:4:") && e.contains("2025-14"),
        "{e}"
    );
    assert!(
        e.contains("content/notes/bad-yaml.md:") && e.contains("malformed YAML"),
        "{e}"
    );
}

#[test]
fn check_reports_note_errors_without_panicking_on_odd_files() {
    let project = project("month");
    let root = project.root();
    project.file("content/notes/empty.md", "");
    project.file("content/notes/latin1.md", b"---\ntitle: Caf\xe9\n---\n");
    project.file("content/notes/list.md", "---\n- a\n- b\n---\nBody\n");
    let analysis = dossier::analyse(root).expect("analysis runs");
    let shown: Vec<String> = analysis
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    for file in ["empty.md", "latin1.md", "list.md"] {
        assert!(
            shown
                .iter()
                .any(|d| d.contains(&format!("content/notes/{file}")) && d.contains("error")),
            "{file}: {shown:?}"
        );
    }
}
