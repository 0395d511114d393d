#!/usr/bin/env bash
# Builds the participation officer's console (the `yoursay-console` crate in console/, a wasm bundle of its
# own) into
# dist/officer/, served by the server under /officer/. Its own Trunk.toml (console/Trunk.toml) has no
# service-worker hook: the console is online-only and the young person's service worker ignores /officer.
# Build the young person's app first: `trunk build` empties dist/ (and with it dist/officer/).
#   DIST=DIR overrides the output folder (default dist/officer).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh
dist="${DIST:-$PWD/dist/officer}"
trunk --config console/Trunk.toml build --dist "$dist" --public-url /officer/
# The same last steps as the phone's build: minified glue (console/index.html asks for no integrity hash
# on it), then maximum-quality .br/.gz siblings for the server to send.
TRUNK_STAGING_DIR="$dist" bash scripts/minify-glue.sh
bash scripts/precompress.sh "$dist"
echo "console built in $dist"
