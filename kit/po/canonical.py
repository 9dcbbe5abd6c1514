"""Catalogs kit wrote itself: read them keeping each entry's text, so that writing an
unchanged entry again costs nothing (``kit update`` rewrites every catalog, and re-wrapping
lines that did not change was half its time).

Trust is by file, never by guess: ``write_po_recorded`` returns a digest of the exact bytes
kit wrote (or found already equal), the caller keeps it, and ``read_po_recorded`` attaches
each entry's text (``PoEntry.raw``) only when the file's digest is that one. A file edited
since (Poedit re-wrapping lines, a merge, msgcat with another width) has another digest and
is read and written the ordinary way. The digest includes kit's version and the source of
the writer's modules, so a kit whose writer changed (even between two commits of one
version) does not trust files an older one wrote.

A file kit wrote is exactly ``format_po`` of what it reads back: one block of lines per
written entry, blocks separated by one empty line (no line of a PO block is empty), in the
order ``format_po`` writes them. So block *i* is the text of the *i*-th written entry.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from types import ModuleType

from kit import __version__
from kit.po import _unidata, flags, formats, linebreak, model, wrap, write
from kit.po.model import PoFile
from kit.po.read import parse_po, read_po
from kit.po.save import write_po_data
from kit.po.write import first_msgstr, format_po, is_empty_header

_WRITER: tuple[ModuleType, ...] = (_unidata, flags, formats, linebreak, model, wrap, write)


@cache
def _writer_salt() -> bytes:
    """kit's version and the source of every module that decides how an entry is written."""
    salt = hashlib.sha256(f"kit {__version__} PO text 1".encode())
    for module in _WRITER:
        if module.__file__:
            salt.update(Path(module.__file__).read_bytes())
    return salt.digest()


def digest(data: bytes) -> str:
    """What identifies the bytes of a catalog as this kit wrote them."""
    return hashlib.sha256(_writer_salt() + data).hexdigest()


def read_po_recorded(path: Path, recorded: str | None) -> tuple[PoFile, str]:
    """Read ``path``; when its digest is ``recorded`` (kit wrote it and nobody changed it
    since), every entry keeps its text. Returns the catalog and the file's digest."""
    try:
        data = path.read_bytes()
    except OSError:
        return read_po(path), ""  # read_po raises the error with path and hint
    po = parse_po(data, path)
    mark = digest(data)
    if recorded is not None and recorded == mark:
        po = with_raw_text(po, data.decode("utf-8"))
    return po, mark


def with_raw_text(po: PoFile, text: str) -> PoFile:
    """Attach to each entry of ``po`` its block of ``text``. Only for ``text`` equal to
    ``format_po(po)`` (what ``read_po_recorded`` checks with the digest); a block count that
    does not match leaves ``po`` as it is."""
    written = [] if is_empty_header(po.header) else [po.header]
    written += po.active
    written += [e for e in po.obsolete if first_msgstr(e)]
    parts = text.split("\n\n") if text else []
    if len(parts) != len(written) or not text.endswith("\n"):
        return po
    last = len(parts) - 1
    for i, (entry, part) in enumerate(zip(written, parts, strict=True)):
        object.__setattr__(entry, "raw", part if i == last else part + "\n")
    return po


def write_po_recorded(path: Path, po: PoFile) -> tuple[bool, str]:
    """``write_po_if_changed``, also returning the digest of the catalog's bytes on disk."""
    data = format_po(po).encode("utf-8")
    return write_po_data(path, data), digest(data)
