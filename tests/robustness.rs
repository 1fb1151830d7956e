//! Hostile and careless input through the real binary: no word length,
//! nesting depth, control character or encoding crashes `build` or `check`;
//! the feeds always parse; UTF-16 files are refused by name; a UTF-8
//! byte-order mark at the start of any YAML file or template is accepted.

mod support;

use std::fs;
use std::process::Output;

use support::bin;
use support::project::Project;

/// A 50,000-character word without a space (a pasted base64 blob).
fn long_word() -> String {
    "QUJD".repeat(12_500)
}

fn article(title: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\npublished: 2025-10-28\noutlet: Wire\n---\n\n{body}\n")
}

/// A project with the bundled knowledge base and the given Markdown article.
fn project_with(article_md: &str) -> Project {
    let project = Project::new();
    project
        .file(
            "content/site.yaml",
            "title: Test briefing\nbase_url: https://example.org/\nsources: []\n",
        )
        .bundled_actors()
        .file("content/articles/a.md", article_md);
    project
}

/// Runs a command to its end; fails the test on a crash of any kind.
/// Returns the output and what it printed (findings, then stderr).
fn run(mut cmd: assert_cmd::Command, what: &str) -> (Output, String) {
    let output = cmd.output().unwrap();
    let stderr = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for crash in ["panicked", "overflow", "fatal runtime error", "abort"] {
        assert!(!stderr.contains(crash), "{what}: {crash}:\n{stderr}");
    }
    assert!(
        output.status.code().is_some(),
        "{what}: killed by a signal:\n{stderr}"
    );
    (output, stderr)
}

/// `build` and `check` both succeed; returns their stderr.
fn builds_and_checks(project: &Project, what: &str) -> (String, String) {
    let (build, build_err) = run(bin::build(project.root()), what);
    assert!(build.status.success(), "{what}: build failed:\n{build_err}");
    let (check, check_err) = run(bin::check(project.root()), what);
    assert!(check.status.success(), "{what}: check failed:\n{check_err}");
    (build_err, check_err)
}

/// Every feed and the sitemap parse as XML.
fn assert_feeds_parse(project: &Project) {
    for feed in ["feeds/articles.xml", "feeds/briefings.xml", "sitemap.xml"] {
        let xml = fs::read_to_string(project.path("public").join(feed)).unwrap();
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{feed}: {e}"));
    }
}

