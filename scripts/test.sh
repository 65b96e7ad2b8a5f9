#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every test with CTest (unit tests,
# golden cases including the bad-input corpus, whole-program checks, style); then the same tests in
# a build with AddressSanitizer, LeakSanitizer and UBSan; then each fuzz target for a short time
# (VERDEEL_FUZZ_SECONDS, default 60; 0 skips fuzzing). Fails at the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
(cd "${VERDEEL_BUILD_DIR:-$root/build}" && ctest --output-on-failure --parallel "$(nproc)")
"$root/scripts/sanitize.sh"
seconds=${VERDEEL_FUZZ_SECONDS:-60}
if [ "$seconds" != 0 ]; then "$root/scripts/fuzz.sh" "$seconds"; fi
