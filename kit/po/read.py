"""Read PO/POT text into a ``PoFile``, strictly, with GNU gettext's semantics.

Why not polib: kit's contract is "what msgcat would write", so reading must keep exactly
what GNU keeps. polib strips and re-spaces comment lines (``#  indented`` loses its
indentation), ignores ``#~|`` previous strings of obsolete entries, unescapes only some
escape sequences (``\\a``, octal and hex escapes are left as text), turns the header into
a dict, and reports errors as ``OSError`` with a line only for some of them. This module is
a small strict parser modelled on ``po-lex.c`` / ``po-gram.y`` / ``read-catalog.c``.

Input handling:

* ``bytes`` must be UTF-8 (an error names the line of the first bad byte). A UTF-8 byte
  order mark is skipped and CRLF line ends are accepted; writing the file again gives the
  canonical form (LF, no BOM).
* The header's ``charset=`` must be UTF-8. A file without one, or with the placeholder
  ``charset=CHARSET`` of a fresh POT, is accepted only if it is pure ASCII (what GNU
  assumes then).
* ``PoEntry.line`` is the line of the entry's ``msgid`` keyword (``#~ msgid`` for obsolete
  entries).

What is kept is what ``msgcat`` keeps, so that ``format_po(parse_po(text))`` equals
``msgcat`` output: flags are normalised (``kit.po.flags``), obsolete entries come after
the active ones and are dropped when untranslated, repeated identical references are
dropped and ``./`` prefixes removed, comments after the last entry are ignored. The header
is the entry with an empty msgid and no msgctxt, wherever it is in the file.

Not supported (an error): the ``domain`` keyword and comments that do not start their line
(``msgid "a" # note``, ``#~ # note``), which GNU accepts.

Errors (``CatalogError`` with path, line and hint): syntax errors, unterminated strings,
bad escapes, invalid UTF-8, non-UTF-8 charsets, duplicate (msgctxt, msgid) (reported at the
second), ``msgstr[N]`` out of sequence or without ``msgid_plural``, and plural entries
whose number of forms differs from the ``nplurals`` of ``Plural-Forms``.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from kit.errors import CatalogError
from kit.files import MAX_CATALOG_BYTES, read_project_bytes
from kit.po.entries import build_entries
from kit.po.lex import tokenize
from kit.po.model import PoEntry, PoFile
from kit.po.quick import quick_entries

_CHARSET = re.compile(r"charset=([^ \t\n]*)")
_NPLURALS = re.compile(r"nplurals\s*=\s*([0-9]+)")


def read_po(path: Path, root: Path | None = None) -> PoFile:
    """Read and parse the catalog at ``path``: a regular file (inside ``root`` when given, so
    a link out of the project is refused) of at most ``MAX_CATALOG_BYTES``."""
    data = read_project_bytes(path, root, MAX_CATALOG_BYTES, error=CatalogError, shown=str(path))
    return parse_po(data, path)


def parse_po(text: str | bytes, path: Path | str) -> PoFile:
    """Parse PO/POT ``text``; ``path`` is only used in error messages."""
    if isinstance(text, bytes):
        text = _decode(text, path)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    entries = quick_entries(text)
    if entries is None:  # not the usual form: the strict reader reads it (and finds errors)
        entries = build_entries(tokenize(text, path), path)
    if len(entries) > MAX_CATALOG_ENTRIES:
        raise CatalogError(
            f"{len(entries):,} entries; kit accepts up to {MAX_CATALOG_ENTRIES:,} in one catalog",
            path=path,
            hint="one catalog holds one document; check the file was not damaged or generated",
        )
    header = _find_header(entries, path)
    body = [e for e in entries if e is not header]
    obsolete = [e for e in body if e.obsolete]
    if obsolete:
        body = [e for e in body if not e.obsolete] + obsolete
    po = PoFile(header=header or PoEntry(msgid=""), entries=tuple(body))
    _check_charset(po, text, path)
    _check_duplicates(po, path)
    _check_plurals(po, path)
    if len(text) > MAX_STRING_CHARS:  # else no string can be that long (escapes only shorten)
        _check_lengths(po, path)
    return po


MAX_CATALOG_ENTRIES = 50_000  # one document's messages; the largest real one has hundreds
MAX_STRING_CHARS = 200_000  # a patient-education message is a paragraph, not a book


def _check_lengths(po: PoFile, path: Path | str) -> None:
    """Refuse absurdly long strings (a 10 MB "translation") before anything renders them."""
    for entry in po.entries:
        for value in (entry.msgid, entry.msgstr, *entry.msgstr_plural):
            if len(value) > MAX_STRING_CHARS:
                raise CatalogError(
                    f"a string of {len(value):,} characters; kit accepts up to {MAX_STRING_CHARS:,}",
                    path=path,
                    line=entry.line or None,
                    hint="a message is one paragraph; check the file was not damaged or pasted into",
                )


def _decode(data: bytes, path: Path | str) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x})",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            hint="save the file as UTF-8 (msgconv --to-code=UTF-8 converts PO files)",
        ) from exc


def _find_header(entries: list[PoEntry], path: Path | str) -> PoEntry | None:
    headers = [e for e in entries if e.msgid == "" and e.msgctxt is None and not e.obsolete]
    if len(headers) > 1:
        raise CatalogError(
            'duplicate header entry (msgid "")',
            path=path,
            line=headers[1].line,
            hint="a catalog has one header; merge the two",
        )
    return headers[0] if headers else None


def _check_charset(po: PoFile, text: str, path: Path | str) -> None:
    match = _CHARSET.search(po.header.msgstr)
    charset = match.group(1) if match else ""
    if charset.upper().replace("-", "") == "UTF8":
        return
    if charset in ("", "CHARSET"):
        if text.isascii():
            return
        line = next(i for i, row in enumerate(text.split("\n"), 1) if not row.isascii())
        raise CatalogError(
            "non-ASCII text but no charset declared",
            path=path,
            line=line,
            hint='add "Content-Type: text/plain; charset=UTF-8\\n" to the header',
        )
    raise CatalogError(
        f"unsupported charset {charset!r}: kit reads UTF-8 catalogs only",
        path=path,
        line=_line_of(text, f"charset={charset}", po.header.line),
        hint="convert with: msgconv --to-code=UTF-8 FILE -o FILE",
    )


def _line_of(text: str, needle: str, default: int) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else default


def _check_duplicates(po: PoFile, path: Path | str) -> None:
    if len({(e.msgctxt, e.msgid) for e in po.entries}) == len(po.entries):
        return  # the usual case; else the first duplicate in line order is reported
    seen: dict[tuple[str | None, str], PoEntry] = {}
    for entry in sorted(po.entries, key=lambda e: e.line):
        first = seen.setdefault(entry.key, entry)
        if first is not entry:
            context = "" if entry.msgctxt is None else f" (msgctxt {entry.msgctxt!r})"
            raise CatalogError(
                f"duplicate message {entry.msgid[:60]!r}{context}",
                path=path,
                line=entry.line,
                hint=f"first defined on line {first.line}; remove one or give them a msgctxt",
            )


def _check_plurals(po: PoFile, path: Path | str) -> None:
    match = _NPLURALS.search(po.meta("Plural-Forms"))
    if match is None:
        return
    nplurals = int(match.group(1))
    for entry in po.entries:
        if (
            entry.msgid_plural is not None
            and not entry.obsolete
            and len(entry.msgstr_plural) != nplurals
        ):
            raise CatalogError(
                f"{len(entry.msgstr_plural)} plural forms but the header says nplurals={nplurals}",
                path=path,
                line=entry.line,
                hint=f"give msgstr[0] to msgstr[{nplurals - 1}], or fix Plural-Forms",
            )
