#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over our C++ sources with the build's compile_commands.json.
# interpreter/parse is left out: it includes the ANTLR runtime headers, which clang 14 rejects
# (an implicitly deleted constructor in misc/InterpreterDataReader.h) although g++ accepts them.
set -eu
root=$1
build=$2
cd "$root"
mapfile -t files < <(git ls-files -co --exclude-standard -- 'interpreter/*.cpp' 'stdlib/*.cpp' | grep -v '^interpreter/parse/')
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build" --quiet 2>/dev/null | tee "$build/tidy.log" >/dev/null
if grep -E "(error|warning):" "$build/tidy.log"; then
  echo "clang-tidy found the problems above"
  exit 1
fi
echo "tidy: ${#files[@]} files clean"
