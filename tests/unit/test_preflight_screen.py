"""The build's quick screen before ``refusals`` (``kit.commands.preflight``) never lets through
a text that ``refusals`` would refuse: it only skips the per-character walk for texts that
have nothing to refuse."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.renderable import MAX_COMBINING_RUN, refusals
from kit.commands.preflight import _plainly_renderable

# Characters near every rule: controls, separators, combining marks of several scripts
# (Latin, Devanagari, Hebrew, Thai), astral ones (a musical combining mark, emoji,
# variation selectors supplement) and ordinary text.
SPECIAL = [
    "\x00", "\x07", "\t", "\n", "\x1f", "\x7f", "\x85", "\x9f", "\u2028", "\u2029",
    "\u0301", "\u0300", "\u093f", "\u094d", "\u05b4", "\u0e31", "\u20dd", "\u1ab0",
    "\U0001d167", "\U0001f600", "\U000e0100", "\U00020000", "a", "é", "ñ", "я", "中", " ",
]  # fmt: skip
text = st.text(st.one_of(st.sampled_from(SPECIAL), st.characters()), max_size=60)


@settings(max_examples=2000)
@given(text)
def test_screen_passes_only_what_refusals_accepts(value: str) -> None:
    if _plainly_renderable(value):
        assert list(refusals(value)) == []


@given(st.sampled_from(["\u0301", "\u094d", "\u20dd", "\U0001d167"]), st.integers(0, 40))
def test_stacked_marks_are_never_screened_out(mark: str, count: int) -> None:
    value = "a" + mark * count
    if count > MAX_COMBINING_RUN:
        assert not _plainly_renderable(value)
    elif mark < "\U00010000":  # outside the BMP, refusals always looks (and accepts)
        assert _plainly_renderable(value)


def test_plain_texts_pass_the_screen() -> None:
    for value in (
        "Call 911 now.",
        "¿Qué es la LLA?",
        "Что такое лейкоз?",
        "婴儿白血病",
        "ne\u0301",
    ):
        assert _plainly_renderable(value)
    for value in ("a\u2029b", "tab\x0bvertical", "x" * 50_001):
        assert not _plainly_renderable(value)
