#!/usr/bin/env bash
# Configures and builds verdeel in build/ (Ninja, RelWithDebInfo). Extra arguments go to CMake's
# configure step of build/, e.g. `VERDEEL_PGO=0 scripts/build.sh -DVERDEEL_SANITIZE=ON`.
#
# The program is optimised with the profile of a training run (profile-guided optimisation) and
# across files at link time (docs/performance.md): first the program alone is built in
# build/pgo/gen/, recording a profile as it runs; scripts/pgo-train.sh runs it over the shipped rule
# sets into build/pgo/profile/; then build/ is built with that profile. The profile only steers
# where the compiler inlines and how it lays out the code: the outputs are the same with or without
# it (the tests check them either way). VERDEEL_PGO=0 builds without a profile and without link-time
# optimisation, in about half the time (for work in progress).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VERDEEL_BUILD_DIR:-$root/build}
if [ "${VERDEEL_PGO:-1}" = 0 ]; then
  cmake -S "$root" -B "$build" -G Ninja -DVERDEEL_PROFILE= -DVERDEEL_LTO=OFF "$@"
  cmake --build "$build" --parallel "$(nproc)"
  exit 0
fi
gen=$build/pgo/gen
profile=$build/pgo/profile
# The recording build needs no debug information (it does not change the code) and no tests.
cmake -S "$root" -B "$gen" -G Ninja -DVERDEEL_TESTS=OFF -DVERDEEL_PROFILE=generate \
  -DVERDEEL_PROFILE_DIR="$profile" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" >/dev/null
cmake --build "$gen" --parallel "$(nproc)" --target verdeel
rm -rf "$profile"
"$root/scripts/pgo-train.sh" "$gen/interpreter/verdeel"
cmake -S "$root" -B "$build" -G Ninja -DVERDEEL_PROFILE=use -DVERDEEL_PROFILE_DIR="$profile" -DVERDEEL_LTO=ON "$@"
cmake --build "$build" --parallel "$(nproc)"
