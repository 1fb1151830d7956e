//! Final stage, write: put the rendered files on disk all at once.
//!
//! The site is written into a fresh temporary folder beside the output folder
//! and swapped into place only when every file is written, so a failed build
//! leaves the previous site untouched and a reader never sees half a site.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// One file of the site, with its path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Forward-slash path relative to the output root, e.g. `people/x.html`.
    pub path: String,
    pub contents: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("refusing to write {path:?}: output paths must stay inside the output folder")]
    UnsafePath { path: String },
    #[error("two pages want the same file {path:?}")]
    DuplicatePath { path: String },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A relative path is safe when it is made only of normal components: no
/// `..`, no root, no drive prefix. Such a path cannot leave the output folder.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `files` so that `output` holds exactly them afterwards.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let mut seen = std::collections::HashSet::new();
    for file in files {
        if !is_safe_relative(&file.path) {
            return Err(WriteError::UnsafePath {
                path: file.path.clone(),
            });
        }
        if !seen.insert(file.path.as_str()) {
            return Err(WriteError::DuplicatePath {
                path: file.path.clone(),
            });
        }
    }

    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io(&parent))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_string());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.building-"))
        .tempdir_in(&parent)
        .map_err(io(&parent))?;

    for file in files {
        let target = staging.path().join(&file.path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        fs::write(&target, &file.contents).map_err(io(&target))?;
    }

    // Swap: move the old site aside, move the new one in, then delete the old.
    // If the second rename fails, put the old site back.
    let staged = staging.keep();
    let backup = parent.join(format!(".{name}.previous-{}", std::process::id()));
    let had_old = output.exists();
    if had_old {
        fs::rename(output, &backup).map_err(io(output))?;
    }
    if let Err(source) = fs::rename(&staged, output) {
        if had_old {
            let _ = fs::rename(&backup, output);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(WriteError::Io {
            path: output.to_path_buf(),
            source,
        });
    }
    if had_old {
        fs::remove_dir_all(&backup).map_err(io(&backup))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_paths_that_leave_the_output() {
        for bad in ["../x.html", "/etc/passwd", "a/../../b", "", "a\\b"] {
            assert!(!is_safe_relative(bad), "{bad:?} should be unsafe");
        }
        for good in ["index.html", "people/a.html", "data/dossier.json"] {
            assert!(is_safe_relative(good));
        }
    }

    #[test]
    fn replaces_the_old_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[OutputFile::new("old.html", "old")]).unwrap();
        write_site(&out, &[OutputFile::new("a/new.html", "new")]).unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("a/new.html")).unwrap(), "new");
        // No staging or backup folders are left behind.
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn failed_write_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[OutputFile::new("index.html", "v1")]).unwrap();
        let err = write_site(&out, &[OutputFile::new("../escape.html", "x")]).unwrap_err();
        assert!(matches!(err, WriteError::UnsafePath { .. }));
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "v1");
    }
}
