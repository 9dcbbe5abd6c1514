"""A failed or interrupted bundle leaves no partial zip: the old one stays, or none is there."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest

from kit.commands.bundle import run_bundle
from kit.config import load_config
from kit.project import Project
from tests.cli.conftest import Run


def bundle_files(project: Path) -> list[str]:
    folder = project / "dist" / "bundles"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def fail_after(monkeypatch: pytest.MonkeyPatch, calls: int, exc: BaseException) -> None:
    """Make the zip writer raise ``exc`` after ``calls`` entries (a disk filling up mid-write)."""
    real = zipfile.ZipFile.writestr
    count = {"n": 0}

    def writestr(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        count["n"] += 1
        if count["n"] > calls:
            raise exc
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)


def test_a_full_disk_mid_write_leaves_the_old_zip_and_no_temp_file(
    kit: Run, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit("bundle", "--locale", "es")
    old = (built / "dist" / "bundles" / "es.zip").read_bytes()
    (built / "dist" / "es" / "hands.html").write_text("<p>rebuilt</p>", encoding="utf-8")
    fail_after(monkeypatch, 2, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    out = kit("bundle", "--locale", "es", code=2).output
    assert "Error: dist/bundles/es.zip: cannot write the bundle: No space left on device" in out
    assert "hint: free some disk space" in out
    assert "   failed  dist/bundles/es.zip" in out
    assert bundle_files(built) == ["es.zip"]  # no .es.zip.*.tmp left behind
    assert (built / "dist" / "bundles" / "es.zip").read_bytes() == old


def test_an_interrupted_write_leaves_no_zip_at_all(
    kit: Run, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_after(monkeypatch, 1, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        run_bundle(Project(load_config(built)), ("es",))
    assert bundle_files(built) == []


def test_a_folder_that_cannot_be_created_is_a_clear_error(kit: Run, built: Path) -> None:
    (built / "dist" / "bundles").write_text("not a folder", encoding="utf-8")
    out = kit("bundle", "--locale", "es", code=2).output
    assert "Error: dist/bundles/es.zip: cannot write the bundle:" in out and "hint:" in out


def test_an_unwritable_folder_is_a_clear_error(
    kit: Run, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = kit("bundle", "--locale", "es", code=2).output
    assert "Error: dist/bundles/es.zip: cannot write the bundle: Permission denied" in out
    assert "hint: make the folder writable" in out
    assert bundle_files(built) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_read_only_folder_is_a_clear_error(kit: Run, built: Path) -> None:
    folder = built / "dist" / "bundles"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        out = kit("bundle", "--locale", "es", code=2).output
    finally:
        folder.chmod(0o755)
    assert "Permission denied" in out and "hint: make the folder writable" in out
    assert bundle_files(built) == []
