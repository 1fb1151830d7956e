#!/usr/bin/env bash
# Benchmark `dossier build` over a generated corpus.
#
#   benches/run.sh [N ...]        (default: 1000 10000)
#
# Generates N synthetic articles with ../shared/bench/gen_corpus.py (Markdown
# with YAML front matter, deterministic), lays them out as a dossier project
# that uses this repository's knowledge base, and times a release build of
# each, reporting wall time and peak memory. Output goes to a tmpfs folder when
# /dev/shm exists so disk speed does not dominate.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
gen="$here/../shared/bench/gen_corpus.py"
[ -f "$gen" ] || { echo "missing $gen (the shared bench generator)" >&2; exit 1; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/dossier-bench || echo /tmp/dossier-bench )}
mkdir -p "$work"

cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin="$here/target/release/dossier"

for n in "${sizes[@]}"; do
  corpus="$work/corpus$n"
  [ -d "$corpus" ] || python3 "$gen" --n "$n" --out "$corpus" >/dev/null
  project="$work/project$n"
  rm -rf "$project"; mkdir -p "$project/content"
  cp -r "$corpus/hugo/content/articles" "$project/content/articles"
  cp "$here/content/actors.yaml" "$project/content/" 2>/dev/null || true
  cat > "$project/content/site.yaml" <<YAML
title: "Benchmark corpus ($n articles)"
sources: []
YAML
  # Peak RSS from GNU time when available; wall time from bash otherwise.
  start=$(date +%s.%N)
  set +e
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak_rss_kib=%M" -o "$work/time$n.txt" \
      "$bin" build --root "$project" --output "$work/out$n" >/dev/null 2>"$work/log$n.txt"
  else
    "$bin" build --root "$project" --output "$work/out$n" >/dev/null 2>"$work/log$n.txt"
  fi
  status=$?
  set -e
  end=$(date +%s.%N)
  if [ "$status" -ne 0 ]; then
    echo "build of $n articles failed:" >&2; tail -20 "$work/log$n.txt" >&2; exit 1
  fi
  files=$(find "$work/out$n" -type f | wc -l)
  printf '%6d articles: %6.2f s  %s  %d files\n' "$n" "$(python3 -c "print($end - $start)")" \
    "$(cat "$work/time$n.txt" 2>/dev/null || echo 'peak_rss_kib=?')" "$files"
done
