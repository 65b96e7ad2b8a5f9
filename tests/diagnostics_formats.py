#!/ usr / bin / env python3
"""Every command writes its diagnostics as one JSON or SARIF 2.1.0 document with --diagnostics json|sarif.

For each command (check, tijdlijn, run, explain, verify, diff, sweep, keuzes, stdlib-docs) a case that
gives diagnostics (or none) is run three times: as text, as JSON and as SARIF. The JSON and SARIF
documents must parse, hold as many diagnostics as the text shows (`fout[`/`waarschuwing[` lines), with
the same codes in the same order, positions that exist in the named file, and the exit code must not
change. Usage: diagnostics_formats.py VERDEEL PROJECT_ROOT
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

VERDEEL, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
G = os.path.join(ROOT, "tests", "golden")


def run(args, cwd):
    p = subprocess.run([VERDEEL] + args, cwd=cwd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stderr


def text_codes(stderr):
    return re.findall(r"^(?:\S+: )?(?:fout|waarschuwing)\[(\w+)\]", stderr, re.M)


def check_json(doc, codes, cwd, label):
    diags = doc["diagnostics"]
    got = [d["code"] for d in diags]
    assert got == [c if c != "gebruik" else "usage" for c in codes], (label, got, codes)
    assert doc["errors"] == sum(d["severity"] == "error" for d in diags), label
    assert doc["warnings"] == sum(d["severity"] == "warning" for d in diags), label
    for d in diags:
        assert d["severity"] in ("error", "warning"), label
        assert d["message"], label
        pos = d["position"]
        if pos is not None:
            path = os.path.join(cwd, pos["file"])
            assert os.path.exists(path), (label, pos)
            assert pos["line"] >= 1 and pos["column"] >= 1 and pos["end_line"] >= pos["line"], (label, pos)


def check_sarif(doc, codes, label):
    assert doc["version"] == "2.1.0", label
    runs = doc["runs"]
    assert len(runs) == 1, label
    driver = runs[0]["tool"]["driver"]
    assert driver["name"] == "verdeel", label
    rules = [r["id"] for r in driver["rules"]]
    assert rules == sorted(set(rules)), label
    results = runs[0]["results"]
    assert [r["ruleId"] for r in results] == [c if c != "gebruik" else "usage" for c in codes], label
    for r in results:
        assert rules[r["ruleIndex"]] == r["ruleId"], label
        assert r["level"] in ("error", "warning"), label
        assert r["message"]["text"], label
        for loc in r.get("locations", []) + r.get("relatedLocations", []):
            region = loc["physicalLocation"]["region"]
            assert region["startLine"] >= 1 and region["startColumn"] >= 1, label


def case(label, args, files):
    with tempfile.TemporaryDirectory() as scratch:
        tmp = ROOT if files is None else scratch  # None: in the project, read-only commands only
        for f in files or []:
            src = os.path.join(ROOT, f)
            dst = os.path.join(tmp, os.path.basename(f.rstrip("/")))
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, dst)
        code, err = run(args, tmp)
        codes = text_codes(err)
        for fmt in ("json", "sarif"):
            extra = ["--diagnostics", fmt]
            if "--out" in args:
                shutil.rmtree(os.path.join(tmp, "o1"), ignore_errors=True)
            c2, err2 = run(args + extra, tmp)
            assert c2 == code, (label, fmt, c2, code)
            doc = json.loads(err2)
            (check_json(doc, codes, tmp, label) if fmt == "json" else check_sarif(doc, codes, label))
        return code, len(codes)


CASES = [
    ("check, errors", ["check", "r.regels"], ["tests/golden/check/fail_restronden_verkeerd/r.regels"]),
    ("check, clean", ["check", "r.regels"], ["tests/golden/eval/ok_restronden_stadia/r.regels"]),
    ("check over a timeline", ["check", "rules/examples/wijziging-restopgave"], None),
    ("check over a timeline, broken", ["check", "wijziging-restopgave"], ["rules/examples/wijziging-restopgave"]),
    ("tijdlijn", ["tijdlijn", "rules/examples/wijziging-restopgave"], None),
    ("run with a tie", ["run", "r.regels", "--out", "o1"],
     ["tests/golden/eval/fail_gelijke_stand_een_raad/" + f for f in ("r.regels", "raden.csv", "partijen.csv")]),
    ("run, data error", ["run", "r.regels", "--out", "o1"],
     ["tests/golden/eval/fail_gelijke_stand_lot_niet_getrokken/r.regels"]),
    ("explain", ["explain", "us-house-2020", "Ohio", "zetels"], ["rules/examples/us-house-2020"]),
    ("explain, unknown entity", ["explain", "us-house-2020", "Ohoi", "zetels"], ["rules/examples/us-house-2020"]),
    ("verify", ["verify", "us-house-2020", "--published", "us-house-2020/data/us_house_2020.csv",
                "--sleutel", "state", "--kolom", "seats=zetels"], ["rules/examples/us-house-2020"]),
    ("diff", ["diff", "alabama-paradox", "alabama-paradox", "--zet-nieuw", "zetels=11"],
     ["rules/examples/alabama-paradox"]),
    ("sweep with a paradox", ["sweep", "alabama-paradox", "--zet", "zetels=10..11/1", "--kolommen",
                              "zetels_staat", "--out", "o1"], ["rules/examples/alabama-paradox"]),
    ("keuzes without keuzes", ["keuzes", "alabama-paradox", "--out", "o1"], ["rules/examples/alabama-paradox"]),
    ("test, clean", ["test", "alabama-paradox"], ["rules/examples/alabama-paradox"]),
    ("test without tests", ["test", "r.regels", "--min-dekking", "100"],
     ["tests/golden/eval/ok_restronden_stadia/r.regels"]),
    ("fmt, syntax error", ["fmt", "r.regels"], ["tests/golden/fmt/fail_zinsbouw/out/r.regels"]),
    ("fmt --check", ["fmt", "--check", "r.regels"], ["tests/golden/fmt/ok_opmaak/out/r.regels"]),
    ("usage error", ["run", "--onbekend"], []),
    ("unknown command", ["rnu"], []),
]

seen = 0
for label, args, files in CASES:
    code, n = case(label, args, files)
    seen += n
    print(f"{label}: exit {code}, {n} diagnostic(s) alike in text, JSON and SARIF")
assert seen >= 10, seen  # the cases do give diagnostics
print(f"{len(CASES)} cases, {seen} diagnostics")
