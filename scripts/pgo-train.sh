#!/usr/bin/env bash
# The training run of profile-guided optimisation (scripts/build.sh): runs a program built with
# VERDEEL_PROFILE=generate over every shipped rule set, writing CSV, JSON and Markdown into a scratch
# folder, so that it records which branches and calls the usual work takes. The 2024 rule set (the
# main job, and what docs/performance.md measures) is run a second time, as CSV only. Fails when a
# run fails: a program that cannot run the shipped rules should not be built further.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
verdeel=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0
for rules in "$root"/rules/2024 "$root"/rules/2024-variant-landelijk "$root"/rules/2026 "$root"/rules/examples/*/; do
  n=$((n + 1))
  "$verdeel" run "$rules" --format csv,json,md --out "$scratch/$n" >/dev/null
done
"$verdeel" run "$root/rules/2024" --format csv --out "$scratch/2024-csv" >/dev/null
echo "pgo-train: $((n + 1)) runs recorded"
