#!/usr/bin/env python3
"""Whole-process measurements of `verdeel` at scale, against the targets of docs/performance.md.

Generates (seeded) and runs, each --runs times, reporting the median wall time, CPU time (user +
system, from wait4) and peak memory (max RSS):
  overijssel-10^6  rules/examples/overijssel-inwoners with 1,000,000 gemeenten (`verdeel run`)
  lookups-8000     8,000 gemeenten, each with one row of another table found by its key
  groups-1000      1,000 councils and 10,000 lists: votes summed and seats apportioned per council
  sweep-2024       `verdeel sweep` over rules/2024 with every SES-WOA score filled (fictitious),
                   capaciteitsraming 80,000..100,000 in steps of 100 (201 scenarios): scenarios per
                   second of CPU, start-up and writing included

usage: scale.py --verdeel BUILD/interpreter/verdeel [--runs 3] [--only NAME ...]
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def measure(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)} failed with exit code {code}:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def overijssel(dir, n):
    os.makedirs(f"{dir}/data")
    shutil.copy(f"{ROOT}/rules/examples/overijssel-inwoners/overijssel.regels", dir)
    rng = random.Random(20241220)
    with open(f"{dir}/data/gemeenten-overijssel.csv", "w") as f:
        f.write("code,naam,provincie,inwoners_2023_01_01,inwoners_2024_01_01\n")
        for i in range(n):
            v = rng.randint(1000, 900000)
            f.write(f"GM{1000000 + i},Gemeente {i},Overijssel,{v},{v}\n")


def lookups(dir, n):
    os.makedirs(dir)
    with open(f"{dir}/r.regels", "w") as f:
        f.write('''regeling "Opzoeken" citatie "benchmark" geldig vanaf 2024-01-01
tabel gemeente uit "gemeenten.csv"
  sleutel code
  kolom code: tekst
  kolom naam: tekst
  herkomst echt
  bron "gegenereerd"
tabel aanbod uit "aanbod.csv"
  sleutel nummer
  kolom nummer: tekst
  kolom code: verwijzing naar gemeente
  kolom totaal: geheel getal
  herkomst echt
  bron "gegenereerd"
artikel 1 "Opzoeken"
  definitie aangeboden per gemeente: geheel getal = som(totaal over aanbod waarvoor code = deze gemeente)
uitvoer "aanbod" per gemeente
  kolommen code, naam, aangeboden
''')
    rng = random.Random(20241221)
    with open(f"{dir}/gemeenten.csv", "w") as f:
        f.write("code,naam\n")
        for i in range(n):
            f.write(f"G{i},Gemeente {i}\n")
    with open(f"{dir}/aanbod.csv", "w") as f:
        f.write("nummer,code,totaal\n")
        for i in range(n):
            f.write(f"A{i},G{rng.randrange(n)},{rng.randrange(500)}\n")


def groups(dir, g):
    os.makedirs(dir)
    with open(f"{dir}/r.regels", "w") as f:
        f.write('''regeling "Groepen" citatie "benchmark" geldig vanaf 2024-01-01
tabel orgaan uit "organen.csv"
  sleutel code
  kolom code: tekst
  kolom zetels: geheel getal
  herkomst echt
  bron "gegenereerd"
tabel partij uit "partijen.csv"
  sleutel nummer
  kolom nummer: tekst
  kolom orgaan: verwijzing naar orgaan
  kolom stemmen: geheel getal
  herkomst echt
  bron "gegenereerd"
artikel 1 "Groepen"
  definitie stemmen_orgaan per orgaan: geheel getal = som(stemmen over partij waarvoor orgaan = deze orgaan)
  verdeling zetels_partij per partij binnen orgaan:
    verdeel zetels
    naar rato van stemmen
    methode d'hondt
    bij gelijke stand stemmen aflopend
  definitie zetels_orgaan per orgaan: geheel getal = som(zetels_partij over partij waarvoor orgaan = deze orgaan)
  controle "de zetels sluiten" per orgaan: zetels_orgaan = zetels
uitvoer "organen" per orgaan
  kolommen code, zetels, stemmen_orgaan, zetels_orgaan
uitvoer "partijen" per partij
  kolommen nummer, orgaan, stemmen, zetels_partij
''')
    rng = random.Random(20241222)
    with open(f"{dir}/organen.csv", "w") as f:
        f.write("code,zetels\n")
        for i in range(g):
            f.write(f"O{i},{9 + 2 * rng.randrange(18)}\n")
    with open(f"{dir}/partijen.csv", "w") as f:
        f.write("nummer,orgaan,stemmen\n")
        for i in range(10 * g):
            f.write(f"L{i},O{i % g},{50 + rng.randrange(20000)}\n")


def formula_variant(dir):
    shutil.copytree(f"{ROOT}/rules/2024", dir)
    rng = random.Random(1)
    path = f"{dir}/data/ses-woa.csv"
    lines = open(path, encoding="utf-8").read().splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        parts = line.split(";")
        parts[-1] = '"%s"' % f"{rng.uniform(-0.5, 0.5):.3f}"
        out.append(";".join(parts))
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verdeel", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    verdeel = os.path.abspath(args.verdeel)
    scratch = tempfile.mkdtemp(prefix="verdeel-scale-")
    try:
        cases = {
            "overijssel-10^6": (lambda d: overijssel(d, 1_000_000), ["run"], "<= 5 s, <= 1 GB"),
            "lookups-8000": (lambda d: lookups(d, 8000), ["run"], "<= 0.2 s"),
            "groups-1000": (lambda d: groups(d, 1000), ["run"], "<= 0.5 s"),
            "sweep-2024": (formula_variant, ["sweep", "--zet", "capaciteitsraming=80000..100000/100",
                                             "--kolommen", "indicatief_totaal,besluit_totaal"], ">= 300 scenarios/s"),
        }
        for name, (make, command, target) in cases.items():
            if args.only and name not in args.only:
                continue
            rules = os.path.join(scratch, name)
            make(rules)
            out = os.path.join(scratch, name + "-uit")
            cmd = [verdeel, command[0], rules, "--out", out] + command[1:]
            samples = [measure(cmd) for _ in range(args.runs)]
            wall = statistics.median(s[0] for s in samples)
            cpu = statistics.median(s[1] for s in samples)
            rss = statistics.median(s[2] for s in samples)
            extra = f"   {201 / cpu:7.1f} scenarios/s of CPU" if name == "sweep-2024" else ""
            print(f"{name:16} wall {wall:7.3f} s   CPU {cpu:7.3f} s   peak memory {rss:7.1f} MB{extra}"
                  f"   (target {target})")
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(rules, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
