"""English syllables by rule (used after the exception table ``data/syllables-en.txt``).

Pyphen's English patterns are a hyphenation dictionary, not a syllabifier: ``leukemia``
comes out in one piece and ``medicine`` in one, so English uses rules of its own:

1. closed compounds with a silent-e head are split (``some|thing``, ``home|work``);
2. inflections and suffixes are split off and counted apart (``-s``, ``-es``, ``-ed``,
   ``-ing``, ``-ly``, ``-ful``, ``-ment``, ``-ness``, ``-less``...), and the stem is looked up
   in the exception table again, so ``leukemias`` inherits ``leukemia``;
3. the stem's vowel groups (``a e i o u y``; ``y`` before a vowel at the start is a
   consonant) are counted;
4. a final silent ``e`` is dropped (not ``-le`` after a consonant: ``table``);
5. vowel pairs that are two syllables (hiatus) add one: ``ia`` (not after ``c t s g``:
   ``special``), ``io`` (not in ``-tion -sion -cion -gion -xion -nion -lion``), ``iu``,
   ``eo`` (not after ``g c``: ``surgeon``), ``ua`` and ``ue`` inside a word (not after
   ``q g``), ``iet``, ``-ient -ience`` (not after ``c t``), word-final ``-ier``, word-final
   ``ea`` (``area``), ``crea`` (``create``), ``y`` between vowels (``beyond``), ``-ism``
   and ``-asm``, and ``re- pre- de- co-`` before a vowel in a short list (``reinduction``,
   ``coordinate``).

Measured accuracy on the held-out list ``tests/fixtures/readability/syllables-heldout-en.tsv``
is asserted in ``tests/readability/test_syllables.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_VOWEL_GROUP = re.compile(r"[aeiouy]+")

# (suffix, syllables it adds, shortest stem allowed)
_SUFFIXES: tuple[tuple[str, int, int], ...] = (
    ("fully", 2, 3),
    ("ness", 1, 3),
    ("less", 1, 3),
    ("ments", 1, 3),
    ("ment", 1, 3),
    ("ful", 1, 3),
    ("ships", 1, 3),
    ("ship", 1, 3),
    ("hood", 1, 3),
    ("ings", 1, 2),
    ("ing", 1, 2),
    ("ly", 1, 3),
)

_HIATUS = (
    re.compile(r"(?<![ctsg])ia"),
    re.compile(r"(?<![tscgx])io(?!n)"),
    re.compile(r"(?<![tscgxnl])ion"),
    re.compile(r"iu"),
    re.compile(r"(?<![gc])eo|^geo"),
    re.compile(r"(?<![qg])ua"),
    re.compile(r"(?<![qg])ue(?!s?$)"),
    re.compile(r"iet|(?<![ct])ie(?:nt|nce)|ier$"),
    re.compile(r"[^aeiou]ea$"),
    re.compile(r"crea(?![ms]|tur)"),
    re.compile(r"[^aeiou]uou"),
    re.compile(r"[aeiou]y(?:[aiou]|e(?!s?$))"),
    re.compile(r"[ai]sm$"),
    re.compile(r"^(?:re|pre|de)(?=in[dfst]|act|ass|us[ei]|occ|ent|exa|emp)|^co(?=o[pr])"),
)

# First halves of closed compounds whose final e is silent: some|thing, home|work.
_COMPOUND_HEADS = (
    "some",
    "home",
    "care",
    "life",
    "safe",
    "base",
    "side",
    "house",
    "where",
    "there",
    "wide",
    "whole",
    "time",
    "note",
    "game",
    "make",
    "take",
    "name",
    "wine",
    "stone",
    "bone",
    "nose",
    "face",
    "eye",
    "line",
)

Lookup = Callable[[str], int | None]


def count_english(word: str, lookup: Lookup) -> int:
    """Syllables of a lower-case English word; ``lookup`` consults the exception table."""
    known = lookup(word)
    if known is not None:
        return known
    for head in _COMPOUND_HEADS:
        if word.startswith(head) and len(word) - len(head) >= 3:
            return count_english(head, lookup) + count_english(word[len(head) :], lookup)
    split = _split_inflection(word, lookup)
    return split if split is not None else _count_stem(word)


def _split_inflection(word: str, lookup: Lookup) -> int | None:
    for suffix, extra, shortest in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= shortest and _VOWEL_GROUP.search(stem):
            return count_english(_restore_e(stem, suffix), lookup) + extra
    if word.endswith("ied") and len(word) > 4:
        return count_english(word[:-3] + "y", lookup)
    if word.endswith("ies") and len(word) > 4:
        return count_english(word[:-3] + "y", lookup)
    if word.endswith("ed") and len(word) > 3 and not word.endswith("eed"):
        return _past_tense(word, lookup)
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is", "ous")):
        return _plural(word, lookup)
    return None


def _restore_e(stem: str, suffix: str) -> str:
    """``making`` → ``make``: a consonant-vowel-consonant stem before ``-ing`` lost an e."""
    cvc = re.search(r"[^aeiouy][aeiouy][bcdgkmnprstvz]$", stem)
    if suffix.startswith("ing") and cvc and not re.search(r"(en|er|on|om|it|et|ol|ic)$", stem):
        return stem + "e"
    return stem


def _past_tense(word: str, lookup: Lookup) -> int:
    stem = word[:-2]
    if stem.endswith(("t", "d")):
        return count_english(stem, lookup) + 1
    with_e = stem + "e"
    if lookup(with_e) is not None:
        return count_english(with_e, lookup)
    return count_english(stem, lookup) if _VOWEL_GROUP.search(stem) else 1


def _plural(word: str, lookup: Lookup) -> int:
    stem = word[:-1]
    if word.endswith("es") and stem[:-1].endswith(("s", "x", "z", "ch", "sh")):
        return count_english(stem[:-1], lookup) + 1
    extra = 1 if stem.endswith(("ce", "ge", "se", "ze")) else 0
    return count_english(stem, lookup) + extra


def _count_stem(word: str) -> int:
    word = re.sub(r"^y(?=[aeiou])", "", word)
    groups = len(_VOWEL_GROUP.findall(word))
    if groups > 1 and _silent_final_e(word):
        groups -= 1
    groups += sum(len(pattern.findall(word)) for pattern in _HIATUS)
    return max(1, groups)


def _silent_final_e(word: str) -> bool:
    if not word.endswith("e") or len(word) < 3 or word[-2] in "aeiouy":
        return False
    return not re.search(r"[^aeiouy]le$|[bt]re$", word)
