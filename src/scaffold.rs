//! `dossier new DIR`: lay out a project that builds at once, with a
//! commented example of every kind of content file, and on request the
//! default templates to edit.
//!
//! The example files live in `src/scaffold/` and are embedded with
//! `include_str!`, so they stay readable and are checked by the tests (a
//! scaffolded project must build without errors).

use std::fs;
use std::path::{Path, PathBuf};

use crate::render::{DEFAULT_STYLESHEET, DEFAULT_TEMPLATES, TEMPLATE_DIR};

/// The project files `new` writes, by path relative to the project root.
pub const PROJECT_FILES: &[(&str, &str)] = &[
    ("README.md", include_str!("scaffold/README.md")),
    ("content/site.yaml", include_str!("scaffold/site.yaml")),
    ("content/actors.yaml", include_str!("scaffold/actors.yaml")),
    (
        "content/metadata.yaml",
        include_str!("scaffold/metadata.yaml"),
    ),
    (
        "content/articles/2024-05-14-defence-ministers-meet.md",
        include_str!("scaffold/article.md"),
    ),
    (
        "content/events/example.yaml",
        include_str!("scaffold/events.yaml"),
    ),
    (
        "raw/example-wire-report.txt",
        include_str!("scaffold/raw.txt"),
    ),
    (".gitignore", "/public/\n/.public.*\n/.dossier-cache/\n"),
];

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{}: not empty; `dossier new` only writes into a new or empty folder", .0.display())]
    NotEmpty(PathBuf),
    #[error("{}: exists and is not a folder", .0.display())]
    NotADirectory(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ScaffoldError + '_ {
    move |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What `new` wrote, relative to the project root, in order.
#[derive(Debug)]
pub struct Scaffolded {
    pub files: Vec<String>,
}

/// Creates a project in `dir`, which must not exist or be empty. With
/// `templates`, the default templates and stylesheet are written to
/// `dir/templates/` too. Every path written is one of the fixed relative
/// paths above, so nothing lands outside `dir`.
pub fn new_project(dir: &Path, templates: bool) -> Result<Scaffolded, ScaffoldError> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(ScaffoldError::NotADirectory(dir.to_path_buf()));
        }
        let mut entries = fs::read_dir(dir).map_err(io(dir))?;
        if entries.next().is_some() {
            return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut files: Vec<(String, &str)> = PROJECT_FILES
        .iter()
        .map(|(p, s)| (p.to_string(), *s))
        .collect();
    if templates {
        files.extend(
            DEFAULT_TEMPLATES
                .iter()
                .map(|(name, source)| (format!("{TEMPLATE_DIR}/{name}"), *source)),
        );
        files.push((format!("{TEMPLATE_DIR}/style.css"), DEFAULT_STYLESHEET));
    }
    fs::create_dir_all(dir).map_err(io(dir))?;
    for (path, contents) in &files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&target, contents).map_err(io(&target))?;
    }
    Ok(Scaffolded {
        files: files.into_iter().map(|(p, _)| p).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_folder_that_is_not_empty() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
        let err = new_project(tmp.path(), false).unwrap_err();
        assert!(matches!(err, ScaffoldError::NotEmpty(_)), "{err}");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }
}
