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
#
# The standard library is compiled with the app (`build-std`, from rustup's `rust-src`, whose own
# dependencies scripts/setup.sh fetches) rather than linked prebuilt: prebuilt it is optimised for speed
# (opt-level 3), not size, and it carries the panic machinery. Compiled here it gets the release profile's
# opt-level "z", its size-first algorithms (`optimize_for_size`), and `-Cpanic=immediate-abort`: a panic
# traps at once instead of formatting a message first. Nothing is lost by that: on
# wasm32-unknown-unknown the message went nowhere (std's stderr there writes nothing) before the abort.
# The phone's first load on the wire: 149,809 -> 140,670 bytes (the wasm 8.8 KB smaller, its glue 0.3 KB).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
