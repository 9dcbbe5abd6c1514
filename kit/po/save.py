"""Write a catalog to disk: GNU-identical text, atomically, only when the bytes change."""

from __future__ import annotations

from pathlib import Path

from kit.errors import CatalogError
from kit.files import LinkRefused, replace_if_unchanged, write_bytes_if_changed
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
        raise _write_error(path, exc) from exc


def replace_po_if_unchanged(path: Path, po: PoFile, seen: bytes | None) -> bool:
    """Like ``write_po_if_changed``, but only if ``path`` still holds the bytes ``seen`` when
    it was read (``None``: it did not exist): raises ``FileChanged`` when a translator's
    editor saved it meanwhile, and ``CatalogError`` for a symbolic link (never replaced)."""
    return replace_po_data_if_unchanged(path, format_po(po).encode("utf-8"), seen)


def replace_po_data_if_unchanged(path: Path, data: bytes, seen: bytes | None) -> bool:
    """``replace_po_if_unchanged`` for catalog bytes already formatted (``format_po``)."""
    try:
        return replace_if_unchanged(path, data, seen)
    except LinkRefused as exc:
        raise CatalogError(
            "is a symbolic link; kit never replaces a link with the catalog's content",
            path=path,
            hint="replace the link with the file itself (cp --remove-destination TARGET LINK)",
        ) from exc
    except OSError as exc:
        raise _write_error(path, exc) from exc


def _write_error(path: Path, exc: OSError) -> CatalogError:
    return CatalogError(
        f"cannot write catalog: {exc.strerror or exc}",
        path=path,
        hint="check that the folder exists and is writable",
    )
