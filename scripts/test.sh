#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every test with CTest
# (unit tests, golden cases, whole-program checks). Exit status is CTest's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "${VERDEEL_BUILD_DIR:-$root/build}"
ctest --output-on-failure --parallel "$(nproc)"
