#!/usr/bin/env bash
# The performance benchmark (not part of the test command): builds the release dist/, serves it
# compressed on loopback, drives headless Chromium through CDP, prints a table, writes
# target/bench/report.json and exits non-zero when a budget is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
cargo fetch --quiet
trunk build --release 2>&1 | grep -vE '^\s+(Compiling|Checking|Downloaded)' | tail -n 3
cargo run --quiet -p angleshot-bench -- "$@"
