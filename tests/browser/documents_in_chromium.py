#!/usr/bin/env python3
"""The decision documents in a real browser (headless Chromium) and as printed PDF.

Usage: documents_in_chromium.py VERDEEL ROOT ARTIFACTS. Needs `chromium` and poppler's `pdftotext`
and `pdfinfo` (scripts/install-deps.sh installs them). Checks:

1. every HTML document of rules/2024 loads in Chromium without a console message (no script, no
   missing resource), and a screenshot of each is kept in ARTIFACTS/screenshots;
2. `--format pdf` of rules/2024: the Overijssel decision prints on the expected number of pages,
   every page has the running header, "pagina N van M" and the CONCEPT banner, and the text holds
   the provincial task and the totals of the CSV; the PDFs of two runs have the same bytes;
3. without Chromium, `--format pdf` stops with E0603 and the install hint, and writes nothing.
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile


def dutch(n):
    return f"{n:,}".replace(",", ".")


def main():
    verdeel, root, artifacts = sys.argv[1], sys.argv[2], sys.argv[3]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is not installed (scripts/install-deps.sh installs it)"
    shots = os.path.join(artifacts, "screenshots")
    os.makedirs(shots, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = os.path.join(tmp, "html")
        subprocess.run([verdeel, "run", os.path.join(root, "rules/2024"), "--out", html, "--format", "csv,html"],
                       check=True, stdout=subprocess.DEVNULL)
        profile = os.path.join(tmp, "profiel")
        names = sorted(n for n in os.listdir(html) if n.endswith(".html"))
        for n in names:
            shot = os.path.join(shots, n[:-5] + ".png")
            r = subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                                "--window-size=1200,1600", f"--screenshot={shot}",
                                "file://" + os.path.join(html, n)],
                               capture_output=True, text=True, timeout=120)
            console = [l for l in r.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l or "ERR_FILE_NOT_FOUND" in l]
            assert r.returncode == 0 and not console, (n, r.returncode, console)
            assert os.path.getsize(shot) > 1000, (n, "empty screenshot")
        # PDF, twice: the same bytes.
        runs = []
        for k in ("a", "b"):
            out = os.path.join(tmp, "pdf-" + k)
            subprocess.run([verdeel, "run", os.path.join(root, "rules/2024"), "--out", out, "--format", "csv,pdf"],
                           check=True, stdout=subprocess.DEVNULL)
            runs.append(out)
        pdfs = sorted(n for n in os.listdir(runs[0]) if n.endswith(".pdf"))
        assert len(pdfs) == len(names), (len(pdfs), len(names))
        for n in pdfs:
            with open(os.path.join(runs[0], n), "rb") as a, open(os.path.join(runs[1], n), "rb") as b:
                x, y = a.read(), b.read()
            if x != y:
                i = next((i for i in range(min(len(x), len(y))) if x[i] != y[i]), min(len(x), len(y)))
                for k, data in (("a", x), ("b", y)):
                    open(os.path.join(artifacts, f"verschil-{k}-{n}"), "wb").write(data)
                raise AssertionError(f"{n}: two runs printed different PDFs ({len(x)} and {len(y)} bytes), "
                                     f"first difference at byte {i}: {x[max(0, i - 80):i + 40]!r} / {y[max(0, i - 80):i + 40]!r}")
        doc = os.path.join(runs[0], "verdeelbesluit-overijssel.pdf")
        shutil.copy(doc, os.path.join(artifacts, "verdeelbesluit-overijssel.pdf"))
        info = subprocess.run(["pdfinfo", doc], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert 4 <= pages <= 8, pages
        rows = list(csv.DictReader(open(os.path.join(runs[0], "verdeelbesluit-overijssel.csv"), encoding="utf-8")))
        province = {r["naam"]: r for r in csv.DictReader(open(os.path.join(runs[0], "provincies.csv"), encoding="utf-8"))}["Overijssel"]
        for page in range(1, pages + 1):
            text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), doc, "-"],
                                  capture_output=True, text=True, check=True).stdout
            assert f"pagina {page} van {pages}" in text, (page, "no page number")
            assert "Verdeelbesluit provincie Overijssel" in text, (page, "no running header")
            assert "CONCEPT" in text, (page, "no banner")
        text = " ".join(subprocess.run(["pdftotext", "-layout", doc, "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert f"Overijssel {dutch(int(province['opvangopgave']))} opvangplaatsen" in text, "provincial task"
        total = sum(int(r["besluit_totaal"]) for r in rows)
        sums = [sum(int(r[k]) for r in rows) for k in ("besluit_regulier", "besluit_amv", "besluit_totaal")]
        assert "totaal " + " ".join(dutch(x) for x in sums) in text, ("totals row", sums)
        assert dutch(total) in text, "total"
        # Without Chromium: a clear message, exit 73, nothing written.
        env = dict(os.environ, PATH="/nonexistent")
        env.pop("VERDEEL_CHROMIUM", None)
        missing = os.path.join(tmp, "zonder")
        r = subprocess.run([verdeel, "run", os.path.join(root, "rules/2024"), "--out", missing, "--format", "pdf"],
                           capture_output=True, text=True, env=env)
        assert r.returncode == 73 and "E0603" in r.stderr and "chromium" in r.stderr, (r.returncode, r.stderr)
        assert not os.path.exists(missing), "a folder was written"
        print(f"browser: {len(names)} documents without console messages (screenshots in {shots}); "
              f"{len(pdfs)} PDFs identical over two runs; Overijssel {pages} pages with header, page numbers, banner and totals")


if __name__ == "__main__":
    main()
