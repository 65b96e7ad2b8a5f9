#!/usr/bin/env bash
# The fictitious scenarios and the SES-WOA files in rules/2024/data and rules/2026/data are exactly
# what the documented, seeded generators write.
set -eu
root=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/2024" "$scratch/2026"
python3 "$root/rules/2024/data/genereer.py" "$scratch/2024"
python3 "$root/rules/2026/data/genereer.py" "$scratch/2026"
for f in verslag-aanbod-2024.csv ses-woa.csv; do
  cmp "$scratch/2024/$f" "$root/rules/2024/data/$f"
done
for f in verslag-aanbod-2026.csv ses-woa-2026-reconstructie.csv; do
  cmp "$scratch/2026/$f" "$root/rules/2026/data/$f"
done
echo "generators: the 2024 and 2026 scenarios and SES-WOA files reproduced byte for byte"
