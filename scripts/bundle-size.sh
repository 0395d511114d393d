#!/usr/bin/env bash
# Benchmark: what a phone downloads on first load of the young person's app (index.html, the wasm, its
# JavaScript glue, the stylesheet, the manifest and icon), brotli-compressed as a server or CDN would send
# it. Fails when it exceeds the budget in ARCHITECTURE.md. Run after `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
# 150 KB read strictly: 150,000 bytes.
budget=${BUNDLE_BUDGET_BYTES:-150000}
total=0
printf '%-48s %10s %10s\n' file bytes brotli
for f in dist/index.html dist/*.wasm dist/*.js dist/*.css dist/manifest.webmanifest dist/icon.svg; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total=$((total + br))
  printf '%-48s %10d %10d\n' "$f" "$raw" "$br"
done
printf '%-48s %10s %10d  (budget %d bytes, %d left)\n' "first load" "" "$total" "$budget" $((budget - total))
if [ "$total" -gt "$budget" ]; then
  echo "bundle budget exceeded: first load is $total bytes brotli, budget $budget" >&2
  exit 1
fi
