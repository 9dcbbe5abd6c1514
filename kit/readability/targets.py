"""Health-literacy targets per language (reference §4), to be overridden in ``kit.toml``.

=========  ========================================  =====================================
language   target (primary first)                    basis
=========  ========================================  =====================================
en         Flesch-Kincaid grade ≤ 8, ideal 6         NIH "below 8th grade"; AMA 6th grade
           SMOG ≤ 8                                  UNMH (SMOG ≤ 8 ≈ Fry 6)
           Flesch reading ease ≥ 70, ideal 80        reference §2 proposal
es         INFLESZ ≥ 55, ideal 65                    Barrio-Cantalejo 2008; Rev Calid Asist
           Fernández-Huerta ≥ 70                     reference §2 proposal
de         Wiener Sachtextformel 1 ≤ 7               reference §2 proposal
           Amstad ≥ 60                               reference §2 proposal
it         Gulpease ≥ 80                             reference §2 proposal
sv no da   LIX ≤ 40                                  reference §2 proposal
fr         Kandel-Moles ≥ 70, ideal 80; LIX ≤ 40     provisional: by analogy with English
nl ru pt   Flesch-Douma / Oborneva / Martins ≥ 70,   provisional: by analogy with English
           ideal 80                                  Flesch reading ease (same scale)
ja         ≤ 60 characters per sentence              provisional: §6 per-sentence warning
                                                     level applied to the mean
other      ≤ 20 words per sentence, ideal 15         provisional: plain-language guidance
word-                                                (§10.3: average 15-20 words), written
spaced                                               for English, not validated per language
zh vi      none                                      §6: "thresholds to be calibrated"
km my
=========  ========================================  =====================================

Thai, Lao, Tibetan and Dzongkha have no target because they are not measured.
"""

from __future__ import annotations

from kit.readability import formulas as f
from kit.readability import proxies as p
from kit.readability import scales as s
from kit.readability.languages import (
    CHARACTER_LANGUAGES,
    NOT_MEASURED,
    UNSEGMENTED_LANGUAGES,
    base_language,
)
from kit.readability.model import Score, Target

_ANALOGY = "by analogy with the English Flesch reading ease proposal (reference §2); unvalidated"
_LIX = Target(s.LIX, 40, "max", None, "reference §2 proposal (LIX ≤ 40)")

_TARGETS: dict[str, tuple[Target, ...]] = {
    "en": (
        Target(s.FLESCH_KINCAID, 8, "max", 6, "NIH: below grade 8; AMA: grade 6 (reference §4)"),
        Target(s.SMOG, 8, "max", None, "UNMH: SMOG ≤ 8 (reference §4)"),
        Target(f.FLESCH_READING_EASE, 70, "min", 80, "reference §2 proposal"),
    ),
    "es": (
        Target(f.INFLESZ, 55, "min", 65, "INFLESZ > 55 adequate (Barrio-Cantalejo 2008; §4)"),
        Target(f.FERNANDEZ_HUERTA, 70, "min", None, "reference §2 proposal"),
    ),
    "de": (
        Target(s.WSTF1, 7, "max", None, "reference §2 proposal"),
        Target(f.AMSTAD, 60, "min", None, "reference §2 proposal"),
    ),
    "it": (Target(s.GULPEASE, 80, "min", None, "reference §2 proposal"),),
    "fr": (
        Target(f.KANDEL_MOLES, 70, "min", 80, _ANALOGY, provisional=True),
        Target(s.LIX, 40, "max", None, "reference §2: LIX ≤ 40", provisional=True),
    ),
    "nl": (Target(f.FLESCH_DOUMA, 70, "min", 80, _ANALOGY, provisional=True),),
    "ru": (Target(f.OBORNEVA, 70, "min", 80, _ANALOGY, provisional=True),),
    "pt": (Target(f.MARTINS, 70, "min", 80, _ANALOGY, provisional=True),),
    "sv": (_LIX,),
    "no": (_LIX,),
    "nb": (_LIX,),
    "nn": (_LIX,),
    "da": (_LIX,),
    "ja": (
        Target(
            p.MEAN_SENTENCE_CHARACTERS,
            60,
            "max",
            None,
            "reference §6: sentences over 60 characters warn (Tateishi 1988, secondary)",
            provisional=True,
        ),
    ),
}
_NO_TARGET = CHARACTER_LANGUAGES | UNSEGMENTED_LANGUAGES | {"vi"} | set(NOT_MEASURED)
_WORDS_PER_SENTENCE = Target(
    p.MEAN_SENTENCE_WORDS,
    20,
    "max",
    15,
    "plain-language guidance, average 15-20 words (reference §10.3); not validated for this "
    "language",
    provisional=True,
)


def default_targets(lang: str) -> tuple[Target, ...]:
    """Every default target for a locale, the primary formula's first (may be empty)."""
    language = base_language(lang)
    if language in _TARGETS:
        return _TARGETS[language]
    if language in _NO_TARGET:
        return ()
    return (_WORDS_PER_SENTENCE,)


def default_target(lang: str) -> Target | None:
    """The target for the locale's primary score, or ``None`` where there is no basis."""
    targets = default_targets(lang)
    return targets[0] if targets else None


def passes(score: Score, target: Target) -> bool:
    """Whether a score meets a target (``ValueError`` if they name different formulas)."""
    if score.formula != target.formula:
        raise ValueError(f"target is for {target.formula!r}, score is {score.formula!r}")
    if target.direction == "max":
        return score.value <= target.limit
    return score.value >= target.limit


def meets_ideal(score: Score, target: Target) -> bool:
    """Whether a score reaches the target's ideal (its limit when there is no ideal)."""
    ideal = target.limit if target.ideal is None else target.ideal
    return passes(score, Target(target.formula, ideal, target.direction, None, target.basis))
