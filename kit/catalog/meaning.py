"""Does a source edit touch clinical meaning?

Similarity is the wrong question for medical text: "take 2 tablets" → "take 3 tablets" is 97 %
similar and means something else. This module compares the *critical tokens* of the old and
new source text: numbers (any script's digits, decimals, number words), units and durations,
negations, phone numbers, URLs, e-mail addresses and glossary terms. Any difference means the
old translation must be retranslated, never offered as a near miss.

Pure functions; the source language's word lists are data in this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"']+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().\-]{5,}\d(?!\w)")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)

NUMBER_WORDS = {
    "en": frozenset(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "million",
            "once",
            "twice",
            "thrice",
            "half",
            "double",
            "triple",
            "quarter",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "dozen",
        ]
    ),
}
NEGATIONS = {
    "en": frozenset(
        [
            "not",
            "no",
            "never",
            "none",
            "nothing",
            "nobody",
            "nor",
            "neither",
            "without",
            "cannot",
            "can't",
            "don't",
            "doesn't",
            "didn't",
            "won't",
            "wouldn't",
            "shouldn't",
            "mustn't",
            "isn't",
            "aren't",
            "wasn't",
            "weren't",
            "hasn't",
            "haven't",
            "hadn't",
            "couldn't",
            "avoid",
            "stop",
        ]
    ),
}
UNITS = frozenset(
    [
        "mg",
        "mcg",
        "µg",
        "μg",
        "g",
        "kg",
        "ml",
        "ml",
        "l",
        "dl",
        "mmol",
        "mol",
        "iu",
        "units",
        "unit",
        "%",
        "percent",
        "°c",
        "°f",
        "cm",
        "mm",
        "m",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "tablet",
        "tablets",
        "capsule",
        "capsules",
        "drop",
        "drops",
        "puff",
        "puffs",
        "teaspoon",
        "teaspoons",
        "tablespoon",
        "tablespoons",
        "dose",
        "doses",
        "times",
        "daily",
        "weekly",
        "monthly",
    ]
)


@dataclass(frozen=True)
class MeaningChange:
    """One way an edit touches meaning, e.g. ``MeaningChange("number", ("2",), ("3",))``."""

    category: str
    removed: tuple[str, ...]
    added: tuple[str, ...]

    def describe(self) -> str:
        """``number 2 → 3``, ``negation added: not``, ``unit removed: mg``."""
        old, new = ", ".join(self.removed), ", ".join(self.added)
        if old and new:
            return f"{self.category} {old} → {new}"
        return f"{self.category} added: {new}" if new else f"{self.category} removed: {old}"


def ascii_digits(text: str) -> str:
    """Digits of any script → ASCII (٣ → 3, ३ → 3)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def critical_tokens(
    text: str, lang: str = "en", terms: Iterable[str] = ()
) -> dict[str, Counter[str]]:
    """The tokens of each category in ``text``, normalized for comparison."""
    plain = ascii_digits(text)
    words = [w.lower().replace("’", "'") for w in _WORD.findall(plain)]
    lower = plain.lower()
    return {
        "number": Counter(_NUMBER.findall(plain))
        + Counter(w for w in words if w in NUMBER_WORDS.get(lang, ())),
        "unit": Counter(w for w in words if w in UNITS)
        + Counter("%" for _ in range(plain.count("%"))),
        "negation": Counter(w for w in words if w in NEGATIONS.get(lang, ()) or w.endswith("n't")),
        "phone number": Counter(re.sub(r"\D", "", p) for p in _PHONE.findall(plain)),
        "URL": Counter(u.rstrip(".,;:!?") for u in _URL.findall(plain)),
        "e-mail address": Counter(e.lower() for e in _EMAIL.findall(plain)),
        "glossary term": Counter(t for t in _terms(terms) for _ in range(_count_term(lower, t))),
    }


def _terms(terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({t.strip().lower() for t in terms if t.strip()}))


def _count_term(lower: str, term: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(term) + r"(?!\w)", lower))


def meaning_changes(
    old: str, new: str, lang: str = "en", terms: Iterable[str] = ()
) -> tuple[MeaningChange, ...]:
    """Every category whose critical tokens differ between ``old`` and ``new``."""
    terms = tuple(terms)
    before = critical_tokens(old, lang, terms)
    after = critical_tokens(new, lang, terms)
    changes = []
    for category, old_tokens in before.items():
        new_tokens = after[category]
        if old_tokens != new_tokens:
            removed = tuple(sorted((old_tokens - new_tokens).elements()))
            added = tuple(sorted((new_tokens - old_tokens).elements()))
            changes.append(MeaningChange(category, removed, added))
    return tuple(changes)


def is_trivial_change(old: str, new: str) -> bool:
    """True when the texts differ only in whitespace, punctuation or capitalization."""
    return _skeleton(old) == _skeleton(new)


def _skeleton(text: str) -> str:
    return "".join(
        ch.casefold()
        for ch in text
        if not (ch.isspace() or unicodedata.category(ch).startswith("P"))
    )
