//! The analysis cache through the real binary: a second build takes every
//! article from the cache and writes the same site; a changed article or
//! knowledge base is analysed again; a corrupt entry is ignored; `check`
//! writes no cache; `--no-cache` and `--clear-cache` do what they say; a
//! `.dossier-cache` folder dossier did not make is never touched.

mod support;

use std::fs;

use support::bin;
use support::project::Project;
use support::tree::read_tree;

fn article(title: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\npublished: 2025-10-28\noutlet: Wire\n---\n\n{body}\n")
}

fn project() -> Project {
    let p = Project::new();
    p.file(
        "content/site.yaml",
        "title: Cache test\nbase_url: https://example.org/\nsources: []\n",
    )
    .bundled_actors()
    .file(
        "content/articles/a.md",
        article(
            "Lavrov meets Choe",
            "Sergei Lavrov met Choe Son Hui in Moscow on Monday.",
        ),
    )
    .file(
        "content/articles/b.md",
        article(
            "Shoigu in Pyongyang",
            "Sergei Shoigu arrived in Pyongyang on 12 September 2024.",
        ),
    )
    .file(
        "content/articles/c.md",
        article("Talks", "Kim Jong Un will visit Vladivostok next week."),
    );
    p
}

/// Builds into `out` (beside the project); returns stderr.
fn build(p: &Project, out: &str, extra: &[&str]) -> String {
    let output = bin::build_to(p.root(), p.beside(out))
        .args(extra)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(output.status.success(), "{err}");
    err
}

fn entries(p: &Project) -> Vec<std::path::PathBuf> {
    let dir = p.path(".dossier-cache/analysis");
    let mut v: Vec<_> = fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn a_rebuild_reads_the_cache_and_writes_the_same_site() {
    let p = project();
    let cold = build(&p, "cold", &[]);
    assert!(!cold.contains("from the cache"), "{cold}");
    assert!(p.path(".dossier-cache/CACHEDIR.TAG").is_file());
    assert_eq!(entries(&p).len(), 3);

    let warm = build(&p, "warm", &[]);
    assert!(warm.contains("(0 analysed, 3 from the cache)"), "{warm}");
    assert_eq!(read_tree(p.beside("cold")), read_tree(p.beside("warm")));

    // One changed article is analysed again; its old entry is pruned.
    p.file(
        "content/articles/c.md",
        article("Talks", "Kim Jong Un visited Vladivostok on Tuesday."),
    );
    let one = build(&p, "one", &[]);
    assert!(one.contains("(1 analysed, 2 from the cache)"), "{one}");
    assert_eq!(entries(&p).len(), 3);
    let uncached = build(&p, "uncached", &["--no-cache"]);
    assert!(!uncached.contains("from the cache"), "{uncached}");
    assert_eq!(read_tree(p.beside("one")), read_tree(p.beside("uncached")));

    // A corrupt entry is analysed afresh, and the site is the same.
    for e in entries(&p) {
        let mut bytes = fs::read(&e).unwrap();
        let n = bytes.len();
        bytes[n - 1] ^= 0x55;
        fs::write(&e, bytes).unwrap();
    }
    let healed = build(&p, "healed", &[]);
    assert!(!healed.contains("from the cache"), "{healed}");
    assert_eq!(read_tree(p.beside("one")), read_tree(p.beside("healed")));

    // Another knowledge base: every article again.
    let kb = fs::read_to_string(p.path("content/actors.yaml")).unwrap();
    p.file("content/actors.yaml", format!("{kb}\n# edited\n"));
    let new_kb = build(&p, "kb", &[]);
    assert!(!new_kb.contains("from the cache"), "{new_kb}");
}

#[test]
fn check_and_no_cache_write_none_and_clear_cache_removes_only_ours() {
    let p = project();
    let out = bin::check(p.root()).output().unwrap();
    assert!(out.status.success());
    assert!(!p.path(".dossier-cache").exists(), "check wrote a cache");
    build(&p, "site", &["--no-cache"]);
    assert!(
        !p.path(".dossier-cache").exists(),
        "--no-cache wrote a cache"
    );

    build(&p, "site", &[]);
    assert_eq!(entries(&p).len(), 3);
    // A file of the user's in the cache folder survives everything.
    p.file(".dossier-cache/analysis/mine.txt", "keep me");
    build(&p, "site", &[]);
    let cleared = build(&p, "site", &["--clear-cache"]);
    assert!(!cleared.contains("from the cache"), "{cleared}");
    assert_eq!(
        fs::read_to_string(p.path(".dossier-cache/analysis/mine.txt")).unwrap(),
        "keep me"
    );

    // A .dossier-cache folder dossier did not make stops the build, whole.
    let q = project();
    q.file(".dossier-cache/notes.txt", "mine");
    let out = bin::build(q.root()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains(".dossier-cache exists but is not dossier's cache"),
        "{err}"
    );
    let out = bin::build(q.root()).arg("--clear-cache").output().unwrap();
    assert!(!out.status.success());
    assert_eq!(
        fs::read_to_string(q.path(".dossier-cache/notes.txt")).unwrap(),
        "mine"
    );
    // --no-cache builds it anyway.
    let out = bin::build(q.root()).arg("--no-cache").output().unwrap();
    assert!(out.status.success());
}
