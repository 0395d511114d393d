#!/usr/bin/env bash
# Builds the surveys page (surveys/index.html: the young person's app with the `surveys` feature, the one
# form runner for the officer's surveys) into dist/surveys/, served by the server under /surveys/. It is not
# part of the first load: a phone fetches it when a survey is opened, and the service worker keeps it for
# offline use, so this script then writes the service worker's file list again over both builds.
# Build the first-load app first: `trunk build` empties dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
dist="$PWD/dist"
[ -f "$dist/index.html" ] || { echo "no dist/index.html: run trunk build --release first" >&2; exit 1; }
trunk --config surveys/Trunk.toml build --dist "$dist/surveys" --public-url /surveys/
TRUNK_STAGING_DIR="$dist/surveys" bash scripts/minify-glue.sh
python3 scripts/strip-wasm.py "$dist"/surveys/*.wasm
python3 scripts/shorten-wasm-names.py "$dist/surveys"
bash scripts/precompress.sh "$dist/surveys"
# The service worker lists every file of both builds (not the console's): a new template, filled again.
cp public/sw.js "$dist/sw.js"
TRUNK_STAGING_DIR="$dist" bash scripts/service-worker-manifest.sh
brotli --force --best --output="$dist/sw.js.br" "$dist/sw.js"
gzip --best --no-name --stdout "$dist/sw.js" > "$dist/sw.js.gz"
echo "surveys page built in $dist/surveys"
