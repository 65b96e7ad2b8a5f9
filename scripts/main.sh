#!/usr/bin/env bash
# The main job: installs what is missing, builds, and writes the 2024 decisions of the shipped rule
# set (rules/2024: twelve verdeelbesluiten, the national summary and the claims report) into
# uitvoer/ as CSV, JSON, Markdown, one spreadsheet workbook (besluiten.xlsx), and decision documents
# as HTML and PDF (printed by headless Chromium). Another rule set can be given as the first
# argument, and further arguments go to `verdeel run` (for example `--peildatum 2025-06-01`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
rules=${1:-$root/rules/2024}
shift || true
"$root/build/interpreter/verdeel" run "$rules" --out "$root/uitvoer" --format csv,json,md,xlsx,html,pdf "$@"
