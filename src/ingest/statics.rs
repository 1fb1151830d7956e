//! The project's `static/` folder: files (favicon, logo, downloads) copied
//! into the site as they are, at the same path below the site root as below
//! `static/`. Found here with the rules sources follow: hidden files are
//! skipped, a linked file is copied only when it resolves inside the
//! project, a linked folder is not followed, and each skipped link is a
//! warning naming it.

use std::path::{Path, PathBuf};

use super::{inside, outside_link, relative, IngestError};
use crate::corpus::diagnostics::Diagnostic;

/// Where a project's static files live, relative to its root.
pub const STATIC_DIR: &str = "static";

/// One file to copy into the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Forward-slash path in the site (`img/logo.svg`).
    pub site_path: String,
    /// The file as the user knows it (`static/img/logo.svg`).
    pub shown: String,
    /// Where it is on disk.
    pub source: PathBuf,
}

/// The files of `root/static/`, sorted by site path, and warnings about
/// what was skipped. No folder means no files.
pub fn static_files(root: &Path) -> Result<(Vec<StaticFile>, Vec<Diagnostic>), IngestError> {
    let dir = root.join(STATIC_DIR);
    let mut out = Vec::new();
    let mut diagnostics = Vec::new();
    if !dir.is_dir() {
        return Ok((out, diagnostics));
    }
    let read_err = |path: &Path| {
        let path = relative(root, path);
        move |source| IngestError::Read { path, source }
    };
    let root_real = root.canonicalize().map_err(read_err(root))?;
    let mut stack = vec![dir.clone()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).map_err(read_err(&current))? {
            let entry = entry.map_err(read_err(&current))?;
            let path = entry.path();
            let shown = relative(root, &path);
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                diagnostics.push(
                    Diagnostic::warning(
                        "static-name",
                        format!("`{shown}`: the file name is not valid UTF-8; it is not copied"),
                    )
                    .in_file(shown),
                );
                continue;
            };
            // Editor and VCS litter; `.well-known/` is meant to be served.
            if name.starts_with('.') && name != ".well-known" {
                continue;
            }
            let kind = entry.file_type().map_err(read_err(&path))?;
            if kind.is_symlink() {
                if path.is_dir() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "linked-folder",
                            format!("`{shown}` is a symbolic link to a folder; linked folders are not copied"),
                        )
                        .in_file(shown),
                    );
                    continue;
                }
                if !inside(&root_real, &path) {
                    diagnostics.push(outside_link(&shown));
                    continue;
                }
            } else if kind.is_dir() {
                stack.push(path);
                continue;
            }
            if path.is_file() {
                let site_path = relative(&dir, &path);
                out.push(StaticFile {
                    site_path,
                    shown,
                    source: path,
                });
            }
        }
    }
    out.sort_by(|a, b| a.site_path.cmp(&b.site_path));
    Ok((out, diagnostics))
}
