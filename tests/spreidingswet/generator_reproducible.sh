#!/usr/bin/env bash
# The fictitious scenario and the SES-WOA placeholder in rules/2024/data are exactly what the
# documented, seeded generator writes.
set -eu
root=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 "$root/rules/2024/data/genereer.py" "$scratch"
for f in verslag-aanbod-2024.csv ses-woa.csv; do
  cmp "$scratch/$f" "$root/rules/2024/data/$f"
done
echo "generator: verslag-aanbod-2024.csv and ses-woa.csv reproduced byte for byte"
