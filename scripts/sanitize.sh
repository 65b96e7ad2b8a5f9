#!/usr/bin/env bash
# The whole test suite again, built with AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer
# (g++), in build-asan/. Any report fails the test that triggered it. Style checks are left out
# (they do not depend on the build), and so is the browser test (its work is Chromium's).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
VERDEEL_BUILD_DIR="$root/build-asan" "$root/scripts/build.sh" -DVERDEEL_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cd "$root/build-asan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --output-on-failure --parallel "$(nproc)" -E "^(style|browser):"