#[test]
fn a_50000_character_word_in_a_title_a_body_or_an_alias_builds() {
    let word = long_word();
    let in_title = project_with(&article(
        &format!("Talks {word}"),
        "Sergei Lavrov met Choe Son Hui in Moscow on Monday.",
    ));
    builds_and_checks(&in_title, "word in title");
    let page = fs::read_to_string(in_title.path("public/articles/a.html")).unwrap();
    assert!(page.contains(&word), "the word stays in the page");
    let index = fs::read_to_string(in_title.path("public/assets/search-index.js")).unwrap();
    // The title is listed for the result row, but the word is not in the
    // index's trie of words (which holds lower-case letters one per level).
    assert!(index.contains("QUJDQUJD"));
    assert!(!index.contains(r#""q":{"u":{"j":{"d":"#), "indexed");
    assert_feeds_parse(&in_title);

    let in_body = project_with(&article(
        "Lavrov meets Choe",
        &format!("{word} Sergei Lavrov met Choe Son Hui in Moscow. {word}"),
    ));
    builds_and_checks(&in_body, "word in body");

    let in_alias = project_with(&article(
        "Lavrov meets Choe",
        &format!("Sergei Lavrov met Blob Person in Moscow on Monday. {word} said so."),
    ));
    let mut kb = fs::read_to_string(in_alias.path("content/actors.yaml")).unwrap();
    kb.push_str(&format!(
        "- id: blob-person\n  name: Blob Person\n  kind: person\n  aliases: [\"{word}\"]\n"
    ));
    in_alias.file("content/actors.yaml", kb);
    builds_and_checks(&in_alias, "word in alias");
    let export = fs::read_to_string(in_alias.path("public/data/dossier.json")).unwrap();
    assert!(
        export.contains("\"blob-person\""),
        "the actor is on the site"
    );
    let index = fs::read_to_string(in_alias.path("public/assets/search-index.js")).unwrap();
    assert!(index.contains("Blob Person") && !index.contains(r#""q":{"u":{"j":{"d":"#));
}

#[test]
fn deep_nesting_builds_and_is_reported_by_file() {
    let n = 50_000;
    let links = format!(
        "{}Moscow talks{}",
        "[".repeat(n),
        "](https://a.org)".repeat(n)
    );
    let project = project_with(&article("Nested links", &links));
    builds_and_checks(&project, "50,000 nested links");
    assert_feeds_parse(&project);

    for (what, body) in [
        (
            "20,000 nested quotes",
            format!("{}deep", "> ".repeat(20_000)),
        ),
        (
            "20,000 nested lists",
            format!("{}deep", "- ".repeat(20_000)),
        ),
        (
            "20,000 nested images",
            format!(
                "{}deep{}",
                "![w ".repeat(20_000),
                "](https://a.org)".repeat(20_000)
            ),
        ),
    ] {
        let project = project_with(&article("Nested", &format!("Talks in Moscow.\n\n{body}")));
        let (build, check) = builds_and_checks(&project, what);
        for out in [build, check] {
            assert!(
                out.contains("content/articles/a.md: warning[deep-nesting]"),
                "{what}:\n{out}"
            );
        }
        let page = fs::read_to_string(project.path("public/articles/a.html")).unwrap();
        assert!(page.matches("<blockquote>").count() <= 64, "{what}");
        assert!(page.matches("<li>").count() <= 64, "{what}");
    }

    // A note nested as deeply gets the same warning.
    let project = project_with(&article("Talks", "Talks in Moscow."));
    project.file(
        "content/notes/2025-10.md",
        format!(
            "---\ntitle: Deep\nperiod: 2025-10\n---\n\n{}deep\n",
            "> ".repeat(20_000)
        ),
    );
    let (build, _) = builds_and_checks(&project, "deep note");
    assert!(
        build.contains("content/notes/2025-10.md: warning[deep-nesting]"),
        "{build}"
    );
}

#[test]
fn control_characters_in_a_body_leave_feeds_and_pages_clean() {
    let body = "Sergei Lavrov\0 met Choe Son Hui\u{1} in Moscow\u{1b}[31m on Monday.\u{7}\n\n\
                Talks\u{b}continued\u{c}there \u{7f}and\u{85}\u{92}ended.";
    let project = project_with(&article("Lavrov\u{8} meets Choe", body));
    // The title is YAML, where a raw control character is an error; the
    // body is not.
    project.file("content/articles/a.md", article("Lavrov meets Choe", body));
    project.file(
        "seeds/raw.txt",
        "Choe Son Hui visits Pyongyang\n\nChoe Son Hui\0\0 returned to Pyongyang\u{2} on Friday, the ministry said.\n",
    );
    project.file(
        "content/site.yaml",
        "title: Test briefing\nbase_url: https://example.org/\nsources: [seeds]\n",
    );
    let (build, check) = builds_and_checks(&project, "control characters");
    for out in [&build, &check] {
        assert!(
            out.contains(
                "content/articles/a.md:7: warning[control-characters]: 9 control character(s)"
            ),
            "{out}"
        );
        assert!(
            out.contains("seeds/raw.txt:3: warning[control-characters]"),
            "{out}"
        );
    }
    assert_feeds_parse(&project);
    let feed = fs::read_to_string(project.path("public/feeds/articles.xml")).unwrap();
    assert!(
        feed.contains("Sergei Lavrov met Choe Son Hui in Moscow[31m on Monday."),
        "{feed}"
    );
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    for page in [
        "public/articles/a.html",
        "public/articles/raw.html",
        "public/data/dossier.json",
    ] {
        let text = fs::read_to_string(project.path(page)).unwrap();
        assert!(!text.chars().any(bad), "{page} has a control character");
    }
    let page = fs::read_to_string(project.path("public/articles/a.html")).unwrap();
    assert!(page.contains("Talks continued there and ended."), "{page}");
}

#[test]
fn control_characters_written_as_yaml_escapes_never_reach_a_page() {
    // YAML's double-quoted escapes make control characters that no raw
    // byte check sees: in article front matter, metadata and notes they are
    // removed with a warning; in the typed settings files they are errors.
    let project = project_with(
        "---\ntitle: \"Lavrov\\x07 meets Choe\"\npublished: 2025-10-28\noutlet: \"Wire\\0\"\ntags: [\"talks\\e[31m\"]\n---\n\nSergei Lavrov met Choe Son Hui in Moscow on Monday.\n",
    );
    project.file(
        "content/notes/2025-10.md",
        "---\ntitle: \"October\\u0001\"\nperiod: 2025-10\n---\n\nTalks in Moscow.\n",
    );
    project.file(
        "content/pages/about.md",
        "---\ntitle: \"About\\x07 us\"\n---\n\nWho we are.\n",
    );
    project.file(
        "seeds/raw.txt",
        "Choe Son Hui visits Pyongyang\n\nChoe Son Hui returned to Pyongyang on Friday.\n",
    );
    project.file(
        "content/metadata.yaml",
        "seeds/raw.txt:\n  published: 2025-10-20\n  outlet: \"KCNA\\x1b\"\n",
    );
    project.file(
        "content/site.yaml",
        "title: Test briefing\nbase_url: https://example.org/\nsources: [seeds]\n",
    );
    let (build, _) = builds_and_checks(&project, "escaped control characters");
    for (file, line) in [
        ("content/articles/a.md", 2),
        ("content/notes/2025-10.md", 2),
        ("content/pages/about.md", 2),
        ("content/metadata.yaml", 3),
    ] {
        assert!(
            build.contains(&format!("{file}:{line}: warning[control-characters]")),
            "{file}: {build}"
        );
    }
    assert_feeds_parse(&project);
    let bad = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    for (page, text) in support::tree::read_text_tree(project.path("public")) {
        assert!(!text.chars().any(bad), "{page} has a control character");
    }
    let page = fs::read_to_string(project.path("public/articles/a.html")).unwrap();
    assert!(page.contains("Lavrov meets Choe"), "{page}");

    // In the knowledge base and site.yaml the same escape is an error with
    // its line.
    project.file(
        "content/actors.yaml",
        "- id: lavrov\n  name: \"Sergei\\a Lavrov\"\n  kind: person\n",
    );
    let (out, err) = run(bin::build(project.root()), "escape in the knowledge base");
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("content/actors.yaml:2"), "{err}");
    project.bundled_actors();
    project.file(
        "content/site.yaml",
        "title: \"Test\\x00 briefing\"\nsources: [seeds]\n",
    );
    let (out, err) = run(bin::build(project.root()), "escape in site.yaml");
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("content/site.yaml:1"), "{err}");
}

#[test]
fn yaml_nested_past_the_bound_is_refused_at_once_with_its_line() {
    let project = project_with(&format!(
        "---\ntitle: Deep\npublished: 2025-10-28\ntags: {}\n---\n\nTalks.\n",
        "[".repeat(50_000)
    ));
    let (out, err) = run(bin::build(project.root()), "50,000 nested [");
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("content/articles/a.md:4") && err.contains("nested more than 1000 deep"),
        "{err}"
    );
    project.file(
        "content/articles/a.md",
        article("Talks", "Sergei Lavrov met Choe Son Hui in Moscow."),
    );
    project.file(
        "content/metadata.yaml",
        format!("x: {}\n", "{".repeat(50_000)),
    );
    let (out, err) = run(bin::build(project.root()), "50,000 nested {");
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("content/metadata.yaml:1"), "{err}");
}

