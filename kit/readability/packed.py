"""Counts packed into one integer, so that adding them up is one ``sum`` in C.

Each field takes 64 bits of the integer. A chunk (a space-separated piece of a sentence) is
packed by ``kit.readability.counting``; a sentence's integer is its chunks' sum plus two
corrections; a text's counts are its sentences' sum, unpacked once into ``Counts``
(``unpacked``). A field is at most a few per character of text (``W``: 3 syllables) and a
text in memory has far fewer than 2**56 characters, so no sum carries from one field into
the next. ``tests/readability/test_words_scan.py`` holds the sums to counting each sentence
alone.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from kit.readability.model import Counts

# What one chunk (a space-separated piece of a sentence) adds to the sentence's counts, in
# this order: tokens, letters, syllables, monosyllables, polysyllables, complex words (as if
# no token were the sentence's first), long words, characters, han, kana, words of 2+
# letters, those in capitals, words and numbers. A sentence's packed counts are its chunks'
# sum, its first word's complex-word correction and, last, the sentence itself (0 or 1).
FIELDS = 13
CASED = 10  # the first field not in ``Counts``
_FIELD_BITS = 64
_FIELD_BYTES = _FIELD_BITS // 8
FIELD_MASK = (1 << _FIELD_BITS) - 1
_unpack_bytes = struct.Struct(f"<{FIELDS + 1}Q").unpack  # and the sentences
COMPLEX_SHIFT = _FIELD_BITS * 5
CASED_SHIFT = _FIELD_BITS * CASED
CAPITALS_SHIFT = _FIELD_BITS * (CASED + 1)
SPACED_SHIFT = _FIELD_BITS * (FIELDS - 1)
_SENTENCES_SHIFT = _FIELD_BITS * FIELDS
ONE_SENTENCE = 1 << _SENTENCES_SHIFT


def pack(fields: tuple[int, ...]) -> int:
    """The fields of a chunk as one integer, 64 bits each."""
    return sum(value << (_FIELD_BITS * index) for index, value in enumerate(fields))


def unpack(total: int) -> tuple[int, ...]:
    """``pack`` undone: the fields of a sum of packed chunks or sentences, then the
    sentences (0 for chunks)."""
    return _unpack_bytes(total.to_bytes((FIELDS + 1) * _FIELD_BYTES, "little"))


def unpacked(packed: int, known: bool, long_word_letters: int) -> Counts:
    """The ``Counts`` of a sentence's or a text's packed counts (``packed_sentences``, or a
    sum of them), built without the frozen dataclass's ``__init__`` (one ``object.__setattr__``
    per field; nothing in it checks a value); the syllable fields are None unless ``known``."""
    fields = unpack(packed)
    words, letters, syllables, mono, poly, complex_words, long_words, cjk, han, kana = fields[
        :CASED
    ]
    counts: Counts = object.__new__(Counts)
    counts.__dict__.update(
        {
            "sentences": fields[FIELDS],
            "words": words,
            "letters": letters,
            "syllables": syllables if known else None,
            "monosyllables": mono if known else None,
            "polysyllables": poly if known else None,
            "complex_words": complex_words if known else None,
            "long_words": long_words,
            "long_word_letters": long_word_letters,
            "characters": cjk,
            "han": han,
            "kana": kana,
        }
    )
    return counts


class SentenceCounts(NamedTuple):
    """A sentence's packed counts unpacked (``sentence_counts``), for scoring it alone: the
    fields of ``Counts`` a formula reads, in the packing order, then what only counting
    uses. The syllable fields are 0, not None, where syllables are not counted."""

    words: int
    letters: int
    syllables: int
    monosyllables: int
    polysyllables: int
    complex_words: int
    long_words: int
    characters: int
    han: int
    kana: int
    cased: int
    capitals: int
    spaced: int
    sentences: int


def sentence_counts(packed: int) -> SentenceCounts:
    """The fields of a sentence's packed counts (``packed_sentences``), as a tuple."""
    return SentenceCounts._make(unpack(packed))


def packed_counts(counts: Counts) -> int:
    """``Counts`` of one sentence packed as ``packed_sentences`` packs them."""
    fields = (
        *(counts.words, counts.letters, counts.syllables or 0, counts.monosyllables or 0),
        *(counts.polysyllables or 0, counts.complex_words or 0, counts.long_words),
        *(counts.characters, counts.han, counts.kana),
    )
    return pack(fields) + (counts.sentences << _SENTENCES_SHIFT)
