# Sourced by the scripts that build a wasm bundle (build-app.sh, build-console.sh, build-surveys.sh), so
# all three are built the same way.
#
# The tools installed by scripts/setup.sh (terser, binaryen's wasm-opt) come first on PATH.
export PATH="$PWD/.tools/node_modules/.bin:$PATH"
# No file names and line numbers in panic messages of wasm code: about 2.7 KB (brotli) of the phone's first
# load that only a developer reading a panic would use (release builds abort on panic anyway). The flag is
# unstable: RUSTC_BOOTSTRAP lets the stable compiler accept it. Only the wasm target is affected: the
# server, the build scripts and the macros are compiled as always. `-Zfmt-debug=none` likewise drops what
# `{:?}` would print (no production screen or log line uses it): about 500 bytes more.
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none"
