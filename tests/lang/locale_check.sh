#!/usr/bin/env bash
# The language of what verdeel says: Dutch by default and for a non-English locale, English for an
# English locale (LC_ALL over LC_MESSAGES over LANG) and with `--taal en`, which wins over the locale.
set -u
verdeel=$1
fail=0
expect() {  # expect DESCRIPTION PATTERN ENV... -- ARGS...
  local what=$1 pattern=$2
  shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  local out
  out=$(env -u LC_ALL -u LC_MESSAGES -u LANG "${envs[@]}" "$verdeel" "$@" 2>&1)
  if ! grep -qF -- "$pattern" <<<"$out"; then
    echo "FAIL: $what: expected \`$pattern\` in:"
    echo "$out"
    fail=1
  fi
}
missing=/nonexistent/regels.regels
expect "no locale: Dutch" "fout[E0105]: regelbestand" -- check "$missing"
expect "C locale: Dutch" "fout[E0105]" LC_ALL=C -- check "$missing"
expect "Dutch locale: Dutch" "fout[E0105]" LANG=nl_NL.UTF-8 -- check "$missing"
expect "English LANG: English" "error[E0105]: rule file" LANG=en_US.UTF-8 -- check "$missing"
expect "English LC_MESSAGES: English" "error[E0105]" LANG=nl_NL.UTF-8 LC_MESSAGES=en_GB.UTF-8 -- check "$missing"
expect "LC_ALL over LANG" "fout[E0105]" LC_ALL=nl_NL.UTF-8 LANG=en_US.UTF-8 -- check "$missing"
expect "--taal en over the locale" "error[E0105]" LANG=nl_NL.UTF-8 -- check --taal en "$missing"
expect "--taal nl over the locale" "fout[E0105]" LANG=en_US.UTF-8 -- --taal=nl check "$missing"
expect "help in Dutch" "Gebruik: verdeel" -- --help
expect "help in English" "Usage: verdeel" -- --help --taal en
expect "CLI11's errors in Dutch" "niet verwacht op de opdrachtregel: x" -- check --taal nl a x
expect "an unknown language" "fout[gebruik]: --taal: \`de\` is geen taal van verdeel" -- check --taal de "$missing"
# Progress and summary lines follow the language too.
rules=$(cd "$(dirname "$0")/../../rules/examples/overijssel-inwoners" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
expect "summary lines in Dutch" "geschreven: $scratch/nl/" -- run "$rules" --out "$scratch/nl"
expect "summary lines in English" "written: $scratch/en/" -- run "$rules" --out "$scratch/en" --taal en
"$verdeel" check --taal de "$missing" >/dev/null 2>&1
[ $? -eq 64 ] || { echo "FAIL: an unknown language does not exit 64"; fail=1; }
exit $fail
