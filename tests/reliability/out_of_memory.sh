#!/usr/bin/env bash
# Memory running out in GMP (a number squared again and again, with the digit limit raised out of
# the way) ends with exit 70 and a message, never an abort. Run under `ulimit -v`; skipped in the
# sanitizer build, whose shadow memory does not fit under such a limit.
set -eu
verdeel=$1
rules=$2
if [ -n "${ASAN_OPTIONS:-}" ]; then echo "skipped under AddressSanitizer"; exit 77; fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
set +e
( ulimit -v 600000; exec "$verdeel" run "$rules" --out "$scratch/out" --max-cijfers 2000000000 ) >/dev/null 2>"$scratch/err"
code=$?
set -e
[ "$code" -eq 70 ] || { cat "$scratch/err"; echo "FAIL: expected exit 70, got $code"; exit 1; }
grep -q "het geheugen is op" "$scratch/err" || { cat "$scratch/err"; echo "FAIL: no message"; exit 1; }
[ ! -e "$scratch/out" ] || { echo "FAIL: an output folder was written"; exit 1; }
echo "out of memory: exit 70 with a message, no output"
