//! Running the `dossier` binary from a test, set up the same way everywhere.

use std::path::Path;

use assert_cmd::Command;

/// The `dossier` binary. Tests run without a terminal; `CI=1` makes sure no
/// progress bar is attempted.
pub fn dossier() -> Command {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.env("CI", "1");
    cmd
}

/// `dossier build --root <root>`, which builds into `<root>/public`.
pub fn build(root: impl AsRef<Path>) -> Command {
    let mut cmd = dossier();
    cmd.args(["build", "--root"]).arg(root.as_ref());
    cmd
}

/// `dossier build --root <root> --output <out>`.
pub fn build_to(root: impl AsRef<Path>, out: impl AsRef<Path>) -> Command {
    let mut cmd = build(root);
    cmd.arg("--output").arg(out.as_ref());
    cmd
}

/// `dossier check --root <root>`.
pub fn check(root: impl AsRef<Path>) -> Command {
    let mut cmd = dossier();
    cmd.args(["check", "--root"]).arg(root.as_ref());
    cmd
}
