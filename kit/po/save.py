"""Write a catalog to disk: GNU-identical text, atomically, only when the bytes change."""

from __future__ import annotations

from pathlib import Path

from kit.errors import CatalogError
from kit.files import write_bytes_if_changed
from kit.po.model import PoFile
from kit.po.write import format_po


def write_po_if_changed(path: Path, po: PoFile) -> bool:
    """Format ``po`` like msgcat and write it only if the bytes differ from the file."""
    return write_po_data(path, format_po(po).encode("utf-8"))


def write_po_data(path: Path, data: bytes) -> bool:
    """Write catalog bytes (``format_po`` output) only if they differ from the file."""
    try:
        return write_bytes_if_changed(path, data)
    except OSError as exc:
        raise CatalogError(
            f"cannot write catalog: {exc.strerror or exc}",
            path=path,
            hint="check that the folder exists and is writable",
        ) from exc
