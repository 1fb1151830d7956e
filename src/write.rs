//! Final stage, write: put the rendered files on disk all at once.
//!
//! The site is written into a fresh staging folder beside the output folder
//! and swapped into place only when every file is written, so a failed build
//! leaves the previous site untouched and a reader never sees half a site.
//! Where the output may be, and what may be replaced, is `target.rs`; the
//! swap is `swap.rs`.

mod swap;
mod target;

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::render::{OutputFile, Sink};

pub use swap::exchange;
pub use target::{Target, MARKER, MARKER_TEXT};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("refusing to write {path:?}: output paths must stay inside the output folder")]
    UnsafePath { path: String },
    #[error("two pages want the same file {path:?}")]
    DuplicatePath { path: String },
    #[error("{file} would overwrite the generated file {path} of the site; rename or move it")]
    StaticClash { file: String, path: String },
    #[error(
        "refusing to build into {output}: {why}; nothing was changed (choose another --output)"
    )]
    Refused { output: String, why: String },
    #[error("another dossier build is writing {output} (it holds the lock {lock}); wait for it to finish")]
    Locked { output: String, lock: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// The site's icon, which browsers ask for at the root whatever the page
/// says.
pub const FAVICON: &str = "favicon.ico";

/// A relative path is safe when it is made only of normal components: no
/// `..`, no root, no drive prefix. Such a path cannot leave the output folder.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// A site being written: files go into a fresh staging folder beside the
/// output folder as soon as they are ready (so a build never holds the whole
/// site in memory), and [`Staging::commit`] swaps the folder into place.
/// Dropping it without committing deletes the staging folder and leaves the
/// previous site as it was. Safe to share between threads.
pub struct Staging {
    target: Target,
    dir: tempfile::TempDir,
    /// Paths written so far, to refuse a second page claiming the same file.
    seen: std::sync::Mutex<HashSet<String>>,
}

impl Staging {
    /// Creates the staging folder for a site that will replace the output
    /// of `target`, and writes the marker into it first, so that a build
    /// killed at any point leaves a folder the next build may remove.
    pub fn new(target: Target) -> Result<Staging, WriteError> {
        let dir = tempfile::Builder::new()
            .prefix(&target.staging_prefix())
            .tempdir_in(&target.parent)
            .map_err(|source| WriteError::Io {
                path: target.shown(&target.parent),
                source,
            })?;
        let marker = dir.path().join(MARKER);
        fs::write(&marker, MARKER_TEXT).map_err(|source| WriteError::Io {
            path: target.shown(&marker),
            source,
        })?;
        Ok(Staging {
            target,
            dir,
            seen: std::sync::Mutex::new(HashSet::new()),
        })
    }

    fn io(&self, path: &Path) -> impl FnOnce(std::io::Error) -> WriteError {
        let path = self.target.shown(path);
        move |source| WriteError::Io { path, source }
    }

    /// Checks that `path` is safe and not yet taken, and returns where it
    /// goes in the staging folder (parent folders created).
    fn claim(&self, path: &str) -> Result<PathBuf, WriteError> {
        if !is_safe_relative(path) || path == MARKER {
            return Err(WriteError::UnsafePath {
                path: path.to_string(),
            });
        }
        // A poisoned lock only means another writer panicked; the set is
        // still a valid set of paths.
        let fresh = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string());
        if !fresh {
            return Err(WriteError::DuplicatePath {
                path: path.to_string(),
            });
        }
        let target = self.dir.path().join(path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(self.io(dir))?;
        }
        Ok(target)
    }

    /// Whether the site being staged has a file at `path` (written so far).
    pub fn contains(&self, path: &str) -> bool {
        self.seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .contains(path)
    }

    /// Writes one file of the site; `path` is relative to the output root.
    pub fn put(&self, path: &str, contents: &[u8]) -> Result<(), WriteError> {
        let target = self.claim(path)?;
        fs::write(&target, contents).map_err(self.io(&target))
    }

    /// Writes one file of the site through a buffered writer, for output too
    /// big to build in memory first (the JSON export).
    pub fn put_with(
        &self,
        path: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), WriteError> {
        let target = self.claim(path)?;
        let file = fs::File::create(&target).map_err(self.io(&target))?;
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(self.io(&target))
    }

    /// Copies the project's static files in, after the generated pages:
    /// a static file at a generated page's path is an error naming both.
    /// `favicon` is written as `favicon.ico` unless a static file is.
    /// Returns the number of files written.
    pub fn copy_static(
        &self,
        files: &[crate::ingest::StaticFile],
        favicon: &[u8],
    ) -> Result<usize, WriteError> {
        for file in files {
            let target = self.claim(&file.site_path).map_err(|e| match e {
                WriteError::DuplicatePath { path } => WriteError::StaticClash {
                    file: file.shown.clone(),
                    path,
                },
                e => e,
            })?;
            fs::copy(&file.source, &target).map_err(|source| WriteError::Io {
                path: file.shown.clone(),
                source,
            })?;
        }
        if files.iter().any(|f| f.site_path == FAVICON) {
            Ok(files.len())
        } else {
            self.put(FAVICON, favicon)?;
            Ok(files.len() + 1)
        }
    }

    /// Makes the staged site durable and swaps it into place in one step
    /// (see `swap.rs`), after checking once more that the output is still
    /// one the build may replace. On an error the old site is left as it
    /// was and the staging folder is removed.
    pub fn commit(self) -> Result<(), WriteError> {
        let Staging { target, dir, .. } = self;
        target.recheck()?;
        swap::sync_tree(dir.path()).map_err(|(path, source)| WriteError::Io {
            path: target.shown(&path),
            source,
        })?;
        let staged = dir.keep();
        swap::install(&staged, &target.output, &target.backup()).map_err(|(path, source)| {
            let _ = target::remove_site(&staged);
            WriteError::Io {
                path: target.shown(&path),
                source,
            }
        })
    }
}

