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


FEVER_TABLE = """---
title: "Fever at home"
summary: "What to do when your child has a fever."
slug: fever
reviewed: 2024-03-01
---

| When | What to do |
|---|---|
| Your child has a fever of 38 °C or higher | Call the clinic right away, day or night. |
| Your child's central line is red or leaking | Cover it with a clean dressing and call us. |
"""
KOREAN = {
    "Fever at home": "집에서 열이 날 때",
    "What to do when your child has a fever.": "자녀에게 열이 날 때 해야 할 일.",
    "When": "언제",
    "What to do": "해야 할 일",
    "Your child has a fever of 38 °C or higher": "자녀의 체온이 38 °C 이상일 때",
    "Call the clinic right away, day or night.": "낮이든 밤이든 즉시 병원에 전화하세요.",
    "Your child's central line is red or leaking": "자녀의 중심정맥관이 빨갛거나 새는 경우",
    "Cover it with a clean dressing and call us.": "깨끗한 드레싱으로 덮고 저희에게 전화하세요.",
}


_BOX = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def units_alone(pdf: Path, number: str, unit: str) -> tuple[int, int]:
    """How many times ``unit`` is printed, and how many of those have no ``number`` just
    before it on the same line (a table's cells are written row by row across columns, so
    the word before it in the file may be in another cell)."""
    boxes = [
        (float(x0), (float(y0) + float(y1)) / 2, float(x1), word)
        for x0, y0, x1, y1, word in _BOX.findall(pdftotext(pdf.read_bytes(), "-bbox"))
    ]
    units = [b for b in boxes if b[3] == unit]
    alone = [
        u
        for u in units
        if not any(
            w == number and abs(y - u[1]) < 2 and 0 <= u[0] - x1 < 8 for _, y, x1, w in boxes
        )
    ]
    return len(units), len(alone)


def test_a_number_and_its_unit_stay_on_one_line(tmp_path: Path) -> None:
    """On A4, the Korean column of this table printed "38" at the end of a line and "°C" at
    the start of the next."""
    a4 = '[print]\npage_size = "A4"\n'
    dist = build_handouts(tmp_path, "fever", FEVER_TABLE, "ko", KOREAN, a4)
    printed, alone = units_alone(dist / "ko" / "fever.bilingual.pdf", "38", "°C")
    assert printed == 2  # the English column and the Korean one
    assert alone == 0


DRINKS = """---
title: "Drinks"
summary: "How much your child should drink."
slug: drinks
reviewed: 2024-03-01
---

| Age | Each day |
|---|---|
| 1 to 3 years | About 1,350 mL of fluids: 1,050 mL of water and 300 mL of milk. |
| 4 to 8 years | About 1,750 mL of fluids: 1,250 mL of water and 500 mL of milk. |
| 9 to 13 years | About 2,150 mL of fluids: 1,550 mL of water and 600 mL of milk. |
"""
FRENCH = {  # thousands as a French translator types them: a plain space
    "Drinks": "Boissons",
    "How much your child should drink.": "Combien votre enfant doit boire.",
    "Age": "Âge",
    "Each day": "Chaque jour",
    "1 to 3 years": "1 à 3 ans",
    "About 1,350 mL of fluids: 1,050 mL of water and 300 mL of milk.": (
        "Environ 1 350 mL de liquides : 1 050 mL d'eau et 300 mL de lait."
    ),
    "4 to 8 years": "4 à 8 ans",
    "About 1,750 mL of fluids: 1,250 mL of water and 500 mL of milk.": (
        "Environ 1 750 mL de liquides : 1 250 mL d'eau et 500 mL de lait."
    ),
    "9 to 13 years": "9 à 13 ans",
    "About 2,150 mL of fluids: 1,550 mL of water and 600 mL of milk.": (
        "Environ 2 150 mL de liquides : 1 550 mL d'eau et 600 mL de lait."
    ),
}


def test_a_number_grouped_by_spaces_stays_on_one_line(tmp_path: Path) -> None:
    """ "1 350 mL" typed with plain spaces could end a line with "1" and start the next with
    "350 mL": 1 and 350 to the reader. The build publishes the page (its numbers check reads
    1 350 as a French reader does) and prints each number whole."""
    a4 = '[print]\npage_size = "A4"\n'
    dist = build_handouts(tmp_path, "drinks", DRINKS, "fr", FRENCH, a4)
    pdf = dist / "fr" / "drinks.bilingual.pdf"
    pairs = (("1", "350"), ("1", "050"), ("1", "750"), ("1", "250"), ("2", "150"), ("1", "550"))
    for first, rest in pairs:  # each last group is printed only in its number
        printed, alone = units_alone(pdf, first, rest)
        assert printed >= 1 and alone == 0, (first, rest, printed, alone)
