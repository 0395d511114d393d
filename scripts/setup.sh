#!/usr/bin/env bash
# Installs what building, running and testing Your Say needs on a Debian machine that has rustup, cargo,
# apt and npm, and skips whatever is already there. Safe to run again and again.
#   scripts/setup.sh app    the tools to build and run the app (wasm target, wasm-bindgen, Trunk, binaryen)
#   scripts/setup.sh test   those plus Chromium, chromedriver, PostgreSQL, sqlite3 and the e2e node packages
set -euo pipefail
cd "$(dirname "$0")/.."
want="${1:-test}"

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate in Cargo.lock
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TERSER_VERSION=5.44.0

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$apt_updated" ]; then sudo_if_needed apt-get update -qq; apt_updated=1; fi
  say "apt-get install ${missing[*]}"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# The wasm bundles compile the standard library with the app (scripts/wasm-env.sh): its source, and its
# own dependencies fetched now, because Trunk builds offline.
if ! rustup component list --installed | grep -qx rust-src; then
  say "adding the rust-src component (the wasm builds compile the standard library)"
  rustup component add rust-src
fi
library="$(rustc --print sysroot)/lib/rustlib/src/rust/library"
if ! (cd "$library" && RUSTC_BOOTSTRAP=1 cargo fetch --offline --quiet >/dev/null 2>&1); then
  say "fetching the standard library's dependencies"
  (cd "$library" && RUSTC_BOOTSTRAP=1 cargo fetch --quiet)
fi

locked=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$locked" != "$WASM_BINDGEN_VERSION" ]; then
  echo "Cargo.lock has wasm-bindgen $locked but setup pins $WASM_BINDGEN_VERSION: keep them equal" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # No --locked: one of its locked dependencies is not in the registry mirror here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --quiet
fi
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing Trunk $TRUNK_VERSION (about 7 minutes)"
  # --locked is required: a newer lightningcss breaks the build.
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi
if ! .tools/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing binaryen $BINARYEN_VERSION from npm (Debian's is too old)"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
fi
if ! .tools/node_modules/.bin/terser --version 2>/dev/null | grep -q "terser $TERSER_VERSION"; then
  say "installing terser $TERSER_VERSION from npm (minifies the JavaScript glue)"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent "terser@$TERSER_VERSION"
fi
apt_install brotli python3

if [ "$want" = "test" ]; then
  apt_install chromium chromium-driver sqlite3
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then apt_install postgresql; fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] \
     || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    say "installing the end-to-end test packages (playwright-core, axe-core)"
    npm ci --prefix tests/e2e --no-audit --no-fund --silent
  fi
fi
say "ready"
