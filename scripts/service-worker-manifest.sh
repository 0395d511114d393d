#!/usr/bin/env bash
# Trunk post_build hook: writes this build's file list and a version derived from the files' contents
# into the service worker, so a new release gets a new cache and the old one is dropped.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"
# Pre-compressed siblings and the officer's console (online only) are not the app's files.
files=$(find . -type f ! -name sw.js ! -name '*.br' ! -name '*.gz' ! -path './officer/*' | sed 's|^\./|/|' | sort)
# The pages themselves, by the address a browser asks for.
pages="/"
[ -f surveys/index.html ] && pages="$pages /surveys/"
version=$(for f in $files; do sha256sum ".$f"; done | sha256sum | cut -c1-16)
list=$(printf '%s\n' $pages $files | sed 's/.*/  "&",/')
awk -v list="$list" -v version="$version" '
  /__BUILD_FILES__/ { print list; next }
  { gsub(/__BUILD_VERSION__/, version); print }
' sw.js > sw.js.tmp
mv sw.js.tmp sw.js
