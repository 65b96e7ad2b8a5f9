#!/usr/bin/env bash
# The whole test suite again, in the instrumented build (scripts/asan-build.sh: clang with
# AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer, in build-asan/, shared with the
# fuzz targets). Any report fails the test that triggered it. Style checks are left out (they do
# not depend on the build), and so is the browser test (its work is Chromium's).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/asan-build.sh"
cd "$root/build-asan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --output-on-failure --parallel "$(nproc)" -E "^(style|browser):"
