#!/usr/bin/env bash
# Configures and builds build-asan/, the one instrumented build that scripts/sanitize.sh (the whole
# test suite) and scripts/fuzz.sh (the libFuzzer targets) share: clang with AddressSanitizer,
# LeakSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage instrumentation (CMake option
# VERDEEL_FUZZ), at -O1 with line tables only (-g1), which is what the sanitizers' reports need. One
# build for both spares CI compiling the project a third time; -O1 -g1 compiles in about half the
# time of -O2 -g under ASan (measured 2026-12-03).
# Usage: scripts/asan-build.sh [TARGET...]   (default: everything)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-asan"
# A build-asan/ made with another compiler (g++, as it was before) is made anew.
if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++$' "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERDEEL_FUZZ=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" >/dev/null
if [ $# -gt 0 ]; then
  cmake --build "$build" --parallel "$(nproc)" --target "$@"
else
  cmake --build "$build" --parallel "$(nproc)"
fi
