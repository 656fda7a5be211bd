#!/usr/bin/env bash
# The whole test suite, on a fresh machine or a warm one:
#   1. native `cargo test` (API client, domain logic, mock server contract),
#   2. wasm-bindgen-test components in headless Chromium,
#   3. end-to-end: the release dist/ in Chromium against the mock server.
# Installs whatever is missing first. Fails if any layer fails or runs no test.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh || exit 1
# shellcheck source=scripts/env.sh
. scripts/env.sh

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
# Browsers and tests put their profiles and files under TMPDIR (chromedriver leaves an
# 85 MB profile per run behind); keeping them in $logs means they go when the run ends.
export TMPDIR="$logs/tmp"
mkdir -p "$TMPDIR"
# A test run builds every crate once: incremental caches only cost disk here (1–2 GB).
export CARGO_INCREMENTAL=0

step() { printf '\n=== %s ===\n' "$*"; }
disk() { printf 'disk: %s free, target/ %s\n' "$(df -Ph . | awk 'NR==2 {print $4}')" "$(du -sh target 2>/dev/null | cut -f1)"; }

step "disk before the build"
disk

step "fetch crates (Trunk builds offline)"
cargo fetch --quiet || exit 1

step "build the release dist/"
trunk build --release 2>&1 | grep -vE '^\s+(Compiling|Checking|Downloaded)' | tail -n 5
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "trunk build failed"; exit 1; }

run_layer() {
  local name=$1; shift
  step "$name: $*"
  "$@" 2>&1 | tee "$logs/$name.log" | grep -vE '^\s+(Compiling|Checking|Downloaded)'
  local rc=${PIPESTATUS[0]}
  local passed failed
  passed=$(grep -aoE 'test result: [a-zA-Z]+\. [0-9]+ passed' "$logs/$name.log" | awk '{s+=$4} END {print s+0}')
  failed=$(grep -a 'test result:' "$logs/$name.log" | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
  printf '%s\t%s\t%s\t%s\n' "$name" "$passed" "$failed" "$rc" >> "$logs/summary"
  if [ "$rc" -ne 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
}

step "clippy: every warning denied (unwrap/expect too, outside tests)"
bash scripts/clippy.sh 2>&1 | grep -vE '^\s+(Compiling|Checking|Downloaded)'
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "clippy failed"; status=1; }

run_layer native cargo test --no-fail-fast --workspace --exclude angleshot-e2e --exclude angleshot-bench
run_layer wasm cargo test -p angleshot --target wasm32-unknown-unknown --test web_shell
run_layer e2e cargo test --no-fail-fast -p angleshot-e2e -- --test-threads=2

step "summary"
disk
total_passed=0; total_failed=0
while IFS=$'\t' read -r name passed failed rc; do
  verdict=ok
  [ "$rc" -ne 0 ] && verdict="FAILED (exit $rc)"
  [ "$passed" -eq 0 ] && verdict="FAILED (ran no test)"
  printf '%-7s %4s passed, %s failed  %s\n' "$name" "$passed" "$failed" "$verdict"
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
done < "$logs/summary"
echo "all layers: $total_passed passed, $total_failed failed"
exit $status
