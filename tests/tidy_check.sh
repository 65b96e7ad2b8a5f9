#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over our C++ sources with the build's compile_commands.json.
# interpreter/parse is left out: it includes the ANTLR runtime headers, which clang 14 rejects
# (an implicitly deleted constructor in misc/InterpreterDataReader.h) although g++ accepts them.
set -eu
root=$1
build=$2
cd "$root"
mapfile -t files < <(git ls-files -co --exclude-standard -- 'interpreter/*.cpp' 'stdlib/*.cpp' | grep -v '^interpreter/parse/')
# The build's options that only g++ knows (profile-guided and link-time optimisation,
# scripts/build.sh) are left out of the commands clang-tidy reads: clang would reject them.
mkdir -p "$build/tidy"
python3 - "$build/compile_commands.json" "$build/tidy/compile_commands.json" <<'PY'
import json, re, shlex, sys
gcc_only = re.compile(r"^(-fprofile-[a-z-]+(=.*)?|-flto(=.*)?|-fno-fat-lto-objects|-Wno-(missing-profile|coverage-mismatch))$")
commands = json.load(open(sys.argv[1]))
for c in commands:
    c["command"] = shlex.join(a for a in shlex.split(c["command"]) if not gcc_only.match(a))
json.dump(commands, open(sys.argv[2], "w"), indent=1)
PY
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p "$build/tidy" --quiet 2>/dev/null | tee "$build/tidy.log" >/dev/null
if grep -E "(error|warning):" "$build/tidy.log"; then
  echo "clang-tidy found the problems above"
  exit 1
fi
echo "tidy: ${#files[@]} files clean"
