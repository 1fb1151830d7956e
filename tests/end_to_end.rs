//! End to end over a fixture project written for the tests: one summit
//! reported by two outlets in different words, with a general missing from
//! the knowledge base whose name is one syllable off Kim Jong Un's.
//!
//! The fixture uses the repository's knowledge base, as a real project would.

mod support;

use std::collections::BTreeSet;

use dossier::corpus::{EventKind, EventStatus};
use dossier::Analysis;

use support::project::Project;

fn fixture_project() -> Project {
    let project = Project::new();
    project.copy_fixture("two-outlets").bundled_actors();
    project
}

fn analyse() -> Analysis {
    let project = fixture_project();
    dossier::analyse(project.root()).expect("fixture analyses")
}

#[test]
fn the_unknown_general_is_not_kim_jong_un() {
    let analysis = analyse();
    let gyu: BTreeSet<&str> = analysis
        .articles
        .iter()
        .flat_map(|a| &a.actors.mentions)
        .filter(|m| m.text.contains("Jong Gyu"))
        .map(|m| m.actor.as_str())
        .collect();
    assert_eq!(gyu.len(), 1, "one actor for both articles: {gyu:?}");
    let id = *gyu.iter().next().unwrap();
    assert_ne!(id, "kim-jong-un");
    let actor = analysis.registry.get(id).expect("the general has an actor");
    assert!(!actor.curated, "he is not in the knowledge base");
    assert_eq!(actor.name, "Kim Jong Gyu");
    // And every spelling of the leader still lands on the leader.
    for a in &analysis.articles {
        for m in &a.actors.mentions {
            if m.text.starts_with("Kim Jong-un") || m.text == "Kim Jong Un" {
                assert_eq!(m.actor, "kim-jong-un", "{}", m.text);
            }
        }
    }
}

#[test]
fn the_signing_reported_by_two_outlets_is_one_event() {
    let analysis = analyse();
    let signings: Vec<_> = analysis
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Signing)
        .collect();
    assert_eq!(signings.len(), 1, "{signings:#?}");
    let signing = signings[0];
    assert_eq!(signing.date.as_ref().unwrap().value, "2024-06-19");
    assert_eq!(signing.place.as_deref(), Some("pyongyang"));
    for p in ["vladimir-putin", "kim-jong-un"] {
        assert!(signing.participants.iter().any(|x| x == p), "{p}");
    }
    let outlets: BTreeSet<&str> = signing.sources.iter().map(|s| s.article.as_str()).collect();
    assert_eq!(outlets.len(), 2, "cited from both articles");
}

#[test]
fn dates_are_anchored_to_each_articles_publication_date() {
    let analysis = analyse();
    let value = |article: &str, text: &str| -> String {
        let a = analysis
            .articles
            .iter()
            .find(|a| a.article.id == article)
            .unwrap();
        a.timexes
            .iter()
            .find(|t| t.text == text)
            .unwrap_or_else(|| panic!("{text:?} in {article}"))
            .value
            .clone()
    };
    // "on Wednesday" in an article of Thursday 20 June is the day before.
    assert_eq!(value("pyongyang-summit-daily", "Wednesday"), "2024-06-19");
    assert_eq!(value("pyongyang-summit-wire", "Wednesday"), "2024-06-19");
    // "expected to travel on … Thursday" is the next day, not last week's.
    assert_eq!(value("pyongyang-summit-wire", "Thursday"), "2024-06-20");
    // "in 24 years" is a duration, never a date.
    assert_eq!(value("pyongyang-summit-daily", "24 years"), "P24Y");
}

#[test]
fn an_expected_ratification_is_planned_and_names_no_bystander() {
    let analysis = analyse();
    for e in &analysis.events {
        if e.kind == EventKind::Ratification {
            assert_eq!(e.status, EventStatus::Planned);
            assert!(
                !e.participants.iter().any(|p| p == "sergei-lavrov"),
                "Lavrov does not ratify anything in the text: {e:#?}"
            );
        }
    }
}

#[test]
fn the_site_builds_and_links_the_unknown_general() {
    let project = fixture_project();
    let out = project.beside("site");
    dossier::build(project.root(), &out).expect("fixture builds");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/dossier.json")).unwrap())
            .unwrap();
    let actor = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Kim Jong Gyu")
        .expect("the general is exported");
    let url = actor["url"].as_str().unwrap();
    assert!(out.join(url).is_file(), "{url} exists");
}
