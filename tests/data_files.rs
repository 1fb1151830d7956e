//! `data/README.md` names every data file with its checksum: a file added,
//! removed or edited without updating the table fails here.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// `file → sha256` from the README's table rows.
fn listed() -> BTreeMap<String, String> {
    let readme = fs::read_to_string(data_dir().join("README.md")).unwrap();
    readme
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = cells[1].trim_matches('`').to_string();
            let sum = cells[cells.len() - 2].trim_matches('`').to_string();
            (name, sum)
        })
        .collect()
}

#[test]
fn every_data_file_is_listed_with_its_checksum() {
    let listed = listed();
    assert!(!listed.is_empty(), "no table rows read from data/README.md");
    let mut found = Vec::new();
    files(&data_dir(), &mut found);
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for path in found {
        let rel = path
            .strip_prefix(data_dir())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "README.md" {
            continue;
        }
        let sum: String = Sha256::digest(fs::read(&path).unwrap())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        match listed.get(&rel) {
            None => problems.push(format!("data/{rel} is not listed in data/README.md")),
            Some(s) if *s != sum => problems.push(format!(
                "data/{rel}: the README says sha256 {s}, the file has {sum}"
            )),
            Some(_) => {}
        }
        seen.push(rel);
    }
    for name in listed.keys() {
        if !seen.contains(name) {
            problems.push(format!("data/README.md lists {name}, which does not exist"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
