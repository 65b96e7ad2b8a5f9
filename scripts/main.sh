#!/usr/bin/env bash
# The main job: installs what is missing, builds, and writes the decision tables of the shipped
# rule set into uitvoer/ (CSV, JSON and Markdown).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
rules=${1:-$root/rules/examples/overijssel-inwoners}
"$root/build/interpreter/verdeel" run "$rules" --out "$root/uitvoer" --format csv,json,md
