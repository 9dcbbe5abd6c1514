"""kit.po.linebreak gives the same answers as the C library msgcat uses (libunistring),
checked through ctypes on random text in many scripts."""

from __future__ import annotations

import ctypes

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.po.linebreak import (
    MANDATORY,
    POSSIBLE,
    PROHIBITED,
    char_width,
    possible_linebreaks,
    width_linebreaks,
)
from tests.po.support import libunistring

SAMPLES = (
    " -/.,:;!?()[]{}\"'\\%$0123456789aZé"
    "中文字。、「」〈》アーッ가각각אב־عرب،؟\u064b\u0301\u200d\u200b\u2060\u00a0\u00ad"
    "🇫🇷👍🏻😀❤\ufe0fกข\u0e31€£¡¿«»“”—…\u3000々\t\x01\x7f\n\r\u2028\u0085"
)
characters = st.sampled_from(SAMPLES) | st.characters(codec="utf-8", min_codepoint=1)
texts = st.text(alphabet=characters, max_size=40)


def first_bytes(text: str, raw: bytes) -> list[int]:
    """The C per-byte answers, at the first byte of each character."""
    values = []
    offset = 0
    for ch in text:
        values.append(raw[offset])
        offset += len(ch.encode())
    return values


def c_possible(text: str) -> list[int]:
    data = text.encode()
    out = ctypes.create_string_buffer(len(data))
    libunistring().u8_possible_linebreaks_v2(data, len(data), b"UTF-8", out)
    return first_bytes(text, out.raw)


def c_width(
    text: str, width: int, start: int, at_end: int, overrides: list[int] | None
) -> tuple[list[int], int]:
    data = text.encode()
    override_bytes = None
    if overrides is not None:
        per_byte = bytearray()
        for ch, value in zip(text, overrides, strict=True):
            per_byte += bytes([value]) + bytes([PROHIBITED] * (len(ch.encode()) - 1))
        override_bytes = bytes(per_byte)
    out = ctypes.create_string_buffer(len(data))
    column = libunistring().u8_width_linebreaks_v2(
        data, len(data), width, start, at_end, override_bytes, b"UTF-8", out
    )
    return first_bytes(text, out.raw), column


@settings(max_examples=300, deadline=None, database=None)
@given(texts)
def test_break_opportunities_match_libunistring(text: str) -> None:
    assert possible_linebreaks(text) == c_possible(text)


@settings(max_examples=300, deadline=None, database=None)
@given(
    texts,
    st.integers(0, 40),
    st.integers(0, 12),
    st.integers(0, 3),
    st.booleans(),
    st.data(),
)
def test_width_breaks_match_libunistring(
    text: str, width: int, start: int, at_end: int, use_overrides: bool, data: st.DataObject
) -> None:
    overrides = None
    if use_overrides:
        overrides = data.draw(
            st.lists(st.sampled_from([0, 0, 0, PROHIBITED]), min_size=len(text), max_size=len(text))
        )
    assert width_linebreaks(text, width, start, at_end, overrides) == c_width(
        text, width, start, at_end, overrides
    )


@settings(max_examples=300, deadline=None, database=None)
@given(characters)
def test_widths_match_uc_width(ch: str) -> None:
    assert char_width(ch) == libunistring().uc_width(ord(ch), b"UTF-8")


def test_examples() -> None:
    assert char_width("中") == 2
    assert char_width("\u0301") == 0
    assert char_width("a") == 1
    breaks = possible_linebreaks("see https://example.org/a 中文")
    assert breaks[4] == POSSIBLE  # after the space
    assert breaks[len("see https://example.org/")] == POSSIBLE  # after "/"
    assert breaks[-1] == POSSIBLE  # between two ideographs
    assert possible_linebreaks("a\u2028b")[1] == MANDATORY
