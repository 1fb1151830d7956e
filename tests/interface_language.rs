//! The interface strings follow `language` in `site.yaml`: Russian is
//! shipped, a project adds or overrides a language in `i18n/<code>.yaml`,
//! an unknown language is English with a warning, and a key a project file
//! lacks is English.

mod support;

use std::fs;

use support::project::Project;

fn project(language: &str) -> Project {
    let p = Project::new();
    p.file(
        "content/site.yaml",
        format!("title: Контакты\nlanguage: {language}\nsources: []\npaginate: 2\n"),
    );
    for (n, day) in [(1, "2024-06-01"), (2, "2024-06-02"), (3, "2024-07-05")] {
        p.file(
            &format!("content/articles/a{n}.md"),
            format!("---\ntitle: Article {n}\ndate: {day}\noutlet: TASS\n---\n\nVladimir Putin met Kim Jong Un in Pyongyang on {day}.\n"),
        );
    }
    p
}

#[test]
fn russian_is_shipped_with_its_plurals_and_dates() {
    let p = project("ru");
    let out = p.beside("public");
    let report = dossier::build(p.root(), &out).unwrap();
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == "unknown-language"),
        "{:?}",
        report.diagnostics
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<html lang=\"ru\">"), "{home}");
    assert!(home.contains(">Главная</a>"), "{home}");
    assert!(home.contains(">Хронология</a>"));
    assert!(home.contains(">Главные события</h2>"));
    assert!(home.contains("3 статьи"), "three takes the 'few' form");
    // Dates in Russian words: a day takes the genitive month.
    assert!(home.contains("1 июня 2024"), "{home}");
    // Briefings are named in Russian too.
    assert!(home.contains(">июль 2024</a>"), "{home}");
    let briefing = fs::read_to_string(out.join("briefings/2024-07.html")).unwrap();
    assert!(
        briefing.contains("<title>Сводка: июль 2024 · Контакты</title>"),
        "{briefing}"
    );
    let articles = fs::read_to_string(out.join("articles/index.html")).unwrap();
    assert!(
        articles.contains("<title>Статьи · Контакты</title>"),
        "{articles}"
    );
    assert!(
        articles.contains("Страница 1 из 2"),
        "the pager is translated"
    );
    assert!(!articles.contains("Previous"));
    let second = fs::read_to_string(out.join("articles/index.page-2.html")).unwrap();
    assert!(second.contains("(страница 2 из 2)"), "{second}");
    let person = fs::read_to_string(out.join("people/vladimir-putin.html")).unwrap();
    assert!(person.contains("<p class=\"eyebrow\">Персона"), "{person}");
    assert!(person.contains(">Должности</h2>"));
}

#[test]
fn english_stays_english() {
    let p = project("en");
    let out = p.beside("public");
    dossier::build(p.root(), &out).unwrap();
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<html lang=\"en\">"));
    assert!(home.contains(">Home</a>"));
    assert!(home.contains("3 articles"));
    assert!(home.contains("1 June 2024"));
}

#[test]
fn an_unknown_language_is_english_with_a_warning() {
    let p = project("xx");
    let out = p.beside("public");
    let report = dossier::build(p.root(), &out).unwrap();
    let warning = report
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-language")
        .expect("a warning about the language");
    assert!(warning.message.contains("i18n/xx.yaml"), "{warning}");
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<html lang=\"xx\">"));
    assert!(home.contains(">Home</a>"));
}

#[test]
fn a_project_translation_falls_back_to_english_key_by_key() {
    let p = project("de");
    p.file(
        "i18n/de.yaml",
        "nav:\n  home: Startseite\n  timelin: Zeitleiste\ncount:\n  articles: { one: \"{n} Artikel\", other: \"{n} Artikel\" }\n",
    );
    let out = p.beside("public");
    let report = dossier::build(p.root(), &out).unwrap();
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(">Startseite</a>"));
    assert!(home.contains(">Timeline</a>"), "a missing key is English");
    assert!(home.contains("3 Artikel"));
    let unknown = report
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-field")
        .expect("the misspelt key is reported");
    assert_eq!(unknown.file.as_deref(), Some("i18n/de.yaml"));
    assert!(unknown.message.contains("nav.timeline"), "{unknown}");
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.code == "missing-translation"));
}

#[test]
fn a_project_file_overrides_a_shipped_language() {
    let p = project("ru");
    p.file("i18n/ru.yaml", "nav:\n  home: Начало\n");
    let out = p.beside("public");
    let report = dossier::build(p.root(), &out).unwrap();
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(">Начало</a>"));
    assert!(
        home.contains(">Хронология</a>"),
        "the rest is the shipped Russian"
    );
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.code == "missing-translation"),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn a_broken_translation_file_stops_the_build_naming_its_line() {
    let p = project("de");
    p.file("i18n/de.yaml", "nav:\n  home: [unclosed\n");
    let err = dossier::build(p.root(), &p.beside("public")).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("i18n/de.yaml:"), "{text}");
}

#[test]
fn each_kind_of_actor_page_highlights_its_own_index() {
    let p = project("en");
    let out = p.beside("public");
    dossier::build(p.root(), &out).unwrap();
    let active = |page: &str| -> Vec<String> {
        let html = fs::read_to_string(out.join(page)).unwrap();
        let nav = html.split("<nav class=\"site-nav\"").nth(1).unwrap();
        let nav = nav.split("</nav>").next().unwrap();
        nav.split("<li><a ")
            .filter(|l| l.contains("class=\"active\"") || l.contains("aria-current=\"page\""))
            .map(|l| {
                l.split('>')
                    .nth(1)
                    .unwrap_or("")
                    .trim_end_matches("</a")
                    .to_string()
            })
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert_eq!(active("people/vladimir-putin.html"), ["People"]);
    assert_eq!(active("places/pyongyang-kp.html"), ["Places"]);
    assert_eq!(active("places/index.html"), ["Places"]);
    assert_eq!(active("sources/tass.html"), ["Sources"]);
}
