#!/usr/bin/env bash
# Installs what is missing, builds, and serves Angleshot on http://127.0.0.1:8080
# (with Trunk's proxy to the real Scenario API under /scenario-api/, so no CORS in dev).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
cargo fetch --quiet
exec trunk serve --release "$@"
