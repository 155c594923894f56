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

# Runs a wasm32 command: `wasm_env trunk build --release`, `wasm_env --test cargo test ...`.
wasm_env() {
  local std=std,panic_abort
  if [ "${1:-}" = --test ]; then std=std,panic_abort,test; shift; fi
  if [ "$BROADSHEET_WASM_ROUTE" = debian ]; then
    CARGO_UNSTABLE_BUILD_STD=$std "$@"
  else
    "$@"
  fi
}
