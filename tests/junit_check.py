#!/usr/bin/env python3
"""`verdeel test RULES --junit FILE` writes a JUnit report a CI server can read: well-formed XML, one
<testcase> per test with file and line, as many as the terminal counts, a <failure> for each failed
test, and the totals on <testsuites> and each <testsuite> equal to what the test cases say.

usage: junit_check.py VERDEEL RULES [TESTS]
With TESTS (a folder of .toets files) the rule set is copied and given those tests instead."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def main():
    verdeel, rules = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as scratch:
        if len(sys.argv) > 3:
            copy = os.path.join(scratch, "regels")
            shutil.copytree(rules, copy)
            shutil.rmtree(os.path.join(copy, "toetsen"), ignore_errors=True)
            shutil.copytree(sys.argv[3], os.path.join(copy, "toetsen"))
            rules = copy
        report = os.path.join(scratch, "rapport.xml")
        run = subprocess.run([verdeel, "test", rules, "--junit", report, "--taal", "en"],
                             capture_output=True, text=True)
        if run.returncode not in (0, 3):
            sys.exit(f"verdeel test exited {run.returncode}:\n{run.stdout}{run.stderr}")
        counts = re.search(r"^(\d+) passed, (\d+) failed$", run.stdout, re.M)
        passed, failed = int(counts.group(1)), int(counts.group(2))
        root = ET.parse(report).getroot()
    problems = []
    if root.tag != "testsuites":
        problems.append(f"the root is <{root.tag}>, not <testsuites>")
    cases = root.findall("./testsuite/testcase")
    failures = root.findall("./testsuite/testcase/failure")
    if len(cases) != passed + failed:
        problems.append(f"{len(cases)} test cases, the terminal counts {passed + failed}")
    if len(failures) != failed:
        problems.append(f"{len(failures)} failures, the terminal counts {failed}")
    if (root.get("tests"), root.get("failures")) != (str(len(cases)), str(len(failures))):
        problems.append("the totals of <testsuites> do not match its test cases")
    for suite in root.findall("testsuite"):
        own = suite.findall("testcase")
        if suite.get("tests") != str(len(own)) or suite.get("failures") != str(len(suite.findall("testcase/failure"))):
            problems.append(f"the totals of suite {suite.get('name')} do not match its test cases")
        for case in own:
            if not case.get("name") or not case.get("file") or not case.get("line", "").isdigit():
                problems.append(f"a test case without name, file or line in {suite.get('name')}")
    if problems:
        sys.exit("\n".join(problems))
    print(f"junit: {len(cases)} test cases, {len(failures)} failed, well-formed")


main()
