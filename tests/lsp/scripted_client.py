#!/usr/bin/env python3
"""Drives `verdeel lsp` as an editor would (issue 16): initialize, open a rule file, change it (an
error appears, then goes), a data error in the data file (appears when the file changes, stays
while typing, goes when it is mended and a rule file is saved), hover, go to definition, completion, formatting, a test file with a syntax
error, shutdown and exit. Every answer is checked; the rule set is a copy of tests/golden/toets/regelset.

usage: scripted_client.py VERDEEL PROJECT_ROOT"""
import json, os, shutil, subprocess, sys, tempfile, urllib.parse

verdeel, root = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp()
shutil.copytree(os.path.join(root, "tests/golden/toets/regelset"), os.path.join(work, "regels"))
rules = os.path.join(work, "regels", "r.regels")
uri = "file://" + urllib.parse.quote(rules)
text = open(rules, encoding="utf-8").read()

proc = subprocess.Popen([verdeel, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
failures = []


def check(cond, what):
    print(("ok   " if cond else "FOUT ") + what)
    if not cond:
        failures.append(what)


def send(msg):
    body = json.dumps(msg).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive():
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("the server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


next_id = [0]


def request(method, params):
    next_id[0] += 1
    send({"jsonrpc": "2.0", "id": next_id[0], "method": method, "params": params})
    while True:
        m = receive()
        if m.get("id") == next_id[0]:
            return m


def notification(method, params):
    send({"jsonrpc": "2.0", "method": method, "params": params})


def diagnostics_for(u):
    while True:
        m = receive()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == u:
            return m["params"]["diagnostics"]


def pos_of(needle, occurrence=0, offset=1):
    lines = text.split("\n")
    seen = 0
    for i, l in enumerate(lines):
        at = l.find(needle)
        while at >= 0:
            if seen == occurrence:
                return {"line": i, "character": at + offset}
            seen += 1
            at = l.find(needle, at + 1)
    raise SystemExit(f"{needle!r} not in the file")


init = request("initialize", {"processId": None, "rootUri": "file://" + urllib.parse.quote(work), "capabilities": {}})
caps = init["result"]["capabilities"]
sync = caps.get("textDocumentSync") or {}
check(caps.get("hoverProvider") and caps.get("definitionProvider") and caps.get("completionProvider")
      and caps.get("documentFormattingProvider") and sync.get("change") == 1 and sync.get("openClose")
      and "save" in sync, "initialize: hover, definition, completion, formatting, full sync, save")
notification("initialized", {})

notification("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "verdeel", "version": 1, "text": text}})
check(diagnostics_for(uri) == [], "open: a correct rule file has no diagnostics")

broken = text.replace("anders inwoners", "anders inwonerz")
notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": broken}]})
diags = diagnostics_for(uri)
check(len(diags) == 1 and diags[0]["code"] == "E0201" and "inwonerz" in diags[0]["message"]
      and diags[0]["severity"] == 1, "change: an unknown name is E0201 as you type (the file on disk is unchanged)")
line = broken.split("\n")[diags[0]["range"]["start"]["line"]]
check("inwonerz" in line[diags[0]["range"]["start"]["character"]:], "change: the range points at the name")

notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]})
check(diagnostics_for(uri) == [], "change back: the diagnostic is gone")

# The data is read as `run` reads it: a bad cell in the data file shows in that file (the editor
# lists it among the problems), and goes when the file is mended.
data = os.path.join(work, "regels", "gemeenten.csv")
data_uri = "file://" + urllib.parse.quote(data)
good_data = open(data, encoding="utf-8").read()
open(data, "w", encoding="utf-8").write(good_data.replace("A,Aadorp,600,", "A,Aadorp,zeshonderd,"))
notification("workspace/didChangeWatchedFiles", {"changes": [{"uri": data_uri, "type": 2}]})
ddiags = diagnostics_for(data_uri)
check(len(ddiags) == 1 and ddiags[0]["code"] == "E0406" and ddiags[0]["range"]["start"]["line"] == 1
      and ddiags[0]["range"]["start"]["character"] == 9,
      "data: a cell of the wrong kind is E0406 at its place in the data file")
check(any(r["location"]["uri"] == uri for r in ddiags[0].get("relatedInformation", [])),
      "data: the diagnostic points to the column's declaration in the rule file")
notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": 31}, "contentChanges": [{"text": text}]})
check(len(diagnostics_for(data_uri)) == 1, "data: typing in a rule file keeps the data file's diagnostic (the data is read on save)")
open(data, "w", encoding="utf-8").write(good_data)
notification("textDocument/didSave", {"textDocument": {"uri": uri}})
check(diagnostics_for(data_uri) == [], "data: mended and a rule file saved, the data file's diagnostic is gone")

# A second file of the rule set uses `gewicht`: renaming it in the first breaks the second, which
# gets its diagnostic without being changed itself.
second = os.path.join(work, "regels", "s.regels")
second_text = 'artikel 3 "Dubbel"\n  definitie dubbel per gemeente: geheel getal = gewicht * 2\n\nuitvoer "dubbel" per gemeente\n  kolommen code, dubbel\n'
open(second, "w", encoding="utf-8").write(second_text)
second_uri = "file://" + urllib.parse.quote(second)
notification("textDocument/didOpen", {"textDocument": {"uri": second_uri, "languageId": "verdeel", "version": 1, "text": second_text}})
check(diagnostics_for(second_uri) == [], "a second file of the rule set: no diagnostics")
renamed = text.replace("definitie gewicht", "definitie gewicht_x").replace("uitzondering klein op gewicht", "uitzondering klein op gewicht_x").replace("naar rato van gewicht", "naar rato van gewicht_x")
notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": renamed}]})
other = diagnostics_for(second_uri)
check(len(other) == 1 and other[0]["code"] == "E0201", "a change in one file gives the other file its error")
notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": 6}, "contentChanges": [{"text": text}]})
check(diagnostics_for(second_uri) == [], "and takes it away again")

hover = request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos_of("gewicht per gemeente")})
value = (hover.get("result") or {}).get("contents", {}).get("value", "")
check("definitie `gewicht`" in value and "geheel getal" in value and 'art. 2 "Verdeling"' in value
      and "naar rato van de inwoners" in value, "hover: type, article and wettekst of a definition")

