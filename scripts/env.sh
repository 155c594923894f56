# Sourced by the other scripts (and by developers: `. scripts/env.sh`), after scripts/setup.
# Puts the project's tools on PATH and chooses how wasm32 is built on this machine:
# - rustup's wasm32 target when it is installed (the ordinary route);
# - otherwise Debian's rustc-web, whose wasm32 standard library is built from source with
#   cargo's build-std (see shared/TOOLCHAIN.md). Only wasm32 commands may carry build-std,
#   so they run through `wasm_env`.

_broadsheet_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_broadsheet_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# wasm-bindgen-test-runner gives up after 20 s by default; a cold Chromium on 2 cores can take longer.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

# BROADSHEET_WASM_ROUTE=debian forces the fallback, to reproduce a machine without the target.
if [ -z "${BROADSHEET_WASM_ROUTE:-}" ]; then
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    BROADSHEET_WASM_ROUTE=rustup
  else
    BROADSHEET_WASM_ROUTE=debian
  fi
fi
if [ "$BROADSHEET_WASM_ROUTE" = debian ]; then
  export RUSTUP_TOOLCHAIN=deb-web RUSTC_BOOTSTRAP=1
fi
export BROADSHEET_WASM_ROUTE

# Runs a wasm32 command: `wasm_env trunk serve`, `wasm_env --test cargo test ...`.
wasm_env() {
  local std=std,panic_abort
  if [ "${1:-}" = --test ]; then std=std,panic_abort,test; shift; fi
  if [ "$BROADSHEET_WASM_ROUTE" = debian ]; then
    CARGO_UNSTABLE_BUILD_STD=$std "$@"
  else
    "$@"
  fi
}

# Runs the release wasm32 build with the compiler's size options: `wasm_release_env trunk build --release`.
# They need a nightly compiler and std rebuilt from source (build-std), so only the release build
# takes them; `trunk serve`, debug builds and the wasm32 tests stay on stable (`wasm_env`).
# Measured on the site at 12ac677: wasm 294,157 -> 255,666 B gzip -9 (-13 %), on both routes
# within 0.5 % (shared/research/wasm-size.md has the parts):
# - panic=immediate-abort: a panic traps at once, with no message, hook or unwinding code
#   (the reader's page stops either way; the developer loses the panic text in the console);
# - location-detail=none: no file:line strings for panics;
# - fmt-debug=none: `{:?}` prints nothing, so Debug formatting must never reach a reader
#   (src/ uses it only in tests, which run native on stable; serde's error texts, shown as a
#   parse error's small-print detail, lose the quoted value they print with it);
# - erase_components: Leptos type-erases views, far fewer monomorphised copies;
# - std's optimize_for_size feature: smaller algorithms in core and std; set explicitly, since
#   leaving std's default features on (backtraces) made core and std bigger.
# The flags go to the wasm32 target only, never to build scripts and proc-macros (RUSTFLAGS
# would). rustup route: the nightly toolchain with rust-src (scripts/setup); Debian route:
# rustc-web with RUSTC_BOOTSTRAP=1 and its own std source.
wasm_release_env() {
  local toolchain=nightly
  [ "$BROADSHEET_WASM_ROUTE" = debian ] && toolchain=deb-web
  RUSTUP_TOOLCHAIN=$toolchain \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --cfg erase_components" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    "$@"
}
