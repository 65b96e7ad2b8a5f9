#!/usr/bin/env bash
# Twenty pairs of runs into one folder at the same moment, each pair a run with --format csv and
# one with --format csv,md (different sets): afterwards the folder is exactly one run's complete
# set, never a mix, and nothing is left beside it.
set -eu
verdeel=$1
rules=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$verdeel" run "$rules" --out "$scratch/a" --format csv >/dev/null
"$verdeel" run "$rules" --out "$scratch/b" --format csv,md >/dev/null
for i in $(seq 1 20); do
  "$verdeel" run "$rules" --out "$scratch/out" --format csv >/dev/null 2>"$scratch/err-a" &
  pa=$!
  "$verdeel" run "$rules" --out "$scratch/out" --format csv,md >/dev/null 2>"$scratch/err-b" &
  pb=$!
  wait $pa || { cat "$scratch/err-a"; echo "FAIL: pair $i: run a failed"; exit 1; }
  wait $pb || { cat "$scratch/err-b"; echo "FAIL: pair $i: run b failed"; exit 1; }
  if ! diff -r -q "$scratch/a" "$scratch/out" >/dev/null && ! diff -r -q "$scratch/b" "$scratch/out" >/dev/null; then
    ls -la "$scratch/out"
    echo "FAIL: pair $i: the folder is neither run's set"
    exit 1
  fi
  [ -z "$(find "$scratch" -maxdepth 1 -name '.out.*')" ] || { echo "FAIL: pair $i: left behind"; exit 1; }
done
echo "20 concurrent pairs: every time one run's complete set, nothing left behind"
