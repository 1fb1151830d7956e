//! The five bundled seed articles through the ingest stage: titles,
//! chrome removal, datelines, source lines and metadata.

mod support;

use std::path::Path;

use dossier::config;
use dossier::corpus::{Article, SourceFormat};
use dossier::ingest::{load_corpus, Corpus};

use support::project::Project;

fn corpus() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = config::load(root).expect("site.yaml");
    load_corpus(root, &config).expect("seeds load")
}

fn article<'c>(corpus: &'c Corpus, file: &str) -> &'c Article {
    corpus
        .articles
        .iter()
        .find(|a| a.source_path == format!("seeds/{file}"))
        .unwrap_or_else(|| panic!("{file} not loaded"))
}

/// Lines of page chrome from the seed pages; none may survive in any text.
const CHROME: &[&str] = &[
    "All news",
    "Skip to main content",
    "Advertisement",
    "Live broadcast",
    "Photo: REUTERS/KCNA",
    "Озвучить текст",
    "Select important",
    "All important news is on the Izvestia channel",
    "Переведено сервисом",
    "Abstract representation of unity",
    "Original Source",
    "Leave a Reply",
    "Your email address",
    "Related Articles",
    "Back to top button",
];

#[test]
fn all_five_seeds_load_sorted_with_ids_and_metadata() {
    let c = corpus();
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "000-9654a2be2c4a8f76",
            "001-4cbcebef65350c0e",
            "002-b7a8cacf247b1b2b",
            "003-d3e6afeef45c155d",
            "004-b3ce6d985c024484",
        ]
    );
    let published: Vec<String> = c
        .articles
        .iter()
        .map(|a| a.published.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        published,
        vec![
            "2023-07-27",
            "2025-11-08",
            "2025-05-29",
            "2024-11-29",
            "2023-09-17"
        ]
    );
    let outlets: Vec<Option<&str>> = c.articles.iter().map(|a| a.outlet.as_deref()).collect();
    assert_eq!(
        outlets,
        vec![
            Some("TASS"),
            Some("Izvestia"),
            Some("NK News"),
            None,
            Some("EFE")
        ]
    );
    assert!(c.articles.iter().all(|a| a.format == SourceFormat::Raw));
    assert_eq!(
        article(&c, "001_4cbcebef65350c0e.txt")
            .translated_from
            .as_deref(),
        Some("ru")
    );
    // No warnings about the bundled content.
    assert!(
        c.diagnostics
            .iter()
            .all(|d| d.severity < dossier::corpus::diagnostics::Severity::Warning),
        "{:?}",
        c.diagnostics
    );
}

#[test]
fn titles() {
    let c = corpus();
    let titles: Vec<&str> = c.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "North Korean defense minister backs Russian military, people",
            "Deputy Defense Minister of the Russian Federation discussed the development of cooperation with the Minister of Defense of the DPRK",
            "Shoigu Commends North Korea’s Military Support During Moscow Meeting",
            "The friendly ties of Russia and the DPRK are actively expanding in all directions",
            "Kim, Shoigu discuss boosting North Korea-Russia military cooperation: KCNA",
        ]
    );
    // Seed 003 has no headline: its title is derived and said to be.
    assert!(c.diagnostics.iter().any(|d| d.code == "derived-title"
        && d.file.as_deref() == Some("seeds/003_d3e6afeef45c155d.txt")));
    // The headline is not repeated as the first paragraph.
    let a = article(&c, "004_b3ce6d985c024484.txt");
    assert!(a.text.starts_with("Seoul, Sep 17 (EFE).-"));
}

#[test]
fn no_chrome_survives() {
    let c = corpus();
    for a in &c.articles {
        for chrome in CHROME {
            assert!(!a.text.contains(chrome), "{}: `{chrome}` survived", a.id);
        }
        for para in a.text.split("\n\n") {
            assert_ne!(para.trim(), "0", "{}: lone counter survived", a.id);
            assert_eq!(para, para.trim(), "{}: untrimmed paragraph", a.id);
            assert!(!para.is_empty(), "{}: empty paragraph", a.id);
            assert!(!para.contains("  "), "{}: double space", a.id);
        }
        assert!(!a.text.contains("\n\n\n"), "{}", a.id);
    }
    // The agency sign-off is gone, the sentence before it kept.
    let efe = article(&c, "004_b3ce6d985c024484.txt");
    assert!(efe
        .text
        .ends_with("it is not yet known which day he will leave the country."));
}

