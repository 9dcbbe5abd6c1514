"""Serialise a ``PoFile`` exactly as GNU ``msgcat`` 0.21 writes it (default width 79).

``format_po`` is pure (no IO). What it does, following ``write-po.c``:

* The header entry first (when it has any content), then the active entries in order,
  then the obsolete entries (``#~``) in order, separated by one blank line. Obsolete
  entries without a translation are dropped, as msgcat drops them.
* Comments in this order: ``#`` translator comments, ``#.`` extracted comments, ``#:``
  references, ``#,`` flags, ``#|`` previous msgctxt/msgid/msgid_plural. An empty comment is
  written as a bare ``#`` / ``#.``; a comment containing newlines becomes several lines.
* References: repeated ones are dropped, so is a leading ``./``; they are joined on ``#:``
  lines up to the page width in bytes (one that alone exceeds it gets its own line). File
  names are written as they are: gettext 0.21 cannot quote names containing spaces.
* Flags are normalised as in ``kit.po.flags`` (GNU order, unknown flags dropped, ``fuzzy``
  only on translated or obsolete entries).
* Strings are wrapped by ``kit.po.wrap`` (UAX #14 breaks, CJK double width, ``\\n``
  portions, ``msgid ""`` first lines, ``no-wrap``, format directives kept whole).

Where kit knowingly differs from ``msgcat``:

* The header is always written first; msgcat leaves it where the file had it.
* A catalog holding only a header is written; plain msgcat writes nothing for it (as with
  ``--force-po`` it is the same). A header without msgstr, comments or flags is taken as
  "no header" and not written.
* Line breaks are kept out of format directives only for ``c``, ``objc``, ``python`` and
  ``python-brace`` (see ``kit.po.formats``).
* A plural entry without forms gets ``msgstr[0] ""`` and ``msgstr[1] ""`` (like
  xgettext); a comment containing newlines is written as several comment lines.

``parse_po(format_po(po))`` gives ``po`` back (apart from ``PoEntry.line``) when ``po`` is
in the form the reader produces: flags as ``kit.po.flags.canonical_flags`` returns them,
obsolete entries translated and after the active ones, references unique and without
``./``, comments without newlines, and unique (msgctxt, msgid) keys. ``check_writable``
rejects with ValueError what no PO file can hold (NUL, a comment line ending in a
backslash, previous msgctxt/msgid_plural without previous msgid).
"""

from __future__ import annotations

from kit.po.flags import Flags, canonical_flags, parse_flags
from kit.po.formats import protected_positions
from kit.po.model import PoEntry, PoFile
from kit.po.wrap import wrap_field

DEFAULT_WIDTH = 79


def format_po(po: PoFile, width: int = DEFAULT_WIDTH) -> str:
    """The text of ``po`` as ``msgcat --width=WIDTH`` would write it."""
    blocks: list[str] = []
    if not is_empty_header(po.header):
        blocks.append(_block(po.header, width))
    for entry in po.active:
        blocks.append(_block(entry, width))
    for entry in po.obsolete:
        if first_msgstr(entry):
            blocks.append(_block(entry, width))
    return "\n".join(blocks)


def _block(entry: PoEntry, width: int) -> str:
    """The entry's text; an unchanged entry of a file kit wrote keeps the text it was read
    with (``PoEntry.raw``, see ``kit.po.canonical``), which is what this would write."""
    if entry.raw is not None and width == DEFAULT_WIDTH:
        return entry.raw
    return "".join(f"{line}\n" for line in format_entry(entry, width))


def is_empty_header(header: PoEntry) -> bool:
    """A header with nothing in it stands for "no header" and is not written."""
    return not (
        header.msgstr
        or header.translator_comments
        or header.extracted_comments
        or header.references
        or header.flags
        or header.previous_msgid is not None
        or header.previous_msgctxt is not None
    )


def first_msgstr(entry: PoEntry) -> str:
    """What msgcat tests for "translated": the msgstr, or the first plural form."""
    if entry.msgid_plural is not None:
        return entry.msgstr_plural[0] if entry.msgstr_plural else ""
    return entry.msgstr


