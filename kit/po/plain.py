"""Line breaking of *plain* text, the usual case, without scanning every character.

A character is plain when it is one column wide and its UAX #14 class has no rule of its own
in ``kit.po.linebreak`` (not a line break, space other than U+0020, combining mark, ZWJ,
ZW, regional indicator or Hebrew letter). In text made only of plain characters and
U+0020, whether a break may come before position ``j`` depends only on the character there,
the last non-space character before it and whether spaces came between (the pair table of
``_decide``). And ``width_linebreaks`` breaks greedily: from the start of a line ``s``, at the
last opportunity that leaves the line within the width, or at the first one after it when
a word alone is too long. So only the few characters around each break are looked at.

Latin, Greek, Cyrillic, Ethiopic, Arabic without vowel marks and so on are plain; CJK
(two columns), Hebrew and text with combining marks take ``width_linebreaks``.
``tests/po/test_po_plain.py`` checks the two against each other on random text.
"""

from __future__ import annotations

import re
from functools import cache

from kit.po import linebreak as lb

_SPECIAL = {lb._ID[name] for name in ("HL", "RI", "BK", "LF", "CR", "SP", "ZW", "CM", "ZWJ")}
_CLASS = lb.line_break_class
_PAIR = lb._PAIR


@cache
def _plain_text() -> re.Pattern[str]:
    """Text of plain characters and U+0020 (built on first use: about 2,500 ranges)."""
    bounds = sorted(set(lb._LB_STARTS) | set(lb._W_STARTS))
    ranges: list[tuple[int, int]] = []
    for start, end in zip(bounds, [*bounds[1:], 0x110000], strict=True):
        ch = chr(start)
        if lb.char_width(ch) == 1 and _CLASS(ch) not in _SPECIAL:
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    parts = [f"\\U{a:08x}-\\U{b - 1:08x}" for a, b in ranges]
    return re.compile("[ " + "".join(parts) + "]*")


def is_plain(text: str) -> bool:
    if text.isascii():
        return text.isprintable()  # every printable ASCII character is plain
    return _plain_text().fullmatch(text) is not None


def _opportunity(text: str, j: int, overrides: list[int]) -> bool:
    """Whether ``width_linebreaks`` may break before ``text[j]`` (0 < j < len(text))."""
    if overrides[j] != lb.UNDEFINED:
        return overrides[j] == lb.POSSIBLE
    ch = text[j]
    if ch == " ":
        return False
    k = j - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    if k < 0:  # only spaces before: the start of the text
        return False
    rule = _PAIR[_CLASS(text[k])][_CLASS(ch)]
    return rule == "D" or (rule == "I" and k < j - 1)


def plain_breaks(text: str, overrides: list[int], width: int, column: int) -> list[int]:
    """Where ``width_linebreaks(text, width, column, 0, overrides)`` breaks a plain ``text``
    (``is_plain``): the positions that start a new line."""
    n = len(text)
    breaks: list[int] = []
    start, room = 0, width - column
    while n - start > room:
        found = 0
        j = start + room  # the longest line that fits ends before text[j]
        while j > start and not found:
            if _opportunity(text, j, overrides):
                found = j
            j -= 1
        j = max(start + room + 1, start + 1)
        while not found and j < n:  # a word too long for a line: break after it
            if _opportunity(text, j, overrides):
                found = j
            j += 1
        if not found:
            return breaks
        breaks.append(found)
        start, room = found, width
    return breaks
