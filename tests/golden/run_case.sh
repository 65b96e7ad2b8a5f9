#!/usr/bin/env bash
# Runs one golden case folder: copies it to a scratch folder, runs `verdeel` with the arguments in
# its `cmd` file there, and compares stdout, stderr, the exit code and any files written under
# `out/` byte for byte with `expected/`. With VERDEEL_UPDATE_GOLDEN=1 it rewrites `expected/`
# instead (review the diff before committing). `$VERDEEL_ROOT` in `cmd` is the project folder.
set -u
# The language of the messages is Dutch unless the locale says English: fix it, whatever the
# machine says (cases that test English pass `--taal en`).
export LC_ALL=C
unset LC_MESSAGES LANG
verdeel=$1
case_dir=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/case" "$scratch/actual"
cp -r "$case_dir"/. "$scratch/case/"
rm -rf "$scratch/case/expected" "$scratch/case/cmd" "$scratch/case/setup"
cd "$scratch/case" || exit 1
# An optional `setup` script prepares what cannot be committed (binary garbage, huge files).
if [ -f "$case_dir/setup" ]; then bash "$case_dir/setup" || { echo "setup failed"; exit 1; }; fi
args=$(cat "$case_dir/cmd")
eval "\"\$verdeel\" $args" >"$scratch/actual/stdout" 2>"$scratch/actual/stderr" </dev/null
echo $? >"$scratch/actual/exit_code"
[ -d out ] && cp -r out "$scratch/actual/out"

if [ "${VERDEEL_UPDATE_GOLDEN:-}" = 1 ]; then
  rm -rf "$case_dir/expected"
  cp -r "$scratch/actual" "$case_dir/expected"
  echo "updated $case_dir/expected"
  exit 0
fi
status=0
for f in stdout stderr exit_code; do
  if ! diff -u "$case_dir/expected/$f" "$scratch/actual/$f"; then
    echo "golden: $f differs for $case_dir"
    status=1
  fi
done
if [ -d "$case_dir/expected/out" ] || [ -d "$scratch/actual/out" ]; then
  if ! diff -ru "$case_dir/expected/out" "$scratch/actual/out"; then
    echo "golden: written files differ for $case_dir"
    status=1
  fi
fi
exit $status
