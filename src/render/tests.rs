//! Rendering the sample site with the default and overridden templates: pages, escaping, template errors.

use super::*;
use crate::briefing;
use crate::corpus::sample::sample_analysis;

fn defaults() -> BTreeMap<String, String> {
    DEFAULT_TEMPLATES
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect()
}

fn render_sample(sources: BTreeMap<String, String>) -> Result<Vec<OutputFile>, RenderError> {
    let site = briefing::build(&sample_analysis());
    let templates = Templates::from_sources(sources, DEFAULT_STYLESHEET.to_string())?;
    render_with(&templates, &site)
}

fn page<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} missing"));
    std::str::from_utf8(&file.contents).unwrap()
}

#[test]
fn renders_every_page_of_the_sample() {
    let files = render_sample(defaults()).unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for p in [
        "index.html",
        "timeline.html",
        "articles/index.html",
        "articles/a1.html",
        "people/index.html",
        "people/ivan-petrov.html",
        "places/minsk.html",
        "places/belarus.html",
        "events/index.html",
        "events/e1.html",
        "sources/index.html",
        "data/dossier.json",
        "assets/style.css",
    ] {
        assert!(paths.contains(&p), "{p} in {paths:?}");
    }
    let article = page(&files, "articles/a1.html");
    assert!(article.starts_with("<!DOCTYPE html>"));
    assert!(article.contains("href=\"../assets/style.css\""));
    assert!(article.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!article.contains("<script>"));
    assert!(article.contains("href=\"../people/ivan-petrov.html\""));
    assert!(article.contains("rel=\"noopener noreferrer\""));
    assert_eq!(article.matches("<h1").count(), 1);
    let home = page(&files, "index.html");
    assert!(home.contains("href=\"assets/style.css\""));
    assert!(home.contains("Petrov meets Varga in Minsk"));
    let person = page(&files, "people/ivan-petrov.html");
    assert!(person.contains("Defence Minister"));
    assert!(person.contains("We agreed on a lot,"));
}

#[test]
fn titles_from_content_are_escaped() {
    let mut analysis = sample_analysis();
    analysis.articles[0].article.title = "<b>Bold</b> & \"quoted\"".to_string();
    let site = briefing::build(&analysis);
    let templates = Templates::from_sources(defaults(), String::new()).unwrap();
    let files = render_with(&templates, &site).unwrap();
    let article = page(&files, "articles/a1.html");
    assert!(
        article.contains("&lt;b&gt;Bold&lt;&#x2F;b&gt;")
            || article.contains("&lt;b&gt;Bold&lt;/b&gt;"),
        "{article}"
    );
    assert!(!article.contains("<b>Bold"));
}

#[test]
fn a_syntax_error_names_the_template_and_line() {
    let mut sources = defaults();
    sources.insert(
        "event.html".to_string(),
        "{% extends \"base.html\" %}\n{% block content %}\n{% if page.info %}\n{% endblock content %}\n".to_string(),
    );
    let err = render_sample(sources).expect_err("must fail");
    let shown = err.to_string();
    assert!(shown.starts_with("templates/event.html:"), "{shown}");
    assert!(
        matches!(err, RenderError::Template { line: Some(_), .. }),
        "{err:?}"
    );
}

#[test]
fn an_unknown_variable_names_the_template_and_line() {
    let mut sources = defaults();
    sources.insert(
        "timeline.html".to_string(),
        "{% extends \"base.html\" %}\n{% block content %}\n<p>ok</p>\n{{ page.no_such_field }}\n{% endblock content %}\n".to_string(),
    );
    let err = render_sample(sources).expect_err("must fail");
    match &err {
        RenderError::Template { name, line, .. } => {
            assert_eq!(name, "templates/timeline.html");
            assert_eq!(*line, Some(4));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn rendering_is_deterministic() {
    let a = render_sample(defaults()).unwrap();
    let b = render_sample(defaults()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn root_prefix_follows_folder_depth() {
    assert_eq!(root_of("index.html"), "");
    assert_eq!(root_of("people/x.html"), "../");
}

/// Writes the rendered sample to `$DOSSIER_SAMPLE_OUT` when set, so the pages
/// can be looked at in a browser while working on the templates.
#[test]
fn sample_site_can_be_written_for_inspection() {
    if let Some(out) = std::env::var_os("DOSSIER_SAMPLE_OUT") {
        let files = render_sample(defaults()).unwrap();
        let out = std::path::Path::new(&out);
        for f in &files {
            let path = out.join(&f.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &f.contents).unwrap();
        }
    }
}
