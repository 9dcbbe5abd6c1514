"""Right-to-left handout footers read in logical order: measured on the glyphs' positions.

"Reviewed: <date> · Version 2.1" and "Page X of Y" used to come out scrambled in Persian
(``2.1 Version · ۲۰۲۴ مارس Reviewed: ۱``). On a right-to-left page the footer line runs right
to left: the review date first (rightmost), then the separator, then the version; an English
fallback phrase is one left-to-right island inside it, and a date keeps its own order.
"""

from __future__ import annotations

import re

import pytest

from tests.pdf.conftest import Render
from tests.pdf.helpers import pdftotext

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>'
)


def footer(data: bytes) -> list[tuple[float, str]]:
    """The words of page 1's footer line, left to right, with their x positions."""
    words = [
        (float(x), float(y), w)
        for x, y, w in _WORD.findall(pdftotext(data, "-bbox", "-f", "1", "-l", "1"))
    ]
    bottom = max(y for _, y, _ in words)
    return sorted((x, w) for x, y, w in words if y > bottom - 5)


def _x(line: list[tuple[float, str]], word: str) -> float:
    return next(x for x, w in line if w == word)


@pytest.mark.parametrize("code", ["fa", "ur", "he"])
def test_english_fallback_footer_reads_right_to_left_as_islands(render: Render, code: str) -> None:
    line = footer(render(code))
    # rightmost item first: "Reviewed: <date>", then "·", then "Version 2.1"
    assert _x(line, "Version") < _x(line, "2.1") < _x(line, "·") < _x(line, "Reviewed:")
    # the date sits right of its label inside the English island, written in English (a
    # Persian month name inside an English sentence would read scrambled)
    date = [w for x, w in line if x > _x(line, "Reviewed:") and w != "Reviewed:"]
    assert date == ["March", "1,", "2024"]
    # "Page X of Y" is one left-to-right island
    assert _x(line, "Page") < _x(line, "of")


def test_translated_arabic_footer_reads_right_to_left(render: Render) -> None:
    line = footer(render("ar"))
    words = [w for _, w in line]
    # poppler gives Arabic words in visual (reversed) letter order; positions are what count
    label, version = "خيرات", "رادصلإا"  # تاريخ, الإصدار as drawn
    assert label in words and version in words
    assert _x(line, "2.1") < _x(line, version) < _x(line, "·") < _x(line, "2024") < _x(line, label)
    page = next(x for x, w in line if w == "ةحفص")  # صفحة: "Page" comes first, rightmost
    assert all(x < page for x, w in line if w in ("1", "2", "نم") and x < 300)


@pytest.mark.parametrize("code", ["fa", "ar"])
def test_a_short_bilingual_handout_fills_its_first_page(render: Render, code: str) -> None:
    # The "about" row (dates, translator, sign-offs in both languages) may split: kept whole
    # it moved to page 2 and left page 1 half empty.
    first = pdftotext(render(code, "bilingual"), "-f", "1", "-l", "1")
    assert "About this handout" in first


@pytest.mark.parametrize("code", ["fa", "ar", "es"])
@pytest.mark.parametrize("profile", ["standard", "bilingual"])
def test_no_markup_is_printed_as_text(render: Render, code: str, profile: str) -> None:
    # The phone link once printed `<bdi dir="ltr">+1 555 0100</bdi>` on right-to-left handouts.
    text = pdftotext(render(code, profile))
    assert "+1 555 0100" in text
    assert "<bdi" not in text and "</" not in text and "&lt;" not in text and "&amp;" not in text
