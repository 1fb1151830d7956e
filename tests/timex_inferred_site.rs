//! End to end: a raw article with a dateline but no metadata gets an
//! inferred publication date, with its evidence, in the export and in
//! `dossier check`.

mod support;

use support::bin;
use support::project::fixture;

#[test]
fn a_raw_kcna_article_gets_an_inferred_date_with_evidence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    dossier::build(&fixture("inferred-date"), &out).expect("build");
    let json = std::fs::read_to_string(out.join("data/dossier.json")).expect("export");
    let export: serde_json::Value = serde_json::from_str(&json).expect("json");
    let articles = export["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    // 17 September fell on a Sunday in 2017 and 2023; Shoigu was Defence
    // Minister until May 2024, so the latest agreeing year is 2023.
    assert_eq!(a["published"], "2023-09-17", "{a:#}");
    assert_eq!(a["published_inferred"], true);
    let evidence = a["published_evidence"].as_str().expect("evidence");
    for needle in ["dateline", "Sunday", "Shoigu"] {
        assert!(evidence.contains(needle), "{needle:?} not in {evidence:?}");
    }
    // Relative dates resolve against the inferred date.
    let timexes = a["timexes"].as_array().expect("timexes");
    let value_of = |text: &str| {
        timexes
            .iter()
            .find(|t| t["text"] == text)
            .map(|t| t["value"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(value_of("Sunday").as_deref(), Some("2023-09-17"));
    assert_eq!(value_of("Tuesday").as_deref(), Some("2023-09-19"));
}

#[test]
fn check_reports_the_inferred_date() {
    let out = bin::check(fixture("inferred-date"))
        .output()
        .expect("run check");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("2023-09-17"), "{text}");
    assert!(text.to_lowercase().contains("inferred"), "{text}");
}
