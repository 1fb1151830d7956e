//! Reading a folder back (a built site, usually): every file by its path.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every file under `dir` with its bytes, by forward-slash path relative to
/// `dir`, in path order.
pub fn read_tree(dir: impl AsRef<Path>) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let dir = dir.as_ref();
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// [`read_tree`] as text: a file that is not UTF-8 reads as empty.
pub fn read_text_tree(dir: impl AsRef<Path>) -> BTreeMap<String, String> {
    read_tree(dir)
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap_or_default()))
        .collect()
}
