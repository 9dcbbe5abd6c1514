"""Published readability formulas as pure functions of counts.

Coefficients follow ``reference/readability-and-content-checks.md`` §2; where sources
disagree the reference's choice is used and noted below. Notation: W words, S sentences,
Syl syllables, ASL = W/S, ASW = Syl/W.

Flesch-type formulas share one shape, ``base − a·ASL − b·ASW``, and one coefficient table
(:data:`FLESCH_TYPE`), one row per language:

============================  =========  =====  =====  ======================================
formula                        base       a      b      note
============================  =========  =====  =====  ======================================
Flesch reading ease (en)       206.835    1.015  84.6   Flesch 1948
Fernández-Huerta (es)          206.84     1.02   60     "corrected" form, ASL not sentences
                                                        per 100 words (Law 2011; textstat and
                                                        legibilidad agree)
Szigriszt-Pazos / INFLESZ (es) 206.835    1      62.3   textstat uses 206.84
Kandel-Moles (fr)              207        1.015  73.6
Amstad (de)                    180        1      58.5
Flesch-Douma (nl)              206.84     0.93   77
Oborneva (ru)                  206.835    1.3    60.1   blog source only (reference §2)
Martins (pt, Brazil)           248.835    1.015  84.6   Martins et al. 1996
Flesch-Vacca 1986 (it)         217        1.3    60     0.6 × syllables per 100 words
============================  =========  =====  =====  ======================================

Grade formulas: Flesch-Kincaid ``0.39·ASL + 11.8·ASW − 15.59``; SMOG regression
``1.0430·√(poly × 30/S) + 3.1291`` (McLaughlin 1969, PMC5849699), plus McLaughlin's
hand procedure (nearest perfect square, ties to the lower one, + 3); Gunning fog
``0.4·(ASL + 100·complex/W)``; Coleman-Liau ``0.0588·L − 0.296·S − 15.8`` with L letters
and S sentences per 100 words (0.0588, not textstat's 0.058); ARI
``4.71·chars/W + 0.5·ASL − 21.43``; Wiener Sachtextformel, first variant (WSTF1,
Bamberger & Vanecek) ``0.1935·MS + 0.1672·SL + 0.1297·IW − 0.0327·ES − 0.875`` with MS %
words of 3+ syllables, SL = ASL, IW % words over 6 letters, ES % one-syllable words.

Letter formulas: Gulpease ``89 + (300·S − 10·letters)/W``; LIX ``W/S + 100·long/W`` (long:
more than 6 letters; Björnsson 1968); RIX ``long/S`` (Anderson 1983); Brouwer
``195 − (2/3)·syllables per 100 words − 2·ASL``.

Every function raises ``ValueError`` when a divisor count is zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class FleschCoefficients:
    base: float
    sentence_length: float  # weight of ASL, words per sentence
    word_length: float  # weight of ASW, syllables per word


FLESCH_READING_EASE = "Flesch reading ease"
FERNANDEZ_HUERTA = "Fernández-Huerta"
SZIGRISZT_PAZOS = "Szigriszt-Pazos"
INFLESZ = "INFLESZ"
KANDEL_MOLES = "Kandel-Moles"
AMSTAD = "Amstad"
FLESCH_DOUMA = "Flesch-Douma"
OBORNEVA = "Oborneva"
MARTINS = "Martins"
FLESCH_VACCA = "Flesch-Vacca (1986)"

FLESCH_TYPE: dict[str, FleschCoefficients] = {
    FLESCH_READING_EASE: FleschCoefficients(206.835, 1.015, 84.6),
    FERNANDEZ_HUERTA: FleschCoefficients(206.84, 1.02, 60.0),
    SZIGRISZT_PAZOS: FleschCoefficients(206.835, 1.0, 62.3),
    KANDEL_MOLES: FleschCoefficients(207.0, 1.015, 73.6),
    AMSTAD: FleschCoefficients(180.0, 1.0, 58.5),
    FLESCH_DOUMA: FleschCoefficients(206.84, 0.93, 77.0),
    OBORNEVA: FleschCoefficients(206.835, 1.3, 60.1),
    MARTINS: FleschCoefficients(248.835, 1.015, 84.6),
    FLESCH_VACCA: FleschCoefficients(217.0, 1.3, 60.0),
}


def _ratio(part: float, whole: float, what: str) -> float:
    if whole <= 0:
        raise ValueError(f"needs at least one {what}")
    return part / whole


def flesch_type(name: str, words: int, sentences: int, syllables: int) -> float:
    """``base − a·ASL − b·ASW`` with the coefficients of ``FLESCH_TYPE[name]``."""
    c = FLESCH_TYPE[name]
    asl = _ratio(words, sentences, "sentence")
    asw = _ratio(syllables, words, "word")
    return c.base - c.sentence_length * asl - c.word_length * asw


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    return flesch_type(FLESCH_READING_EASE, words, sentences, syllables)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    asl = _ratio(words, sentences, "sentence")
    return 0.39 * asl + 11.8 * _ratio(syllables, words, "word") - 15.59


def smog_grade(polysyllables: int, sentences: int) -> float:
    """SMOG regression form, the polysyllable count scaled to 30 sentences."""
    scaled = polysyllables * _ratio(30, sentences, "sentence")
    return 1.0430 * math.sqrt(scaled) + 3.1291


def smog_by_hand(polysyllables: int, sentences: int) -> int:
    """McLaughlin's procedure: root of the nearest perfect square (ties: lower) + 3."""
    scaled = polysyllables * _ratio(30, sentences, "sentence")
    lower = math.isqrt(math.floor(scaled))
    upper = lower + 1
    root = upper if upper * upper - scaled < scaled - lower * lower else lower
    return root + 3


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    asl = _ratio(words, sentences, "sentence")
    return 0.4 * (asl + 100 * _ratio(complex_words, words, "word"))


def coleman_liau(letters: int, words: int, sentences: int) -> float:
    per_100_letters = 100 * _ratio(letters, words, "word")
    per_100_sentences = 100 * _ratio(sentences, words, "word")
    return 0.0588 * per_100_letters - 0.296 * per_100_sentences - 15.8


def automated_readability_index(characters: int, words: int, sentences: int) -> float:
    asl = _ratio(words, sentences, "sentence")
    return 4.71 * _ratio(characters, words, "word") + 0.5 * asl - 21.43


def wiener_sachtextformel_1(
    words: int, sentences: int, polysyllables: int, long_words: int, monosyllables: int
) -> float:
    ms = 100 * _ratio(polysyllables, words, "word")
    sl = _ratio(words, sentences, "sentence")
    iw = 100 * _ratio(long_words, words, "word")
    es = 100 * _ratio(monosyllables, words, "word")
    return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875


def gulpease(letters: int, words: int, sentences: int) -> float:
    return 89 + _ratio(300 * sentences - 10 * letters, words, "word")


def lix(words: int, sentences: int, long_words: int) -> float:
    return _ratio(words, sentences, "sentence") + 100 * _ratio(long_words, words, "word")


def rix(long_words: int, sentences: int) -> float:
    return _ratio(long_words, sentences, "sentence")


def brouwer(words: int, sentences: int, syllables: int) -> float:
    per_100 = 100 * _ratio(syllables, words, "word")
    return 195 - (2 / 3) * per_100 - 2 * _ratio(words, sentences, "sentence")
