#!/usr/bin/env python3
"""The program users run is linked as cmake/libraries.cmake means it: position-independent (ELF type
DYN, so that its image too is placed at random, as Debian builds programs), and with
VERDEEL_STATIC_LIBS needing no shared library but libc and libm (and the loader), which keeps a
run's start cheap (docs/architecture.md, "A program that starts in little time").

usage: link_check.py VERDEEL STATIC   (STATIC: ON or OFF, as CMake gives it)"""
import re
import subprocess
import sys

ET_EXEC, ET_DYN = 2, 3
ALLOWED = {"libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2"}


def cmake_bool(text):
    return text.upper() in {"ON", "1", "TRUE", "YES", "Y"}


def main():
    verdeel, static = sys.argv[1], cmake_bool(sys.argv[2])
    with open(verdeel, "rb") as f:
        header = f.read(18)
    if header[:4] != b"\x7fELF":
        sys.exit(f"{verdeel}: not an ELF file")
    e_type = int.from_bytes(header[16:18], "little")
    names = {ET_EXEC: "EXEC (fixed address)", ET_DYN: "DYN (position-independent)"}
    failures = []
    if e_type != ET_DYN:
        failures.append(f"ELF type is {names.get(e_type, e_type)}, not {names[ET_DYN]}")
    dynamic = subprocess.run(["readelf", "-d", verdeel], capture_output=True, text=True, check=True).stdout
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))
    if not needed:
        failures.append("readelf names no shared library at all: the check reads nothing")
    if static and not needed <= ALLOWED:
        failures.append(f"needs {', '.join(sorted(needed - ALLOWED))} beside libc and libm")
    for f in failures:
        print(f"FAIL: {f}")
    if failures:
        sys.exit(1)
    print(f"ok: {names[e_type]}, needs {', '.join(sorted(needed))}")


if __name__ == "__main__":
    main()
