"""Catalog files are replaced atomically and only when their bytes change."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kit.errors import CatalogError
from kit.files import write_bytes_if_changed, write_text_atomic
from kit.po import PoEntry, PoFile, format_po, write_po_if_changed

PO = PoFile(
    header=PoEntry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n"),
    entries=(PoEntry(msgid="Fever", msgstr="Fiebre"),),
)
OLD_TIME = 1_000_000_000  # 2001: any rewrite would move the mtime to now


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    assert write_po_if_changed(path, PO) is True
    assert path.read_text(encoding="utf-8") == format_po(PO)
    assert leftovers(tmp_path) == []


def test_equal_content_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    write_po_if_changed(path, PO)
    os.utime(path, (OLD_TIME, OLD_TIME))
    inode = path.stat().st_ino
    assert write_po_if_changed(path, PO) is False
    assert path.stat().st_mtime == OLD_TIME
    assert path.stat().st_ino == inode


def test_changed_content_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    write_po_if_changed(path, PO)
    os.utime(path, (OLD_TIME, OLD_TIME))
    changed = PoFile(header=PO.header, entries=(PoEntry(msgid="Fever", msgstr="Fiebre alta"),))
    assert write_po_if_changed(path, changed) is True
    assert path.stat().st_mtime > OLD_TIME
    assert "Fiebre alta" in path.read_text(encoding="utf-8")


def test_generic_bytes_writer(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    assert write_bytes_if_changed(path, b"\x00\x01") is True
    assert write_bytes_if_changed(path, b"\x00\x01") is False
    assert path.read_bytes() == b"\x00\x01"


def test_permissions_of_an_existing_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    path.write_text("old")
    path.chmod(0o640)
    write_text_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_keeps_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "es.po"
    path.write_text("old content", encoding="utf-8")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, broken)
    with pytest.raises(OSError):
        write_text_atomic(path, "new content")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old content"
    assert leftovers(tmp_path) == []


def test_write_po_if_changed_reports_io_errors_as_catalog_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "es.po"
    path.write_text("old content", encoding="utf-8")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(CatalogError) as info:
        write_po_if_changed(path, PO)
    monkeypatch.undo()
    assert info.value.path == str(path)
    assert "No space left on device" in info.value.message
    assert path.read_text(encoding="utf-8") == "old content"
    assert leftovers(tmp_path) == []


def test_missing_folder_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError):
        write_po_if_changed(tmp_path / "no" / "such" / "es.po", PO)
