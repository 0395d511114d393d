#!/usr/bin/env bash
# Benchmarks of Your Say: prints a table and writes it to bench/latest.md.
#   1. first-load size (scripts/bundle-size.sh)
#   2. time to the first screen on a slow phone (Chromium, CPU 4x slower, slow 3G-like network), cold and warm
#   3. time to save an entry with the server gone ("Send" -> "Thank you")
#   4. server ingest rate (POST /api/v1/entries, batches of 50, SQLite): new and re-sent entries, a raw
#      SQLite insert of the same rows (same run, same settings) and the ratio, 4 devices at once
#   5. export time, size and peak memory (yoursay-server export, CSV and XLSX) over the ingested entries
#      (about 100,000 answers)
#   6. the server's peak memory under 200 simultaneous sign-in attempts (must stay under a stated bound)
# Not part of scripts/test.sh or CI. Needs the tools of `bash scripts/setup.sh test`. Takes a few minutes
# after the builds.
# Environment: CARGO_TARGET_DIR (default target), BENCH_RUNS (first-screen runs, 9), BENCH_ENTRIES (offline
# saves, 20), BENCH_INGEST (entries, 15625: about 100,000 answers), BENCH_NOTE (a sentence about the machine for the report),
# BENCH_OUT (default bench/latest.md), BENCH_COMMIT (the commit to name when run from a copy outside git).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/.tools/node_modules/.bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
out="${BENCH_OUT:-bench/latest.md}"
results=$(mktemp -d "${TMPDIR:-/tmp}/yoursay-bench-XXXXXX")
trap 'rm -rf "$results"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

step "build: app (scripts/build-app.sh) and server (cargo build --profile server)"
bash scripts/build-app.sh
cargo build --profile server -p yoursay-server
export YOURSAY_SERVER_BIN="$target/server/yoursay-server"
export YOURSAY_APP_DIR="$root/dist"

step "first-load size"
bash scripts/bundle-size.sh | tee "$results/bundle-size.txt" >&2 || echo "(over the bundle budget; measuring anyway)" >&2

step "slow phone: first screen (cold, warm) and saving offline"
node tests/e2e/bench/phone.mjs "$results/phone.json"

step "server: ingest and export"
node tests/e2e/bench/server.mjs "$results/server.json"

step "server: memory under simultaneous sign-in attempts"
node tests/e2e/bench/sign-in.mjs "$results/sign-in.json"

commit=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
dirty=false
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then dirty=true; fi
CORES=$(nproc) \
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo) \
MEMORY="$(awk '/^MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo)" \
CHROMIUM=$("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | head -1 || echo Chromium) \
LOAD_BEFORE="$load_before" COMMIT="$commit" DIRTY="$dirty" NOTE="${BENCH_NOTE:-}" \
node -e '
  const e = process.env;
  console.log(JSON.stringify({
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    cores: Number(e.CORES), cpu: e.CPU || "unknown CPU", memory: e.MEMORY, chromium: e.CHROMIUM,
    loadBefore: e.LOAD_BEFORE, commit: e.COMMIT, dirty: e.DIRTY === "true", note: e.NOTE,
  }));
' > "$results/machine.json"

step "report ($out)"
mkdir -p "$(dirname "$out")"
node tests/e2e/bench/report.mjs "$results" "$out"
