#!/usr/bin/env python3
"""Whole-process comparison of `verdeel run` with the plain-Python yardstick, paired in one run.

Runs `verdeel run RULES --out DIR --format csv` and `ref2024.py RULES DIR` (../shared/bench, the
computation of rules/2024 in plain Python with fractions.Fraction) alternately, N times each, and
reports the median CPU time (user + system, from wait4) and peak memory (max RSS) of each and
their ratio. The Python side is measured through `python3` as found on PATH (what a user who types
`python3 ref2024.py` gets; on a machine with pyenv that is a shell shim around the interpreter),
through the interpreter binary behind it (the shim's cost left out), and through Debian's own
/usr/bin/python3 when that is another interpreter. Run it with /usr/bin/python3 so that PATH is the
caller's (a pyenv shim puts its interpreter first on PATH for its children). Compares the outputs
cell by cell with compare.py as well: a faster run that computes something else is no win. At the
default peildatum 22 numbers differ on purpose (the fictitious uitruil agreements are dated 2025);
a last run at --peildatum 2025-06-01 must agree in every cell, and the exit status says whether it
did.

ref2024.py still checks the claim "Woudenberg 0" that rules/2024 once forced through its scenario
generator; since issue 14 the generator no longer forces it (Woudenberg's offer is drawn like any
other). Both programs therefore run on a copy of the data (the rule set's, or the folder --data
gives) in which Woudenberg's offer is moved to the city of Utrecht (same province, so every
provincial total stays): the work is the same, only that one claim is met.

With --sweep FROM TO STEP (give --data with the formula variant of make_variants.py, so that the
national total reaches every gemeente) it compares `verdeel sweep` over capaciteitsraming with
`ref2024.py --sweep` instead: CPU per run, and indicatief_totaal and besluit_totaal of every gemeente
in every scenario, value by value.

With --repeat K the whole comparison is made K times in a row, each printed, followed by the
spread of the first ratio (against python3 as on PATH) and how many of the K met the target of
issue 10 (<= 0.1): on this shared machine one comparison moves by a third from one minute to the
next, so a single one says little.

Both programs write their files into a scratch folder on the memory file system (/dev/shm, when it
is a tmpfs; --scratch DIR puts it elsewhere), every run into a folder of its own, removed when the
script ends: on this machine's disk a new file costs what other processes deleted lately, up to
670 us of kernel CPU, and emptying the folders between runs, as the yardstick did before, made it
worse (tests/bench/scratch.py, docs/performance.md). What creating a file costs in the scratch
folder is measured before and after each comparison and printed.

usage: yardstick.py --verdeel BUILD/interpreter/verdeel [--bench ../shared/bench] [--rules rules/2024]
                    [--runs 21] [--repeat 1] [--data DIR] [--scratch DIR] [--sweep FROM TO STEP]
"""
import csv
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from scratch import creation_cost, memory_file_system