#[test]
fn utf16_files_are_refused_by_name() {
    let text = article(
        "Lavrov meets Choe",
        "Sergei Lavrov met Choe Son Hui in Moscow.",
    );
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases: [(&str, Vec<u8>); 5] = [
        (
            "content/articles/b.md",
            [vec![0xff, 0xfe], le.clone()].concat(),
        ),
        (
            "content/articles/b.md",
            [vec![0xfe, 0xff], be.clone()].concat(),
        ),
        ("content/articles/b.md", le.clone()),
        ("content/articles/b.md", be),
        (
            "content/notes/2025-10.md",
            "---\ntitle: N\nperiod: 2025-10\n---\n\nA note.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect(),
        ),
    ];
    for (file, bytes) in cases {
        let project = project_with(&text);
        project.file(file, bytes);
        for cmd in [bin::build(project.root()), bin::check(project.root())] {
            let (out, stderr) = run(cmd, file);
            assert!(!out.status.success(), "{file}: must fail:\n{stderr}");
            assert!(
                stderr.contains(file) && stderr.contains("UTF-16"),
                "{file}:\n{stderr}"
            );
        }
    }
    // metadata.yaml and a raw-text seed, without a byte-order mark.
    for file in ["content/metadata.yaml", "seeds/raw.txt"] {
        let project = project_with(&text);
        project.file(
            "content/site.yaml",
            "title: Test briefing\nsources: [seeds]\n",
        );
        project.file(
            "seeds/ok.txt",
            "Talks in Moscow\n\nSergei Lavrov met Choe Son Hui in Moscow.\n",
        );
        let bytes: Vec<u8> = "seeds/ok.txt:\n  published: 2025-10-28\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        project.file(file, bytes);
        let (out, stderr) = run(bin::build(project.root()), file);
        assert!(!out.status.success(), "{file}: must fail:\n{stderr}");
        assert!(
            stderr.contains(file) && stderr.contains("UTF-16"),
            "{file}:\n{stderr}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_accepted_in_every_yaml_file_and_template() {
    const BOM: &str = "\u{feff}";
    let project = Project::new();
    project
        .file(
            "content/site.yaml",
            format!("{BOM}title: Bommed briefing\nsources: [seeds]\n"),
        )
        .file(
            "content/actors.yaml",
            format!(
                "{BOM}- id: sergei-lavrov\n  name: Sergei Lavrov\n  kind: person\n\
                 - id: choe-son-hui\n  name: Choe Son Hui\n  kind: person\n\
                 - id: moscow\n  name: Moscow\n  kind: place\n"
            ),
        )
        .file(
            "content/metadata.yaml",
            format!("{BOM}seeds/raw.txt:\n  published: 2025-10-27\n  outlet: Raw Wire\n"),
        )
        .file(
            "seeds/raw.txt",
            format!("{BOM}Choe Son Hui arrives in Moscow\n\nChoe Son Hui arrived in Moscow on Sunday, the ministry said.\n"),
        )
        .file(
            "content/articles/a.md",
            format!("{BOM}{}", article("Lavrov meets Choe", "Sergei Lavrov met Choe Son Hui in Moscow on Monday.")),
        )
        .file(
            "content/events/curated.yaml",
            format!(
                "{BOM}- date: 2025-10-27\n  kind: meeting\n  place: moscow\n  participants: [sergei-lavrov, choe-son-hui]\n  title: Curated Bom meeting\n"
            ),
        )
        .file(
            "content/notes/2025-10.md",
            format!("{BOM}---\ntitle: Bom note\nperiod: 2025-10\n---\n\nA note on the talks.\n"),
        );
    let not_found = fs::read_to_string(support::project::repo().join("templates/404.html"))
        .unwrap()
        .replace("{{ t(k=\"not_found.heading\") }}", "Bom page missing");
    project.file("templates/404.html", format!("{BOM}{not_found}"));

    let (build, check) = builds_and_checks(&project, "byte-order marks");
    for out in [&build, &check] {
        assert!(!out.contains("error[") && !out.contains("error:"), "{out}");
    }
    let public = project.path("public");
    let read = |p: &str| fs::read_to_string(public.join(p)).unwrap();
    assert!(read("index.html").contains("Bommed briefing"));
    assert!(read("404.html").contains("Bom page missing"));
    assert!(read("articles/raw.html").contains("Raw Wire"));
    assert!(public.join("people/sergei-lavrov.html").is_file());
    assert!(read("data/dossier.json").contains("Curated Bom meeting"));
    let bom_in = |p: &str| read(p).contains(BOM);
    assert!(!bom_in("404.html") && !bom_in("index.html") && !bom_in("articles/raw.html"));
}
