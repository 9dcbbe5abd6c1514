"""A phone number is printed on one line, in a narrow column too.

The bilingual handout's table cells are a few words wide: "Call us at +1 555 0100 right
away." broke after "555", so the number's halves sat on two lines (on a right-to-left page,
at opposite ends of them). Its spaces are no-break spaces now (``kit.text``); copying the
text still gives plain spaces.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.pdf.helpers import build_handouts, pdftotext

SOURCE = """---
title: "Fever at home"
summary: "What to do when your child has a fever."
slug: fever
reviewed: 2024-03-01
---

| Temperature | What to do |
|---|---|
| 38.0 °C (100.4 °F) or higher | Call us at +1 555 0100 right away. |
| Below 38.0 °C | Give fluids and check again in 1 hour. |
"""
PASHTO = {
    "Fever at home": "په کور کې تبه",
    "What to do when your child has a fever.": "کله چې ستاسو ماشوم تبه ولري څه وکړئ.",
    "Temperature": "د تودوخې درجه",
    "What to do": "څه وکړئ",
    "38.0 °C (100.4 °F) or higher": "۳۸.۰ °C (۱۰۰.۴ °F) یا لوړه",
    "Call us at +1 555 0100 right away.": "سمدلاسه موږ ته په +1 555 0100 زنګ ووهئ.",
    "Below 38.0 °C": "له ۳۸.۰ °C څخه ټیټه",
    "Give fluids and check again in 1 hour.": "مایعات ورکړئ او په ۱ ساعت کې بیا وګورئ.",
}
_WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


def phone_heights(pdf: Path) -> list[float]:
    """For each printing of the number, how far apart its three groups sit vertically (the
    middles of their boxes: a line is about 20 pt high; fonts differ by a few points)."""
    words = [
        ((float(top) + float(bottom)) / 2, word)
        for top, bottom, word in _WORD.findall(pdftotext(pdf.read_bytes(), "-bbox"))
    ]
    out = []
    for index, (_, word) in enumerate(words):
        if word == "+1":
            group = words[index : index + 3]
            if [w for _, w in group] != ["+1", "555", "0100"]:  # the next words: on another line
                out.append(float("inf"))
                continue
            middles = [y for y, _ in group]
            out.append(max(middles) - min(middles))
    return out


def test_a_phone_number_in_a_narrow_column_stays_on_one_line(tmp_path: Path) -> None:
    bilingual = (
        build_handouts(tmp_path, "fever", SOURCE, "ps", PASHTO) / "ps" / "fever.bilingual.pdf"
    )
    apart = phone_heights(bilingual)
    assert len(apart) == 2  # the English column and the Pashto one
    assert all(points < 5 for points in apart), apart
    assert pdftotext(bilingual.read_bytes()).count("+1 555 0100") == 2  # copied: plain spaces
