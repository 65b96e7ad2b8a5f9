#!/usr/bin/env python3
"""Compares the CPU of two builds of verdeel on the same command, run alternately in one process.

    /usr/bin/python3 tests/bench/pair.py OLD_VERDEEL NEW_VERDEEL [--runs 41] [-- COMMAND ARGS...]

The command defaults to `run rules/2024 --format csv`; a command starting with `run` gets a new
`--out` folder for every run, on /dev/shm when it is a tmpfs, all removed at the end (what creating a
file costs on this machine's disk depends on what was deleted there lately: tests/bench/scratch.py).
CPU is user + system time from wait4; the medians and the ratio new/old are printed. The machine is shared and noisy, so only runs made side by
side in one call are compared (docs/performance.md).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from scratch import memory_file_system

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def cpu_ms(args):
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{args[0]} failed ({os.waitstatus_to_exitcode(status)}):\n{err}")
    return (usage.ru_utime + usage.ru_stime) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--runs", type=int, default=41)
    # Everything after `--` is the command (its options are not pair.py's).
    argv = sys.argv[1:]
    given = argv[argv.index("--") + 1:] if "--" in argv else []
    opts = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    command = given or ["run", os.path.join(ROOT, "rules", "2024"), "--format", "csv"]
    scratch = tempfile.mkdtemp(prefix="verdeel-pair-", dir=memory_file_system())
    times = {opts.old: [], opts.new: []}
    try:
        for i in range(opts.runs):
            for j, prog in enumerate((opts.old, opts.new) if i % 2 == 0 else (opts.new, opts.old)):
                args = [prog] + command
                if command[0] == "run":
                    args += ["--out", os.path.join(scratch, f"uit-{i}-{j}")]
                times[prog].append(cpu_ms(args))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    old, new = statistics.median(times[opts.old]), statistics.median(times[opts.new])
    print(f"runs: {opts.runs} each, alternating; command: {' '.join(command)}")
    print(f"old  {opts.old:40s} CPU median {old:7.2f} ms  min {min(times[opts.old]):7.2f} ms")
    print(f"new  {opts.new:40s} CPU median {new:7.2f} ms  min {min(times[opts.new]):7.2f} ms")
    print(f"ratio new / old  {new / old:.3f}")


if __name__ == "__main__":
    main()
