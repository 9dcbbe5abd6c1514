"""A translator's save is never lost: an editor that saves a catalog the way Poedit does
(write a temporary file, rename it over the catalog) while ``kit update`` runs keeps its save.

A real writer process saves the Spanish catalog again and again, each save carrying a
numbered translation, while ``kit update`` (in this process, to keep 60 runs fast) merges a template change into
the same catalog. When both are done, the catalog must hold the writer's last save: either
as the writer left it, or merged by kit (the new template message added, the numbered
translation kept). Repeated 60 times. kit may also stop with its clear "changed while kit
update was merging it" error; it must never write over a save.

Also: temporary files a killed run left behind are removed by the next run, and those of a
run still going are not.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.commands.update import run_update
from kit.config import load_config
from kit.project import Project
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

PO = "locales/es/LC_MESSAGES/infant-all.po"
POT = "locales/infant-all.pot"
ORIGINAL = 'msgstr "¿Qué es la LLA en bebés?"'
NEW = "A message the template gained"

# The editor: save N holds "¿Qué es la LLA en bebés? (save N)". Writes a temporary file in
# the catalog's folder, fsyncs, renames it over the catalog (Poedit, Weblate, vim do this).
# After each rename it records N; it stops when the stop file appears.
WRITER = r"""
import os, random, sys, time
path, stop, log, original = sys.argv[1:5]
text = open(path, encoding="utf-8").read()
n = 0
while not os.path.exists(stop):
    n += 1
    body = text.replace(original, original[:-1] + f' (save {n})"')
    tmp = path + ".poedit~"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    with open(log, "w") as handle:
        handle.write(str(n))
    time.sleep(random.uniform(0, 0.1))
"""


def sample(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "kit.toml", root / "kit.toml")
    pot = root / POT
    pot.write_text(
        pot.read_text(encoding="utf-8") + f'\nmsgid "{NEW}"\nmsgstr ""\n', encoding="utf-8"
    )
    return root


def test_update_never_overwrites_a_concurrent_save(tmp_path: Path) -> None:
    root = sample(tmp_path)
    base = (root / PO).read_bytes()
    stopped_cleanly = merged_saves = 0
    for attempt in range(60):
        (root / PO).write_bytes(base)
        stop, log = tmp_path / f"stop{attempt}", tmp_path / f"log{attempt}"
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(root / PO), str(stop), str(log), ORIGINAL]
        )
        while not log.exists():
            time.sleep(0.001)
        report = run_update(Project(load_config(root)), ("es",))
        time.sleep(0.01)  # let the editor save once more after kit is done
        stop.touch()
        assert writer.wait(timeout=30) == 0
        last = int(log.read_text())
        text = (root / PO).read_text(encoding="utf-8")
        saves = re.findall(r"\(save (\d+)\)", text)
        assert saves == [str(last)], f"attempt {attempt}: the editor's save {last} was lost"
        if report.errors:
            assert [e.message for e in report.errors] == [
                "changed 5 times while kit update was merging it; left as last saved"
            ]
            stopped_cleanly += 1
        merged_saves += NEW in text
        leftovers = [p.name for p in (root / PO).parent.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == [], leftovers
    print(
        f"kit stopped with its message {stopped_cleanly} times; kit's merge was last {merged_saves} times"
    )


def test_update_merges_when_nobody_else_saves(tmp_path: Path) -> None:
    root = sample(tmp_path)
    code = subprocess.run(
        [sys.executable, "-m", "kit", "--project", str(root), "update", "--locale", "es"],
        capture_output=True,
        timeout=120,
        check=False,
    ).returncode
    assert code == 0
    assert NEW in (root / PO).read_text(encoding="utf-8")


def test_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    root = sample(tmp_path)
    folder = (root / PO).parent
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = folder / f".infant-all.po.{dead.pid}.abcd1234.tmp"
    old = folder / ".infant-all.po.zyxw9876.tmp"  # written before names had a process id
    alive = folder / f".infant-all.po.{os.getpid()}.live0000.tmp"  # a run still writing
    for path in (stale, old, alive):
        path.write_text("half a catalog", encoding="utf-8")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    code = subprocess.run(
        [sys.executable, "-m", "kit", "--project", str(root), "update", "--locale", "es"],
        capture_output=True,
        timeout=120,
        check=False,
    ).returncode
    assert code == 0
    assert not stale.exists() and not old.exists()
    assert alive.exists()