def check_writable(entry: PoEntry) -> None:
    """Raise ValueError for content no PO file can hold (a bug in the caller)."""
    strings = [entry.msgid, entry.msgstr, *entry.msgstr_plural]
    strings += [s or "" for s in (entry.msgctxt, entry.msgid_plural, entry.previous_msgid)]
    strings += [s or "" for s in (entry.previous_msgctxt, entry.previous_msgid_plural)]
    if any("\x00" in s for s in strings):
        raise ValueError(f"NUL character in entry {entry.msgid[:40]!r}")
    if entry.previous_msgid is None and (
        entry.previous_msgctxt is not None or entry.previous_msgid_plural is not None
    ):
        raise ValueError(f"previous msgctxt/msgid_plural without previous msgid: {entry!r}")
    for comment in (*entry.translator_comments, *entry.extracted_comments):
        if any(line.endswith(("\\", "\r")) for line in comment.split("\n")):
            raise ValueError(f"comment line ending in a backslash or CR: {comment!r}")


def format_entry(entry: PoEntry, width: int = DEFAULT_WIDTH) -> list[str]:
    """The lines of one entry (comments included), without the separating blank line."""
    check_writable(entry)
    lines = _comment_lines("#", entry.translator_comments)
    lines += _comment_lines("#.", entry.extracted_comments)
    lines += format_references(entry.references, width)
    flags = canonical_flags(
        entry.flags, translated=bool(first_msgstr(entry)), obsolete=entry.obsolete
    )
    if flags:
        lines.append("#, " + ", ".join(flags))
    parsed = parse_flags(entry.flags)
    prefix = "#~ " if entry.obsolete else ""
    previous = "#~| " if entry.obsolete else "#| "
    fields: list[tuple[str, str, str]] = [
        (previous, "msgctxt", entry.previous_msgctxt or ""),
        (previous, "msgid", entry.previous_msgid or ""),
        (previous, "msgid_plural", entry.previous_msgid_plural or ""),
    ]
    present = [entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural]
    fields = [f for f, value in zip(fields, present, strict=True) if value is not None]
    if entry.msgctxt is not None:
        fields.append((prefix, "msgctxt", entry.msgctxt))
    fields.append((prefix, "msgid", entry.msgid))
    if entry.msgid_plural is None:
        fields.append((prefix, "msgstr", entry.msgstr))
    else:
        fields.append((prefix, "msgid_plural", entry.msgid_plural))
        forms = entry.msgstr_plural or ("", "")  # a POT plural: two empty forms, as xgettext
        fields += [(prefix, f"msgstr[{i}]", form) for i, form in enumerate(forms)]
    for line_prefix, name, value in fields:
        lines += _wrap(line_prefix, name, value, parsed, width)
    return lines


def _wrap(line_prefix: str, name: str, value: str, flags: Flags, width: int) -> list[str]:
    protected = protected_positions(
        flags.format_language(), value, is_msgstr=name.startswith("msgstr")
    )
    return wrap_field(
        name,
        value,
        line_prefix=line_prefix,
        page_width=width,
        wrap=not flags.no_wrap,
        protected=protected,
    )


def _comment_lines(marker: str, comments: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for comment in comments:
        for line in comment.split("\n"):
            lines.append(f"{marker} {line}" if line else marker)
    return lines


def split_reference(reference: str) -> tuple[str, int | None]:
    """``"path/file.md:12"`` -> ``("path/file.md", 12)``; no line number -> None."""
    name, sep, number = reference.rpartition(":")
    if sep and name and number.isascii() and number.isdigit():
        return name, int(number)
    return reference, None


def format_references(references: tuple[str, ...], width: int = DEFAULT_WIDTH) -> list[str]:
    """``#:`` lines: references joined with spaces up to ``width`` bytes per line."""
    if not references:
        return []
    lines: list[str] = []
    line = "#:"
    column = 2
    for reference in dict.fromkeys(references):
        name, number = split_reference(reference)
        while name.startswith("./"):
            name = name[2:]
        suffix = "" if number is None else f":{number}"
        size = len(name.encode()) + len(suffix) + 1
        if column > 2 and column + size > width:
            lines.append(line)
            line, column = "#:", 2
        line += f" {name}{suffix}"
        column += size
    lines.append(line)
    return lines
