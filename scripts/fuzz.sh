#!/usr/bin/env bash
# Builds the libFuzzer targets in the instrumented build (scripts/asan-build.sh: clang with ASan and
# UBSan, build-asan/, shared with scripts/sanitize.sh) and runs each for SECONDS (default 60),
# seeded from the golden cases and from the corpora kept in the repository (tests/fuzz/corpus/):
# fuzz_rules (rule files), fuzz_csv (data files), fuzz_pipeline (a rule file and its data),
# fuzz_receipt (receipts). Targets run side by side, one per core. Fails when a target finds a crash,
# hang (-timeout) or leak, leaving the input in build-asan/findings/TARGET/. The executions per
# target go to build-asan/fuzz-summary.txt.
# With VERDEEL_FUZZ_KEEP=1 the kept corpora are replaced afterwards by the minimised union of what
# they held and what this run found (libFuzzer -merge=1): commit that to keep the coverage.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rules csv pipeline receipt)
build="$root/build-asan"
"$root/scripts/asan-build.sh" "${targets[@]/#/fuzz_}"

# Seed corpora from the golden cases (and the shipped rule sets).
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/rules" "$seeds/csv" "$seeds/pipeline" "$seeds/receipt" "$build/findings" "$build/corpus"
i=0
while IFS= read -r -d '' f; do cp "$f" "$seeds/rules/$((i++)).regels"; done \
  < <(find "$root/tests/golden" "$root/rules" -type f -name '*.regels' -size -64k -print0 | sort -z)
i=0
while IFS= read -r -d '' f; do cp "$f" "$seeds/csv/$((i++)).csv"; done \
  < <(find "$root/tests/golden" "$root/rules" -type f -name '*.csv' -size -64k -print0 | sort -z)
i=0
while IFS= read -r -d '' f; do
  dir=$(dirname "$f")
  data=$(find "$dir" -maxdepth 1 -type f -name '*.csv' | sort | head -1)
  { cat "$f"; printf '\0'; [ -n "$data" ] && cat "$data"; } > "$seeds/pipeline/$((i++))"
done < <(find "$root/tests/golden" -maxdepth 3 -type f -name 'r.regels' -size -16k -print0 | sort -z)

i=0
while IFS= read -r -d '' f; do cp "$f" "$seeds/receipt/$((i++)).json"; done \
  < <(find "$root/tests/golden" -type f -name 'ontvangstbewijs.json' -size -64k -print0 | sort -z)

summary="$build/fuzz-summary.txt"
: > "$summary"
# Each target runs in one process, for the full time.
fuzz_one() {
  local t=$1 log="$build/fuzz-$1.log"
  mkdir -p "$build/corpus/$t" "$root/tests/fuzz/corpus/$t" "$build/findings/$t"
  if ! (cd "$build/findings/$t" && ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/fuzz_$t" "$build/corpus/$t" "$root/tests/fuzz/corpus/$t" "$seeds/$t" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1); then
    return 1
  fi
}
# Rounds of as many targets as there are cores (every target runs the same time).
failed=()
round=()
run_round() {
  local pids=() t i
  for t in "${round[@]}"; do
    echo "fuzz_$t: ${seconds}s"
    fuzz_one "$t" &
    pids+=($!)
  done
  for i in "${!round[@]}"; do
    wait "${pids[$i]}" || failed+=("${round[$i]}")
  done
  round=()
}
for t in "${targets[@]}"; do
  round+=("$t")
  if [ ${#round[@]} -ge "$(nproc)" ]; then run_round; fi
done
if [ ${#round[@]} -gt 0 ]; then run_round; fi
for t in "${failed[@]}"; do
  tail -40 "$build/fuzz-$t.log"
  echo "fuzz_$t found a problem: see $build/findings/$t and $build/fuzz-$t.log" >&2
done
[ ${#failed[@]} -eq 0 ] || exit 1
for t in "${targets[@]}"; do
  log="$build/fuzz-$t.log"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz_$t: $runs executions in ${seconds}s, no finding" | tee -a "$summary"
  if [ "${VERDEEL_FUZZ_KEEP:-}" = 1 ]; then
    kept="$root/tests/fuzz/corpus/$t"
    merged="$build/merged-$t"
    rm -rf "$merged" && mkdir -p "$merged"
    (cd "$build/findings/$t" && "$build/tests/fuzz/fuzz_$t" -merge=1 -max_len=65536 "$merged" "$kept" "$build/corpus/$t" \
      >"$build/merge-$t.log" 2>&1)
    rm -rf "$kept" && mv "$merged" "$kept"
    echo "fuzz_$t: kept corpus now $(find "$kept" -type f | wc -l) inputs"
  fi
done
