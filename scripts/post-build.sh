#!/usr/bin/env bash
# Trunk post_build hook for the young person's app, steps in order: minify the glue, strip the wasm's
# custom sections and give the names the wasm and its glue share short ones, write the first screen into
# the page and put the stylesheet and the glue in it too, then write the final file list into the service
# worker, then pre-compress the final files (release builds only: q11 on
# a debug wasm takes long and the server sends a file as it is when it has no sibling).
set -euo pipefail
here="$(dirname "$0")"
bash "$here/minify-glue.sh"
python3 "$here/strip-wasm.py" "${TRUNK_STAGING_DIR:?}"/*.wasm
python3 "$here/shorten-wasm-names.py" "${TRUNK_STAGING_DIR:?}"
python3 "$here/first-screen.py" "${TRUNK_STAGING_DIR:?}"
python3 "$here/inline-first-load.py" "${TRUNK_STAGING_DIR:?}"
bash "$here/service-worker-manifest.sh"
if [ "${TRUNK_PROFILE:-release}" = release ]; then bash "$here/precompress.sh" "${TRUNK_STAGING_DIR:?}"; fi
