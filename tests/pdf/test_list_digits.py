"""Ordered lists count in their own language's digits, column by column.

A Persian handout numbers its steps ۱ ۲ ۳ (CLDR's default for fa). Its bilingual handout
used to number the English column ۱ ۲ ۳ too, because one rule numbered every list on the
page; the English column now counts 1 2 3, as the English handout does.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.pdf.helpers import build_handouts, pdftotext

SOURCE = """---
title: "Washing your hands"
summary: "How to wash your hands."
slug: steps
reviewed: 2024-03-01
---

1. Wet your hands with warm water.
2. Rub them with soap for 20 seconds.
3. Rinse them and dry them.
"""
PERSIAN = {
    "Washing your hands": "شستن دست‌ها",
    "How to wash your hands.": "چگونه دست‌هایتان را بشویید.",
    "Wet your hands with warm water.": "دست‌هایتان را با آب گرم خیس کنید.",
    "Rub them with soap for 20 seconds.": "آن‌ها را ۲۰ ثانیه با صابون بمالید.",
    "Rinse them and dry them.": "آن‌ها را آب بکشید و خشک کنید.",
}
_WORD = re.compile(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>')


def markers(pdf: Path) -> list[tuple[float, str]]:
    """The list markers on the page with their x positions (poppler gives a right-to-left
    marker in visual order: ``.۱``)."""
    words = _WORD.findall(pdftotext(pdf.read_bytes(), "-bbox"))
    return [(float(x), w) for x, w in words if re.fullmatch(r"[1-3]\.|\.[۱-۳]", w)]


def test_each_column_counts_its_list_in_its_own_digits(tmp_path: Path) -> None:
    dist = build_handouts(tmp_path, "steps", SOURCE, "fa", PERSIAN)
    assert [w for _, w in markers(dist / "en" / "steps.pdf")] == ["1.", "2.", "3."]
    assert [w for _, w in markers(dist / "fa" / "steps.pdf")] == [".۱", ".۲", ".۳"]
    bilingual = markers(dist / "fa" / "steps.bilingual.pdf")
    english = [w for _, w in bilingual if re.search("[1-3]", w)]
    persian = [w for _, w in bilingual if re.search("[۱-۳]", w)]
    assert english == ["1.", "2.", "3."] and persian == [".۱", ".۲", ".۳"]
    # the English column is on the left, the Persian on the right
    assert max(x for x, w in bilingual if w in english) < min(
        x for x, w in bilingual if w in persian
    )
