#!/usr/bin/env bash
# SIGKILL at random moments, 50 times: a run with --format csv,json,md replaces a folder holding the
# set of a run with --format csv. After each kill the folder is the old set or the new set, nothing
# else; what the killed run left beside it is gone after the next run. The moments are spread over
# the run's whole duration, measured first, with a fixed seed (reproducible).
set -eu
verdeel=$1
rules=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$verdeel" run "$rules" --out "$scratch/old" --format csv >/dev/null
"$verdeel" run "$rules" --out "$scratch/new" --format csv,json,md >/dev/null
start=$(date +%s%N)
"$verdeel" run "$rules" --out "$scratch/timing" --format csv,json,md >/dev/null
duration_us=$(( ($(date +%s%N) - start) / 1000 ))
RANDOM=20241220
old=0 new=0
for i in $(seq 1 50); do
  rm -rf "$scratch/out"
  cp -r "$scratch/old" "$scratch/out"
  delay_us=$(( (RANDOM * 32768 + RANDOM) % (duration_us + 1) ))
  "$verdeel" run "$rules" --out "$scratch/out" --format csv,json,md >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%06d' "$delay_us")"
  kill -9 $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  if diff -r -q "$scratch/old" "$scratch/out" >/dev/null; then
    old=$((old + 1))
  elif diff -r -q "$scratch/new" "$scratch/out" >/dev/null; then
    new=$((new + 1))
  else
    ls -la "$scratch/out"
    echo "FAIL: kill $i after ${delay_us} us: the folder is neither the old nor the new set"
    exit 1
  fi
  # The next run removes what this one left beside the folder.
  "$verdeel" run "$rules" --out "$scratch/out" --format csv >/dev/null
  diff -r -q "$scratch/old" "$scratch/out" >/dev/null || { echo "FAIL: kill $i: the next run's set is wrong"; exit 1; }
  [ -z "$(find "$scratch" -maxdepth 1 -name '.out.*')" ] || { echo "FAIL: kill $i: leftovers not removed"; exit 1; }
done
echo "50 kills: old set $old times, new set $new times, nothing else; leftovers removed by the next run"
