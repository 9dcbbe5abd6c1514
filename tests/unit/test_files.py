"""kit.files: the safe reader, replace-only-if-unchanged, stale temporary files, and many
files written at once."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kit.files
from kit.errors import KitError
from kit.files import (
    FileChanged,
    LinkRefused,
    clean_stale_temps,
    read_project_bytes,
    replace_if_unchanged,
    write_bytes_if_changed,
    write_files_atomic,
)


def test_replace_if_unchanged_writes_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(b"old")
    path.chmod(0o640)
    assert replace_if_unchanged(path, b"new", b"old") is True
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o640
    assert replace_if_unchanged(path, b"new", b"new") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.po"]


def test_write_if_changed_keeps_an_outputs_mode_and_gives_a_new_one_the_umasks(
    tmp_path: Path,
) -> None:
    """An output that was there keeps its mode; a new one (found missing when it was compared,
    so its mode is not looked up again) gets what creating a file gives."""
    probe = tmp_path / "probe"
    probe.write_bytes(b"")
    kept, new = tmp_path / "kept.html", tmp_path / "new.html"
    kept.write_bytes(b"old")
    kept.chmod(0o600)
    assert write_bytes_if_changed(kept, b"new", sync=False)
    assert write_bytes_if_changed(new, b"new", sync=False)
    assert kept.stat().st_mode & 0o777 == 0o600
    assert new.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.html", "new.html", "probe"]


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


# -- many files at once: temporary files, one disk sync, renames, one folder fsync ----------


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("count", [2, 40])  # 2: an fsync each; 40: one syncfs (on Linux)
def test_write_files_atomic_writes_every_file_and_keeps_modes(tmp_path: Path, count: int) -> None:
    kept = tmp_path / "kept.pot"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    files = [(tmp_path / f"doc-{i}.pot", f"template {i}\n".encode()) for i in range(count - 1)]
    files.append((kept, b"new"))
    assert write_files_atomic(files) == {}
    for path, data in files:
        assert path.read_bytes() == data
    assert kept.stat().st_mode & 0o777 == 0o640
    probe = tmp_path / "probe"
    probe.write_bytes(b"")  # what open() gives a new file here
    assert (tmp_path / "doc-0.pot").stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
    assert temps(tmp_path) == []


def test_write_files_atomic_reports_a_file_it_cannot_write_and_writes_the_others(
    tmp_path: Path,
) -> None:
    good, bad = tmp_path / "a.pot", tmp_path / "missing" / "b.pot"
    failed = write_files_atomic([(bad, b"b"), (good, b"a")])
    assert list(failed) == [bad] and isinstance(failed[bad], FileNotFoundError)
    assert good.read_bytes() == b"a"
    assert temps(tmp_path) == []


def test_write_files_atomic_renames_nothing_when_the_disk_sync_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An I/O error while syncing: no template is replaced by one whose bytes may not be on
    the disk, and no temporary file stays."""
    old = tmp_path / "old.pot"
    old.write_bytes(b"old")

    def broken(names: list[str]) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(kit.files, "_sync_all", broken)
    files = [(old, b"new"), (tmp_path / "fresh.pot", b"fresh")]
    failed = write_files_atomic(files)
    assert sorted(failed) == sorted(path for path, _ in files)
    assert old.read_bytes() == b"old" and not (tmp_path / "fresh.pot").exists()
    assert temps(tmp_path) == []


def test_a_temporary_name_already_taken_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Temporary names are the process id and a counter, created with O_EXCL: a file left
    under the next name (a dead process that had the same id) is neither used nor touched."""
    monkeypatch.setattr(kit.files, "_NUMBERS", iter(range(5, 10)))
    taken = tmp_path / f".page.html.{os.getpid()}.00000005.tmp"
    taken.write_bytes(b"someone else's")
    path = tmp_path / "page.html"
    assert kit.files.write_bytes_if_changed(path, b"<html>", sync=False) is True
    assert path.read_bytes() == b"<html>" and taken.read_bytes() == b"someone else's"
    assert kit.files.write_bytes_if_changed(path, b"<html>", sync=False) is False
    assert sorted(p.name for p in tmp_path.iterdir()) == [taken.name, "page.html"]
