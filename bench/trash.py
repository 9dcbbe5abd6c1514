"""Outputs of earlier runs moved out of the way, not deleted, while a benchmark measures.

Deleting thousands of files just before a timed run is not part of the run, yet on an ext4
file system mounted with ``discard`` (the project machine's) it slows the creation of new
files for the next 30-45 seconds: 0.03 ms a file before, 0.5-0.7 ms after, measured on
2026-12-05. A tool timed right after ``rm -rf`` of the previous output is timed mostly on the
kernel returning the freed blocks; a fresh clone in CI deletes nothing first. So the
benchmarks rename (``set_aside``) and delete everything at the end (``empty_trash``), and
``creation_cost`` tells how much a new file costs in the benchmark's folder right now. (The
kernel's profile shows why: ext4 does not reuse an inode freed in the last minutes, and
``recently_deleted`` is asked of each such inode while looking for a free one.)
"""

from __future__ import annotations

import itertools
import os
import shutil
import time
from pathlib import Path

TRASH = Path(__file__).resolve().parent / "out" / "trash"
_COUNT = itertools.count()


def set_aside(path: Path) -> None:
    """Move ``path`` (if it is there) into the trash folder, on the same file system."""
    if path.exists() or path.is_symlink():
        TRASH.mkdir(parents=True, exist_ok=True)
        path.rename(TRASH / f"{path.name}.{os.getpid()}.{next(_COUNT)}")


def empty_trash() -> None:
    shutil.rmtree(TRASH, ignore_errors=True)


def creation_cost(folder: Path, files: int = 300) -> float:
    """CPU milliseconds (system time included) to create one empty file in a new folder
    inside ``folder``, now: what the cold builds pay per output beyond kit's own work. It is
    high when many files were deleted nearby in the last few minutes (the kernel then skips
    the inodes they freed, one by one). The folder is set aside, not deleted."""
    probe = folder / f"creation-probe.{os.getpid()}"
    probe.mkdir(parents=True)
    start = time.process_time()
    for index in range(files):
        os.close(os.open(probe / f".{index}.tmp", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    cost = (time.process_time() - start) * 1000 / files
    set_aside(probe)
    return cost


def settle(folder: Path, quiet: float = 0.06, timeout: float = 360.0) -> float:
    """Wait (up to ``timeout`` seconds) until creating a file in ``folder`` costs at most
    ``quiet`` ms again, and say how long that took: a benchmark run right after another one
    (which deleted its 15,000 files at the end) would otherwise be timed on the kernel's
    recovery (0.2-0.4 ms a file for four minutes and more after such a run, measured
    2026-12-06)."""
    start = time.monotonic()
    while creation_cost(folder) > quiet and time.monotonic() - start < timeout:
        time.sleep(15)
    return time.monotonic() - start
