"""Numbers and contacts of a text, normalized so a source and its translation compare equal
when they say the same thing.

- Digits of any script become ASCII (``٣`` → 3, ``３`` → 3).
- Decimal and group separators follow the locale: in Spanish ``2,5`` is two and a half and
  ``1.000`` a thousand, as ``2.5`` and ``1,000`` are in English. A separator followed by
  other than three digits can only be a decimal separator, in any locale, so ``2.5`` in a
  Spanish translation also equals ``2.5`` in English; ``1,000`` copied unchanged into a
  Spanish translation reads as *one* and is reported.
- A project may declare a locale's decimal mark in kit.toml (``[locale.es_US] decimal_mark``);
  it then wins over the locale data. ``ambiguous`` finds tokens such as ``3,000`` that read as
  a decimal in the locale but as a thousands group in the source, to say so in the finding.
- Phone numbers, e-mail addresses and URLs are taken out first and compared on their own
  (phones by their digits), so their digits are not also counted as numbers. A phone number
  may carry a prefix or suffix of a script other than Latin, Greek or Cyrillic (Ethiopic
  ``በ555-0142``, Arabic ``بـ555-0142``, Korean ``555-0142번``, Chinese ``拨打555-0142``):
  those scripts attach words to numbers. Bidirectional marks (LRM, RLM, isolates) are ignored.
- A number missing from the translation is accepted when the translation spells it as a
  word (0-10, per language: ``un año`` for "1 year"; ``kit.checks.number_words``). Words
  never *require* a number.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from babel.numbers import get_decimal_symbol, get_group_symbol

from kit.checks.cjk_numbers import MYRIAD_LANGUAGES
from kit.checks.cjk_numbers import expand as expand_units
from kit.text import keep_grouped_numbers_whole

_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SEPARATORS = ".,\u066b\u066c\u00a0\u202f\u2009'"  # inside a number: 1,000 2.5 ٢٫٥ 1 000
# Unicode's Arabic separators say what they are, whatever a locale's marks: ٫ ARABIC DECIMAL
# SEPARATOR (۱٫۵ is 1.5, in Persian or Arabic text) and ٬ ARABIC THOUSANDS SEPARATOR (۱٬۵۰۰).
ARABIC_DECIMAL, ARABIC_GROUP = "\u066b", "\u066c"
_GROUPS = rf"(?:[{_SEPARATORS}]\d+)*"
# Thousands separators that are spaces (CLDR's for fr, ru, uk, pl, sv, ...): there a number
# whose groups a plain space separates, as a translator types it ("1 500"), is one number.
SPACE_GROUPS = (" ", "\u00a0", "\u202f", "\u2009")
# A full numeric date with dots or dashes: day and month (either order) and a year, or ISO
# 8601's year first, the same separator twice (read whole: ``date_parts``); Korean writes the
# year first with a dot and a space ("2026. 12. 5", CLDR's short form "26. 12. 5").
_DATE_SHAPE = re.compile(r"(\d\d?)([.\-])(\d\d?)\2(\d{4}|\d\d)|(\d{4})([.\-]|\. )(\d\d?)\6(\d\d?)")
_SHORT_YEAR_FIRST = re.compile(r"(\d\d)\. (\d\d?)\. (\d\d?)")
# A number: digits, separated as above (``\d+`` written ``\d\d*``, and the next expression
# written as it is, so that each starts with one character class: the regex engine scans
# for a leading class in C, but tries a leading repeat or alternation at every position;
# ``tests/unit/test_fast_regexes.py`` holds both to their plain forms).
NUMBER_PATTERN = rf"\d\d*{_GROUPS}"  # shared with ``kit.checks.number_units``
_NUMBER = re.compile(NUMBER_PATTERN)
# A phone number or a number, named by the group that matched. A phone number: + or a digit,
# then 6+ digits, spaces, dots, dashes or brackets, ending in a digit, not inside a word or a
# decimal number (the rest is checked in ``_is_phone``).
_PHONE_OR_NUMBER = re.compile(
    r"[+\d](?:(?P<phone>[\d\s().\-\u00a0]{5,}\d(?![\d_]))"
    rf"|(?<=\d)(?P<number>\d*{_GROUPS}))"
)


class Critical(NamedTuple):
    """Normalized numbers and contacts of one text, each a sorted tuple (a multiset)."""

    numbers: tuple[str, ...]
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    urls: tuple[str, ...]
    rest: str  # the text without contacts (for number-word lookup)


@lru_cache(maxsize=64)
def decimal_symbol(locale: str) -> str:
    try:
        return get_decimal_symbol(locale)
    except (ValueError, LookupError):
        return "."


@lru_cache(maxsize=64)
def group_symbol(locale: str) -> str:
    try:
        return get_group_symbol(locale)
    except (ValueError, LookupError):
        return ","


_DIGIT = re.compile(r"\d")
_NOT_DIGIT = re.compile(r"\D")


_OTHER_DIGIT = re.compile(r"\d(?<![0-9])")  # a digit not ASCII (the class first: fast scan)


def to_ascii_digits(text: str) -> str:
    """Digits of any script → ASCII (``٣`` → 3, ``３`` → 3)."""
    if text.isascii() or _OTHER_DIGIT.search(text) is None:
        return text
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)


_MARKS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, isolates
_BIDI_MARK = re.compile(f"[{_MARKS}]")
_DIGIT_OR_MARK = re.compile(f"[\\d{_MARKS}]")


def without_marks(text: str) -> str:
    """``text`` without direction marks, embeddings and isolates (an editor's, invisible)."""
    return text if text.isascii() else _BIDI_MARK.sub("", text)


_ATTACHING = ("LATIN", "GREEK", "CYRILLIC")  # scripts whose letters glued to digits make a code


@lru_cache(maxsize=65536)
def critical(text: str, locale: str = "en", decimal: str | None = None) -> Critical:
    """``find_critical``, cached, for source texts: a source text is compared in every locale
    (a translation is read once, with ``find_critical``, so the cache holds no translations)."""
    return find_critical(text, locale, decimal)


def find_critical(
    text: str, locale: str = "en", decimal: str | None = None, group: str | None = None
) -> Critical:
    """Numbers, phones, e-mails and URLs of ``text`` written in ``locale`` (whose decimal mark
    is ``decimal`` and thousands separator ``group``, by default the locale data's)."""
    if text.isascii():  # (a flag of the string): no mark, no other script's digit
        plain = text
        digits = _DIGIT.search(text) is not None
    elif _DIGIT_OR_MARK.search(text) is None:  # one scan for the many texts with neither
        plain = text
        digits = False
    else:
        if _BIDI_MARK.search(text) is not None:
            text = _BIDI_MARK.sub("", text)
        plain = to_ascii_digits(text)
        digits = _DIGIT.search(plain) is not None
    if not digits and "@" not in plain and "://" not in plain and "www." not in plain:
        return _new_critical(((), (), (), (), plain))
    rest = plain
    urls: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    if "://" in rest or "www." in rest:
        urls = tuple(sorted(u.rstrip(".,;:!?") for u in _URL.findall(rest)))
        rest = _URL.sub(" ", rest)
    if "@" in rest:
        emails = tuple(sorted(e.lower() for e in _EMAIL.findall(rest)))
        rest = _EMAIL.sub(" ", rest)
    decimal = decimal or decimal_symbol(locale)
    if (group or group_symbol(locale)) in SPACE_GROUPS:
        rest = keep_grouped_numbers_whole(rest)  # "1 500": the no-break space groups it
    if locale.partition("_")[0] in MYRIAD_LANGUAGES:
        rest = expand_units(rest)  # 1万, 1만
    numbers: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _PHONE_OR_NUMBER.finditer(rest):
        if m.lastgroup == "number":
            numbers.append(normalize_number(m.group(), decimal))
        elif _is_phone(rest, m.start(), m.end()):
            parts = date_parts(m.group())  # "05.12.2026": a date has a phone number's shape
            if parts is None:
                spans.append(m.span())
            else:
                numbers.extend(normalize_number(p, decimal) for p in parts)
        else:  # digits glued to a word or a decimal: its numbers, not a phone
            numbers.extend(normalize_number(n, decimal) for n in _NUMBER.findall(m.group()))
    if spans:
        phones = tuple(sorted(_NOT_DIGIT.sub("", rest[a:b]) for a, b in spans))
        rest = _cut(rest, spans)
    return _new_critical((tuple(sorted(numbers)), phones, emails, urls, rest))


def _new_critical(
    fields: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str],
) -> Critical:
    """``Critical(*fields)`` without the NamedTuple's Python ``__new__`` (one is built for every
    translation compared)."""
    return tuple.__new__(Critical, fields)


