"""Text as kit sets it on pages and handouts: a phone number stays on one line, and so do
a number and its unit ("38 °C", "5 mg": a no-break space between them) and a number whose
thousands a space separates ("1 500 mL", as French and Russian write 1,500 mL).

A phone number broken across two lines is read as two numbers, or half of one; in
right-to-left text its halves even land at opposite ends of the two lines. So the spaces
inside a phone number become no-break spaces (U+00A0) when a page or handout is written:
screen readers, search and copying read them as spaces, and a number too long for its line
still breaks where the stylesheet breaks any long run (``overflow-wrap: anywhere``).

A phone number here is what the numbers check calls one, kept short: groups of digits
(with ``+``, brackets, dots or dashes) joined by single spaces, 7 to 15 digits in all (the
longest international number has 15), at most one group of a single digit (``+1``,
``+61 2``), a group after a space that starts with two digits or a bracket, and at most 20
characters, not inside a word or a decimal number. Other runs of
numbers (``1 2 3 4 5 6 7``, a table row typed as text) keep their spaces, so they still
break between their numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"
# The digits a phone number is written in: those of the numbering systems kit prints
# (``kit.words.numerals``): ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Myanmar.
# Named ranges, not ``\d``: the regex engine checks them several times faster per character.
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u1040-\u1049"
# One character class first: the regex engine scans for it in C.
_CANDIDATE = re.compile(rf"[+({DIGITS}][{DIGITS}().\-]*(?: [({DIGITS}][{DIGITS}().\-]*)+")
_DIGIT = re.compile(f"[{DIGITS}]")
# What every phone number here holds: a space, then a group that starts with two digits or
# a bracket and a digit. Found with a literal first (the fastest search), and rare enough
# (a dose such as "2 tablets" or "5 mg" has none) that most texts end with this one search.
_GROUP_AFTER_SPACE = re.compile(f" [({DIGITS}][{DIGITS}]")
_MIN_DIGITS, _MAX_DIGITS, _MAX_CHARS = 7, 15, 20
_DIGIT_SPACE = re.compile(f"[{DIGITS}] ")
# A number whose thousands a plain space separates: 1-3 digits, then groups of 3 ("1 500").
_SPACED_GROUP = re.compile(f"[{DIGITS}][{DIGITS}]{{0,2}}(?: [{DIGITS}]{{3}})+(?![{DIGITS}])")
# A digit, a space and a unit symbol that is not the start of a word ("2 glasses", "5 mgs"):
# temperature, percent, mass, volume, amount of substance, pressure, length, international units.
# Then Arabic's (ml, mg, kg, g) and Persian's (millilitre, milligram: written out, joined by a
# zero-width non-joiner). ``UNIT_SYMBOLS`` is shared with ``kit.checks.number_units``.
UNIT_SYMBOLS = (
    r"°[CF]|%|mcg|[µμ]g|mg|kg|g|[mdµμ]?[lL]|mmol|mmHg|cm|mm|IU|мкг|мг|кг|мл|٪"
    "|ملغ|ملجم|مغ|مل|كغ|كجم|جم|غ|میلی\u200cلیتر|میلی\u200cگرم"
)
_NUMBER_UNIT = re.compile(f"[{DIGITS}] (?=(?:{UNIT_SYMBOLS})(?![^\\W\\d_]))")


def keep_phone_numbers_whole(text: str) -> str:
    """``text`` with the spaces inside each phone number made no-break spaces."""
    if _GROUP_AFTER_SPACE.search(text) is None:
        return text
    return _phones_whole(text)


def _phones_whole(text: str) -> str:
    return _spaces_joined(text, _CANDIDATE, lambda m: _is_phone(text, m.start(), m.group()))


def keep_units_with_numbers(text: str) -> str:
    """``text`` with the space between a number and its unit symbol a no-break space: "38 °C",
    "2.5 mL", "10 %" never end a line at "38" and start the next with "°C"."""
    first = _NUMBER_UNIT.search(text)
    if first is None:
        return text
    out = text
    for match in _NUMBER_UNIT.finditer(text, first.start()):
        space = match.end() - 1  # NBSP has the space's length: later positions stay put
        out = out[:space] + NBSP + out[space + 1 :]
    return out


def keep_grouped_numbers_whole(text: str) -> str:
    """``text`` with the plain space inside each number grouped by spaces ("1 500", "12 345
    678") a no-break space: a line that ends with "1" and a next that starts "500 mL" reads
    as 1 and 500. The numbers check reads it with this, in a locale whose thousands
    separator is a space, as its reader does (``kit.checks.numbers.find_critical``)."""
    if _SPACED_GROUP.search(text) is None:
        return text
    return _grouped_whole(text)


def _grouped_whole(text: str) -> str:
    return _spaces_joined(text, _SPACED_GROUP, lambda m: _starts_a_number(text, m.start()))


def _starts_a_number(text: str, start: int) -> bool:
    """Not the end of a longer run of digits, nor the decimals of a number."""
    before = text[start - 1 : start]
    return not before or not (_DIGIT.match(before) or before in ".,\u066b\u066c")


def _spaces_joined(
    text: str, pattern: re.Pattern[str], wanted: Callable[[re.Match[str]], bool]
) -> str:
    """``text`` with the spaces inside each ``wanted`` match of ``pattern`` no-break spaces."""
    out: list[str] = []
    pos = 0
    for match in pattern.finditer(text):
        if wanted(match):
            out += [text[pos : match.start()], match.group().replace(" ", NBSP)]
            pos = match.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def keep_together(text: str) -> str:
    """``text`` as pages and handouts set it: phone numbers whole, numbers with their units,
    numbers grouped by spaces whole. Each needs a digit before a space; most texts have none,
    and end with that one search."""
    if _DIGIT_SPACE.search(text) is None:
        return text
    if _GROUP_AFTER_SPACE.search(text) is not None:  # what a phone and a "1 500" both hold
        text = _grouped_whole(_phones_whole(text))
    return keep_units_with_numbers(text)


def nbsp_entities(html: str) -> str:
    """HTML with each no-break space written ``&nbsp;``: invisible in a page's source
    otherwise."""
    return html.replace(NBSP, "&nbsp;") if NBSP in html else html


def _is_phone(text: str, start: int, run: str) -> bool:
    before = text[start - 1 : start]
    if before and (before.isalnum() or before in "_.,"):
        return False  # inside a word or a decimal number
    groups = [len(_DIGIT.findall(group)) for group in run.split(" ")]
    if sum(1 for n in groups if n < 2) > 1 or _GROUP_AFTER_SPACE.search(run) is None:
        return False  # numbers listed one by one (1 2 3 4 5 6 7), not a phone number
    return _MIN_DIGITS <= sum(groups) <= _MAX_DIGITS and len(run.rstrip(".-")) <= _MAX_CHARS
