#!/usr/bin/env bash
# A run whose writing fails must leave the earlier good output untouched and no temporary files.
# The failure is forced with a file-size limit (ulimit -f) smaller than the outputs: the write of
# the temporary file fails with EFBIG, and verdeel must then give up without renaming anything.
set -eu
verdeel=$1
rules=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$verdeel" run "$rules" --out "$scratch/out" --format csv,json,md >/dev/null
cp -r "$scratch/out" "$scratch/good"
set +e
( ulimit -f 1; trap '' XFSZ; "$verdeel" run "$rules" --out "$scratch/out" --format csv,json,md ) >/dev/null 2>"$scratch/err"
code=$?
set -e
[ "$code" -eq 73 ] || { echo "expected exit 73, got $code"; cat "$scratch/err"; exit 1; }
grep -q "E0602" "$scratch/err" || { echo "no E0602 diagnostic"; cat "$scratch/err"; exit 1; }
diff -r "$scratch/good" "$scratch/out"
leftovers=$(find "$scratch/out" -name '.*tmp-*' | wc -l)
[ "$leftovers" -eq 0 ] || { echo "temporary files left behind"; exit 1; }
echo "no partial output: earlier output intact after a failed write"
