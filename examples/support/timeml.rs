//! What the TimeML evaluation examples (`tempeval`, `pubdate-eval`) share:
//! finding the `.tml` documents under the folders and files they are given.

use std::path::{Path, PathBuf};

/// The `.tml` files under `inputs` (folders searched recursively), sorted.
/// An unreadable input ends the program with a message naming it.
pub fn files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if let Err(e) = collect(input, &mut files) {
            eprintln!("{}: {e}", input.display());
            std::process::exit(1);
        }
    }
    files.sort();
    files
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect(&entry?.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "tml") {
        out.push(path.to_path_buf());
    }
    Ok(())
}