use = pos_of("naar rato van gewicht", offset=len("naar rato van "))
found = request("textDocument/definition", {"textDocument": {"uri": uri}, "position": use})
loc = found.get("result") or {}
check(loc.get("uri") == uri and loc["range"]["start"]["line"] == pos_of("definitie gewicht")["line"],
      "definition: from a use of `gewicht` to its definition")

items = request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
labels = {i["label"]: i for i in items["result"]["items"]}
check("verdeling" in labels and labels["verdeling"]["kind"] == 14, "completion: keywords")
check("plaatsen" in labels and "totaal" in labels and "gemeente" in labels, "completion: definitions, parameters, tables")
check("inwoners" in labels and "geheel getal" in labels["inwoners"].get("detail", ""), "completion: columns with their type")

messy = text.replace("  parameter totaal: geheel getal = 100", "      parameter totaal :geheel getal=100")
notification("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": messy}]})
diagnostics_for(uri)
edits = request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})["result"]
by_fmt = os.path.join(work, "fmt.regels")
open(by_fmt, "w", encoding="utf-8").write(messy)
subprocess.run([verdeel, "fmt", by_fmt], check=True, stdout=subprocess.DEVNULL)
check(len(edits) == 1 and "  parameter totaal: geheel getal = 100\n" in edits[0]["newText"]
      and edits[0]["newText"] == open(by_fmt, encoding="utf-8").read(),
      "formatting: one edit giving the layout of `verdeel fmt`")

test_uri = "file://" + urllib.parse.quote(os.path.join(work, "regels", "toetsen", "t.toets"))
notification("textDocument/didOpen", {"textDocument": {"uri": test_uri, "languageId": "verdeel", "version": 1,
                                                        "text": 'toets "x"\n  verwacht plaatsen van A =\n'}})
tdiags = diagnostics_for(test_uri)
check(len(tdiags) == 1 and tdiags[0]["code"] == "E0104", "a test file: its syntax error as a diagnostic")

unknown = request("verdeel/onbekend", {})
check(unknown.get("error", {}).get("code") == -32601, "an unknown request: method not found")
check(request("shutdown", None).get("result", "x") is None, "shutdown")
notification("exit", None)
check(proc.wait(timeout=10) == 0, "exit after shutdown: exit code 0")
shutil.rmtree(work)
if failures:
    sys.exit(f"{len(failures)} checks failed")
print("the scripted client got every answer it expected")
