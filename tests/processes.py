"""What the tests that start worker processes check with: the children of a process."""

from __future__ import annotations

from pathlib import Path


def children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (zombies included: not yet waited for)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found
