#!/usr/bin/env bash
# Trunk post_build hook for the young person's app, steps in order: minify the glue, then write the
# final file list into the service worker.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/minify-glue.sh"
bash "$here/service-worker-manifest.sh"
