#!/usr/bin/env python3
"""Generates the fictitious and placeholder data of rules/2024/data, reproducibly (seed 20241220).

Per-gemeente verslag offers are not public, so verdeel ships a fictitious scenario. It is built so
that it matches everything that is known:

- every published provincial verslag total and amv total (verslagen-2024-provincie.csv); for Utrecht
  (not found) and Zeeland ("meets its task", number not found) a chosen total is used, stated below;
- the known offers: Wassenaar offers 930 (Duinrell), Ridderkerk 250 (its indicative number);
  Cranendonck and Gilze en Rijen (long-standing reception) offer places of their own. Outcomes are not
  forced: Woudenberg's reported task of 0 is a claim the rules are set against
  (08-bekende-uitkomsten.regels), so its offer is drawn like any other;
- about 8,000 of the places are kansrijke initiatieven, as in the minister's letter;
- it varies as reality does: some gemeenten far above their share, some at zero.

Everything it writes is marked `fictief` (or, for the SES-WOA placeholder, carries no values at all).
Run from anywhere: `python3 rules/2024/data/genereer.py [OUTPUT_DIR]` (default: this folder).
tests/spreidingswet/generator_reproducible.sh checks that the committed files equal a fresh run.
"""
import csv
import os
import random
import sys
from fractions import Fraction

SEED = 20241220
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE

# Chosen where the sources give no number (stated in SOURCES.md).
CHOSEN_VERSLAG = {"Utrecht": 7950, "Zeeland": 2169}
KANSRIJK_SHARE = Fraction(9, 100)  # about 8,000 of about 89,000
AMV_SHARE = Fraction(8140, 96000)  # national amv share, where a province's amv offer is unknown
FIXED = {  # code: (offered total, reason)
    "GM0629": (930, "Wassenaar: aangeboden plekken (Duinrell), gerapporteerd"),
    "GM0597": (250, "Ridderkerk: bood 250 plekken aan (haar indicatieve aantal), gerapporteerd"),
    "GM1706": (640, "Cranendonck: langdurige opvang (aantal fictief)"),
    "GM0784": (1150, "Gilze en Rijen: langdurige opvang (aantal fictief)"),
}


def read(name):
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def hamilton(total, weights, order):
    """Largest remainder over `weights` (dict key -> Fraction), ties by `order` (list of keys)."""
    keys = [k for k in order if weights[k] > 0]
    w = sum(weights[k] for k in keys)
    out = {k: 0 for k in order}
    if total == 0 or w == 0:
        return out
    quota = {k: Fraction(total) * weights[k] / w for k in keys}
    for k in keys:
        out[k] = quota[k].numerator // quota[k].denominator
    left = total - sum(out.values())
    rank = sorted(keys, key=lambda k: (-(quota[k] - out[k]), order.index(k)))
    for k in rank[:left]:
        out[k] += 1
    return out


def main():
    rng = random.Random(SEED)
    gemeenten = read("gemeenten.csv")
    provincies = {r["provincie"]: r for r in read("provincies-2024.csv")}
    verslagen = {r["provincie"]: r for r in read("verslagen-2024-provincie.csv")}

    aanbod = {}
    for prov in sorted(provincies):
        task = int(provincies[prov]["opvangopgave_totaal"])
        members = [g for g in gemeenten if g["provincie"] == prov]
        codes = [g["code"] for g in members]
        inw = {g["code"]: int(g["inwoners_2024_01_01"]) for g in members}
        total_inw = sum(inw.values())
        v = verslagen[prov]["aangeboden_in_verslag"]
        verslag = int(v) if v else CHOSEN_VERSLAG[prov]
        a = verslagen[prov]["aangeboden_amv"]
        verslag_amv = int(a) if a else int(Fraction(verslag) * AMV_SHARE + Fraction(1, 2))

        # Offers: the fixed facts, then a random factor on each gemeente's share of the task.
        fixed = {c: FIXED[c][0] for c in codes if c in FIXED}
        weight = {}
        for c in codes:
            if c in fixed:
                weight[c] = Fraction(0)
                continue
            share = Fraction(task * inw[c], total_inw)
            draw = rng.random()
            if draw < 0.15:
                factor = Fraction(0)  # offers nothing
            elif draw < 0.30:
                factor = Fraction(rng.randint(150, 300), 100)  # far above its share
            else:
                factor = Fraction(rng.randint(30, 120), 100)
            weight[c] = share * factor
        if sum(weight.values()) == 0:  # keep the province's total reachable
            weight[max(codes, key=lambda c: inw[c])] = Fraction(1)
        rest = hamilton(verslag - sum(fixed.values()), weight, codes)
        offered = {c: fixed.get(c, rest[c]) for c in codes}

        # amv within the offers, in proportion to them, never more than the offer.
        amv = hamilton(verslag_amv, {c: Fraction(offered[c]) for c in codes}, codes)
        # kansrijke initiatieven: part of the offers of about a third of the offering gemeenten.
        offering = [c for c in codes if offered[c] > 0 and c not in FIXED]
        picked = [c for c in offering if rng.random() < 0.35] or offering[:1]
        kansrijk_total = int(Fraction(verslag) * KANSRIJK_SHARE)
        kansrijk = hamilton(kansrijk_total, {c: Fraction(offered[c] if c in picked else 0) for c in codes}, codes)
        # durable places (Besluit 3.1): some offers are durable locations, some of them too small to count.
        for c in codes:
            durable = 0
            if offered[c] > 0 and rng.random() < 0.25:
                durable = min(offered[c], rng.choice([40, 60, 80, 100, 120, 150, 200, 250]))
            aanbod[c] = {
                "code": c,
                "aangeboden_totaal": offered[c],
                "aangeboden_amv": min(amv[c], offered[c]),
                "waarvan_kansrijk": min(kansrijk[c], offered[c]),
                "waarvan_duurzaam": durable,
            }

    with open(os.path.join(OUT, "verslag-aanbod-2024.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "aangeboden_totaal", "aangeboden_amv", "waarvan_kansrijk", "waarvan_duurzaam", "herkomst"])
        for g in gemeenten:
            r = aanbod[g["code"]]
            w.writerow([r["code"], r["aangeboden_totaal"], r["aangeboden_amv"], r["waarvan_kansrijk"],
                        r["waarvan_duurzaam"], "fictief"])

    # The CBS StatLine export format ("CSV met statistische symbolen"), with every score missing (".").
    write_seswoa(os.path.join(OUT, "ses-woa.csv"), gemeenten, ".")


def write_seswoa(path, gemeenten, score):
    """Writes `score` for every gemeente in the CBS StatLine export format (also used for 2026)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        w.writerow(["ID", "WijkenEnBuurten", "Gemeentenaam_1", "SESWOA_Gemiddelde"])
        for i, g in enumerate(gemeenten):
            w.writerow([i, g["code"].ljust(10), g["naam"], score])


if __name__ == "__main__":
    main()
