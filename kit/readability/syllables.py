"""Syllable counting per language: exceptions first, then rules, then pyphen.

For every word:

1. an exact-case entry in ``data/syllables-<lang>.txt`` wins (acronyms said as words:
   ``AIDS 1``, ``NICU 2``);
2. hyphenated compounds are counted part by part; digits and letters inside a token are
   counted apart (``COVID-19``, ``B12``);
3. a number counts one syllable per digit run plus one per separator (``9`` → 1, ``2.5``
   "two point five" → 3, ``8:30`` → 3, but ``2024`` → 1): a rough reading-aloud estimate;
4. an all-capital word of 2-4 letters is an acronym read letter by letter (``MRI`` → 3; in
   English ``W`` → 3), unless the caller lower-cased a shouted sentence;
5. the folded word is looked up in ``data/syllables-<lang>.txt`` (``word<TAB>count``);
6. a language rule counts the rest: English ``syllables_en``; Spanish, Italian, Portuguese,
   French, German, Dutch, Russian, Ukrainian, Belarusian, Bulgarian and Korean
   ``syllables_rules``; Vietnamese: one syllable per space-separated token;
7. any other language with a pyphen dictionary (ca, cs, da, el, fi... see
   ``pyphen.LANGUAGES``) uses its hyphenation points, corrected for the edge rule: a
   piece holding two vowel groups (``idé``) counts two.

Languages with none of these (Chinese, Japanese, Arabic, Hebrew, Hindi, Farsi, Tagalog...)
have no syllable counter: :func:`syllable_counter` returns ``None`` and the counts carry
``syllables=None``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache, partial

import pyphen

from kit.readability._data import fold, syllable_exceptions
from kit.readability.languages import base_language
from kit.readability.syllables_en import count_english
from kit.readability.syllables_rules import (
    CYRILLIC_VOWELS,
    count_cyrillic,
    count_dutch,
    count_french,
    count_german,
    count_italian,
    count_korean,
    count_portuguese,
    count_spanish,
)
from kit.readability.words import split_compound

Counter = Callable[[str], int]

_RULES: dict[str, Counter] = {
    "es": count_spanish,
    "it": count_italian,
    "pt": count_portuguese,
    "fr": count_french,
    "de": count_german,
    "nl": count_dutch,
    "ko": count_korean,
    "vi": lambda word: 1,
    **{lang: partial(count_cyrillic, vowels=vowels) for lang, vowels in CYRILLIC_VOWELS.items()},
}
_PYPHEN_NAMES = {"no": "nb"}
_RUNS = re.compile(r"\d(?:[\d.,:/]*\d)?|\D+")
_GENERIC_VOWELS = frozenset("aeiouyæøåœаеёиоуыэюяєіїөүұәαεηιουω")


def _is_vowel(char: str) -> bool:
    return unicodedata.normalize("NFD", char)[0].lower() in _GENERIC_VOWELS


def _vowel_groups(text: str) -> int:
    groups, previous = 0, False
    for char in text:
        vowel = _is_vowel(char)
        groups += vowel and not previous
        previous = vowel
    return groups


def _pyphen_rule(language: str) -> Counter | None:
    name = pyphen.language_fallback(_PYPHEN_NAMES.get(language, language))
    if name is None:
        return None
    dictionary = pyphen.Pyphen(lang=name)

    def count(word: str) -> int:
        cuts = [0, *dictionary.positions(word), len(word)]
        pieces = [word[a:b] for a, b in itertools.pairwise(cuts)]
        return sum(max(1, _vowel_groups(piece)) for piece in pieces)

    return count


@cache
def syllable_counter(lang: str) -> Counter | None:
    """A function ``word -> syllables`` for a locale, or ``None`` when there is none."""
    language = base_language(lang)
    if language == "en":
        table = syllable_exceptions("en")
        rule: Counter | None = partial(count_english, lookup=table.get)
    else:
        rule = _RULES.get(language) or _pyphen_rule(language)
    if rule is None:
        return None
    # Counting is pure, and a text repeats its words: remember the recent ones.
    return lru_cache(maxsize=65536)(partial(_count_word, language=language, rule=rule))


def count_syllables(word: str, lang: str) -> int:
    """Syllables of one word; raises ``ValueError`` for a language with no counter."""
    counter = syllable_counter(lang)
    if counter is None:
        raise ValueError(f"no syllable counter for {lang!r}")
    return counter(word)


def _count_word(word: str, *, language: str, rule: Counter) -> int:
    word = unicodedata.normalize("NFC", word)
    exact = syllable_exceptions(language).get(word)
    if exact is not None:
        return exact
    parts = split_compound(word)
    if len(parts) > 1:
        return sum(_count_word(part, language=language, rule=rule) for part in parts)
    return max(1, sum(_count_run(run, language, rule) for run in _RUNS.findall(word)))


def _count_run(run: str, language: str, rule: Counter) -> int:
    if run[0].isdigit():
        return len(re.findall(r"\d+", run)) + sum(1 for char in run if not char.isdigit())
    letters = re.sub(r"['\u2019\u02bc]s$", "", run) if language == "en" else run
    letters = "".join(c for c in letters if c.isalpha() or unicodedata.category(c)[0] == "M")
    if not letters:
        return 0
    if 2 <= len(letters) <= 4 and letters.isupper():
        return sum(3 if char == "W" and language == "en" else 1 for char in letters)
    folded = fold(letters)
    known = syllable_exceptions(language).get(folded)
    return known if known is not None else rule(folded)
