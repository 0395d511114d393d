#!/usr/bin/env bash
# Budget check: the bytes a phone downloads on first load of the young person's app, measured on the
# wire. Starts the built server ($YOURSAY_SERVER_BIN, else target/server or target/debug yoursay-server,
# whichever is newer) on a free loopback port with a throw-away SQLite database and the built dist/, asks
# it for the page and every file the page references (wasm, manifest, icon; the stylesheet and the
# JavaScript glue are in the page) with `Accept-Encoding: br` as a phone's browser would, and fails when the
# sum exceeds the budget in ARCHITECTURE.md. Builds nothing: run after `cargo build -p yoursay-server` and `trunk build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
# 150 KB read strictly: 150,000 bytes.
budget=${BUNDLE_BUDGET_BYTES:-150000}
dist=${DIST:-dist}
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run trunk build --release first" >&2; exit 1; }
server=${YOURSAY_SERVER_BIN:-$(ls -t target/server/yoursay-server target/debug/yoursay-server 2>/dev/null | head -n1 || true)}
[ -n "$server" ] || { echo "no server binary: run cargo build -p yoursay-server first" >&2; exit 1; }

tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$server" serve --bind "127.0.0.1:$port" --app-dir "$dist" \
  --database-url "sqlite://$tmp/budget.sqlite3?mode=rwc" >"$tmp/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 100); do
  curl -fs -o /dev/null "$base/" && break
  kill -0 "$pid" 2>/dev/null || { cat "$tmp/server.log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 0.1
done

# The page, then each file it names (in attributes and in its start-up script), once each. A name counts
# where a path starts (after `=`, a quote or a space): the glue, inline in the page, also holds the wasm's
# import module name `./yoursay-app_bg.js`, which is not a file.
paths=$(printf '/\n'; grep -oE "[=\"' ]/[A-Za-z0-9._/-]+\.(wasm|js|css|webmanifest|svg)" "$dist/index.html" | cut -c2- | sort -u)
total=0
printf '%-48s %12s %10s\n' "file (as served, Accept-Encoding: br)" encoding bytes
for path in $paths; do
  out=$(curl -fsS -H 'Accept-Encoding: br' -o /dev/null -D "$tmp/headers" -w '%{size_download}' "$base$path")
  encoding=$(tr -d '\r' <"$tmp/headers" | awk 'tolower($1) == "content-encoding:" { print $2 }')
  total=$((total + out))
  printf '%-48s %12s %10d\n' "$path" "${encoding:-none}" "$out"
done
printf '%-48s %12s %10d  (budget %d bytes, %d left)\n' "first load" "" "$total" "$budget" $((budget - total))
if [ "$total" -gt "$budget" ]; then
  echo "bundle budget exceeded: first load is $total bytes on the wire, budget $budget" >&2
  exit 1
fi