def date_parts(run: str) -> tuple[str, ...] | None:
    """The day, month and year of a full numeric date with dots or dashes ("05.12.2026",
    ISO 8601's "2026-12-05"), which the phone pattern takes for a phone number; None when
    ``run`` is not one."""
    if len(run) > 12 or (run.count(".") != 2 and run.count("-") != 2):
        return None  # most phone numbers: cheaper to count than to match
    match = _DATE_SHAPE.fullmatch(run) or _SHORT_YEAR_FIRST.fullmatch(run)
    if match is None:
        return None
    parts = tuple(p for p in match.groups() if p is not None and p[0].isdigit())
    numbers = [int(p) for p in parts]
    if match.re is _SHORT_YEAR_FIRST or match.group(5) is not None:  # the year first
        valid = 1 <= numbers[1] <= 12 and 1 <= numbers[2] <= 31
    else:
        valid = 1 <= min(numbers[0], numbers[1]) <= 12 and max(numbers[0], numbers[1]) <= 31
    return parts if valid else None


def _is_phone(text: str, start: int, end: int) -> bool:
    if text[start] == "+" and not text[start + 1 : start + 2].isdigit():
        return False
    after = text[end : end + 1]
    if after in (".", ",") and text[end + 1 : end + 2].isdigit():
        return False  # a decimal number
    return _apart(text[start - 1 : start], "_.,") and _apart(after, "_")


