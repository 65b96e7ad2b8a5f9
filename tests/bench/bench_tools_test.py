#!/usr/bin/env python3
"""Tests of the whole-process benchmarks' own parts (tests/bench/scratch.py, yardstick.py): the data
copy both programs run on, the per-run output folders and the scratch folder's calibration. The
comparisons themselves need ../shared/bench and are run by hand (docs/performance.md).

usage: bench_tools_test.py PROJECT_ROOT
"""
import csv
import os
import shutil
import sys
import tempfile
import unittest

ROOT = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "tests", "bench"))

import scratch  # noqa: E402
import yardstick  # noqa: E402


def offers(folder):
    with open(os.path.join(folder, "data", "verslag-aanbod-2024.csv"), newline="", encoding="utf-8") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


def provinces(root):
    with open(os.path.join(root, "rules", "2024", "data", "gemeenten.csv"), newline="", encoding="utf-8") as f:
        return {r["code"]: r["provincie"] for r in csv.DictReader(f)}


class LegacyData(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def check_moved(self, source):
        before = offers(source)
        after = offers(yardstick.legacy_data(source, os.path.join(self.tmp, "uit")))
        self.assertEqual(set(before), set(after))
        for column in ("aangeboden_totaal", "aangeboden_amv", "waarvan_kansrijk", "waarvan_duurzaam"):
            self.assertEqual(after["GM0351"][column], "0", column)
        for column in ("aangeboden_totaal", "aangeboden_amv", "waarvan_kansrijk"):
            moved = int(before["GM0351"][column])
            self.assertEqual(int(after["GM0344"][column]), int(before["GM0344"][column]) + moved, column)
            # Every province keeps its total: Woudenberg and Utrecht lie in the same province.
            of = provinces(ROOT)
            for province in set(of.values()):
                total = lambda rows: sum(int(r[column]) for c, r in rows.items() if of.get(c) == province)  # noqa: E731
                self.assertEqual(total(after), total(before), (province, column))
        for code in set(before) - {"GM0351", "GM0344"}:
            self.assertEqual(after[code], before[code], code)

    def test_the_rule_sets_data(self):
        self.check_moved(os.path.join(ROOT, "rules", "2024"))

    def test_a_data_folder_as_given(self):
        # A folder as --data takes (a variant of make_variants.py): the offer is moved there too.
        given = os.path.join(self.tmp, "variant")
        shutil.copytree(os.path.join(ROOT, "rules", "2024", "data"), os.path.join(given, "data"))
        self.check_moved(given)


class Folders(unittest.TestCase):
    def test_writing_to_replaces_only_the_output_folder(self):
        cmd = ["verdeel", "run", "regels", "--out", "/s/v", "--data", "/s/v-data"]
        self.assertEqual(yardstick.writing_to(cmd, "/s/v", "/s/runs/0-3"),
                         ["verdeel", "run", "regels", "--out", "/s/runs/0-3", "--data", "/s/v-data"])

    def test_entries_counts_the_folder_and_what_is_in_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "uit", "sub"))
            for name in ("uit/a.csv", "uit/b.csv", "uit/sub/c.csv"):
                open(os.path.join(tmp, name), "w").close()
            self.assertEqual(yardstick.entries(os.path.join(tmp, "uit")), 5)


class Scratch(unittest.TestCase):
    def test_memory_file_system_is_a_writable_tmpfs_or_none(self):
        where = scratch.memory_file_system()
        if where is not None:
            self.assertTrue(os.access(where, os.W_OK))
            with open("/proc/mounts", encoding="utf-8") as f:
                self.assertIn([where, "tmpfs"], [line.split()[1:3] for line in f])

    def test_creation_cost_creates_its_files_in_a_new_folder(self):
        with tempfile.TemporaryDirectory() as tmp:
            cost = scratch.creation_cost(tmp, files=16)
            self.assertGreaterEqual(cost, 0.0)
            (made,) = os.listdir(tmp)
            self.assertEqual(len(os.listdir(os.path.join(tmp, made))), 16)


if __name__ == "__main__":
    unittest.main(verbosity=2)
