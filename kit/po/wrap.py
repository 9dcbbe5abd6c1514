"""Writing one keyword and its string the way GNU gettext 0.21 does (``wrap()`` in
``write-po.c``), so that kit's PO output is byte-identical to ``msgcat``'s.

The rules, all reproduced here:

* The string is cut into portions after each ``\\n``; each portion starts a new line.
* Each portion is escaped first (``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"``; other control
  characters stay raw) and then broken with libunistring's UAX #14 line breaker
  (``kit.po.linebreak``) so that every line, quotes included, fits ``page_width`` columns
  (79 by default; CJK characters count two columns). Spaces stay at the end of a line;
  a word longer than the line is not split.
* Never break inside an escape sequence, right before the final ``\\n`` of a portion, or
  inside a format directive (``kit.po.formats``) of an entry flagged ``c-format`` etc.
* If the string spans several lines, the first line is ``msgid ""`` and the text starts on
  the next line.
* ``no-wrap`` entries are only split at ``\\n``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection

from kit.po.linebreak import POSSIBLE, PROHIBITED, UNDEFINED, text_width, width_linebreaks
from kit.po.plain import is_plain, plain_breaks

_ESCAPES = {
    "\a": "a",
    "\b": "b",
    "\f": "f",
    "\n": "n",
    "\r": "r",
    "\t": "t",
    "\v": "v",
    "\\": "\\",
    '"': '"',
}
_ESCAPE_TABLE = str.maketrans({ch: "\\" + esc for ch, esc in _ESCAPES.items()})
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_NO_WRAP_WIDTH = sys.maxsize // 2  # "infinity": wide enough that nothing ever breaks


def wrap_field(
    name: str,
    value: str,
    *,
    line_prefix: str = "",
    page_width: int = 79,
    wrap: bool = True,
    protected: Collection[int] = (),
) -> list[str]:
    """The lines (without newline) that write ``name "value"``.

    ``line_prefix`` is ``"#~ "``, ``"#| "`` or ``"#~| "`` for obsolete and previous
    strings; ``protected`` holds indices into ``value`` before which no break may happen
    (the inside of format directives).
    """
    if "\n" not in value:  # fast path: most strings fit on their keyword's line
        escaped = value.translate(_ESCAPE_TABLE)
        line = f'{line_prefix}{name} "{escaped}"'
        if not wrap or _width(line) <= page_width:
            return [line]
    lines: list[str] = []
    first_line = True
    start = 0
    after_break = len(line_prefix) + 1  # continuation lines start after the opening quote
    width = (page_width if wrap else _NO_WRAP_WIDTH) - 1 - after_break
    while True:
        end = value.find("\n", start) + 1 or len(value)
        portion, overrides = _escape(value, start, end, protected)
        if first_line:
            column = len(line_prefix) + len(name) + 2 - after_break
            breaks = _breaks(portion, overrides, width, column)
            if portion and (end < len(value) or column > width or breaks):
                lines.append(f'{line_prefix}{name} ""')
                first_line = False
        if not first_line:
            breaks = _breaks(portion, overrides, width, len(line_prefix) + 1 - after_break)
        chunks = _split(portion, breaks)
        if first_line:
            chunks[0] = f'{name} "{chunks[0]}'
            first_line = False
        else:
            chunks[0] = f'"{chunks[0]}'
        lines.extend(f'{line_prefix}{chunk}"' for chunk in chunks[:1])
        lines.extend(f'{line_prefix}"{chunk}"' for chunk in chunks[1:])
        start = end
        if start >= len(value):
            return lines


def _width(line: str) -> int:
    """Display width in columns (a plain character is one column, see ``kit.po.plain``)."""
    return len(line) if is_plain(line) else text_width(line)


def _breaks(portion: str, overrides: list[int], width: int, column: int) -> list[int]:
    """The positions of ``portion`` that start a new line."""
    plain = is_plain(portion)
    if column + (len(portion) if plain else text_width(portion)) <= width:  # fits
        return []
    if plain:
        return plain_breaks(portion, overrides, width, column)
    breaks = width_linebreaks(portion, width, column, 0, overrides)[0]
    return [i for i in range(1, len(portion)) if breaks[i] == POSSIBLE]


def _escape(value: str, start: int, end: int, protected: Collection[int]) -> tuple[str, list[int]]:
    """The escaped portion ``value[start:end]`` and its per-character break overrides."""
    chunk = value[start:end]
    if not protected and not _NEEDS_ESCAPE.search(chunk):  # fast path: nothing to escape
        return chunk, [UNDEFINED] * len(chunk)
    out: list[str] = []
    overrides: list[int] = []
    for i in range(start, end):
        ch = value[i]
        brk = PROHIBITED if i in protected else UNDEFINED
        escape = _ESCAPES.get(ch)
        if escape is None:
            out.append(ch)
            overrides.append(brk)
        else:
            out.append("\\" + escape)
            overrides += (brk, PROHIBITED)
    if end > start and value[end - 1] == "\n":
        overrides[-2] = PROHIBITED  # don't break right before the final "\n"
    return "".join(out), overrides


def _split(portion: str, breaks: list[int]) -> list[str]:
    ends = [*breaks, len(portion)]
    return [portion[begin:end] for begin, end in zip([0, *breaks], ends, strict=True)]
