"""Count one sentence: words, letters, syllables, long words, characters.

Rules beyond the tokenizer's (see ``words.py``):

- a list marker at the start of a sentence (``1.``, ``a)``) is not a word;
- in a "shouted" sentence (most words of two or more letters in capitals) capitals are not
  read as acronyms;
- a sentence counts only if it has at least one word.
- Gunning's complex words: 3+ syllables, not capitalised (proper nouns) unless first in the
  sentence, not hyphenated, and in English still 3+ syllables without ``-es -ed -ing``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from kit.readability.model import Counts
from kit.readability.syllables import Counter
from kit.readability.words import BLANKS, CODES, Scanned, char_class, scan

_MARKER = re.compile(r"\s*(?:\d{1,3}|[^\W\d_])[.)]\s")
# In character codes (``kit.readability.words``): a character that is not a letter, digit,
# Han or kana but belongs to a token, or a joiner inside a word ("don't", "U.S", "2.5").
_NOT_LETTERS_ONLY = re.compile(r"[UNM]|[LD]I[LD]|LPL|D[PJ]D")
_TOKEN_STARTS = ("L", "D", "H", "K")  # in such a text, where a token can start
_FOG_SUFFIXES = ("es", "ed", "ing")


@dataclass(frozen=True)
class _Tally:
    syllables: int
    long_words: int
    monosyllables: int
    polysyllables: int
    complex_words: int


def count_sentence(
    text: str, language: str, counter: Counter | None, long_word_letters: int = 6
) -> Counts:
    codes = text.translate(CODES)
    if _NOT_LETTERS_ONLY.search(codes) is None:  # letters and ideographs only: the usual case
        return _count_letters_only(text, codes, language, counter, long_word_letters)
    tokens = scan(text, codes)
    if len(tokens) > 1 and tokens[0].start == 0 and _MARKER.match(text):
        tokens = tokens[1:]
    spaced = [t for t in tokens if t.kind in ("word", "number")]
    shouted = _shouted(spaced)
    tally = _tally(spaced, language, counter, long_word_letters, shouted)
    cjk = [t for t in tokens if t.kind == "char"]
    run_letters = sum(t.letters for t in tokens if t.kind == "run")
    words = len(tokens)
    known = counter is not None
    return _counts(
        sentences=1 if words else 0,
        words=words,
        letters=sum(t.letters for t in spaced) + len(cjk) + run_letters,
        syllables=tally.syllables if known else None,
        monosyllables=tally.monosyllables if known else None,
        polysyllables=tally.polysyllables if known else None,
        complex_words=tally.complex_words if known else None,
        long_words=tally.long_words,
        long_word_letters=long_word_letters,
        characters=len(cjk) + run_letters,
        han=sum(1 for t in cjk if char_class(t.text) == "han"),
        kana=sum(1 for t in cjk if char_class(t.text) == "kana"),
    )


def _count_letters_only(
    text: str, codes: str, language: str, counter: Counter | None, long_word_letters: int
) -> Counts:
    """``count_sentence`` of a text whose tokens are all runs of letters and digits or single
    Han and kana characters (no mark, no joined word such as "2.5" or "don't"): the words are
    the text's letters and digits split at everything else, the characters are counted, and
    no token is built. ``tests/readability/test_words_scan.py`` holds it to the reference."""
    words = text.translate(BLANKS).split()
    han, kana = codes.count("H"), codes.count("K")
    first = codes[:1]
    if len(words) + han + kana > 1 and first in _TOKEN_STARTS and _MARKER.match(text):
        if first in ("L", "D"):  # a list marker ("a.", "1.") is not a word
            words = words[1:]
        elif first == "H":
            han -= 1
        else:
            kana -= 1
    cased = [word for word in words if _alphas(word) >= 2]
    shouted = len(cased) >= 3 and sum(1 for word in cased if word.isupper()) * 2 > len(cased)
    long_words = sum(1 for word in words if len(word) > long_word_letters)
    syllables = mono = poly = complex_words = 0
    if counter is not None:
        for index, word in enumerate(words):
            count = counter(word.lower() if shouted else word)
            syllables += count
            mono += count == 1
            if count >= 3:
                poly += 1
                if not (index > 0 and word[:1].isupper()) and not word.isdigit():
                    complex_words += _complex_letters(word, language, counter)
    known = counter is not None
    cjk = han + kana
    return _counts(
        sentences=1 if words or cjk else 0,
        words=len(words) + cjk,
        letters=sum(map(len, words)) + cjk,
        syllables=syllables if known else None,
        monosyllables=mono if known else None,
        polysyllables=poly if known else None,
        complex_words=complex_words if known else None,
        long_words=long_words,
        long_word_letters=long_word_letters,
        characters=cjk,
        han=han,
        kana=kana,
    )


_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Counts)}


def _counts(**values: int | None) -> Counts:
    """``Counts(**values)`` at a fraction of the cost (a frozen dataclass's ``__init__`` sets
    each field through ``object.__setattr__``; nothing in it checks or derives a value)."""
    counts: Counts = object.__new__(Counts)
    counts.__dict__.update(_DEFAULTS, **values)
    return counts


def _alphas(word: str) -> int:
    """The letters of a run of letters and digits (``Scanned.alphas``)."""
    return len(word) if word.isalpha() else sum(1 for char in word if not char.isdigit())


def _complex_letters(word: str, language: str, counter: Counter) -> bool:
    """``_is_complex`` of a word (not a number) of 3+ syllables made of letters and digits
    only, not capitalised."""
    if language == "en":
        for suffix in _FOG_SUFFIXES:
            if word.lower().endswith(suffix) and len(word) > len(suffix) + 2:
                return counter(word[: -len(suffix)]) >= 3
    return True


def _shouted(tokens: list[Scanned]) -> bool:
    cased = [t.text for t in tokens if t.alphas >= 2]
    capitals = sum(1 for word in cased if word.isupper())
    return len(cased) >= 3 and capitals * 2 > len(cased)


def _tally(
    tokens: list[Scanned], language: str, counter: Counter | None, letters: int, shouted: bool
) -> _Tally:
    syllables = long_words = mono = poly = complex_words = 0
    for index, token in enumerate(tokens):
        long_words += token.letters > letters
        if counter is None:
            continue
        word = token.text.lower() if shouted else token.text
        count = counter(word)
        syllables += count
        mono += count == 1
        poly += count >= 3
        if count >= 3:
            complex_words += _is_complex(token, count, index, language, counter)
    return _Tally(syllables, long_words, mono, poly, complex_words)


def _is_complex(token: Scanned, count: int, index: int, language: str, counter: Counter) -> bool:
    word = token.text
    if count < 3 or token.kind == "number" or "-" in word:
        return False
    if index > 0 and word[:1].isupper():
        return False
    if language == "en":
        for suffix in _FOG_SUFFIXES:
            if word.lower().endswith(suffix) and len(word) > len(suffix) + 2:
                return counter(word[: -len(suffix)]) >= 3
    return True
