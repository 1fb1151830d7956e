//! Nothing in `content/` is ignored silently: a file or folder dossier
//! does not read (`content/actor.yaml`, `content/about.md`) gets a warning,
//! with a "did you mean" when a known name is close (edit distance) or the
//! file looks like a page or an article in the wrong place.

use std::path::Path;

use crate::config::SiteConfig;
use crate::corpus::diagnostics::Diagnostic;

/// What `content/` may hold, by name: files, then folders.
pub const CONTENT_FILES: &[&str] = &["site.yaml", "actors.yaml", "metadata.yaml"];
pub const CONTENT_FOLDERS: &[&str] = &["articles", "events", "notes", "pages"];

/// Warnings for the entries of `root/content/` that no stage reads.
/// Source folders configured inside `content/` count as read.
pub fn unknown_content(root: &Path, config: &SiteConfig) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        return Vec::new();
    };
    let sources: Vec<String> = config
        .sources
        .iter()
        .filter_map(|s| {
            let s = s.to_string_lossy().replace('\\', "/");
            let s = s.trim_start_matches("./").trim_end_matches('/');
            s.strip_prefix("content/")
                .map(|rest| rest.split('/').next().unwrap_or(rest).to_string())
        })
        .collect();
    let mut names: Vec<(String, bool)> = entries
        .filter_map(Result::ok)
        .map(|e| {
            let dir = e.path().is_dir();
            (e.file_name().to_string_lossy().into_owned(), dir)
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for (name, dir) in names {
        // Hidden files are editor and VCS litter, as everywhere.
        if name.starts_with('.') || sources.contains(&name) {
            continue;
        }
        let known = if dir { CONTENT_FOLDERS } else { CONTENT_FILES };
        if known.contains(&name.as_str()) {
            continue;
        }
        let shown = format!("content/{name}{}", if dir { "/" } else { "" });
        let hint = suggestion(&name, dir, known);
        out.push(
            Diagnostic::warning(
                "unknown-content",
                format!("`{shown}` is not read by dossier; it is ignored{hint}"),
            )
            .in_file(shown),
        );
    }
    out
}

/// "; did you mean …?" for a name close to a known one, or for a Markdown
/// file that belongs in a folder; empty otherwise.
fn suggestion(name: &str, dir: bool, known: &[&str]) -> String {
    let lower = name.to_lowercase();
    let close = known
        .iter()
        .map(|k| (strsim::levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min();
    if let Some((_, k)) = close {
        return format!(
            "; did you mean `content/{k}{}`?",
            if dir { "/" } else { "" }
        );
    }
    if !dir && lower.ends_with(".md") {
        return format!(
            "; a standalone page goes in `content/pages/{name}`, an article in `content/articles/{name}`"
        );
    }
    if !dir && (lower.ends_with(".yaml") || lower.ends_with(".yml")) {
        return format!(
            "; curated events go in `content/events/`, and the files dossier reads here are {}",
            CONTENT_FILES.join(", ")
        );
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_and_misplaced_files_get_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("article")).unwrap();
        std::fs::create_dir_all(content.join("raw")).unwrap();
        for f in [
            "actor.yaml",
            "about.md",
            "site.yaml",
            ".DS_Store",
            "notes.txt",
        ] {
            std::fs::write(content.join(f), "x").unwrap();
        }
        let config = SiteConfig {
            sources: vec!["content/raw".into()],
            ..SiteConfig::default()
        };
        let shown: Vec<String> = unknown_content(dir.path(), &config)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(shown.len(), 4, "{shown:?}");
        let find = |f: &str| shown.iter().find(|s| s.contains(f)).cloned().unwrap();
        assert!(find("content/actor.yaml").contains("did you mean `content/actors.yaml`?"));
        assert!(find("content/article/").contains("did you mean `content/articles/`?"));
        assert!(find("content/about.md").contains("content/pages/about.md"));
        assert!(!find("content/notes.txt").contains("did you mean"));
    }
}
