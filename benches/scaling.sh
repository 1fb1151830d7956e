#!/usr/bin/env bash
# Scaling benchmark: is the analysis of one article linear in its length?
#
#   benches/scaling.sh [--sizes 1,2,4,8] [--base BYTES] [--shapes paragraphs,line,dates,people] [--no-build]
#
# Builds the `scaling` example in release mode and runs it from the
# repository root (it loads content/actors.yaml, the bundled knowledge base).
# For each shape (many paragraphs, one long line, one sentence of thousands
# of dates, many mentions of many people) and each size (1×, 2×, 4× of
# --base bytes, default 250000; add 8 with --sizes 1,2,4,8) it prints the time
# of each analysis stage, of a whole `dossier build` of a project holding that
# one article, the time per byte, and the ratio of time per byte 4×/1×
# (linear: close to 1; the target is at most 1.5).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --example scaling --manifest-path "$here/Cargo.toml"
target=${CARGO_TARGET_DIR:-$here/target}
cd "$here"
exec "$target/release/examples/scaling" "$@"
