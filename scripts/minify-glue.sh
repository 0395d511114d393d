#!/usr/bin/env bash
# Trunk post_build step: minifies wasm-bindgen's JavaScript glue, which Trunk leaves as it is (about a
# quarter of its brotli size on the phone's first load). index.html asks for no integrity hash on the
# glue, since it changes here after Trunk has written the page.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
terser="$(dirname "$0")/../.tools/node_modules/.bin/terser"
for js in "$dir"/*.js; do
  [ "$(basename "$js")" = sw.js ] && continue
  "$terser" "$js" --module --compress --mangle --output "$js.min"
  mv "$js.min" "$js"
done
