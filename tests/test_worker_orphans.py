"""A SIGKILLed ``kit build --jobs 2`` leaves no worker process behind (they used to wait
forever for work from a parent that was gone)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.processes import children

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG"),
]


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited (its new parent has not reaped it yet)


def project(root: Path, documents: int) -> Path:
    for name in ("locales", "templates"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "kit.toml", root / "kit.toml")
    shutil.copytree(ROOT / "source" / "images", root / "source" / "images")
    text = (ROOT / "source" / "infant-all.md").read_text(encoding="utf-8")
    for i in range(documents):
        page = text.replace("slug: infant-all\n", f"slug: infant-all-{i}\n")
        (root / "source" / f"infant-all-{i}.md").write_text(page, encoding="utf-8")
    return root


def test_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    root = project(tmp_path / "p", 200)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kit", "--project", str(root), "build", "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        workers = children(proc.pid)
    assert len(workers) >= 2, "the build started no workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert left == [], f"workers outlived their parent: {left}"
