//! Final stage, write: put the rendered files on disk all at once.
//!
//! The site is written into a fresh temporary folder beside the output folder
//! and swapped into place only when every file is written, so a failed build
//! leaves the previous site untouched and a reader never sees half a site.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::render::{OutputFile, Sink};

/// One file of the site, with its path relative to the output folder.
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

/// A site being written: files go into a fresh temporary folder beside the
/// output folder as soon as they are ready (so a build never holds the whole
/// site in memory), and [`Staging::commit`] swaps the folder into place.
/// Dropping it without committing deletes the temporary folder and leaves the
/// previous site as it was. Safe to share between threads.
pub struct Staging {
    output: PathBuf,
    parent: PathBuf,
    name: String,
    dir: tempfile::TempDir,
    /// Paths written so far, to refuse a second page claiming the same file.
    seen: std::sync::Mutex<HashSet<String>>,
}

impl Staging {
    /// Creates the temporary folder for a site that will replace `output`.
    pub fn new(output: &Path) -> Result<Staging, WriteError> {
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_string());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.building-"))
            .tempdir_in(&parent)
            .map_err(io(&parent))?;
        Ok(Staging {
            output: output.to_path_buf(),
            parent,
            name,
            dir,
            seen: std::sync::Mutex::new(HashSet::new()),
        })
    }

    /// Checks that `path` is safe and not yet taken, and returns where it
    /// goes in the staging folder (parent folders created).
    fn claim(&self, path: &str) -> Result<PathBuf, WriteError> {
        if !is_safe_relative(path) {
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
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        Ok(target)
    }

    /// Writes one file of the site; `path` is relative to the output root.
    pub fn put(&self, path: &str, contents: &[u8]) -> Result<(), WriteError> {
        let target = self.claim(path)?;
        fs::write(&target, contents).map_err(io(&target))
    }

    /// Writes one file of the site through a buffered writer, for output too
    /// big to build in memory first (the JSON export).
    pub fn put_with(
        &self,
        path: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), WriteError> {
        let target = self.claim(path)?;
        let file = fs::File::create(&target).map_err(io(&target))?;
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(io(&target))
    }

    /// Swaps the staged site into place: move the old site aside, move the
    /// new one in, then delete the old. If the second rename fails, the old
    /// site is put back.
    pub fn commit(self) -> Result<(), WriteError> {
        let Staging {
            output,
            parent,
            name,
            dir,
            ..
        } = self;
        let output = output.as_path();
        let staged = dir.keep();
        let backup = parent.join(format!(".{name}.previous-{}", std::process::id()));
        let had_old = output.exists();
        if had_old {
            if let Err(source) = fs::rename(output, &backup) {
                let _ = fs::remove_dir_all(&staged);
                return Err(WriteError::Io {
                    path: output.to_path_buf(),
                    source,
                });
            }
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

/// Writes `files` so that `output` holds exactly them afterwards.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
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
    let staging = Staging::new(output)?;
    for file in files {
        staging.put(&file.path, &file.contents)?;
    }
    staging.commit()
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

    #[test]
    fn staging_refuses_duplicates_and_cleans_up_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[OutputFile::new("index.html", "v1")]).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.put("a.html", b"a").unwrap();
        let err = staging.put("a.html", b"again").unwrap_err();
        assert!(matches!(err, WriteError::DuplicatePath { .. }));
        let err = staging.put("../b.html", b"b").unwrap_err();
        assert!(matches!(err, WriteError::UnsafePath { .. }));
        drop(staging);
        // The old site is untouched and the staging folder is gone.
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "v1");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn staging_streams_and_commits() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = Staging::new(&out).unwrap();
        staging.put("a/b.html", b"b").unwrap();
        staging
            .put_with("data/x.json", |w| w.write_all(b"{}"))
            .unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a/b.html")).unwrap(), "b");
        assert_eq!(fs::read_to_string(out.join("data/x.json")).unwrap(), "{}");
    }
}
