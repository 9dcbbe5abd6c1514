"""Numbers 0-10 as words, per language: a number missing from a translation is accepted
when the translation spells it (``un año`` for "1 year"). Words never *require* a number.
"""

from __future__ import annotations

import re

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
