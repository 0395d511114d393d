#!/usr/bin/env bash
# Builds everything the server serves, in the order the builds need: the young person's first-load app
# (`trunk build` empties dist/), the officer's console (dist/officer/), then the surveys page
# (dist/surveys/, which also writes the service worker's final file list).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
trunk build --release
bash scripts/build-console.sh
bash scripts/build-surveys.sh
