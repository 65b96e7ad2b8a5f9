#!/usr/bin/env bash
# `verdeel fmt` is idempotent: every rule file and test file of the project (the shipped rules and
# the hundreds of golden cases, many written oddly on purpose) is formatted once in a scratch copy;
# a second run must find nothing left to format. Files with a syntax error are left as they are.
set -u
verdeel=$1
root=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$root" || exit 1
git ls-files -co --exclude-standard -- '*.regels' '*.toets' | while read -r f; do
  mkdir -p "$scratch/$(dirname "$f")"
  cp "$f" "$scratch/$f"
done
count=$(find "$scratch" -name '*.regels' -o -name '*.toets' | wc -l)
"$verdeel" fmt "$scratch" --taal en >"$scratch/first.log" 2>&1
"$verdeel" fmt --check "$scratch" --taal en >"$scratch/second.log" 2>&1
if grep -q "^not formatted:" "$scratch/second.log"; then
  grep "^not formatted:" "$scratch/second.log"
  echo "fmt is not idempotent for the files above"
  exit 1
fi
formatted=$(grep -c "^formatted:" "$scratch/first.log")
echo "fmt idempotent: $count files, $formatted of them changed by the first run"
