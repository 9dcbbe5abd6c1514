"""kit.files: the safe reader, replace-only-if-unchanged, and stale temporary files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.errors import KitError
from kit.files import (
    FileChanged,
    LinkRefused,
    clean_stale_temps,
    read_project_bytes,
    replace_if_unchanged,
)


def test_replace_if_unchanged_writes_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(b"old")
    path.chmod(0o640)
    assert replace_if_unchanged(path, b"new", b"old") is True
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o640
    assert replace_if_unchanged(path, b"new", b"new") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.po"]


def test_replace_if_unchanged_refuses_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(b"saved by the translator")
    with pytest.raises(FileChanged):
        replace_if_unchanged(path, b"kit's merge", b"what kit read")
    assert path.read_bytes() == b"saved by the translator"
    with pytest.raises(FileChanged):  # it did not exist when kit looked; now it does
        replace_if_unchanged(path, b"kit's merge", None)
    assert path.read_bytes() == b"saved by the translator"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.po"]


def test_replace_if_unchanged_creates_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.po"
    assert replace_if_unchanged(path, b"content", None) is True
    assert path.read_bytes() == b"content"


def test_replace_if_unchanged_never_replaces_a_link(tmp_path: Path) -> None:
    target = tmp_path / "target.po"
    target.write_bytes(b"old")
    link = tmp_path / "link.po"
    link.symlink_to(target)
    with pytest.raises(LinkRefused):
        replace_if_unchanged(link, b"new", b"old")
    assert link.is_symlink() and target.read_bytes() == b"old"


def test_read_project_bytes_rules(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (root / "ok.txt").write_bytes(b"12345")
    assert read_project_bytes(root / "ok.txt", root, 5) == b"12345"
    with pytest.raises(KitError, match="larger than kit accepts"):
        read_project_bytes(root / "ok.txt", root, 4)
    (tmp_path / "out.txt").write_bytes(b"secret")
    (root / "out.txt").symlink_to(tmp_path / "out.txt")
    with pytest.raises(KitError, match="outside the project"):
        read_project_bytes(root / "out.txt", root, 100)
    os.mkfifo(root / "pipe")
    with pytest.raises(KitError, match="a named pipe"):
        read_project_bytes(root / "pipe", root, 100)
    with pytest.raises(KitError, match="a folder"):
        read_project_bytes(root, None, 100)
    with pytest.raises(KitError, match="a device"):
        read_project_bytes(Path("/dev/zero"), None, 100)
    with pytest.raises(KitError, match="cannot read"):
        read_project_bytes(root / "missing", root, 100)


def test_clean_stale_temps_removes_only_dead_runs(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    names = {
        f".x.po.{dead.pid}.ab_cd123.tmp": True,  # its process is gone
        f".x.po.{os.getpid()}.ab_cd123.tmp": False,  # this process: still writing
        ".x.po.abcdefgh.tmp": False,  # no process id and fresh: may be another run's
        "x.po": False,
        f".notes.{dead.pid}.tmp": False,  # not kit's pattern
    }
    for name in names:
        (tmp_path / name).write_text("x")
    old = tmp_path / ".y.po.zzzzzzzz.tmp"
    old.write_text("x")
    os.utime(old, (1, 1))
    removed = clean_stale_temps(tmp_path)
    assert sorted(removed) == sorted([n for n, gone in names.items() if gone] + [old.name])
    assert clean_stale_temps(tmp_path) == []  # once per folder and process
