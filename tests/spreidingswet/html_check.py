#!/usr/bin/env python3
"""The decision documents of `--format html` say what the CSV of the same run says.

Usage: html_check.py VERDEEL ROOT. Runs rules/2024 with --format csv,html and checks, with the
standard library only: every document is HTML with lang="nl", a title and column headers with
scope="col"; every verdeelbesluit document carries the CONCEPT / FICTIEF GEGEVEN banner (its rows rest
on the fictitious scenario), lists every gemeente of its CSV with regulier, amv and totaal in Dutch
notation, has a totals row equal to the column sums, names the provincial task of provincies.csv,
says whether the task closes, names the deadline and holds one chart with a label per gemeente.
"""
import csv
import html.parser
import os
import re
import subprocess
import sys
import tempfile


def dutch(n):
    s = f"{abs(n):,}".replace(",", ".")
    return ("-" if n < 0 else "") + s


class Doc(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.in_title = False
        self.th_scoped = 0
        self.th = 0
        self.rows = []
        self.row = None
        self.cell = None
        self.section = None
        self.svg_labels = 0
        self.in_svg_text = False
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "title":
            self.in_title = True
        if tag == "th":
            self.th += 1
            self.th_scoped += a.get("scope") == "col"
        if tag in ("tbody", "tfoot"):
            self.section = tag
        if tag == "tr" and self.section in ("tbody", "tfoot"):
            self.row = []
        if tag == "td" and self.row is not None:
            self.cell = ""
        if tag == "text" and a.get("text-anchor") == "end":
            self.svg_labels += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "td" and self.row is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.append((self.section, self.row))
            self.row = None
        if tag in ("tbody", "tfoot"):
            self.section = None

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.cell is not None:
            self.cell += data
        self.text.append(data)


def main():
    verdeel, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([verdeel, "run", os.path.join(root, "rules/2024"), "--out", tmp, "--format", "csv,html",
                        "--csv-letterlijk"], check=True, stdout=subprocess.DEVNULL)
        provinces = {r["naam"]: r for r in csv.DictReader(open(os.path.join(tmp, "provincies.csv"), encoding="utf-8"))}
        documents = 0
        for name in sorted(os.listdir(tmp)):
            if not name.endswith(".html"):
                continue
            doc = Doc()
            doc.feed(open(os.path.join(tmp, name), encoding="utf-8").read())
            text = " ".join(" ".join(doc.text).split())
            assert doc.lang == "nl" and doc.title.strip(), name
            assert doc.th > 0 and doc.th == doc.th_scoped, (name, doc.th, doc.th_scoped)
            documents += 1
            m = re.fullmatch(r"verdeelbesluit-(.+)\.html", name)
            if not m or m.group(1) == "samenvatting":
                continue
            rows = list(csv.DictReader(open(os.path.join(tmp, name[:-5] + ".csv"), encoding="utf-8")))
            province = next(p for p in provinces if p.lower().replace(" ", "-") == m.group(1))
            assert "CONCEPT — FICTIEF GEGEVEN" in text, name
            body = [r for s, r in doc.rows if s == "tbody"]
            foot = [r for s, r in doc.rows if s == "tfoot"]
            assert [r[0] for r in body] == [r["naam"] for r in rows], name
            for cells, r in zip(body, rows):
                assert cells[1:4] == [dutch(int(r[k])) for k in ("besluit_regulier", "besluit_amv", "besluit_totaal")], (name, cells, r)
            sums = [sum(int(r[k]) for r in rows) for k in ("besluit_regulier", "besluit_amv", "besluit_totaal")]
            assert foot and foot[0][1:4] == [dutch(s) for s in sums], (name, foot, sums)
            task = int(provinces[province]["opvangopgave"])
            assert f"opvangopgave van de provincie {province} {dutch(task)} opvangplaatsen" in text, name
            closes = provinces[province]["opgave_sluit"] == "waar"
            assert ("daarmee de provinciale opvangopgave sluit" in text) == closes, name
            assert "uiterlijk voor 1 juli 2025" in text, name
            assert doc.svg_labels == len(rows), (name, doc.svg_labels, len(rows))
            assert "Bezwaar" in text and "De Minister van Asiel en Migratie" in text, name
        assert documents >= 20, documents
        print(f"html: {documents} documents; the twelve verdeelbesluiten agree with their CSV")


if __name__ == "__main__":
    main()
