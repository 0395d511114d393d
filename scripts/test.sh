#!/usr/bin/env bash
# Runs every test of Your Say, installing what is missing first (see scripts/setup.sh):
#   core unit tests · the post-build scripts' unit tests · server integration tests on SQLite and on a
#   real PostgreSQL · browser tests of the IndexedDB outbox in headless Chromium · end-to-end tests of the
#   built app in Chromium (offline loop, officer console, accessibility with axe-core) · the first-load
#   bundle budget.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh test
export PATH="$root/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step "core: unit tests and translation checks"
cargo test -p yoursay-core

step "build scripts: unit tests (the post-build steps that rewrite the built app)"
python3 -m unittest discover -s scripts/tests

step "server: integration tests on SQLite and PostgreSQL"
# Two steps on purpose: `set -e` stops the script when `start` fails here, but not inside `eval "$(…)"`.
trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
pg_env="$(bash scripts/postgres.sh start)"
eval "$pg_env"
[ -n "${YOURSAY_TEST_POSTGRES_URL:-}" ] || { echo "PostgreSQL did not start: stopping" >&2; exit 1; }
cargo test -p yoursay-server
cargo build -p yoursay-server

step "app: browser tests (IndexedDB in headless Chromium)"
cargo test --target wasm32-unknown-unknown -p yoursay-app --features surveys

step "console: unit tests in headless Chromium (chart geometry, the events list)"
cargo test --target wasm32-unknown-unknown -p yoursay-console

step "app: release builds (first load, console, surveys page)"
bash scripts/build-app.sh

step "bundle budget"
bash scripts/bundle-size.sh

step "end-to-end tests in Chromium"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec)
