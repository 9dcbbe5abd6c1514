"""Line breaking as GNU gettext does it: a pure-Python port of libunistring's
``u8_possible_linebreaks_v2`` and ``u8_width_linebreaks_v2`` (libunistring 1.0, UAX #14
with libunistring's tailorings), plus ``uc_width`` for display columns.

``msgcat`` calls these functions on every escaped string portion it writes; reproducing its
output byte for byte needs the same break opportunities and the same column counting.
The property, pair and width tables live in ``kit.po._unidata`` and were extracted from the
library itself (see ``tests/po/gen_unidata.py``); ``tests/po/test_linebreak.py`` checks this
module against the C library on random text.

Break values come one per code point: index ``i`` describes the position *before*
``text[i]``, except MANDATORY, which marks the line-break character itself.
"""

from __future__ import annotations

from bisect import bisect_right

from kit.po import _unidata

UNDEFINED = 0  # in overrides: no override
PROHIBITED = 1
POSSIBLE = 2
MANDATORY = 3
CR_BEFORE_LF = 5

_NAMES: tuple[str, ...] = (
    *_unidata.TABLE_CLASSES.split(),
    "BK",
    "LF",
    "CR",
    "SP",
    "ZW",
    "CM",
    "ZWJ",
)
_ID = {name: i for i, name in enumerate(_NAMES)}
_BK, _LF, _CR, _SP, _ZW, _CM, _ZWJ = (_ID[n] for n in ("BK", "LF", "CR", "SP", "ZW", "CM", "ZWJ"))
_AL, _RI, _HL, _HY, _BA = (_ID[n] for n in ("AL", "RI", "HL", "HY", "BA"))
_HL_BA = len(_NAMES)  # pseudo class: a Hebrew letter followed by a hyphen or break-after
_PAIR: tuple[tuple[str, ...], ...] = tuple(tuple(row) for row in _unidata.PAIR_TABLE)


def _parse_ranges(data: str) -> tuple[list[int], list[str]]:
    starts: list[int] = []
    values: list[str] = []
    for item in data.split():
        start, _, value = item.partition(":")
        starts.append(int(start, 16))
        values.append(value)
    return starts, values


_LB_STARTS, _lb_names = _parse_ranges(_unidata.LINE_BREAK)
_LB_VALUES = [_ID[name] for name in _lb_names]
_W_STARTS, _w_values = _parse_ranges(_unidata.WIDTH)
_W_VALUES = [int(value) for value in _w_values]


_CLASS_CACHE: dict[str, int] = {}
_WIDTH_CACHE: dict[str, int] = {}


def line_break_class(ch: str) -> int:
    """The (tailored) UAX #14 class id of one character."""
    cls = _CLASS_CACHE.get(ch)
    if cls is None:
        cls = _CLASS_CACHE[ch] = _LB_VALUES[bisect_right(_LB_STARTS, ord(ch)) - 1]
    return cls


def char_width(ch: str) -> int:
    """Columns taken by ``ch`` like libunistring's ``uc_width`` for UTF-8: 0 for combining
    marks, 2 for East Asian wide and fullwidth characters, -1 for control characters."""
    width = _WIDTH_CACHE.get(ch)
    if width is None:
        width = _WIDTH_CACHE[ch] = _W_VALUES[bisect_right(_W_STARTS, ord(ch)) - 1]
    return width


def text_width(text: str) -> int:
    """Columns of ``text`` (control characters count 0)."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(max(char_width(ch), 0) for ch in text)


def possible_linebreaks(text: str) -> list[int]:
    """Break opportunities in ``text`` (``u8_possible_linebreaks_v2``)."""
    breaks = [PROHIBITED] * len(text)
    prev = last = _BK  # class of the previous character / of the last non-space one
    seen_space = False
    ri_count = 0
    cache = _CLASS_CACHE
    props = [cache[ch] if ch in cache else line_break_class(ch) for ch in text]
    for i, prop in enumerate(props):
        if prop in (_BK, _LF, _CR):
            breaks[i] = MANDATORY
            if prev == _CR and prop == _LF:
                breaks[i - 1] = CR_BEFORE_LF
            prev, last, seen_space = prop, _BK, False
        else:
            if prop == _SP:
                seen_space = True
            elif prop == _ZW:
                last, seen_space = _ZW, False
            elif prop in (_CM, _ZWJ):
                if last == _BK:
                    last, seen_space = _AL, False
                elif last == _ZW or seen_space:
                    breaks[i] = POSSIBLE
                    last, seen_space = _AL, False
            else:
                breaks[i] = _decide(prev, last, prop, seen_space, ri_count)
                last, seen_space = prop, False
            prev = _HL_BA if prev == _HL and prop in (_HY, _BA) else prop
        ri_count = ri_count + 1 if prop == _RI else 0
    return breaks


def _decide(prev: int, last: int, prop: int, seen_space: bool, ri_count: int) -> int:
    """Break before a character of a pair-table class ``prop``."""
    if last == _BK:
        return PROHIBITED
    if last == _ZW:
        return POSSIBLE
    if prev in (_ZWJ, _HL_BA):
        return PROHIBITED
    if last == _RI and prop == _RI:
        return POSSIBLE if seen_space or ri_count % 2 == 0 else PROHIBITED
    rule = _PAIR[last][prop]
    if rule == "D" or (rule == "I" and seen_space):
        return POSSIBLE
    return PROHIBITED


def width_linebreaks(
    text: str,
    width: int,
    start_column: int = 0,
    at_end_columns: int = 0,
    overrides: list[int] | None = None,
) -> tuple[list[int], int]:
    """Where to break ``text`` so that lines fit in ``width`` columns
    (``u8_width_linebreaks_v2``). Returns the breaks, where only POSSIBLE means "break
    here" (MANDATORY still marks line-break characters), and the column at the end."""
    breaks = possible_linebreaks(text)
    last_p: int | None = None
    last_column = start_column
    piece_width = 0
    cache = _WIDTH_CACHE
    widths = [cache[ch] if ch in cache else char_width(ch) for ch in text]
    for i, w in enumerate(widths):
        if overrides is not None and overrides[i] != UNDEFINED:
            breaks[i] = overrides[i]
        here = breaks[i]
        ends_piece = here in (POSSIBLE, MANDATORY, CR_BEFORE_LF)
        if ends_piece and last_p is not None and last_column + piece_width > width:
            breaks[last_p] = POSSIBLE  # the piece ending here does not fit: break before it
            last_column = 0
        if here in (MANDATORY, CR_BEFORE_LF):
            last_p = None
            last_column = piece_width = 0
        else:
            if here == POSSIBLE:
                last_p = i
                last_column += piece_width
                piece_width = 0
            breaks[i] = PROHIBITED
            if w > 0:
                piece_width += w
    if last_p is not None and last_column + piece_width + at_end_columns > width:
        breaks[last_p] = POSSIBLE
        last_column = 0
    return breaks, last_column + piece_width
