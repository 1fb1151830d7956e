//! The search index of the bundled project: its people, events and
//! articles are documents, spellings are searchable names, bodies are cut to
//! the lead.

use std::path::Path;

use dossier::search;

/// The bundle is `window.dossierSearch = {json};`: take the JSON back.
fn parse(script: &str) -> serde_json::Value {
    let json = script
        .strip_prefix("window.dossierSearch = ")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("bundle shape");
    serde_json::from_str(json).expect("valid JSON")
}

/// The documents an index term points at.
fn term_docs<'a>(
    v: &'a serde_json::Value,
    field: &str,
    term: &str,
) -> Option<&'a serde_json::Value> {
    let mut node = &v["index"]["index"][field]["root"];
    for c in term.chars() {
        node = node.get(c.to_string())?;
    }
    node.get("docs")
}

#[test]
fn the_seed_index_holds_their_people_and_events() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let analysis = dossier::analyse(root).expect("the bundled project analyses");
    let site = dossier::briefing::build(&analysis);
    let docs = search::documents(&site);
    let find = |kind: search::DocKind, needle: &str| {
        docs.iter()
            .any(|d| d.kind == kind && d.title.contains(needle))
    };
    for person in ["Shoigu", "Kim Jong Un", "Choe Son Hui", "Belousov"] {
        assert!(find(search::DocKind::Person, person), "no person {person}");
    }
    assert_eq!(
        docs.iter()
            .filter(|d| d.kind == search::DocKind::Event)
            .count(),
        site.events.len()
    );
    assert_eq!(
        docs.iter()
            .filter(|d| d.kind == search::DocKind::Article)
            .count(),
        analysis.articles.len()
    );
    // Shoigu's spellings in the seeds are searchable names.
    let shoigu = docs
        .iter()
        .find(|d| d.kind == search::DocKind::Person && d.title.contains("Shoigu"))
        .unwrap();
    assert!(
        shoigu.names.iter().any(|n| n.contains("Sergey")),
        "{shoigu:?}"
    );
    // Every event with participants lists them as names.
    assert!(docs
        .iter()
        .filter(|d| d.kind == search::DocKind::Event)
        .any(|d| d.names.iter().any(|n| n.contains("Shoigu"))));
    // Article bodies are cut to the lede.
    assert!(docs
        .iter()
        .filter(|d| d.kind == search::DocKind::Article)
        .all(|d| d.body.split_whitespace().count() <= search::BODY_WORDS));
    let position = docs.iter().position(|d| d == shoigu).unwrap();
    let v = parse(&search::bundle_script(&docs).unwrap());
    assert!(term_docs(&v, "names", "shoigu").is_some_and(|d| d.get(position.to_string()).is_some()));
}
