//! Note parsing, periods and explicit links, against the hand-built sample
//! analysis of the briefing tests.

use super::*;
use crate::config::Period;
use crate::corpus::sample::sample_analysis;

fn parse_with(config: &SiteConfig, content: &str) -> Result<Note, Vec<NoteError>> {
    let analysis = sample_analysis();
    let targets = Targets::of_analysis(&analysis);
    parse("content/notes/n.md", content, config, &targets).map(|(n, _)| n)
}

fn parse_note(content: &str) -> Result<Note, Vec<NoteError>> {
    parse_with(&SiteConfig::default(), content)
}

fn first_error(content: &str) -> String {
    parse_note(content).unwrap_err()[0].to_string()
}

#[test]
fn a_note_with_a_period_or_a_date() {
    let n = parse_note("---\ntitle: Minsk talks\nperiod: 2024-03\nauthor: J. Analyst\ntags: [belarus]\n---\nBody.\n").unwrap();
    assert_eq!(n.period.to_string(), "2024-03");
    assert_eq!(n.author.as_deref(), Some("J. Analyst"));
    assert_eq!(n.tags, ["belarus"]);
    let n = parse_note("---\ntitle: Minsk talks\ndate: 2024-03-12\n---\nBody.\n").unwrap();
    assert_eq!(n.period.to_string(), "2024-03");
    let weekly = SiteConfig {
        period: Period::Week,
        ..SiteConfig::default()
    };
    let n = parse_with(&weekly, "---\ntitle: T\ndate: 2024-12-30\n---\nB\n").unwrap();
    assert_eq!(n.period.to_string(), "2025-W01");
}

#[test]
fn a_finer_period_maps_into_the_site_period_and_a_coarser_one_is_refused() {
    let quarterly = SiteConfig {
        period: Period::Quarter,
        ..SiteConfig::default()
    };
    let n = parse_with(&quarterly, "---\ntitle: T\nperiod: 2025-11\n---\nB\n").unwrap();
    assert_eq!(n.period.to_string(), "2025-Q4");
    let err = parse_note("---\ntitle: T\nperiod: 2025-Q4\n---\nB\n").unwrap_err();
    let shown = err[0].to_string();
    assert!(shown.starts_with("content/notes/n.md:3:"), "{shown}");
    assert!(shown.contains("2025-10"), "{shown}");
}

#[test]
fn front_matter_errors_name_the_file_and_line() {
    let e = first_error("---\nperiod: 2024-03\n---\nBody\n");
    assert!(
        e.starts_with("content/notes/n.md:1:") && e.contains("title"),
        "{e}"
    );
    let e = first_error("---\ntitle: T\n\nperiod: 2024-13\n---\nBody\n");
    assert!(
        e.starts_with("content/notes/n.md:4:") && e.contains("2024-13"),
        "{e}"
    );
    let e = first_error("---\ntitle: T\ndate: 12 March\n---\nBody\n");
    assert!(
        e.starts_with("content/notes/n.md:3:") && e.contains("YYYY-MM-DD"),
        "{e}"
    );
    let e = first_error("---\ntitle: T\n---\nBody\n");
    assert!(e.contains("`period`"), "{e}");
    let e = first_error("---\ntitle: [unclosed\nperiod: 2024-03\n---\nBody\n");
    assert!(
        e.starts_with("content/notes/n.md:") && e.contains("malformed YAML"),
        "{e}"
    );
    let e = first_error("No front matter here.\n");
    assert!(e.starts_with("content/notes/n.md:1:"), "{e}");
}

#[test]
fn explicit_links_resolve_with_default_or_given_labels() {
    let n = parse_note(
        "---\ntitle: T\nperiod: 2024-03\n---\nSee [[actor:ivan-petrov]] and [[event:e1|the Minsk meeting]],\nas [[article:a1]] reported.\n",
    )
    .unwrap();
    let labels: Vec<&str> = n.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels[0], "Ivan Petrov");
    assert_eq!(labels[1], "the Minsk meeting");
    let targets: Vec<(LinkKind, &str)> = n.links.iter().map(|l| (l.kind, l.id.as_str())).collect();
    assert_eq!(
        targets,
        vec![
            (LinkKind::Actor, "ivan-petrov"),
            (LinkKind::Event, "e1"),
            (LinkKind::Article, "a1")
        ]
    );
    // The plain text does not depend on where the links point.
    let md = n.markdown_with(|l| format!("../{}.html", l.id));
    assert!(md.contains("[Ivan Petrov](<../ivan-petrov.html>)"), "{md}");
    assert_eq!(
        crate::markup::markdown::plain_text(&n.markdown_with(|_| String::new())),
        crate::markup::markdown::plain_text(&md)
    );
}

#[test]
fn a_broken_link_fails_with_file_and_line() {
    let errors = parse_note(
        "---\ntitle: T\nperiod: 2024-03\n---\nFirst line.\n\nSee [[actor:ivan-petrow]].\nAnd [[event:nope]] and [[place:minsk]].\n",
    )
    .unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(shown[0].starts_with("content/notes/n.md:7:"), "{shown:?}");
    assert!(shown[0].contains("ivan-petrow"), "{shown:?}");
    assert!(shown[1].starts_with("content/notes/n.md:8:"), "{shown:?}");
    assert!(shown[2].contains("unknown link kind"), "{shown:?}");
    assert!(matches!(errors[0], NoteError::BrokenLink { line: 7, .. }));
}

#[test]
fn link_syntax_in_code_is_left_alone() {
    let n = parse_note(
        "---\ntitle: T\nperiod: 2024-03\n---\nWrite `[[actor:someone]]` to link.\n\n```\n[[event:nope]]\n```\n",
    )
    .unwrap();
    assert!(n.links.is_empty());
}

#[test]
fn labels_with_markdown_characters_stay_literal() {
    let n = parse_note("---\ntitle: T\nperiod: 2024-03\n---\n[[event:e1|*not* [bold]]]\n");
    // `]` ends the label, so this label is `*not* [bold`.
    let n = n.unwrap();
    let html = crate::markup::markdown::render_annotated(&n.markdown_with(|_| String::new()), &[]);
    assert!(html.contains("*not* [bold"), "{html}");
    assert!(!html.contains("<em>"), "{html}");
}