impl Sink for Staging {
    type Error = WriteError;

    fn put(&self, path: &str, contents: &[u8]) -> Result<(), WriteError> {
        Staging::put(self, path, contents)
    }

    fn put_with(
        &self,
        path: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), WriteError> {
        Staging::put_with(self, path, write)
    }
}

/// Writes `files` so that the output of `target` holds exactly them (and
/// the marker) afterwards.
pub fn write_site(target: Target, files: &[OutputFile]) -> Result<(), WriteError> {
    // Check every path before touching the disk.
    let mut seen = HashSet::new();
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
    let staging = Staging::new(target)?;
    for file in files {
        staging.put(&file.path, &file.contents)?;
    }
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output `out` of an empty project beside it, claimed.
    fn claim(out: &Path) -> Target {
        let root = out.parent().unwrap().join("project");
        fs::create_dir_all(&root).unwrap();
        Target::claim(&root, out, &[]).unwrap()
    }

    /// What is left beside the project: the output, and nothing else.
    fn beside(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "project")
            .collect();
        names.sort();
        names
    }

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
        write_site(claim(&out), &[OutputFile::new("old.html", "old")]).unwrap();
        write_site(claim(&out), &[OutputFile::new("a/new.html", "new")]).unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("a/new.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), MARKER_TEXT);
        // No staging or backup folders, and no lock file, are left behind.
        assert_eq!(beside(dir.path()), ["public"]);
    }

    #[test]
    fn failed_write_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(claim(&out), &[OutputFile::new("index.html", "v1")]).unwrap();
        let err = write_site(claim(&out), &[OutputFile::new("../escape.html", "x")]).unwrap_err();
        assert!(matches!(err, WriteError::UnsafePath { .. }));
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "v1");
    }

    #[test]
    fn staging_refuses_duplicates_and_cleans_up_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(claim(&out), &[OutputFile::new("index.html", "v1")]).unwrap();
        let staging = Staging::new(claim(&out)).unwrap();
        staging.put("a.html", b"a").unwrap();
        let err = staging.put("a.html", b"again").unwrap_err();
        assert!(matches!(err, WriteError::DuplicatePath { .. }));
        let err = staging.put("../b.html", b"b").unwrap_err();
        assert!(matches!(err, WriteError::UnsafePath { .. }));
        drop(staging);
        // The old site is untouched and the staging folder is gone.
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "v1");
        assert_eq!(beside(dir.path()), ["public"]);
    }

    #[test]
    fn staging_streams_and_commits() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = Staging::new(claim(&out)).unwrap();
        staging.put("a/b.html", b"b").unwrap();
        staging
            .put_with("data/x.json", |w| w.write_all(b"{}"))
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a/b.html")).unwrap(), "b");
        assert_eq!(fs::read_to_string(out.join("data/x.json")).unwrap(), "{}");
    }
}
