#!/usr/bin/env bash
# Writes maximum-quality brotli (.br) and gzip (.gz) siblings of every text file and wasm module under a
# folder, for the server to send as they are (server/src/routes/app_files.rs): a phone then pays the
# smallest bytes the build can make, and the server spends no CPU compressing per request.
#   precompress.sh DIR
set -euo pipefail
dir="${1:?usage: precompress.sh DIR}"
find "$dir" -type f \( -name '*.br' -o -name '*.gz' \) -delete
find "$dir" -type f \( -name '*.html' -o -name '*.js' -o -name '*.mjs' -o -name '*.wasm' -o -name '*.css' \
  -o -name '*.json' -o -name '*.webmanifest' -o -name '*.svg' -o -name '*.txt' \) -print0 |
  while IFS= read -r -d '' f; do
    brotli --force --best --output="$f.br" "$f"
    gzip --best --no-name --stdout "$f" > "$f.gz"
  done
