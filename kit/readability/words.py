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

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

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


def tokenize(text: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        cls = char_class(text[position])
        if cls in ("han", "kana"):
            tokens.append(Token(text[position], "char", position))
            position += 1
        elif cls == "unsegmented":
            end = _run_end(text, position)
            tokens.append(Token(text[position:end], "run", position))
            position = end
        elif cls in ("letter", "digit", "mark"):
            end = _word_end(text, position)
            word = text[position:end]
            if letter_count(word):  # a stray combining mark is not a word
                tokens.append(Token(word, _word_kind(word), position))
            position = end
        else:
            position += 1
    return tuple(tokens)


def _word_char(char: str) -> bool:
    return char_class(char) in ("letter", "digit", "mark")


def _run_end(text: str, position: int) -> int:
    while position < len(text) and char_class(text[position]) in ("unsegmented", "mark"):
        position += 1
    return position


def _word_end(text: str, position: int) -> int:
    end = position
    while end < len(text):
        char = text[end]
        if _word_char(char):
            end += 1
        elif end + 1 < len(text) and _joins(text[end - 1], char, text[end + 1]):
            end += 2
        else:
            break
    return end


def _joins(before: str, char: str, after: str) -> bool:
    if not (_word_char(before) and _word_char(after)):
        return False
    if char in _INNER_JOINERS:
        return True
    if char == "." and before.isalpha() and after.isalpha():
        return True
    return char in _NUMBER_JOINERS and before.isdigit() and after.isdigit()


def _word_kind(word: str) -> TokenKind:
    if word[0].isdigit() and all(c.isdigit() or c in _NUMBER_JOINERS for c in word):
        return "number"
    return "word"


def letter_count(token: str) -> int:
    return sum(1 for char in token if is_letter(char))


def split_compound(word: str) -> list[str]:
    """The parts of a word joined by hyphens (for syllable counting)."""
    parts = [word]
    for hyphen in "-\u2010\u2011":
        parts = [piece for part in parts for piece in part.split(hyphen)]
    return [part for part in parts if part]
