//! Gives the binary a fingerprint of the code and data that analyse an
//! article (`src/`, `data/`, `Cargo.lock`), as `DOSSIER_ANALYSIS_HASH`, so the
//! on-disk analysis cache (`src/cache.rs`) is never shared between two
//! builds of dossier that could analyse one article differently.
use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// FNV-1a, 64 bits, from `seed`: two seeds make a 128-bit fingerprint.
fn fnv(seed: u64, bytes: &[u8], mut h: u64) -> u64 {
    if h == 0 {
        h = seed;
    }
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut all = Vec::new();
    for dir in ["src", "data"] {
        files(&root.join(dir), &mut all);
        println!("cargo:rerun-if-changed={dir}");
    }
    all.push(root.join("Cargo.lock"));
    println!("cargo:rerun-if-changed=Cargo.lock");
    all.sort();
    let (mut a, mut b) = (0u64, 0u64);
    for path in &all {
        let name = path.strip_prefix(&root).unwrap_or(path).to_string_lossy();
        let bytes = fs::read(path).unwrap_or_default();
        for part in [name.as_bytes(), &[0], &bytes, &[0]] {
            a = fnv(0xcbf2_9ce4_8422_2325, part, a);
            b = fnv(0x8422_2325_cbf2_9ce4, part, b);
        }
    }
    println!("cargo:rustc-env=DOSSIER_ANALYSIS_HASH={a:016x}{b:016x}");
}
