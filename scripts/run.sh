#!/usr/bin/env bash
# Builds and runs Your Say on this machine: the app, the officer console and the server with an embedded
# SQLite database (data/yoursay.sqlite3, created on first run). Installs what is missing first.
# Options go to the server, e.g. `scripts/run.sh --bind 127.0.0.1:3000`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
bash scripts/build-app.sh
cargo build --profile server -p yoursay-server
echo
echo "First time? Create an officer account for the console (/officer/):"
echo "  target/server/yoursay-server create-officer --email you@council.gov.wales --password-stdin"
echo
exec target/server/yoursay-server serve "$@"
