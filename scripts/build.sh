#!/usr/bin/env bash
# Builds the release dist/ (a static site: copy it to any host, at the root or a sub-path).
# Installs what is missing first, then runs Trunk with the project's pinned tools on PATH,
# so it works in a fresh shell. Extra arguments go to `trunk build`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
# Trunk builds offline (Trunk.toml): the crates must be here first.
cargo fetch --quiet
trunk build --release "$@" 2>&1 | grep -vE '^\s+(Compiling|Checking|Downloaded)' | tail -n 5
exit "${PIPESTATUS[0]}"