def _apart(char: str, joining: str) -> bool:
    """Does ``char`` (next to a phone number) leave the number a number of its own?"""
    if not char or not (char.isalnum() or char in joining):
        return True
    return char.isalpha() and not unicodedata.name(char, "").startswith(_ATTACHING)


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], " "]
        last = end
    return "".join(parts) + text[last:]


@lru_cache(maxsize=8192)
def normalize_number(token: str, decimal: str = ".") -> str:
    """``"1,000"`` → ``"1000"``; ``"2,5"`` → ``"2.5"``; ``decimal`` settles ``1,000`` vs ``1.000``."""
    token = to_ascii_digits(token)
    seps = [(i, ch) for i, ch in enumerate(token) if ch in _SEPARATORS]
    if not seps:
        return _canonical(token)
    last_i, last = seps[-1]
    tail = len(token) - last_i - 1
    kinds = {ch for _, ch in seps}
    if last in (ARABIC_DECIMAL, ARABIC_GROUP):
        is_decimal = last == ARABIC_DECIMAL
    elif len(kinds) > 1 or tail != 3:
        is_decimal = last in ".,\u066b" and (len(kinds) > 1 or tail != 3 or last == decimal)
    else:
        is_decimal = last == decimal and len(seps) == 1
    if is_decimal:
        whole = "".join(ch for ch in token[:last_i] if ch.isdigit())
        return _canonical(f"{whole}.{token[last_i + 1 :]}")
    return _canonical("".join(ch for ch in token if ch.isdigit()))


class Ambiguity(NamedTuple):
    token: str  # as written: "3,000"
    read_as: str  # what it means with the locale's decimal mark: "3"
    grouped: str  # what it means as a thousands group: "3000"


def ambiguous(text: str, decimal: str) -> tuple[Ambiguity, ...]:
    """Tokens of ``text`` with one separator, the locale's ``decimal`` mark or ٫ (the Arabic
    decimal separator), before exactly three digits (``3,000`` in Spanish, ``۱٫۵۰۰``): read as
    a decimal, though an English reader (and maybe the translator) meant a thousands group."""
    found = []
    for m in _NUMBER.finditer(to_ascii_digits(text)):  # a digit each way: the same positions
        token = m.group()
        seps = [ch for ch in token if ch in _SEPARATORS]
        if (
            len(seps) == 1
            and seps[0] in (decimal, ARABIC_DECIMAL)
            and len(token) - token.index(seps[0]) - 1 == 3
        ):
            grouped = _canonical("".join(ch for ch in token if ch.isdigit()))
            written = text[m.start() : m.end()]
            found.append(Ambiguity(written, normalize_number(token, decimal), grouped))
    return tuple(found)


def _canonical(number: str) -> str:
    try:
        value = Decimal(number)
    except InvalidOperation:
        return number
    text = format(value.normalize(), "f")
    return text
