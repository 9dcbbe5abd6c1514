"""Reading level of plain-text blocks in many languages, with no downloads at run time.

    >>> from kit.readability import measure, default_target, passes
    >>> result = measure(["Wash your hands.", "Call us if your baby has a fever."], "en")
    >>> result.primary.formula
    'Flesch-Kincaid grade'
    >>> passes(result.primary, default_target("en"))
    True

Layers, each a pure function (no IO except the data files in ``kit/readability/data``):

- ``sentences``: blocks → sentences (abbreviations, decimals, list markers, ellipses,
  closing quotes, CJK/Arabic/Devanagari punctuation; a block always ends a sentence);
- ``words``: tokens by script (words; Han/kana characters; unsegmented runs);
- ``syllables``: exceptions (``data/syllables-<lang>.txt``), per-language rules, pyphen;
- ``counting``: one sentence → ``Counts`` (``packed``: counts as one integer each, so a
  text's sentences add up in one ``sum``);
- ``formulas``: published formulas as functions of counts, one coefficient table;
- ``scales``/``proxies``: which formulas or proxies a language gets, bands;
- ``targets``: health-literacy defaults and ``passes``;
- ``api``: ``measure``.

Callers pass text with the Markdown already stripped: each paragraph, list item, heading and
table cell as its own block. Whether headings belong in the sample is the caller's choice
(reference §8 deletes them before scoring).
"""

from kit.readability.api import measure, scales_for
from kit.readability.model import Counts, Readability, Score, Sentence, SentenceScore, Target
from kit.readability.sentences import split_sentences
from kit.readability.syllables import count_syllables, syllable_counter
from kit.readability.targets import default_target, default_targets, meets_ideal, passes
from kit.readability.words import tokenize

__all__ = [
    "Counts",
    "Readability",
    "Score",
    "Sentence",
    "SentenceScore",
    "Target",
    "count_syllables",
    "default_target",
    "default_targets",
    "measure",
    "meets_ideal",
    "passes",
    "scales_for",
    "split_sentences",
    "syllable_counter",
    "tokenize",
]