#[test]
fn datelines_and_source_lines() {
    let c = corpus();
    let tass = article(&c, "000_9654a2be2c4a8f76.txt");
    let d = tass.dateline.as_ref().expect("TASS dateline");
    assert_eq!(d.place, "TOKYO");
    assert_eq!(d.date_text.as_deref(), Some("July 27"));
    assert_eq!(d.agency.as_deref(), Some("TASS"));
    assert_eq!(&tass.text[d.span.clone()], "TOKYO, July 27. /TASS/.");

    let efe = article(&c, "004_b3ce6d985c024484.txt");
    let d = efe.dateline.as_ref().expect("EFE dateline");
    assert_eq!(
        (
            d.place.as_str(),
            d.date_text.as_deref(),
            d.agency.as_deref()
        ),
        ("Seoul", Some("Sep 17"), Some("EFE"))
    );
    assert_eq!(&efe.text[d.span.clone()], "Seoul, Sep 17 (EFE).-");

    let nk = article(&c, "002_b7a8cacf247b1b2b.txt");
    assert_eq!(nk.original_source.as_deref(), Some("www.nknews.org"));
    for file in [
        "001_4cbcebef65350c0e.txt",
        "002_b7a8cacf247b1b2b.txt",
        "003_d3e6afeef45c155d.txt",
    ] {
        assert_eq!(article(&c, file).dateline, None, "{file}");
    }
}

#[test]
fn body_text_stays_faithful() {
    let c = corpus();
    // Machine-translation damage is kept for later stages to resolve.
    let t003 = &article(&c, "003_d3e6afeef45c155d.txt").text;
    assert!(t003.contains("the Minister of Defense DPRK BUT, Gwan Chol called"));
    assert!(t003.contains("Russian -Korean relations"));
    // One line per paragraph in 003 (it has no blank lines).
    assert_eq!(t003.split("\n\n").count(), 11);
    // The standfirst under the TASS headline stays.
    let t000 = &article(&c, "000_9654a2be2c4a8f76.txt").text;
    assert!(t000.starts_with("Kang Sun-nam expressed support for"));
    let t001 = &article(&c, "001_4cbcebef65350c0e.txt").text;
    assert!(t001.starts_with("On November 8, Russian Deputy Defense Minister"));
    assert!(t001.ends_with("in the common struggle for justice."));
}

#[test]
fn cleaning_never_panics_on_truncated_or_mangled_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(root.join("seeds")).expect("seeds") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("utf-8");
        let cuts = text
            .char_indices()
            .map(|(i, _)| i)
            .step_by(53)
            .chain([text.len()]);
        for cut in cuts {
            let part = &text[..cut];
            let cleaned = dossier::ingest::raw::clean(part);
            if let Some(d) = cleaned.dateline {
                assert!(cleaned.text.get(d.span).is_some());
            }
            let _ = dossier::markup::markdown::render_annotated(part, &[]);
            let _ = dossier::ingest::raw::clean(&part.replace('\n', "\r\n"));
        }
    }
}

#[test]
fn a_markdown_article_end_to_end() {
    let project = Project::new();
    project.file(
        "content/articles/2024/port-call.md",
        "---\ntitle: \"Training ship makes port call\"\npublished: 2024-08-14\noutlet: Example Wire\n\
         url: https://example.org/port-call\nlanguage: en\ntags: [navy]\n---\n\
         VLADIVOSTOK, Aug. 14 (Example Wire) - A training ship of the *Pacific Fleet* arrived\n\
         at the port on Wednesday, [the fleet](https://example.org/fleet) said.\n\n\
         ## Programme\n\n- A wreath-laying ceremony\n- A football match between the crews\n",
    );
    let corpus =
        load_corpus(project.root(), &dossier::config::SiteConfig::default()).expect("loads");
    let a = corpus.articles.first().expect("one article");
    assert_eq!(a.id, "port-call");
    assert_eq!(a.source_path, "content/articles/2024/port-call.md");
    assert_eq!(a.format, SourceFormat::Markdown);
    assert_eq!(a.title, "Training ship makes port call");
    assert_eq!(a.tags, vec!["navy"]);
    assert_eq!(
        a.text,
        "VLADIVOSTOK, Aug. 14 (Example Wire) - A training ship of the Pacific Fleet arrived at the port on Wednesday, the fleet said.\n\nProgramme\n\nA wreath-laying ceremony\n\nA football match between the crews"
    );
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(
        &a.text[d.span.clone()],
        "VLADIVOSTOK, Aug. 14 (Example Wire) -"
    );
    assert!(a
        .markdown
        .as_deref()
        .is_some_and(|m| m.contains("## Programme")));
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
}
