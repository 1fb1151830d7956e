//! Places from the open gazetteer, end to end: a fixture project whose
//! articles are about meetings in Nairobi, Hanoi and Paris (France and
//! Texas) gets place pages for them, with their countries and the GeoNames
//! attribution, and its events take them as their places. Its knowledge
//! base lists Kenya and Mombasa, which keep their knowledge-base pages.

mod support;

use std::collections::BTreeMap;

use support::project::Project;
use support::tree::read_text_tree;

fn build() -> BTreeMap<String, String> {
    let project = Project::new();
    project.copy_fixture("places");
    let out = project.beside("public");
    dossier::build(project.root(), &out).unwrap();
    read_text_tree(&out)
}

#[test]
fn gazetteer_places_get_pages_with_their_country_and_source() {
    let site = build();
    for page in [
        "places/nairobi-ke.html",
        "places/hanoi-vn.html",
        "places/paris-fr.html",
        "places/paris-us.html",
        "places/texas-us.html",
        "places/vietnam.html",
        "places/france.html",
        "places/united-states.html",
    ] {
        assert!(
            site.contains_key(page),
            "no {page}: {:?}",
            site.keys()
                .filter(|k| k.starts_with("places/"))
                .collect::<Vec<_>>()
        );
    }
    let nairobi = &site["places/nairobi-ke.html"];
    assert!(nairobi.contains("From GeoNames"), "{nairobi}");
    // Kenya is the knowledge base's: the city links to its page, and the
    // gazetteer's Kenya and Mombasa get none.
    assert!(nairobi.contains("kenya-kb.html"), "{nairobi}");
    assert!(site.contains_key("places/kenya-kb.html"));
    assert!(site.contains_key("places/mombasa-kb.html"));
    assert!(!site.contains_key("places/kenya.html"));
    assert!(!site.contains_key("places/mombasa-ke.html"));
    let paris_us = &site["places/paris-us.html"];
    assert!(paris_us.contains("united-states.html"), "{paris_us}");
    assert!(paris_us.contains("Texas"), "{paris_us}");
    // The places index lists them.
    let index = &site["places/index.html"];
    for name in ["Nairobi", "Hanoi", "Paris", "Texas"] {
        assert!(index.contains(name), "{name} not in the places index");
    }
    // "Nice" the city is a place; "nice" the word and "split" are not.
    assert!(site.contains_key("places/nice-fr.html"));
    assert!(!site.keys().any(|k| k.starts_with("places/split")));
}

#[test]
fn events_take_gazetteer_places_as_their_place() {
    let site = build();
    let json = &site["data/dossier.json"];
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let places: Vec<(String, String)> = data["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["title"].as_str().unwrap_or("").to_string(),
                e["place"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        places.iter().any(|(_, p)| p == "nairobi-ke"),
        "no event in Nairobi: {places:?}"
    );
    assert!(
        places.iter().any(|(_, p)| p == "hanoi-vn"),
        "no event in Hanoi: {places:?}"
    );
}
