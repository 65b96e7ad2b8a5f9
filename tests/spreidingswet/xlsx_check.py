#!/usr/bin/env python3
"""The workbook of `--format xlsx` holds the same decisions as the CSV of the same run.

Usage: xlsx_check.py VERDEEL ROOT. Runs rules/2024 with --format csv,xlsx into a scratch folder and
checks, with the standard library only (zipfile, xml): one sheet per CSV file with the same name; on
each sheet the header block (regulation, citation, geldig vanaf, version, herkomst), the column names
in row 8 frozen and filtered, every number cell a number equal to the CSV cell, every text cell the
CSV text, and a totals row with a SUM formula per whole-number column whose value is the column sum.
Run twice, the workbook has the same bytes.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET
from fractions import Fraction

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_sheets(path):
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        xml = ET.fromstring(z.read("xl/" + target[s.get(REL)]))
        rows = {}
        for row in xml.find("m:sheetData", NS):
            r = int(row.get("r"))
            for c in row:
                v = c.find("m:v", NS)
                f = c.find("m:f", NS)
                kind = c.get("t")
                if kind == "s":
                    value = shared[int(v.text)]
                elif v is not None:
                    value = Fraction(v.text)
                else:
                    value = None
                rows.setdefault(r, {})[col_index(c.get("r"))] = (value, f.text if f is not None else None, kind)
        out[s.get("name")] = (xml, rows)
    return out


def main():
    verdeel, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        for n in ("a", "b"):
            subprocess.run([verdeel, "run", os.path.join(root, "rules/2024"), "--out", os.path.join(tmp, n),
                            "--format", "csv,xlsx", "--csv-letterlijk"], check=True, stdout=subprocess.DEVNULL)
        a, b = (open(os.path.join(tmp, n, "besluiten.xlsx"), "rb").read() for n in ("a", "b"))
        assert a == b, "two runs wrote different workbooks"
        sheets = read_sheets(os.path.join(tmp, "a", "besluiten.xlsx"))
        csvs = sorted(f[:-4] for f in os.listdir(os.path.join(tmp, "a")) if f.endswith(".csv"))
        assert sorted(sheets) == csvs, (sorted(sheets), csvs)
        checked = 0
        for name in csvs:
            with open(os.path.join(tmp, "a", name + ".csv"), newline="", encoding="utf-8") as f:
                table = list(csv.reader(f))
            xml, rows = sheets[name]
            labels = [rows[r][0][0] for r in range(2, 7)]
            assert labels == ["Regeling", "Citatie", "Geldig vanaf", "Versie", "Herkomst"], labels
            assert rows[2][1][0].startswith("Verdeelbesluiten 2024"), rows[2][1]
            if any(r[-1] == "fictief" for r in table[1:] if "herkomst" in table[0]):
                assert rows[6][1][0].startswith("fictief"), (name, rows[6][1])
            pane = xml.find("m:sheetViews/m:sheetView/m:pane", NS)
            assert pane is not None and pane.get("ySplit") == "8" and pane.get("state") == "frozen", name
            assert xml.find("m:autoFilter", NS) is not None, name
            assert [rows[8][c][0] for c in range(len(table[0]))] == table[0], name
            sums = {}
            for i, line in enumerate(table[1:]):
                cells = rows.get(9 + i, {})
                for c, text in enumerate(line):
                    got = cells.get(c)
                    if text == "":
                        assert got is None, (name, i, c, got)
                        continue
                    value, _, kind = got
                    if re.fullmatch(r"-?\d+(\.\d+)?(/\d+)?", text):
                        assert kind != "s", (name, i, c, "a number written as text", text)
                    if kind == "s":
                        assert value == text, (name, i, c, value, text)
                    else:
                        exact = Fraction(text)
                        assert abs(value - exact) < Fraction(1, 10**9), (name, i, c, value, text)
                        sums[c] = sums.get(c, 0) + exact
                    checked += 1
            if len(table) > 1:
                total = rows[9 + len(table) - 1]
                assert total[0][0] == "totaal", (name, total[0])
                for c, (value, formula, _) in total.items():
                    if c == 0:
                        continue
                    assert formula and formula.startswith("SUM("), (name, c, formula)
                    assert value == sums[c], (name, c, value, sums[c])
        print(f"xlsx: {len(csvs)} sheets, {checked} cells equal to the CSV, totals and header blocks right")


if __name__ == "__main__":
    main()