def legacy_data(source, scratch):
    """A copy of the data of `source` (a rule set, or a folder as --data takes, with data/ in it) with
    Woudenberg's (GM0351) offer moved to Utrecht (GM0344)."""
    target = os.path.join(scratch, "data-yardstick")
    shutil.copytree(os.path.join(source, "data"), os.path.join(target, "data"))
    path = os.path.join(target, "data", "verslag-aanbod-2024.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    by_code = {r[0]: r for r in rows[1:]}
    moved, city = by_code["GM0351"], by_code["GM0344"]
    for i in (1, 2, 3):  # offered, amv, kansrijk
        city[i] = str(int(city[i]) + int(moved[i]))
        moved[i] = "0"
    moved[4] = "0"  # no durable places without an offer
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return target


def measure(cmd, env=None):
    """CPU seconds (user + system), max RSS (KiB) and user seconds of one run of cmd, which must succeed."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)} failed with exit code {code}:\n{err}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss, usage.ru_utime


def writing_to(cmd, out, folder):
    """`cmd` with its output folder `out` replaced by `folder` (each run writes into a folder of its own)."""
    return [folder if part == out else part for part in cmd]


def entries(folder):
    """The folder and everything in it: what a run created."""
    return 1 + sum(len(dirs) + len(files) for _, dirs, files in os.walk(folder))


def real_interpreter():
    """The python3 binary behind the shim, if `python3` on PATH is one (pyenv)."""
    try:
        out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], capture_output=True,
                             text=True, check=True).stdout.strip()
        return os.path.realpath(out)
    except (OSError, subprocess.CalledProcessError):
        return os.path.realpath(sys.executable)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verdeel", required=True)
    ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "../../../shared/bench"))
    ap.add_argument("--rules", default=os.path.join(os.path.dirname(__file__), "../../rules/2024"))
    ap.add_argument("--data", help="the data folder for both (as verdeel's --data)")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--repeat", type=int, default=1, help="make the whole comparison this many times")
    ap.add_argument("--scratch", help="the folder to make the scratch folder in (default: /dev/shm when it "
                    "is a tmpfs, else the system's temporary folder)")
    ap.add_argument("--sweep", nargs=3, type=int, metavar=("FROM", "TO", "STEP"))
    args = ap.parse_args()
    if args.sweep:
        return sweep(args)
    ref = os.path.join(args.bench, "ref2024.py")
    compare = os.path.join(args.bench, "compare.py")
    if not os.path.exists(ref):
        sys.exit(f"yardstick not found: {ref} (give --bench)")
    python = real_interpreter()
    scratch = tempfile.mkdtemp(prefix="verdeel-yardstick-", dir=args.scratch or memory_file_system())
    try:
        vout, rout = os.path.join(scratch, "v"), os.path.join(scratch, "r")
        args.data = legacy_data(args.data or args.rules, scratch)
        data_v = ["--data", args.data]
        data_r = ["--data", args.data]
        verdeel = [args.verdeel, "run", args.rules, "--out", vout, "--format", "csv"] + data_v
        commands = [("verdeel", verdeel, vout), ("python3 (PATH)", ["python3", ref, args.rules, rout] + data_r),
                    ("python3 (interpreter)", [python, ref, args.rules, rout] + data_r)]
        commands = [(c[0], c[1], c[2] if len(c) > 2 else rout) for c in commands]
        debian = "/usr/bin/python3"
        if os.path.exists(debian) and os.path.realpath(debian) != python:
            commands.append(("python3 (Debian)", [debian, ref, args.rules, rout] + data_r, rout))
        ratios = []  # the default peildatum leaves 22 numbers apart on purpose (agree_when_in_force)
        for rep in range(max(args.repeat, 1)):
            if args.repeat > 1:
                print(f"comparison {rep + 1} of {args.repeat}")
            ratio, reference_out = compare_once(args, commands, scratch, rep, compare, python)
            ratios.append(ratio)
        ok = agree_when_in_force(args, compare, vout, reference_out)
        if args.repeat > 1:
            met = sum(1 for r in ratios if r <= 0.1)
            print(f"ratio verdeel / python3 (PATH) over {len(ratios)} comparisons: min {min(ratios):.3f}, "
                  f"median {statistics.median(ratios):.3f}, max {max(ratios):.3f}; <= 0.1 in {met} of "
                  f"{len(ratios)}")
        return 0 if ok else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def agree_when_in_force(args, compare, vout, rout):
    """Whether every cell agrees once the dated uitruil agreements are in force.

    At the default peildatum (2024-12-20) the 22 numbers of the three fictitious uitruil agreements,
    dated 2025, differ on purpose: the decisions as in force then do not apply them, ref2024.py
    (written before dated rows) does (docs/performance.md). Run at --peildatum 2025-06-01, verdeel
    must agree with ref2024.py in every cell; that is what the exit status says."""
    shutil.rmtree(vout, ignore_errors=True)
    cmd = [args.verdeel, "run", args.rules, "--out", vout, "--format", "csv", "--peildatum", "2025-06-01"]
    if args.data:
        cmd += ["--data", args.data]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    same = subprocess.run([sys.executable, compare, vout, rout], capture_output=True, text=True)
    last = same.stdout.strip().splitlines()[-1] if same.stdout.strip() else same.stderr.strip()
    print(f"outputs at --peildatum 2025-06-01 (the uitruil agreements in force): {last}")
    return same.returncode == 0


def compare_once(args, commands, scratch, rep, compare, python):
    """One alternating comparison, printed (with the outputs' agreement at the default peildatum); the
    CPU ratio to python3 on PATH and the folder of the last run of ref2024.py. Each run writes into a new
    folder of the scratch folder (see the module's comment)."""
    samples = {name: [] for name, _, _ in commands}
    made = {name: 0 for name, _, _ in commands}
    before = creation_cost(scratch)
    runs = os.path.join(scratch, f"runs-{rep}")
    os.mkdir(runs)
    last = {}
    for i in range(args.runs):
        for k, (name, cmd, out) in enumerate(commands):
            folder = os.path.join(runs, f"{k}-{i}")
            samples[name].append(measure(writing_to(cmd, out, folder)))
            made[name] = entries(folder)
            last[name] = folder
    after = creation_cost(scratch)
    vout, rout = last["verdeel"], last["python3 (PATH)"]
    same = subprocess.run([sys.executable, compare, vout, rout], capture_output=True, text=True)
    agreement = same.stdout.strip().splitlines()[-1] if same.stdout.strip() else same.stderr.strip()
    print(f"rules: {args.rules}; runs: {args.runs} each, alternating; python: {python}")
    med = {k: (statistics.median(c for c, _, _ in v), statistics.median(m for _, m, _ in v))
           for k, v in samples.items()}
    # The kernel's share (system time: starting the process, page faults, creating and writing the
    # files) is counted by the kernel at its clock ticks, so it is a rough split of the total.
    user = {k: statistics.median(u for _, _, u in v) for k, v in samples.items()}
    system = {k: statistics.median(c - u for c, _, u in v) for k, v in samples.items()}
    for name, (cpu, rss) in med.items():
        print(f"{name:24} CPU {cpu * 1000:8.1f} ms (user {user[name] * 1000:6.1f}, system "
              f"{system[name] * 1000:5.1f})   peak memory {rss / 1024:6.1f} MB")
    for name in med:
        if name == "verdeel":
            continue
        print(f"ratio verdeel / {name:22} CPU {med['verdeel'][0] / med[name][0]:.3f}   "
              f"memory {med['verdeel'][1] / med[name][1]:.3f}")
    print(f"creating a file in {scratch}: {before:.0f} us before, {after:.0f} us after "
          f"(a run of verdeel creates {made['verdeel']} files and folders, of ref2024.py "
          f"{made['python3 (PATH)']})")
    if max(before, after) > 100:
        print("  (more than 100 us: this file system passes over recently freed inodes, as ext4 without a "
              "journal does; the ratio then measures that more than the programs)")
    print(f"outputs at the default peildatum: {agreement}")
    return med["verdeel"][0] / med["python3 (PATH)"][0], rout


def sweep(args):
    ref = os.path.join(args.bench, "ref2024.py")
    python = real_interpreter()
    first, last, step = args.sweep
    scratch = tempfile.mkdtemp(prefix="verdeel-yardstick-sweep-", dir=args.scratch or memory_file_system())
    try:
        vout, rout = os.path.join(scratch, "v"), os.path.join(scratch, "r")
        given = args.data
        args.data = legacy_data(args.data or args.rules, scratch)
        data = ["--data", args.data]
        verdeel = [args.verdeel, "sweep", args.rules, "--out", vout, "--zet",
                   f"capaciteitsraming={first}..{last}/{step}", "--kolommen", "indicatief_totaal,besluit_totaal"] + data
        reference = [python, ref, args.rules, rout, "--sweep", str(first), str(last), str(step)] + data
        cpu = {"verdeel sweep": [], "ref2024.py --sweep": []}
        for i in range(args.runs):  # a folder per run, as in compare_once
            for name, cmd, out in (("verdeel sweep", verdeel, vout), ("ref2024.py --sweep", reference, rout)):
                cpu[name].append(measure(writing_to(cmd, out, f"{out}-{i}"))[0])
        vout, rout = f"{vout}-{args.runs - 1}", f"{rout}-{args.runs - 1}"
        scenarios = (last - first) // step + 1
        mine = {}
        with open(os.path.join(vout, "sweep.csv"), encoding="utf-8") as f:
            rows = csv.reader(f)
            next(rows)
            for r in rows:
                mine[(r[0], r[1])] = (r[3], r[4])
        theirs = {}
        with open(os.path.join(rout, "sweep.csv"), encoding="utf-8") as f:
            for r in csv.reader(f):
                if r[1].startswith("verdeelbesluit-") and r[1] != "verdeelbesluit-samenvatting.csv":
                    theirs[(r[0], r[2])] = (r[4], r[-1])
        differ = [k for k in mine if theirs.get(k) != mine[k]]
        print(f"rules: {args.rules}; data: {given or args.rules} (Woudenberg's offer moved); {scenarios} scenarios; "
              f"runs: {args.runs} each, alternating")
        for name, values in cpu.items():
            c = statistics.median(values)
            print(f"{name:20} CPU {c:7.3f} s   {scenarios / c:8.1f} scenarios/s")
        print(f"ratio verdeel / python: {statistics.median(cpu['verdeel sweep']) / statistics.median(cpu['ref2024.py --sweep']):.3f}")
        print(f"values compared: {2 * len(mine)}; differences: {len(differ)}; "
              f"(scenario, gemeente) pairs only in one: {len(set(mine) ^ set(theirs))}")
        return 0 if not differ and set(mine) == set(theirs) else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
