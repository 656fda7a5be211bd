#!/usr/bin/env bash
# Clippy with every warning denied: the app (native and wasm, where `unwrap`/`expect` are
# denied by Cargo.toml's [lints]) and its tests (where a failing unwrap is the point).
# Expects the tools of scripts/install-tools.sh; the test command runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo clippy --offline -p angleshot --lib --bins -- -D warnings
cargo clippy --offline -p angleshot --lib --bins --target wasm32-unknown-unknown -- -D warnings
cargo clippy --offline -p angleshot --tests -- -D warnings -A clippy::unwrap_used -A clippy::expect_used
