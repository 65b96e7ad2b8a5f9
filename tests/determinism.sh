#!/usr/bin/env bash
# Runs the same rule set twice into two folders and requires byte-identical outputs in every format.
set -eu
verdeel=$1
rules=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$verdeel" run "$rules" --out "$scratch/a" --format csv,json,md,xlsx,html >/dev/null
"$verdeel" run "$rules" --out "$scratch/b" --format csv,json,md,xlsx,html >/dev/null
n=$(find "$scratch/a" -type f | wc -l)
[ "$n" -gt 0 ] || { echo "no output written"; exit 1; }
diff -r "$scratch/a" "$scratch/b"
echo "determinism: $n files identical across two runs"
