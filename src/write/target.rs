//! Where a build may write: the output rules (never the project, a folder
//! above it or a folder dossier reads; only a missing or empty folder or one
//! that carries dossier's marker), the lock that keeps two builds of one
//! output apart, and the removal of what killed builds left beside it.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Component, Path, PathBuf};

use super::WriteError;

/// The file dossier writes into every site it builds. Only a folder holding
/// it (or an empty one) is ever replaced. No page links to it.
pub const MARKER: &str = ".dossier-site";

/// The marker's one line.
pub const MARKER_TEXT: &str =
    "This folder was written by `dossier build`, which replaces it whole on the next build.\n";

/// An output folder that passed the rules, with the lock held: the build may
/// write beside it and replace it. The lock is released on drop.
#[derive(Debug)]
pub struct Target {
    /// The project root, canonical.
    root: PathBuf,
    /// The output folder, absolute and with every existing part canonical.
    pub(super) output: PathBuf,
    pub(super) parent: PathBuf,
    /// The output folder's file name, which names the staging folders.
    pub(super) name: String,
    _lock: Lock,
}

impl Target {
    /// Checks that `output` may hold the site of the project at `root`
    /// (whose raw-text folders are `sources`, relative to `root`), takes the
    /// lock, and removes staging and backup folders that killed builds left.
    /// Nothing is created or removed when a rule refuses the output.
    pub fn claim(root: &Path, output: &Path, sources: &[PathBuf]) -> Result<Target, WriteError> {
        let root = fs::canonicalize(root).map_err(|source| WriteError::Io {
            path: root.display().to_string(),
            source,
        })?;
        let out = resolve(output).map_err(|source| WriteError::Io {
            path: output.display().to_string(),
            source,
        })?;
        let shown = shown_in(&root, &out);
        let refuse = |why: String| WriteError::Refused {
            output: shown.clone(),
            why,
        };
        check_place(&root, &out, sources).map_err(refuse)?;
        check_contents(&out).map_err(|e| match e {
            Refusal::Why(why) => refuse(why),
            Refusal::Io(source) => WriteError::Io {
                path: shown.clone(),
                source,
            },
        })?;
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            return Err(refuse("it is the root of the file system".into()));
        };
        let parent = parent.to_path_buf();
        let name = name.to_string_lossy().into_owned();
        fs::create_dir_all(&parent).map_err(|source| WriteError::Io {
            path: shown_in(&root, &parent),
            source,
        })?;
        let lock_path = parent.join(format!(".{name}.lock"));
        let lock = Lock::take(&lock_path).map_err(|e| match e {
            None => WriteError::Locked {
                output: shown.clone(),
                lock: shown_in(&root, &lock_path),
            },
            Some(source) => WriteError::Io {
                path: shown_in(&root, &lock_path),
                source,
            },
        })?;
        let target = Target {
            root,
            output: out,
            parent,
            name,
            _lock: lock,
        };
        target.remove_leftovers()?;
        Ok(target)
    }

    /// `path` as messages show it: relative to the project when inside it.
    pub fn shown(&self, path: &Path) -> String {
        shown_in(&self.root, path)
    }

    /// The prefix of the staging folders beside the output.
    pub(super) fn staging_prefix(&self) -> String {
        format!(".{}.building-", self.name)
    }

    /// The backup folder used where the two folders cannot be exchanged.
    pub(super) fn backup(&self) -> PathBuf {
        self.parent
            .join(format!(".{}.previous-{}", self.name, std::process::id()))
    }

    /// Checks again, just before the swap, that the output is still one the
    /// build may replace (it may have changed during a long build).
    pub(super) fn recheck(&self) -> Result<(), WriteError> {
        check_contents(&self.output).map_err(|e| match e {
            Refusal::Why(why) => WriteError::Refused {
                output: self.shown(&self.output),
                why,
            },
            Refusal::Io(source) => WriteError::Io {
                path: self.shown(&self.output),
                source,
            },
        })
    }

    /// Removes `.NAME.building-*` and `.NAME.previous-*` folders beside the
    /// output that builds killed before they finished left behind: only
    /// folders (never links or files) that carry the marker or are empty, as
    /// every staging folder gets the marker first.
    fn remove_leftovers(&self) -> Result<(), WriteError> {
        let building = self.staging_prefix();
        let previous = format!(".{}.previous-", self.name);
        let entries = fs::read_dir(&self.parent).map_err(|source| WriteError::Io {
            path: self.shown(&self.parent),
            source,
        })?;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !(name.starts_with(&building) || name.starts_with(&previous)) {
                continue;
            }
            let path = entry.path();
            let is_dir = fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
            if is_dir && (has_marker(&path) || is_empty(&path)) {
                remove_site(&path).map_err(|source| WriteError::Io {
                    path: self.shown(&path),
                    source,
                })?;
            }
        }
        Ok(())
    }
}

