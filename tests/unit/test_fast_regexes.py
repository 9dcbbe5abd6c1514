"""Regular expressions rewritten for speed match exactly what their plain forms match.

Python's regex engine scans for a pattern's leading character class in C, but tries every
branch of a leading alternation at every position. The hot expressions below are therefore
written as one character class followed by lookbehinds that say which kind it was; here each
is held to the plain alternation it replaces: the same match (start and end) from every
starting position of generated texts made of the characters they care about."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks import inline_fast, markdown, numbers, numeric_dates
from kit.readability import sentences
from kit.source import inline_tokens

_STRONG = sentences.STRONG_TERMINATORS
_EXCLAIM = re.escape(sentences._EXCLAIM)
_CLOSERS = re.escape(sentences._CLOSERS)

PLAIN = {
    "_REFUSE": re.compile(r"[\\&<\n\r\x00]|!\[|``"),
    "_SPECIAL": re.compile(r"`|\*+|_+|\["),
    "_ONLY_TEXT": re.compile(r"[\\&<\n\r\x00`*_]|!\[|\]\("),
}
PLAIN_POSSIBLE_END = re.compile(
    f"[{_STRONG}][.…{_EXCLAIM}{_STRONG}]*+[{_CLOSERS}]*+(?!\\Z)|[.…{_EXCLAIM}][{_CLOSERS}]*+(?=\\s)"
)

_MARKUP = st.text(alphabet="ab \\&<\n\r\x00`*_![]()", max_size=16)
_PROSE = st.text(alphabet="ab .…!?‼。！？؟」\"')» \n", max_size=16)


def _spans(pattern: re.Pattern[str], text: str, end: int) -> list[tuple[int, int] | None]:
    return [(m.span() if (m := pattern.search(text, pos, end)) else None) for pos in range(end + 1)]


@settings(max_examples=500, deadline=None)
@given(_MARKUP)
def test_quick_inline_expressions_match_their_plain_forms(text: str) -> None:
    for name, plain in PLAIN.items():
        fast = getattr(inline_tokens, name)
        assert _spans(fast, text, len(text)) == _spans(plain, text, len(text)), name


PLAIN_CANDIDATE = re.compile(f"[.…{_EXCLAIM}{_STRONG}]+[{_CLOSERS}]*")


@settings(max_examples=500, deadline=None)
@given(_PROSE)
def test_possible_sentence_end_matches_its_plain_form(text: str) -> None:
    assert _spans(sentences._CANDIDATE, text, len(text)) == _spans(PLAIN_CANDIDATE, text, len(text))
    end = len(text.rstrip())  # as _split_block searches it
    for stop in (end, len(text)):
        fast = _spans(sentences._POSSIBLE_END, text, stop)
        assert fast == _spans(PLAIN_POSSIBLE_END, text, stop)


_SEP = ".,\u066b\u066c\u00a0\u202f\u2009'"
PLAIN_NUMBER = re.compile(f"\\d+(?:[{_SEP}]\\d+)*")
PLAIN_PHONE_OR_NUMBER = re.compile(
    r"(?P<phone>[+\d][\d\s().\-\u00a0]{5,}\d(?![\d_]))"
    f"|(?P<number>{PLAIN_NUMBER.pattern})"
)
PLAIN_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_DIGITS = st.text(alphabet="01+ ().-_a\u00a0\u066b,'\u0663\uff13", max_size=20)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[str | None, int, int]]:
    return [(m.lastgroup, *m.span()) for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_DIGITS)
def test_number_expressions_match_their_plain_forms(text: str) -> None:
    assert _found(numbers._PHONE_OR_NUMBER, text) == _found(PLAIN_PHONE_OR_NUMBER, text)
    assert numbers._NUMBER.findall(text) == PLAIN_NUMBER.findall(text)
    assert _found(numbers._OTHER_DIGIT, text) == _found(PLAIN_OTHER_DIGIT, text)


def _plain_stray(text: str) -> list[int]:
    """Where ``STRAY_MARKER`` must match: every ``*``, `` ` `` and ``_``, except an underscore
    with a letter or digit on each side."""
    return [
        i
        for i, char in enumerate(text)
        if char in "*`" or (char == "_" and not _inside_word(text, i))
    ]


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aé1٣ _*`-\u0301", max_size=16))
def test_stray_marker_matches_its_plain_form(text: str) -> None:
    found = [m.start() for m in inline_fast.STRAY_MARKER.finditer(text)]
    assert found == _plain_stray(text)


PLAIN_TRIGGER = re.compile(r"[*_`<\\&]|\]\(")


@settings(max_examples=500, deadline=None)
@given(_MARKUP)
def test_markup_trigger_starts_where_its_plain_form_does(text: str) -> None:
    def starts(pattern: re.Pattern[str]) -> list[int | None]:
        return [
            (m.start() if (m := pattern.search(text, pos)) else None)
            for pos in range(len(text) + 1)
        ]

    assert starts(markdown._TRIGGER) == starts(PLAIN_TRIGGER)


PLAIN_DATE = re.compile(r"(?<![\d/.\-])(\d\d?)([/.\-])(\d\d?)\2(\d{4}|\d\d)(?![\d/\-]|\.\d)")
_DATES = st.text(alphabet="0129./-a ", max_size=20)


@settings(max_examples=500, deadline=None)
@given(_DATES)
def test_date_expressions_match_their_plain_forms(text: str) -> None:
    assert _spans(numeric_dates._DATE, text, len(text)) == _spans(PLAIN_DATE, text, len(text))
    fast = [m.groups() for m in numeric_dates._DATE.finditer(text)]
    assert fast == [m.groups() for m in PLAIN_DATE.finditer(text)]
