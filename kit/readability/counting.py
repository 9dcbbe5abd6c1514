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
from collections.abc import Iterable
from dataclasses import dataclass

from kit.readability.model import Counts
from kit.readability.packed import (
    CAPITALS_SHIFT,
    CASED_SHIFT,
    COMPLEX_SHIFT,
    FIELD_MASK,
    ONE_SENTENCE,
    SPACED_SHIFT,
    pack,
    packed_counts,
    unpacked,
)
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
    """Count one sentence (``count_sentences``)."""
    return count_sentences([text], language, counter, long_word_letters)[0]


def count_sentences(
    texts: Iterable[str], language: str, counter: Counter | None, long_word_letters: int = 6
) -> list[Counts]:
    """Count each sentence (``packed_sentences``, each unpacked into ``Counts``)."""
    known = counter is not None
    packed = packed_sentences(texts, language, counter, long_word_letters)
    return [unpacked(p, known, long_word_letters) for p in packed]


def packed_sentences(
    texts: Iterable[str], language: str, counter: Counter | None, long_word_letters: int = 6
) -> list[int]:
    """Each sentence's counts packed into one integer (``pack``; ``unpacked`` reads it), so
    that the counts of a whole text are one ``sum`` of its sentences' integers, in C.

    A sentence's counts are its space-separated chunks' counts added up: a token never spans
    a space (every space has character code O), and a text repeats its chunks, so each
    distinct chunk is tokenized and its syllables counted once (``_Chunks``). Only three
    rules look at the sentence as a whole: a list marker at its start (the rare sentences
    whose start looks like one go to ``count_tokens``), shouting (known once the chunks are
    added up: then ``count_tokens`` counts it again), and Gunning's capitalisation rule,
    which spares the sentence's first word (``_Chunks.first_complex``).
    ``tests/readability/test_words_scan.py`` holds it to ``count_tokens``."""
    table = _chunks(language, counter, long_word_letters)
    chunk_counts = table.__getitem__
    known = counter is not None
    packed: list[int] = []
    for text in texts:
        chunks = text.split()
        if not chunks or _MARKER.match(text):
            packed.append(packed_counts(count_tokens(text, language, counter, long_word_letters)))
            continue
        total = sum(map(chunk_counts, chunks))  # every field at once: ``pack``
        cased = total >> CASED_SHIFT & FIELD_MASK
        if cased >= 3 and (total >> CAPITALS_SHIFT & FIELD_MASK) * 2 > cased:  # shouted
            packed.append(packed_counts(count_tokens(text, language, counter, long_word_letters)))
            continue
        if known and total >> SPACED_SHIFT:
            total += table.first_complex(chunks) << COMPLEX_SHIFT
        if total & FIELD_MASK:  # a token: a sentence
            total += ONE_SENTENCE
        packed.append(total)
    return packed


def count_tokens(
    text: str, language: str, counter: Counter | None, long_word_letters: int = 6
) -> Counts:
    """``count_sentence`` from the sentence's own tokens (the specification it is held to)."""
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


_CHUNKS_PER_TABLE = 32768  # a few MB at most per language: then the table starts again
_MAX_TABLES = 16


class _Chunks(dict[str, int]):
    """Chunk → its packed counts (``pack``) for one language, syllable counter and
    long-word threshold, computed on first use from the chunk's tokens with
    ``count_tokens``'s rules. ``first`` holds what a chunk's first word adds to the complex
    words when it is the sentence's first word (only where that is not 0)."""

    def __init__(self, language: str, counter: Counter | None, long_word_letters: int) -> None:
        super().__init__()
        self.language = language
        self.counter = counter
        self.long_word_letters = long_word_letters
        self.first: dict[str, int] = {}

    def __missing__(self, chunk: str) -> int:
        if len(self) >= _CHUNKS_PER_TABLE:
            self.clear()
            self.first.clear()
        fields, first = self._facts(scan(chunk))
        if first:
            self.first[chunk] = first
        packed = self[chunk] = pack(fields)
        return packed

    def first_complex(self, chunks: list[str]) -> int:
        """What the sentence's first word adds to its complex words: that word is in the
        first chunk that holds a word or a number."""
        for chunk in chunks:
            if self[chunk] >> SPACED_SHIFT:
                return self.first.get(chunk, 0)
        return 0

    def _facts(self, tokens: list[Scanned]) -> tuple[tuple[int, ...], int]:
        """The chunk's fields, and what its first word adds if it starts the sentence."""
        spaced = [t for t in tokens if t.kind in ("word", "number")]
        cjk = [t for t in tokens if t.kind == "char"]
        han = sum(1 for t in cjk if char_class(t.text) == "han")
        characters = len(cjk) + sum(t.letters for t in tokens if t.kind == "run")
        cased = [t.text for t in spaced if t.alphas >= 2]
        capitals = sum(1 for word in cased if word.isupper())
        long_words = sum(1 for t in spaced if t.letters > self.long_word_letters)
        syllables, mono, poly, complex_words, first_complex = self._syllables(spaced)
        letters = sum(t.letters for t in spaced) + characters
        fields = (
            *(len(tokens), letters, syllables, mono, poly, complex_words, long_words),
            *(characters, han, len(cjk) - han, len(cased), capitals, len(spaced)),
        )
        return fields, first_complex

    def _syllables(self, spaced: list[Scanned]) -> tuple[int, int, int, int, int]:
        """Syllables, monosyllables, polysyllables and complex words of a chunk's words and
        numbers, and what its first word adds to the complex words if it starts a sentence."""
        counter = self.counter
        syllables = mono = poly = complex_words = first_complex = 0
        if counter is None:
            return 0, 0, 0, 0, 0
        for position, token in enumerate(spaced):
            count = counter(token.text)
            syllables += count
            mono += count == 1
            poly += count >= 3
            later = _is_complex(token, count, 1, self.language, counter)
            complex_words += later
            if position == 0:
                first_complex = _is_complex(token, count, 0, self.language, counter) - later
        return syllables, mono, poly, complex_words, first_complex


_CHUNK_TABLES: dict[tuple[str, Counter | None, int], _Chunks] = {}


def _chunks(language: str, counter: Counter | None, long_word_letters: int) -> _Chunks:
    """The chunk table of a language and counter (a counter is pure, so its results may be
    remembered for as long as it lives: the key holds it)."""
    key = (language, counter, long_word_letters)
    table = _CHUNK_TABLES.get(key)
    if table is None:
        if len(_CHUNK_TABLES) >= _MAX_TABLES:
            _CHUNK_TABLES.clear()
        table = _CHUNK_TABLES[key] = _Chunks(language, counter, long_word_letters)
    return table


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