/// `path` relative to `root` when inside it (`.` for the root itself),
/// otherwise as it is.
fn shown_in(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".to_string(),
        Ok(rel) => rel.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// `path` made absolute, its longest existing part canonical (links and
/// `..` resolved) and the rest appended, `..` in it taken lexically.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let parts: Vec<Component> = abs.components().collect();
    let mut known = parts.len();
    while known > 0 {
        let prefix: PathBuf = parts[..known].iter().collect();
        if fs::symlink_metadata(&prefix).is_ok() {
            break;
        }
        known -= 1;
    }
    let prefix: PathBuf = parts[..known].iter().collect();
    let mut out = fs::canonicalize(&prefix)?;
    for part in &parts[known..] {
        match part {
            Component::Normal(p) => out.push(p),
            Component::ParentDir => {
                out.pop();
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The output must not be the project, hold it, or hold or lie inside a
/// folder the build reads (content/, templates/, the source folders).
fn check_place(root: &Path, out: &Path, sources: &[PathBuf]) -> Result<(), String> {
    if out == root {
        return Err("it is the project folder itself".into());
    }
    if root.starts_with(out) {
        return Err(format!("it holds the project folder {}", root.display()));
    }
    let mut read: Vec<(String, &Path)> = vec![
        ("the project's content/ folder".into(), Path::new("content")),
        (
            "the project's templates/ folder".into(),
            Path::new("templates"),
        ),
        (
            "the project's static/ folder".into(),
            Path::new(crate::ingest::STATIC_DIR),
        ),
    ];
    for source in sources {
        read.push((
            format!(
                "the source folder `{}` listed in content/site.yaml",
                source.display()
            ),
            source,
        ));
    }
    for (what, rel) in read {
        let Ok(folder) = resolve(&root.join(rel)) else {
            continue;
        };
        if folder == out {
            return Err(format!("it is {what}"));
        }
        if folder.starts_with(out) {
            return Err(format!("it holds {what}"));
        }
        if out.starts_with(&folder) {
            return Err(format!("it is inside {what}, which the build reads"));
        }
    }
    Ok(())
}

enum Refusal {
    Why(String),
    Io(io::Error),
}

/// The output may be missing, an empty folder or a folder with the marker.
fn check_contents(out: &Path) -> Result<(), Refusal> {
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Refusal::Io(e)),
        Ok(meta) if meta.is_dir() => {
            if has_marker(out) || is_empty(out) || built_before_markers(out) {
                Ok(())
            } else {
                Err(Refusal::Why(format!(
                    "it is not empty and has no {MARKER} file, so dossier did not build it (empty it yourself to let dossier use it)"
                )))
            }
        }
        Ok(_) => Err(Refusal::Why("it is a file, not a folder".into())),
    }
}

/// Removes a site folder dossier wrote, the marker last: a build killed
/// during the removal leaves a folder that still carries the marker (or an
/// empty one), which the next build recognizes and removes.
pub(super) fn remove_site(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name() == MARKER {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(&path)?;
        } else {
            fs::remove_file(&path)?;
        }
    }
    match fs::remove_file(dir.join(MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::remove_dir(dir)
}

fn has_marker(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// A site written by a dossier from before the marker: it has the two files
/// only dossier writes, the JSON export and the search index, each opening
/// as dossier opens them. Such a site is dossier's own, so it may be
/// replaced (and gets the marker) without the user emptying it first.
fn built_before_markers(dir: &Path) -> bool {
    fn opens_with(path: &Path, prefix: &[u8]) -> bool {
        use std::io::Read;
        let mut head = vec![0; prefix.len()];
        fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok()
            && head == prefix
    }
    opens_with(&dir.join("data/dossier.json"), b"{\n  \"format_version\": ")
        && opens_with(
            &dir.join("assets/search-index.js"),
            b"window.dossierSearch = ",
        )
}

fn is_empty(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// An OS lock on a file beside the output (`.NAME.lock`), held for the whole
/// build. The file is removed when the lock is released.
#[derive(Debug)]
struct Lock {
    path: PathBuf,
    _file: File,
}

impl Lock {
    /// Takes the lock, or `Err(None)` when another process holds it.
    fn take(path: &Path) -> Result<Lock, Option<io::Error>> {
        // The build that held the lock before removes the file when it is
        // done; a lock taken on a file removed meanwhile is no lock, so try
        // again on the new one.
        for _ in 0..16 {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .open(path)
                .map_err(Some)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => return Err(None),
                Err(fs::TryLockError::Error(e)) => return Err(Some(e)),
            }
            if same_file(&file, path) {
                return Ok(Lock {
                    path: path.to_path_buf(),
                    _file: file,
                });
            }
        }
        Err(None)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked; the file is closed (and the lock
        // released) right after.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}
