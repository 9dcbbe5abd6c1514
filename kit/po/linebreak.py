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

import re
from bisect import bisect_right
from functools import lru_cache

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
    """Break opportunities in ``text`` (``u8_possible_linebreaks_v2``).

    The text is scanned word by word (a word is a run of characters other than U+0020, the
    only character of class SP): a word's breaks depend only on the word and on the state
    the scan enters it with, and both repeat a lot in prose, so each pair is computed once."""
    breaks: list[int] = []
    state = (_BK, _BK, False, 0)  # prev, last, seen_space, ri_count
    for word in _WORDS.findall(text):
        if word[0] == " ":
            breaks.extend([PROHIBITED] * len(word))
            state = (_SP, state[1], True, 0)
        else:
            word_breaks, state = _scan_word(word, *state)
            breaks.extend(word_breaks)
    return breaks


_WORDS = re.compile(r" +|[^ ]+")


@lru_cache(maxsize=65536)
def _scan_word(
    word: str, prev: int, last: int, seen_space: bool, ri_count: int
) -> tuple[tuple[int, ...], tuple[int, int, bool, int]]:
    breaks = [PROHIBITED] * len(word)
    cache = _CLASS_CACHE
    props = [cache[ch] if ch in cache else line_break_class(ch) for ch in word]
    for i, prop in enumerate(props):
        if prop in (_BK, _LF, _CR):
            breaks[i] = MANDATORY
            if prev == _CR and prop == _LF and i > 0:
                breaks[i - 1] = CR_BEFORE_LF
            prev, last, seen_space = prop, _BK, False
        else:
            if prop == _ZW:
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
    return tuple(breaks), (prev, last, seen_space, ri_count)


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
    if overrides is not None:
        for i, override in enumerate(overrides):
            if override != UNDEFINED:
                breaks[i] = override
    ends = (POSSIBLE, MANDATORY, CR_BEFORE_LF)
    bounds = [i for i, b in enumerate(breaks) if b in ends]
    out = [PROHIBITED] * len(text)
    last_p: int | None = None
    last_column = start_column
    # Work piece by piece (text between break opportunities), not character by character.
    piece_width = text_width(text[: bounds[0]] if bounds else text)
    for n, i in enumerate(bounds):
        here = breaks[i]
        if last_p is not None and last_column + piece_width > width:
            out[last_p] = POSSIBLE  # the piece ending here does not fit: break before it
            last_column = 0
        stop = bounds[n + 1] if n + 1 < len(bounds) else len(text)
        if here == POSSIBLE:
            last_p = i
            last_column += piece_width
            piece_width = text_width(text[i:stop])
        else:  # a line-break character: its own width does not count
            out[i] = here
            last_p = None
            last_column = 0
            piece_width = text_width(text[i + 1 : stop])
    if last_p is not None and last_column + piece_width + at_end_columns > width:
        out[last_p] = POSSIBLE
        last_column = 0
    return out, last_column + piece_width
