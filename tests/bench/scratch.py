"""Where the whole-process benchmarks let the programs write, and what creating a file costs there.

On this project's machine the disk is ext4 without a journal: making a new file, the kernel passes
over every inode freed in the last minutes, so a new file costs from a few to several hundred
microseconds of kernel CPU depending on what any process deleted lately (docs/performance.md,
session 18). A run of verdeel creates 23 files and folders in about 15 ms; measured there, its CPU
would tell the disk's history more than the program's. The benchmarks therefore write on the memory
file system when there is one, every run into a folder of its own, and remove them at the end.
"""
import os
import tempfile
import time


def memory_file_system():
    """/dev/shm when it is a tmpfs this user may write in, else None (the system's temporary folder)."""
    try:
        with open("/proc/mounts", encoding="utf-8") as f:
            tmpfs = any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in f)
    except OSError:
        return None
    return "/dev/shm" if tmpfs and os.access("/dev/shm", os.W_OK) else None


def creation_cost(folder, files=64):
    """Kernel CPU in microseconds of creating one small file in a new folder under `folder`: the CPU of
    creating `files` files, less that of rewriting them (opening, writing, closing), per file."""
    where = tempfile.mkdtemp(prefix="aanmaak-", dir=folder)
    names = [os.path.join(where, f"f{i}") for i in range(files)]
    start = time.process_time()
    for name in names:
        fd = os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        os.write(fd, b"x\n")
        os.close(fd)
    created = time.process_time()
    for name in names:
        fd = os.open(name, os.O_WRONLY | os.O_TRUNC)
        os.write(fd, b"x\n")
        os.close(fd)
    rewritten = time.process_time()
    return max(0.0, (created - start) - (rewritten - created)) / files * 1e6
