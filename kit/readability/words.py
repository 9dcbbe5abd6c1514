"""Word tokenization by script.

The tokenizer decides by the script of each character, not by the locale, so a Latin drug
name inside Chinese text is still one word:

- **Space-separated scripts** (Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari and the
  other Indic scripts, Hangul, Ethiopic, ...): a word is a run of letters, digits and
  combining marks, with at least one letter or digit. Apostrophes and hyphens inside a word keep it whole (``don't``,
  ``follow-up``, ``l'hôpital`` are one word each; SMOG counts hyphenated words as one), as
  do ZWJ/ZWNJ (Persian, Indic) and a period between two letters (``U.S``, ``e.g``). A token
  made of digits with ``. , : /`` between them is a number (``2.5``, ``2,5``, ``1,000``,
  ``8:30``); numbers count as words.
- **Chinese and Japanese** (Han, hiragana, katakana): every character is one unit
  (``kind="char"``); there is no word segmentation.
- **Thai, Lao, Khmer, Myanmar, Tibetan** (no spaces between words): a space-delimited run is
  one ``kind="run"`` token, and its letters are counted as characters; such a run is a
  phrase, not a word. Thai and Lao are reported as not measured (see ``languages.py``);
  Khmer and Myanmar are measured in characters per sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

TokenKind = Literal["word", "number", "char", "run"]

_INNER_JOINERS = frozenset("'\u2019\u02bc-\u2010\u2011\u00ad\u200c\u200d\u00b7")
_NUMBER_JOINERS = frozenset(".,:/")
_UNSEGMENTED = ((0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF))
_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))
_HAN = (
    (0x3005, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)

CharClass = Literal["han", "kana", "unsegmented", "letter", "digit", "mark", "other"]


@dataclass(frozen=True)
class Token:
    text: str
    kind: TokenKind
    start: int


def _in(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(low <= code <= high for low, high in ranges)


@cache
def char_class(char: str) -> CharClass:
    code = ord(char)
    if _in(_HAN, code):
        return "han"
    if _in(_KANA, code) and unicodedata.category(char) != "Po":
        return "kana"
    category = unicodedata.category(char)
    if _in(_UNSEGMENTED, code) and category[0] == "L":
        return "unsegmented"
    if category[0] == "L":
        return "letter"
    if category[0] == "N":
        return "digit"
    if category[0] == "M":
        return "mark"
    return "other"


def is_letter(char: str) -> bool:
    """A letter or digit that counts towards a word's length (marks do not)."""
    return char_class(char) in ("letter", "digit", "han", "kana", "unsegmented")


class Scanned(NamedTuple):
    """A token as ``kit.readability.counting`` needs it: ``letters`` counts its letters and
    digits (``letter_count``), ``alphas`` its letters alone (``str.isalpha``)."""

    text: str
    kind: TokenKind
    start: int
    letters: int
    alphas: int


class _Codes(dict[int, str]):
    """Code point → one letter naming what the tokenizer needs to know of the character
    (``str.translate`` table, filled on first use): H han, K kana, U unsegmented, L letter,
    D digit (``isdigit``), N other number, M mark; among the rest I an inner joiner, P the
    period, J another number joiner (, : /), O anything else."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        cls = char_class(char)
        if cls in _CLASS_CODES:
            value = _CLASS_CODES[cls]
        elif cls == "digit":
            value = "D" if char.isdigit() else "N"
        elif char in _INNER_JOINERS:
            value = "I"
        else:
            value = "P" if char == "." else "J" if char in _NUMBER_JOINERS else "O"
        self[code] = value
        return value


class _Blanks(dict[int, str]):
    """``str.translate`` table: a letter or a digit (code L or D) stays, any other character
    becomes a space, so ``text.translate(BLANKS).split()`` are the runs of letters and digits."""

    def __missing__(self, code: int) -> str:
        value = chr(code) if _CODES[code] in ("L", "D") else " "
        self[code] = value
        return value


_CLASS_CODES = {"han": "H", "kana": "K", "unsegmented": "U", "letter": "L", "mark": "M"}
_CODES = _Codes()
CODES: dict[int, str] = _CODES  # code point -> its code letter (a translate table)
BLANKS: dict[int, str] = _Blanks()
# A word: word characters (L D N M), with an inner joiner between two of them, a period
# between two letters, or a number joiner between two digits (``_joins``).
_TOKEN = re.compile(
    r"(?P<letters>L++(?![LDNM]|I[LDNM]|PL))"  # the usual word: letters only (a short path)
    r"|(?P<char>[HK])|(?P<run>U[UM]*)"
    r"|(?P<word>[LDNM](?:[LDNM]|I(?=[LDNM])|(?<=L)P(?=L)|(?<=D)[PJ](?=D))*)"
)
_NUMBER = re.compile(r"D[DPJ]*")
_new = tuple.__new__  # builds a Scanned without a Python-level __new__ call


def scan(text: str, codes: str | None = None) -> list[Scanned]:
    """The tokens of ``text`` with their letter counts: one regular expression over the text
    translated to character codes (``codes``, when the caller has them), so no Python code
    runs per character."""
    codes = text.translate(CODES) if codes is None else codes
    tokens: list[Scanned] = []
    add = tokens.append
    for m in _TOKEN.finditer(codes):
        start, end = m.span()
        kind = m.lastgroup
        if kind == "letters":
            add(_new(Scanned, (text[start:end], "word", start, end - start, end - start)))
        elif kind == "char":
            add(_new(Scanned, (text[start], "char", start, 1, 0)))
        elif kind == "run":
            add(_new(Scanned, (text[start:end], "run", start, codes.count("U", start, end), 0)))
        else:
            alphas = codes.count("L", start, end)
            letters = alphas + codes.count("D", start, end) + codes.count("N", start, end)
            if letters:  # a stray combining mark is not a word
                number = _NUMBER.fullmatch(codes, start, end) is not None
                word = text[start:end]
                kind = "number" if number else "word"
                add(_new(Scanned, (word, kind, start, letters, alphas)))
    return tokens


def tokenize(text: str) -> tuple[Token, ...]:
    return tuple(Token(t.text, t.kind, t.start) for t in scan(text))


def letter_count(token: str) -> int:
    return sum(1 for char in token if is_letter(char))


def split_compound(word: str) -> list[str]:
    """The parts of a word joined by hyphens (for syllable counting)."""
    parts = [word]
    for hyphen in "-\u2010\u2011":
        parts = [piece for part in parts for piece in part.split(hyphen)]
    return [part for part in parts if part]
