//! Projects for tests: temporary ones written file by file or copied from
//! `tests/fixtures/`, and the repository's own bundled project.

use std::fs;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// The repository root, which is also the bundled project.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture `tests/fixtures/<name>` (a folder or a file).
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The text of the bundled seed article whose file name starts with `prefix`.
pub fn seed(prefix: &str) -> String {
    let entry = fs::read_dir(repo().join("seeds"))
        .expect("seeds folder")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed file starting with {prefix:?}"));
    fs::read_to_string(entry.path()).expect("readable seed")
}

/// A project in a new temporary folder, `<tmp>/project`, removed on drop.
/// The temporary folder around it has room for build outputs ([`beside`]).
///
/// The writing methods return the project so that calls chain:
/// `p.file("content/site.yaml", "title: T\n").bundled_actors();`
///
/// [`beside`]: Project::beside
pub struct Project {
    tmp: TempDir,
    root: PathBuf,
}

impl Default for Project {
    fn default() -> Self {
        Self::new()
    }
}

impl Project {
    /// An empty project folder.
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("project");
        fs::create_dir_all(&root).expect("mkdir");
        Project { tmp, root }
    }

    /// The project's root folder (what `--root` and `dossier::build` take).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `rel` inside the project.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// `name` in the temporary folder beside the project (outside it), for a
    /// build output such as `beside("public")`.
    pub fn beside(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Writes `contents` to `rel`, creating its folders; replaces any file there.
    pub fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, contents).expect("write");
        self
    }

    /// Creates the (empty) folder `rel`.
    pub fn folder(&self, rel: &str) -> &Self {
        fs::create_dir_all(self.path(rel)).expect("mkdir");
        self
    }

    /// Copies the file or folder tree `from` to `rel` in the project
    /// (`""` for the project root).
    pub fn copy(&self, from: impl AsRef<Path>, rel: &str) -> &Self {
        copy_tree(from.as_ref(), &self.path(rel));
        self
    }

    /// Copies everything in `tests/fixtures/<name>` into the project root.
    pub fn copy_fixture(&self, name: &str) -> &Self {
        self.copy(fixture(name), "")
    }

    /// Copies the repository's knowledge base, `content/actors.yaml`, so the
    /// project knows the people the bundled site knows.
    pub fn bundled_actors(&self) -> &Self {
        self.copy(repo().join("content/actors.yaml"), "content/actors.yaml")
    }
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).expect("mkdir");
        for entry in fs::read_dir(from).expect("read fixture folder") {
            let entry = entry.expect("fixture entry");
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::copy(from, to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }
}
