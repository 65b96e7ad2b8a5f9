#!/usr/bin/env bash
# Fails when a C++ file of ours is not formatted by .clang-format (the generated parser is not ours).
set -eu
cd "$1"
mapfile -t files < <(git ls-files -co --exclude-standard -- 'interpreter/*.cpp' 'interpreter/*.hpp' \
  'stdlib/*.cpp' 'stdlib/*.hpp' 'tests/*.cpp' 'bench/*.cpp' 'fuzz/*.cpp')
clang-format --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files formatted as .clang-format says"
