#!/usr/bin/env bash
# Configures and builds verdeel in build/ (Ninja, RelWithDebInfo). Extra arguments go to CMake's
# configure step, e.g. `scripts/build.sh -DVERDEEL_SANITIZE=ON`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VERDEEL_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja "$@"
cmake --build "$build" --parallel "$(nproc)"
