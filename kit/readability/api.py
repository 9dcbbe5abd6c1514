"""``measure()``: text blocks in one language → ``Readability``."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from kit.readability.counting import packed_sentences
from kit.readability.languages import NOT_MEASURED, base_language, long_word_letters
from kit.readability.model import Counts, Readability, Score, SentenceScore
from kit.readability.packed import sentence_counts, unpacked
from kit.readability.proxies import proxy_scales
from kit.readability.scales import LANGUAGE_SCALES, SMOG, Scale, applicable, score
from kit.readability.sentences import Span, sentence_spans
from kit.readability.syllables import syllable_counter

HARDEST = 5
SAMPLE_SENTENCES = 30
SAMPLE_WORDS = 300


def scales_for(lang: str) -> tuple[Scale, ...]:
    """The formulas (or proxies) used for a locale; the first is the primary."""
    language = base_language(lang)
    if language in NOT_MEASURED:
        return ()
    return LANGUAGE_SCALES.get(language) or proxy_scales(language, long_word_letters(language))


def measure(blocks: Sequence[str], lang: str, *, hardest: int = HARDEST) -> Readability:
    """Measure the reading level of plain-text blocks written in locale ``lang``.

    Each block (paragraph, list item, heading, table cell) ends a sentence. Returns every
    applicable score, the primary one, and the ``hardest`` hardest sentences scored alone.
    """
    if isinstance(blocks, str):
        raise TypeError("measure() takes a sequence of text blocks, not one string")
    language = base_language(lang)
    letters = long_word_letters(language)
    counter = syllable_counter(language)
    sentences = sentence_spans(blocks, language)
    per_sentence = packed_sentences([s[3] for s in sentences], language, counter, letters)
    counts = unpacked(sum(per_sentence), counter is not None, letters)  # one sum in C
    if language in NOT_MEASURED:
        note = f"not measured for {lang}: {NOT_MEASURED[language]}"
        return Readability(lang, language, counts, (), None, (), (note,))
    if counts.words == 0:
        note = f"not measured for {lang}: no words"
        return Readability(lang, language, counts, (), None, (), (note,))
    scales = scales_for(language)
    scores = tuple(score(scale, counts) for scale in scales if applicable(scale, counts))
    worst = _hardest(scales[0], sentences, per_sentence, hardest)
    return Readability(lang, language, counts, scores, scores[0], worst, _notes(counts, scores))


def _hardest(
    scale: Scale, sentences: Sequence[Span], packed: Sequence[int], limit: int
) -> tuple[SentenceScore, ...]:
    """The ``limit`` hardest sentences with words, each scored alone."""
    rows = map(sentence_counts, packed)
    scored = [
        (scale.compute(c), s, c.words) for s, c in zip(sentences, rows, strict=True) if c.words
    ]
    sign = 1 if scale.higher_is_easier else -1
    keys = [(sign * value, i) for i, (value, _, _) in enumerate(scored)]
    ranked = [i for _, i in heapq.nsmallest(limit, keys)]  # ``sorted(keys)[:limit]``
    return tuple(
        SentenceScore(text, block, start, end, words, scale.name, value)
        for value, (block, start, end, text), words in (scored[i] for i in ranked)
    )


def _notes(counts: Counts, scores: tuple[Score, ...]) -> tuple[str, ...]:
    notes = []
    if counts.sentences < SAMPLE_SENTENCES and counts.words < SAMPLE_WORDS:
        notes.append(
            f"short text ({counts.words} words, {counts.sentences} sentences): the formulas "
            f"were validated on {SAMPLE_SENTENCES} sentences or {SAMPLE_WORDS} words; "
            "read the score as rough"
        )
    if any(s.formula == SMOG for s in scores) and counts.sentences < SAMPLE_SENTENCES:
        notes.append(
            f"SMOG: {counts.sentences} sentences, polysyllables scaled to "
            f"{SAMPLE_SENTENCES} (McLaughlin's procedure needs {SAMPLE_SENTENCES})"
        )
    return tuple(notes)
