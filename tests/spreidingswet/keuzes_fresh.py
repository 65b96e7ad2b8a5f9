#!/usr/bin/env python3
"""The keuzes workbench against fresh runs (issue 14): `verdeel keuzes rules/2024` computes every
combination of readings in one process, re-evaluating only what the changed keuzes reach. For a spread
of combinations (the first, the last, and some between, each changing several keuzes at once), the
numbers it reports for the known outcomes must equal those of a fresh `verdeel run --zet ...` of that
combination, and the matrix must mark exactly one combination, the default, as `standaard`.

Usage: keuzes_fresh.py VERDEEL RULES_DIR
"""
import csv
import glob
import os
import subprocess
import sys
import tempfile

verdeel, rules = sys.argv[1], sys.argv[2]
failures = []
CLAIM = "Het gemelde besluit per gemeente (totaal)."


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def number(text):
    return int(text.replace(".", ""))


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "keuzes")
    subprocess.run([verdeel, "keuzes", rules, "--out", out], check=True, capture_output=True)
    matrix = rows(os.path.join(out, "keuzes-matrix.csv"))
    distances = rows(os.path.join(out, "keuzes-afstanden.csv"))
    keuzes = list(matrix[0].keys())[1:6]
    if len(matrix) != 64:
        failures.append(f"expected 64 combinations, got {len(matrix)}")
    defaults = [m["combinatie"] for m in matrix if m["standaard"] == "ja"]
    if defaults != ["1"]:
        failures.append(f"the default combination should be 1 alone, got {defaults}")
    compared = 0
    for n in sorted({1, 3, 9, 11, 19, 27, 35, 43, 57, 59, 2, 13, len(matrix)}):
        combo = matrix[n - 1]
        settings = [f"{k}={combo[k]}" for k in keuzes]
        run_out = os.path.join(tmp, f"run{n}")
        args = [verdeel, "run", rules, "--out", run_out, "--format", "csv"]
        for s in settings:
            args += ["--zet", s]
        # A combination may break a controle or a claim of the letter (exit 3): the decisions of
        # the readings are then not written, and the matrix must say so.
        done = subprocess.run(args, capture_output=True, text=True)
        broken = combo["controles_niet_gehouden"] != "" or any(
            combo[c].startswith("nee") and "fictief" not in combo[c] for c in list(combo.keys())[6:-6])
        if done.returncode not in (0, 3):
            failures.append(f"combination {n}: run exited {done.returncode}: {done.stderr[:300]}")
            continue
        if done.returncode == 3:
            if not broken and "fictief" not in done.stderr:
                failures.append(f"combination {n}: the run failed a check that the matrix does not show")
            continue
        computed = {}
        for path in glob.glob(os.path.join(run_out, "verdeelbesluit-*.csv")):
            if path.endswith("samenvatting.csv"):
                continue
            for r in rows(path):
                computed[r["naam"]] = int(r["besluit_totaal"])
        claimed = [d for d in distances if d["combinatie"] == str(n) and d["bewering"] == CLAIM]
        if len(claimed) != 5:
            failures.append(f"combination {n}: {len(claimed)} known decisions, expected 5")
        for d in claimed:
            name = d["entiteit"].split("(")[-1].rstrip(")")
            if name not in computed:
                failures.append(f"combination {n}: {name} not in the fresh run")
            else:
                compared += 1
            if name in computed and computed[name] != number(d["berekend"]):
                failures.append(f"combination {n} ({'; '.join(settings)}): {name} is {d['berekend']} in the "
                                f"workbench and {computed[name]} in a fresh run")

    if compared < 25:
        failures.append(f"only {compared} numbers compared with fresh runs: the test would prove little")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"keuzes workbench equals fresh runs ({compared} numbers)")
