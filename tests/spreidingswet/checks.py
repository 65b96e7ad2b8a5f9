#!/usr/bin/env python3
"""Whole-run checks of the 2024 rule set (issue 4), on the outputs of `verdeel run rules/2024`:

1. twelve verdeelbesluiten, one per province, plus the national summary and the claims report;
2. every published indicative number (Stcrt. 2024, 3320 as reported; not third-party calculations)
   appears unchanged in the output, total and amv;
3. every published provincial task appears unchanged, and the published provincial amv tasks too;
4. each province's decision sums to at least its task (total, regulier and amv);
5. every row names its legal basis and its provenance.

Usage: checks.py VERDEEL RULES_DIR
"""
import csv
import os
import subprocess
import sys
import tempfile

verdeel, rules = sys.argv[1], sys.argv[2]
data = os.path.join(rules, "data")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


with tempfile.TemporaryDirectory() as out:
    subprocess.run([verdeel, "run", rules, "--out", out, "--format", "csv"], check=True, stdout=subprocess.DEVNULL)
    provinces = rows(os.path.join(data, "provincies-2024.csv"))
    files = sorted(f for f in os.listdir(out) if f.startswith("verdeelbesluit-") and f != "verdeelbesluit-samenvatting.csv")
    check(len(files) == 12, f"expected 12 verdeelbesluiten, found {len(files)}: {files}")
    check(os.path.exists(os.path.join(out, "verdeelbesluit-samenvatting.csv")), "no national summary")
    check(os.path.exists(os.path.join(out, "beweringen.csv")), "no claims report")

    decided = {}
    for f in files:
        for r in rows(os.path.join(out, f)):
            decided[r["code"]] = r
            check(r["grondslag"].strip() != "", f"{r['code']}: no grondslag")
            check(r["herkomst"] in ("echt", "gereconstrueerd", "fictief"), f"{r['code']}: herkomst {r['herkomst']!r}")
    check(len(decided) == 342, f"expected 342 gemeenten, found {len(decided)}")

    published = rows(os.path.join(data, "indicatief-2024-gepubliceerd.csv"))
    used = 0
    for p in published:
        if p["betrouwbaarheid"] == "berekening-derden":
            continue
        used += 1
        r = decided.get(p["code"])
        check(r is not None, f"{p['code']} missing")
        if r is None:
            continue
        check(r["indicatief_totaal"] == p["indicatief_totaal"],
              f"{p['naam']}: indicatief_totaal {r['indicatief_totaal']} != published {p['indicatief_totaal']}")
        if p["indicatief_amv"]:
            check(r["indicatief_amv"] == p["indicatief_amv"],
                  f"{p['naam']}: indicatief_amv {r['indicatief_amv']} != published {p['indicatief_amv']}")

    summary = {r["naam"]: r for r in rows(os.path.join(out, "provincies.csv"))}
    for p in provinces:
        s = summary[p["provincie"]]
        check(s["opvangopgave"] == p["opvangopgave_totaal"],
              f"{p['provincie']}: task {s['opvangopgave']} != published {p['opvangopgave_totaal']}")
        if p["opvangopgave_amv"]:
            check(s["opvangopgave_amv"] == p["opvangopgave_amv"],
                  f"{p['provincie']}: amv task {s['opvangopgave_amv']} != published {p['opvangopgave_amv']}")
        for part, task in (("besluit_provincie", "opvangopgave"), ("besluit_provincie_regulier", "opvangopgave_regulier"),
                           ("besluit_provincie_amv", "opvangopgave_amv")):
            check(int(s[part]) >= int(s[task]), f"{p['provincie']}: {part} {s[part]} < {task} {s[task]}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"2024 checks: 12 decisions, 342 gemeenten, {used} published indicative numbers and 12 provincial "
      f"tasks unchanged, every province closes its task")
