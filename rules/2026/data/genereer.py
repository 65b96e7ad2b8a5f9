#!/usr/bin/env python3
"""Generates the reconstructed and fictitious data of rules/2026/data, reproducibly (seed 20261218).

What is known of the 2026 cycle (see SOURCES.md): the capaciteitsraming of 88,000 (27 February 2026);
that all provinces together were then about 38,000 places short, Zuid-Holland 11,400, Noord-Holland
7,700, Noord-Brabant 7,200 and Gelderland 4,900, Groningen and Flevoland none; that only long-term
places count. Not known: the SES-WOA scores, the indicative number per gemeente, the provincial
tasks, the verslagen (due early December 2026). So this script writes:

- ses-woa-2026-reconstructie.csv: score 0 for every gemeente, in the CBS StatLine export format the
  table declaration reads (`gereconstrueerd`: the formula then weighs inhabitants only);
- verslag-aanbod-2026.csv: a fictitious verslag per gemeente (`fictief`). Per province it offers the
  province's task (computed here as the rules compute it: 88,000 by inhabitants, rounded per gemeente)
  minus the reported shortage; the shortage of the six provinces without a reported figure is the
  rest of the 38,000, shared by their tasks; Groningen and Flevoland offer 5 % above their task.
  Within a province the offers vary as in the 2024 scenario; amv is 7,462/88,000 of each province's
  offer; every offered place is long-term (`waarvan_duurzaam` = the offer), none is `kansrijk`.

Run from anywhere: `python3 rules/2026/data/genereer.py [OUTPUT_DIR]` (default: this folder).
tests/spreidingswet/generator_reproducible.sh checks that the committed files equal a fresh run.
"""
import csv
import importlib.util
import os
import random
import sys
from fractions import Fraction

SEED = 20261218
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE
RAMING = 88000
AMV_SHARE = Fraction(7462, 88000)  # the assumed amv raming (rules/2026, artikel 2 reconstructie)
TEKORT = {"Zuid-Holland": 11400, "Noord-Holland": 7700, "Noord-Brabant": 7200, "Gelderland": 4900,
          "Groningen": 0, "Flevoland": 0}
TEKORT_TOTAAL = 38000

# The 2024 generator's helpers: largest remainder (both scenarios round alike) and the export format.
_spec = importlib.util.spec_from_file_location(
    "genereer2024", os.path.join(HERE, "..", "..", "2024", "data", "genereer.py"))
_g2024 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_g2024)
hamilton = _g2024.hamilton


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def half_up(q):
    return (q + Fraction(1, 2)).numerator // (q + Fraction(1, 2)).denominator


def main():
    rng = random.Random(SEED)
    gemeenten = read(os.path.join(HERE, "..", "..", "2024", "data", "gemeenten.csv"))
    inw = {g["code"]: int(g["inwoners_2024_01_01"]) for g in gemeenten}
    total_inw = sum(inw.values())
    iv = {c: half_up(Fraction(RAMING * inw[c], total_inw)) for c in inw}
    provincies = sorted({g["provincie"] for g in gemeenten})
    task = {p: sum(iv[g["code"]] for g in gemeenten if g["provincie"] == p) for p in provincies}

    # The shortage of the provinces without a reported figure: the rest of the 38,000, by task.
    others = [p for p in provincies if p not in TEKORT]
    rest = hamilton(TEKORT_TOTAAL - sum(TEKORT.values()), {p: Fraction(task[p]) for p in others}, others)
    tekort = {p: TEKORT.get(p, rest.get(p, 0)) for p in provincies}

    aanbod = {}
    for prov in provincies:
        codes = [g["code"] for g in gemeenten if g["provincie"] == prov]
        if tekort[prov] == 0:
            offer = task[prov] + half_up(Fraction(task[prov] * 5, 100))
        else:
            offer = max(0, task[prov] - tekort[prov])
        weight = {}
        for c in codes:
            draw = rng.random()
            if draw < 0.15:
                factor = Fraction(0)
            elif draw < 0.30:
                factor = Fraction(rng.randint(150, 300), 100)
            else:
                factor = Fraction(rng.randint(30, 120), 100)
            weight[c] = iv[c] * factor
        if sum(weight.values()) == 0:
            weight[max(codes, key=lambda c: inw[c])] = Fraction(1)
        offered = hamilton(offer, weight, codes)
        amv = hamilton(half_up(offer * AMV_SHARE), {c: Fraction(offered[c]) for c in codes}, codes)
        for c in codes:
            aanbod[c] = (offered[c], min(amv[c], offered[c]))

    with open(os.path.join(OUT, "verslag-aanbod-2026.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "aangeboden_totaal", "aangeboden_amv", "waarvan_kansrijk", "waarvan_duurzaam", "herkomst"])
        for g in gemeenten:
            total, amv = aanbod[g["code"]]
            w.writerow([g["code"], total, amv, 0, total, "fictief"])

    _g2024.write_seswoa(os.path.join(OUT, "ses-woa-2026-reconstructie.csv"), gemeenten, "0")


if __name__ == "__main__":
    main()
