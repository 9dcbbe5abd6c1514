"""Numbers and contacts of a text, normalized so a source and its translation compare equal
when they say the same thing.

- Digits of any script become ASCII (``٣`` → 3, ``３`` → 3).
- Decimal and group separators follow the locale: in Spanish ``2,5`` is two and a half and
  ``1.000`` a thousand, as ``2.5`` and ``1,000`` are in English. A separator followed by
  other than three digits can only be a decimal separator, in any locale, so ``2.5`` in a
  Spanish translation also equals ``2.5`` in English; ``1,000`` copied unchanged into a
  Spanish translation reads as *one* and is reported.
- Phone numbers, e-mail addresses and URLs are taken out first and compared on their own
  (phones by their digits), so their digits are not also counted as numbers.
- A number missing from the translation is accepted when the translation spells it as a
  word (0-10, per language: ``un año`` for "1 year"). Words never *require* a number.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from babel.numbers import get_decimal_symbol

_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number: + or a digit, then 6+ digits, spaces, dots, dashes or brackets, ending in a
# digit, not inside a word or a decimal number. The start is a character class (no
# lookbehind) so the regex engine can skip ahead; the rest is checked in ``_phones``.
_PHONE = re.compile(r"[+\d][\d\s().\-\u00a0]{5,}\d(?!\w)")
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c\u00a0\u202f\u2009']\d+)*")
_PHONE_OR_NUMBER = re.compile(f"(?P<phone>{_PHONE.pattern})|(?P<number>{_NUMBER.pattern})")
_SEPARATORS = ".,\u066b\u066c\u00a0\u202f\u2009'"

# Number words 0-10 per language. Several words per number cover gender, counting forms and
# Sino-/native Korean numerals.
_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "es": (
        "cero",
        "uno una un",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
        "diez",
    ),
    "fr": (
        "zéro",
        "un une",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
    ),
    "pt": (
        "zero",
        "um uma",
        "dois duas",
        "três",
        "quatro",
        "cinco",
        "seis",
        "sete",
        "oito",
        "nove",
        "dez",
    ),
    "it": (
        "zero",
        "uno una un",
        "due",
        "tre",
        "quattro",
        "cinque",
        "sei",
        "sette",
        "otto",
        "nove",
        "dieci",
    ),
    "de": (
        "null",
        "eins ein eine einen einem einer",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
    ),
    "ru": (
        "ноль",
        "один одна одно одного одной",
        "два две двух",
        "три трёх трех",
        "четыре четырёх",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
    ),
    "ar": (
        "صفر",
        "واحد واحدة",
        "اثنان اثنين اثنتان",
        "ثلاثة ثلاث",
        "أربعة أربع",
        "خمسة خمس",
        "ستة ست",
        "سبعة سبع",
        "ثمانية ثماني",
        "تسعة تسع",
        "عشرة عشر",
    ),
    "vi": ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"),
    "tl": (
        "wala",
        "isa",
        "dalawa",
        "tatlo",
        "apat",
        "lima",
        "anim",
        "pito",
        "walo",
        "siyam",
        "sampu",
    ),
    "zh": ("零〇", "一", "二两兩", "三", "四", "五", "六", "七", "八", "九", "十"),
    "ja": ("零〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"),
    "ko": (
        "영 공",
        "일 한 하나",
        "이 두 둘",
        "삼 세 셋",
        "사 네 넷",
        "오 다섯",
        "육 여섯",
        "칠 일곱",
        "팔 여덟",
        "구 아홉",
        "십 열",
    ),
}
_UNSPACED = frozenset({"zh", "ja", "ko"})  # words are matched as substrings


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


_DIGIT = re.compile(r"\d")


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def to_ascii_digits(text: str) -> str:
    """Digits of any script → ASCII (``٣`` → 3, ``３`` → 3)."""
    if text.isascii() or _OTHER_DIGIT.search(text) is None:
        return text
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), text)


@lru_cache(maxsize=65536)
def critical(text: str, locale: str = "en") -> Critical:
    """Numbers, phones, e-mails and URLs of ``text`` written in ``locale``. Cached: a source
    text is compared in every locale."""
    plain = to_ascii_digits(text)
    if (
        _DIGIT.search(plain) is None
        and "@" not in plain
        and "://" not in plain
        and "www." not in plain
    ):
        return Critical((), (), (), (), plain)
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
    decimal = decimal_symbol(locale)
    numbers: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _PHONE_OR_NUMBER.finditer(rest):
        if m.lastgroup == "number":
            numbers.append(normalize_number(m.group(), decimal))
        elif _is_phone(rest, m.start()):
            spans.append(m.span())
        else:  # digits glued to a word or a decimal: its numbers, not a phone
            numbers.extend(normalize_number(n, decimal) for n in _NUMBER.findall(m.group()))
    if spans:
        phones = tuple(sorted(re.sub(r"\D", "", rest[a:b]) for a, b in spans))
        rest = _cut(rest, spans)
    return Critical(tuple(sorted(numbers)), phones, emails, urls, rest)


def _is_phone(text: str, start: int) -> bool:
    if text[start] == "+" and not text[start + 1 : start + 2].isdigit():
        return False
    return not (start and (text[start - 1].isalnum() or text[start - 1] in "_.,"))


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
    if len(kinds) > 1 or tail != 3:
        is_decimal = last in ".,\u066b" and (len(kinds) > 1 or tail != 3 or last == decimal)
    else:
        is_decimal = last == decimal and len(seps) == 1
    if is_decimal:
        whole = "".join(ch for ch in token[:last_i] if ch.isdigit())
        return _canonical(f"{whole}.{token[last_i + 1 :]}")
    return _canonical("".join(ch for ch in token if ch.isdigit()))


def _canonical(number: str) -> str:
    try:
        value = Decimal(number)
    except InvalidOperation:
        return number
    text = format(value.normalize(), "f")
    return text


def number_words(language: str) -> dict[str, tuple[str, ...]]:
    """``{"1": ("uno", "una", "un"), ...}`` for a language, empty when unknown."""
    table = _WORDS.get(language, ())
    if language in _UNSPACED and language != "ko":
        return {str(n): tuple(words) for n, words in enumerate(table)}
    return {str(n): tuple(words.split()) for n, words in enumerate(table)}


def spelled(number: str, text: str, language: str) -> bool:
    """Does ``text`` spell ``number`` (0-10) as a word of ``language``?"""
    words = number_words(language).get(number, ())
    if not words:
        return False
    if language in _UNSPACED:
        return any(w in text for w in words)
    lowered = text.lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", lowered) for w in words)
