#!/usr/bin/env python3
"""The VS Code extension (grammar/vscode) is whole and its TextMate grammar knows the language: every
keyword of grammar/VerdeelLexer.g4 (the KEYWORDS block and the three with other characters) and no
other word is a keyword; every pattern compiles; lines of the shipped rules colour as expected; the
files package.json names exist; extension.js is valid JavaScript (when node is there).

usage: textmate_check.py PROJECT_ROOT"""
import json, os, re, shutil, subprocess, sys

root = sys.argv[1]
ext = os.path.join(root, "grammar", "vscode")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FOUT ") + what)
    if not cond:
        failures.append(what)


lexer = open(os.path.join(root, "grammar", "VerdeelLexer.g4"), encoding="utf-8").read()
block = lexer[lexer.index("mode KEYWORDS;"):]
keywords = set(re.findall(r"^\s*[A-Z_]+\s*:\s*'([a-z]+)'\s*;", block, re.M))
keywords |= {"d'hondt", "sainte-laguë", "sainte-lague", "huntington-hill"}

g = json.load(open(os.path.join(ext, "syntaxes", "verdeel.tmLanguage.json"), encoding="utf-8"))
words = set()
patterns = []
for p in g["repository"]["keywords"]["patterns"]:
    inner = re.search(r"\(\?:(.*)\)\(\?!", p["match"]).group(1)
    words |= {re.sub(r"\\(.)", r"\1", w) for w in inner.split("|")}
    patterns.append((p["name"], re.compile(p["match"])))
check(words == keywords, f"the grammar's keywords are the lexer's ({len(keywords)})")
if words != keywords:
    print("  missing:", sorted(keywords - words), "extra:", sorted(words - keywords))

order = [g["repository"][i["include"][1:]] for i in g["patterns"]]
compiled = []
for rule in order:
    if "patterns" in rule:
        compiled += [(p["name"], re.compile(p["match"])) for p in rule["patterns"]]
    elif "match" in rule:
        compiled.append((rule["name"], re.compile(rule["match"])))
    else:
        compiled.append((rule["name"], re.compile(rule["begin"])))
check(len(compiled) == 12, "every pattern compiles")


def scopes(line):
    out, i = [], 0
    while i < len(line):
        if line[i].isspace():
            i += 1
            continue
        for name, rx in compiled:
            m = rx.match(line, i)
            if m and m.end() > i:
                out.append((m.group(0), name))
                i = m.end()
                break
        else:
            out.append((line[i], None))
            i += 1
    return out


s = dict(scopes('  parameter capaciteitsraming: geheel getal = 96_000 vanaf 2024-01-31 grondslag "raming"  # x'))
check(s.get("parameter") == "storage.type.declaration.verdeel", "a declaration word")
check(s.get("geheel") == "keyword.other.verdeel" and s.get("vanaf") == "keyword.other.verdeel", "other keywords")
check(s.get("96_000") == "constant.numeric.verdeel" and s.get("2024-01-31") == "constant.other.date.verdeel",
      "numbers and dates")
check(s.get('"raming"') == "string.quoted.double.verdeel" and s.get("# x") == "comment.line.number-sign.verdeel",
      "texts and comments")
check(s.get("capaciteitsraming") == "variable.other.verdeel", "a name is no keyword")
s = dict(scopes("artikel 2.1 besluit \"Indicatieve verdeling\""))
check(s.get("artikel") == "keyword.other.structure.verdeel", "a structure word")
s = dict(scopes("definitie aandeel_som per gemeente: getal = als vrijgesteld dan 0 anders inwoners"))
check(s.get("aandeel_som") == "variable.other.verdeel" and s.get("als") == "keyword.operator.word.verdeel",
      "a name holding a keyword stays a name")

pkg = json.load(open(os.path.join(ext, "package.json"), encoding="utf-8"))
lang = pkg["contributes"]["languages"][0]
check(set(lang["extensions"]) == {".regels", ".toets"}, "the extension is for .regels and .toets")
named = [pkg["main"], lang["configuration"]] + [x["path"] for x in pkg["contributes"]["grammars"]]
check(all(os.path.isfile(os.path.join(ext, f)) for f in named), "every file package.json names exists")
check("vscode-languageclient" in pkg["dependencies"] and "vsce" in pkg["scripts"]["package"],
      "package.json: the language client, and packaging with vsce")
js = open(os.path.join(ext, "extension.js"), encoding="utf-8").read()
check('args: ["lsp"' in js, "the extension starts `verdeel lsp`")
if shutil.which("node"):
    check(subprocess.run(["node", "--check", os.path.join(ext, "extension.js")]).returncode == 0,
          "extension.js is valid JavaScript")
if failures:
    sys.exit(f"{len(failures)} checks failed")
