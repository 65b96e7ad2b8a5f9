#!/usr/bin/env bash
# Fails when a doctest TEST_CASE name holds a `;`: CTest splits test names at `;`, so such a test is
# registered under a cut name whose filter matches no test, and it passes without running.
set -eu
cd "$1"
if grep -n 'TEST_CASE("[^"]*;' tests/unit/*.cpp; then
  echo "unit test names: a \`;\` cuts the CTest name short and the test would never run" >&2
  exit 1
fi
echo "unit test names: none holds a \`;\`"
