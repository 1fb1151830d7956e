//! The swap: the staged site is made durable (every file and folder
//! fsynced), then replaces the old one in a single step, an exchange of the
//! two folders (`renameat2(RENAME_EXCHANGE)` on Linux), and the old site is
//! removed. A kill at any point leaves the complete old or new site.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Every file and folder under `dir`, folders after the files they hold.
fn tree(dir: &Path, files: &mut Vec<PathBuf>, dirs: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            tree(&path, files, dirs)?;
        } else {
            files.push(path);
        }
    }
    dirs.push(dir.to_path_buf());
    Ok(())
}

/// Writes every file and folder entry under `dir` through to the disk.
pub(super) fn sync_tree(dir: &Path) -> Result<(), (PathBuf, io::Error)> {
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    tree(dir, &mut files, &mut dirs).map_err(|e| (dir.to_path_buf(), e))?;
    files.par_iter().try_for_each(|f| {
        File::open(f)
            .and_then(|f| f.sync_all())
            .map_err(|e| (f.clone(), e))
    })?;
    dirs.par_iter()
        .try_for_each(|d| sync_dir(d).map_err(|e| (d.clone(), e)))
}

/// Makes a folder's entries (a rename in it) durable.
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Swaps the two folders `a` and `b` in one step: afterwards `a` holds what
/// was `b` and `b` what was `a`. `Unsupported` where the system or the file
/// system cannot.
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Err(
                io::Error::new(io::ErrorKind::Unsupported, "RENAME_EXCHANGE not supported"),
            ),
            Err(e) => Err(e.into()),
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "no atomic exchange of two folders here",
        ))
    }
}

/// Puts the synced site `staged` in place of `output` (missing, or a folder
/// the build may replace), `backup` being where the old site goes where the
/// two cannot be exchanged. On success `staged` no longer exists; on an
/// error the old site is where it was and `staged` is left for the caller
/// to remove.
pub(super) fn install(
    staged: &Path,
    output: &Path,
    backup: &Path,
) -> Result<(), (PathBuf, io::Error)> {
    let parent = output.parent().unwrap_or(Path::new("."));
    let at = |p: &Path| {
        let p = p.to_path_buf();
        move |e| (p, e)
    };
    if fs::symlink_metadata(output).is_err() {
        // No old site: one rename (which would fail on a folder that
        // appeared meanwhile and is not empty, never replacing it).
        fs::rename(staged, output).map_err(at(output))?;
        return sync_dir(parent).map_err(at(parent));
    }
    match exchange(staged, output) {
        Ok(()) => {
            sync_dir(parent).map_err(at(parent))?;
            // `staged` now holds the old site, which carries the marker: a
            // kill during the removal leaves it for the next build.
            let _ = super::target::remove_site(staged);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::Unsupported => {
            // Two renames; a kill between them leaves the old site in
            // `backup`, which the next build removes.
            fs::rename(output, backup).map_err(at(output))?;
            if let Err(e) = fs::rename(staged, output) {
                let _ = fs::rename(backup, output);
                return Err((output.to_path_buf(), e));
            }
            sync_dir(parent).map_err(at(parent))?;
            let _ = super::target::remove_site(backup);
            Ok(())
        }
        Err(e) => Err((output.to_path_buf(), e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_swaps_two_folders() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir_all(a.join("sub")).unwrap();
        fs::write(a.join("sub/new.html"), "new").unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(b.join("old.html"), "old").unwrap();
        exchange(&a, &b).unwrap();
        assert_eq!(fs::read_to_string(b.join("sub/new.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(a.join("old.html")).unwrap(), "old");
        assert!(!b.join("old.html").exists() && !a.join("sub").exists());
    }

    #[test]
    fn install_swaps_the_new_site_in_and_removes_the_old() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, out) = (
            dir.path().join(".public.building-x"),
            dir.path().join("public"),
        );
        let backup = dir.path().join(".public.previous-1");
        fs::create_dir(&staged).unwrap();
        fs::write(staged.join("index.html"), "new").unwrap();
        sync_tree(&staged).unwrap();
        fs::create_dir(&out).unwrap();
        fs::write(out.join("index.html"), "old").unwrap();
        fs::write(out.join("gone.html"), "old").unwrap();
        install(&staged, &out, &backup).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert!(!out.join("gone.html").exists());
        // Only the output is left: the old site is removed.
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn install_without_an_old_site_renames() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, out) = (dir.path().join("s"), dir.path().join("public"));
        fs::create_dir(&staged).unwrap();
        fs::write(staged.join("index.html"), "new").unwrap();
        install(&staged, &out, &dir.path().join("b")).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert!(!staged.exists());
    }
}
