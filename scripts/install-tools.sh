#!/usr/bin/env bash
# Installs every tool Angleshot needs to build, serve and test, only where missing.
# Idempotent: a second run on a ready machine takes a few seconds.
# Versions are the ones ../shared/toolchain.md found to work on rustc 1.95.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
TOOLS_DIR="${ANGLESHOT_TOOLS:-$HOME/.cache/angleshot-tools}"

log() { printf '[install-tools] %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

# 1. wasm target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk (0.22 needs a newer rustc than this machine has)
if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes ~6 min)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen CLI + test runner, same version as the crate pin (no --locked: see toolchain.md)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~2 min)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 4. wasm-opt from npm's binaryen (Debian's 108 breaks the output; it must never be used)
#    and axe-core, which the e2e accessibility test injects into the page.
if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] || \
   [ ! -f "$TOOLS_DIR/node_modules/axe-core/axe.min.js" ] || \
   ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  log "installing binaryen $BINARYEN_VERSION and axe-core from npm into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" "axe-core@4")
fi

# 5. Scenario's official Python SDK (the reference client: tests/mock/sdk/check_mock.py
#    validates every mock answer under its response types), in its own venv.
SDK_VERSION=2.4.0
SDK_VENV="$TOOLS_DIR/sdk-venv"
if ! "$SDK_VENV/bin/python" -c "import scenario_sdk, sys; sys.exit(scenario_sdk.__version__ != '$SDK_VERSION')" 2>/dev/null; then
  log "installing scenario-sdk $SDK_VERSION into $SDK_VENV"
  python3 -m venv "$SDK_VENV"
  "$SDK_VENV/bin/pip" install --quiet --disable-pip-version-check "scenario-sdk==$SDK_VERSION"
fi

# 6. Chromium + ChromeDriver from Debian, and nginx (the deploy e2e runs the shipped config)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v nginx >/dev/null; then
  log "installing chromium, chromium-driver and nginx"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver nginx >/dev/null
fi
log "tools ready"
