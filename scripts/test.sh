#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every test with CTest (unit tests,
# golden cases including the bad-input corpus, whole-program checks, style); then the same tests in
# a build with AddressSanitizer, LeakSanitizer and UBSan; then each fuzz target for a short time
# (VERDEEL_FUZZ_SECONDS, default 60; 0 skips fuzzing). Fails at the first failure. Says how long each
# part took (CI must stay under 40 minutes on two cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
phase() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  echo "== $name: $((SECONDS - start)) s (total $SECONDS s)"
}
phase "dependencies" "$root/scripts/install-deps.sh"
phase "build" "$root/scripts/build.sh"
phase "tests" bash -c "cd '${VERDEEL_BUILD_DIR:-$root/build}' && ctest --output-on-failure --parallel $(nproc)"
phase "sanitizers" "$root/scripts/sanitize.sh"
seconds=${VERDEEL_FUZZ_SECONDS:-60}
if [ "$seconds" != 0 ]; then phase "fuzzing" "$root/scripts/fuzz.sh" "$seconds"; fi
