//! The layout of `src/`: the module import graph has no cycle, every
//! module imports only the layers below it, only the commands import the
//! pipeline, every file says its job in a `//!` line, and no file grows
//! past what one reader holds.
//!
//! The graph is read from the source text (`crate::module` paths, in `use`
//! lines and inline), so a new import that breaks the layering fails here
//! before anyone has to notice it in review.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first. A module may import only modules of a lower
/// layer. Items re-exported at the crate root count as their module's.
const LAYERS: &[&[&str]] = &[
    // The language layer and the shared text utilities.
    &["lang"],
    &["markup"],
    &["config", "progress"],
    // The analysed corpus: the types every stage passes on.
    &["corpus"],
    // The stages, in pipeline order.
    &["ingest"],
    &["timex"],
    &["actors"],
    &["events"],
    &["notes"],
    &["briefing"],
    &["render"],
    &["search"],
    &["write", "cache"],
    // The pipeline runs the stages; the commands sit on top.
    &["pipeline"],
    &["scaffold", "serve"],
    &["check"],
];

/// Names `lib.rs` re-exports at the crate root, and the module they are from.
const ROOT_REEXPORTS: &[(&str, &str)] = &[
    ("Analysis", "corpus"),
    ("analyse", "pipeline"),
    ("analyse_with", "pipeline"),
    ("build", "pipeline"),
    ("build_with", "pipeline"),
    ("BuildError", "pipeline"),
    ("BuildReport", "pipeline"),
];

/// The only modules that may import the pipeline (besides `main`).
const PIPELINE_USERS: &[&str] = &["check", "serve"];

/// Files that are one job although long (a table of data is one job).
/// Empty today; a file listed here must say in its `//!` line why.
const LONG_ONE_JOB: &[&str] = &[];
const MAX_LINES: usize = 800;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to (`src/events/extract/date.rs` →
/// `events`); `None` for the crate root and the binary.
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    match first.strip_suffix(".rs") {
        Some("lib") | Some("main") => None,
        Some(stem) => Some(stem.to_string()),
        None => Some(first),
    }
}

/// Source text without comments and string literals, so that neither a doc
/// line mentioning `crate::x` nor a string counts as an import.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if b[i] == '/' && b.get(i + 1) == Some(&'*') {
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if b[i] == 'r' && (b.get(i + 1) == Some(&'"') || b.get(i + 1) == Some(&'#')) {
            // Raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(b[i]);
                i += 1;
                continue;
            }
            j += 1;
            'raw: while j < b.len() {
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break 'raw;
                }
                j += 1;
            }
            i = j;
            out.push_str("\"\"");
        } else if b[i] == '"' && (i == 0 || b[i - 1] != '\'') {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// Every crate-level name a file's code refers to: `crate::x::…` paths and
/// the items of `use crate::{x, y::z}` groups.
fn crate_names(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `dossier_crate::` and the like
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group, up to its closing brace.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 && c == ',' {
                    names.insert(first_segment(&item));
                    item.clear();
                } else {
                    item.push(c);
                }
            }
            names.insert(first_segment(&item));
        } else {
            names.insert(first_segment(rest));
        }
    }
    names.remove("");
    names
}

fn first_segment(s: &str) -> String {
    s.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Module → the modules it imports.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let reexports: BTreeMap<&str, &str> = ROOT_REEXPORTS.iter().copied().collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let code = code_only(&fs::read_to_string(file).unwrap());
        let entry = graph.entry(module.clone()).or_default();
        for name in crate_names(&code) {
            let target = reexports.get(name.as_str()).map_or(name, |m| m.to_string());
            if target != module {
                entry.insert(target);
            }
        }
    }
    graph
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[test]
fn every_module_has_a_layer() {
    let graph = import_graph();
    let unplaced: Vec<&String> = graph.keys().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer in tests/layout.rs: {unplaced:?}"
    );
}

#[test]
fn imports_point_down_only() {
    let graph = import_graph();
    let mut wrong = Vec::new();
    for (module, targets) in &graph {
        let Some(own) = layer_of(module) else {
            continue;
        };
        for t in targets {
            match layer_of(t) {
                Some(l) if l < own => {}
                _ => wrong.push(format!("{module} imports {t}")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that do not point down a layer:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn the_import_graph_has_no_cycle() {
    // Kahn's algorithm: a graph is acyclic when every node can be removed
    // once the nodes it imports are gone.
    let graph = import_graph();
    let mut remaining: BTreeMap<&str, BTreeSet<&str>> = graph
        .iter()
        .map(|(m, ts)| {
            let ts = ts
                .iter()
                .filter(|t| graph.contains_key(*t))
                .map(String::as_str)
                .collect();
            (m.as_str(), ts)
        })
        .collect();
    loop {
        let free: Vec<&str> = remaining
            .iter()
            .filter(|(_, ts)| ts.is_empty())
            .map(|(m, _)| *m)
            .collect();
        if free.is_empty() {
            break;
        }
        for m in &free {
            remaining.remove(m);
        }
        for ts in remaining.values_mut() {
            for m in &free {
                ts.remove(m);
            }
        }
    }
    assert!(
        remaining.is_empty(),
        "modules in a cycle: {:?}",
        remaining.keys().collect::<Vec<_>>()
    );
}

#[test]
fn only_the_commands_import_the_pipeline() {
    let graph = import_graph();
    let users: Vec<&String> = graph
        .iter()
        .filter(|(_, ts)| ts.contains("pipeline"))
        .map(|(m, _)| m)
        .filter(|m| !PIPELINE_USERS.contains(&m.as_str()))
        .collect();
    assert!(users.is_empty(), "import the pipeline: {users:?}");
}

#[test]
fn the_corpus_imports_no_stage() {
    let graph = import_graph();
    let corpus = &graph["corpus"];
    let below: BTreeSet<String> = ["config", "lang"].iter().map(|s| s.to_string()).collect();
    assert!(corpus.is_subset(&below), "corpus imports {corpus:?}");
}

#[test]
fn every_file_says_its_job_and_stays_readable() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(src()).unwrap().display().to_string();
        let text = fs::read_to_string(file).unwrap();
        if !text.starts_with("//!") {
            problems.push(format!("src/{rel}: no opening //! line saying its job"));
        }
        let lines = text.lines().count();
        if lines > MAX_LINES && !LONG_ONE_JOB.contains(&rel.as_str()) {
            problems.push(format!(
                "src/{rel}: {lines} lines (over {MAX_LINES}; split it by job)"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_reader_finds_each_stage() {
    // The pipeline's stages are folders or files at the top of src/.
    for stage in [
        "corpus", "lang", "markup", "ingest", "timex", "actors", "events", "notes", "briefing",
        "render",
    ] {
        assert!(src().join(stage).is_dir(), "src/{stage}/ is missing");
    }
    for file in ["search.rs", "write.rs", "pipeline.rs"] {
        assert!(src().join(file).is_file(), "src/{file} is missing");
    }
}

#[test]
fn the_reader_understands_the_crate_names() {
    // A sanity check of the parser itself, so a broken parser cannot pass
    // the other tests by finding no imports at all.
    let code = code_only(
        "use crate::{corpus::{Event, Timex}, lang};\n// crate::pipeline in a comment\nlet s = \"crate::write\";\nlet x = crate::timex::annotate(t, d);\n",
    );
    let names = crate_names(&code);
    let expected: BTreeSet<String> = ["corpus", "lang", "timex"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(names, expected);
    let graph = import_graph();
    assert!(graph["pipeline"].contains("briefing"));
    assert!(graph["events"].contains("corpus"));
}
