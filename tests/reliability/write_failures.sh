#!/usr/bin/env bash
# A run whose writing fails leaves the earlier output set untouched and nothing beside it, and says
# why (E0602, exit 73). Two failures: a file-size limit (`ulimit -f`: verdeel ignores SIGXFSZ, so
# the write fails with EFBIG, "File too large"), and a full disk (a 64 KiB tmpfs; where mounting is
# not permitted that part is skipped, and says so).
set -eu
verdeel=$1
rules=$2
scratch=$(mktemp -d)
cleanup() { mountpoint -q "$scratch/vol" 2>/dev/null && umount "$scratch/vol"; rm -rf "$scratch"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$verdeel" run "$rules" --out "$scratch/out" --format csv >/dev/null
cp -r "$scratch/out" "$scratch/good"
set +e
( ulimit -f 1; exec "$verdeel" run "$rules" --out "$scratch/out" --format csv,json,md ) >/dev/null 2>"$scratch/err"
code=$?
set -e
[ "$code" -eq 73 ] || { cat "$scratch/err"; fail "file-size limit: expected exit 73, got $code"; }
grep -q "fout\[E0602\].*File too large" "$scratch/err" || { cat "$scratch/err"; fail "file-size limit: no E0602 with the reason"; }
diff -r "$scratch/good" "$scratch/out" || fail "file-size limit: the earlier set was changed"
[ -z "$(find "$scratch" -maxdepth 1 -name '.out.*')" ] || fail "file-size limit: a temporary set was left behind"
echo "file-size limit: exit 73, E0602 File too large, earlier set intact, nothing left behind"

mkdir "$scratch/vol"
if mount -t tmpfs -o size=64k tmpfs "$scratch/vol" 2>/dev/null; then
  "$verdeel" run "$rules" --out "$scratch/vol/out" --format csv >/dev/null
  cp -r "$scratch/vol/out" "$scratch/good-vol"
  head -c 40000 /dev/zero > "$scratch/vol/vulling" 2>/dev/null || true
  set +e
  "$verdeel" run "$rules" --out "$scratch/vol/out" --format csv,json,md >/dev/null 2>"$scratch/err"
  code=$?
  set -e
  [ "$code" -eq 73 ] || { cat "$scratch/err"; fail "full disk: expected exit 73, got $code"; }
  grep -q "fout\[E0602\].*No space left on device" "$scratch/err" || { cat "$scratch/err"; fail "full disk: no E0602 with the reason"; }
  diff -r "$scratch/good-vol" "$scratch/vol/out" || fail "full disk: the earlier set was changed"
  [ -z "$(find "$scratch/vol" -maxdepth 1 -name '.out.*')" ] || fail "full disk: a temporary set was left behind"
  echo "full disk: exit 73, E0602 No space left on device, earlier set intact, nothing left behind"
else
  echo "full disk: skipped (mounting a tmpfs is not permitted here)"
fi
