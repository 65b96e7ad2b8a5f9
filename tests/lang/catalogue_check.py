#!/usr/bin/env python3
"""Keeps the message catalogue (interpreter/lang/catalogue.def) complete and true.

Fails when: a text given to tr()/trf() in the sources has no entry; an entry is used by no source;
an English text has two entries; the Dutch text is empty or its placeholders ({}, {:02X}, ...)
differ from the English ones; an entry's group is neither a registry code nor a topic; a code of
the registry (interpreter/diag/codes.def) lacks its Dutch or English title; or a diagnostic's
message, help or note is written as a bare literal or fmt::format (which would stay English)."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
src = root / "interpreter"
LIT = r'"(?:[^"\\\n]|\\.)*"'
SEQ = r'(%s(?:\s*%s)*)' % (LIT, LIT)
TOPICS = {"toetsen", "opdrachtregel", "uitvoer", "gegevens", "regels", "berekening", "scenario", "verify", "diff",
          "explain", "bestanden", "meldingen"}


def joined(seq):
    return "".join(l[1:-1] for l in re.findall(LIT, seq))


def placeholders(text):
    return re.findall(r"\{[^{}]*\}", text.replace("{{", "").replace("}}", ""))


problems = []
codes = {}
for line in (src / "diag/codes.def").read_text().splitlines():
    m = re.match(r'VERDEEL_DIAG\((\w+), (\w+), "([^"]*)", "([^"]*)"\)', line)
    if m:
        codes[m.group(1)] = (m.group(3), m.group(4))
        if not m.group(3) or not m.group(4):
            problems.append(f"codes.def: {m.group(1)} lacks a Dutch or English title")
if len(codes) < 50:
    problems.append(f"codes.def: only {len(codes)} codes read; is the format still (code, severity, nl, en)?")

catalogue = {}
text = (src / "lang/catalogue.def").read_text()
for m in re.finditer(r"VERDEEL_TEXT\((\w+),\s*%s,\s*%s\)" % (SEQ, SEQ), text):
    group, en, nl = m.group(1), joined(m.group(2)), joined(m.group(3))
    if en in catalogue:
        problems.append(f"catalogue: `{en}` has two entries")
    catalogue[en] = nl
    if group not in codes and group not in TOPICS:
        problems.append(f"catalogue: `{en}` is in group {group}, which is no code and no topic")
    if not nl.strip():
        problems.append(f"catalogue: `{en}` has no Dutch text")
    if placeholders(en) != placeholders(nl):
        problems.append(f"catalogue: placeholders differ: `{en}` vs `{nl}`")
if text.count("VERDEEL_TEXT(") - 1 != len(catalogue):  # the comment names the macro once
    problems.append(f"catalogue: {text.count('VERDEEL_TEXT(') - 1} entries written, {len(catalogue)} read")

used = set()
for path in sorted(list(src.rglob("*.cpp")) + list((root / "stdlib").glob("*.cpp"))):
    source = path.read_text()
    rel = path.relative_to(root)
    for m in re.finditer(r"\btrf?\(\s*" + SEQ, source):
        en = joined(m.group(1))
        used.add(en)
        if en not in catalogue:
            line = source.count("\n", 0, m.start()) + 1
            problems.append(f"{rel}:{line}: `{en}` has no entry in the catalogue")
    # A diagnostic's words must go through the catalogue.
    bare = [r"report\(\s*Code::\w+,[^;]*?,\s*(?:\"|fmt::format\()",
            r"\.help\s*=\s*(?:\"|fmt::format\()",
            r"notes\.push_back\(\{[^{};]*?,\s*(?:\"|fmt::format\()"]
    for pattern in bare:
        for m in re.finditer(pattern, source):
            line = source.count("\n", 0, m.start()) + 1
            problems.append(f"{rel}:{line}: a diagnostic text that is not translated (use tr/trf)")
for en in sorted(set(catalogue) - used):
    problems.append(f"catalogue: `{en}` is used by no source")

for p in problems:
    print(p)
print(f"catalogue: {len(catalogue)} texts, {len(used)} used, {len(codes)} codes; {len(problems)} problems")
sys.exit(1 if problems else 0)
