"""Locale ids to the language facts the counters and formulas need.

A Babel-style id (``en``, ``pt_BR``, ``zh_Hans``, also ``pt-BR``) is reduced to its
language subtag; scripts and regions do not change the formulas. Validation of locales
against Babel happens once, in the configuration layer; here a malformed id is a
programming error (``ValueError``).
"""

from __future__ import annotations

import re

_LOCALE_ID = re.compile(r"^([A-Za-z]{2,3})(?:[_-][A-Za-z0-9]{1,8})*$")

# Deprecated or macro-language codes that mean the same language here.
_ALIASES = {"iw": "he", "in": "id", "ji": "yi", "fil": "tl", "cmn": "zh", "nob": "nb"}

# Languages counted in characters: every Han or kana character is one unit.
CHARACTER_LANGUAGES = frozenset({"zh", "ja", "yue", "wuu", "hak", "nan"})

# Written without spaces between words but with sentence punctuation: characters per
# sentence is measurable (Khmer ។, Myanmar ။).
UNSEGMENTED_LANGUAGES = frozenset({"km", "my"})

# Written without word spaces *and* without sentence punctuation (a space ends a clause or
# a sentence, and nothing says which): neither words nor sentences can be counted without a
# dictionary-based segmenter, so these are reported as not measured.
NOT_MEASURED = {
    "th": "Thai has no word spaces and no sentence punctuation; needs a word segmenter",
    "lo": "Lao has no word spaces and no sentence punctuation; needs a word segmenter",
    "bo": "Tibetan has no word spaces; needs a word segmenter",
    "dz": "Dzongkha has no word spaces; needs a word segmenter",
}

# Languages that write ordinal numbers with a period ("am 3. Mai"): a number followed by a
# period does not end a sentence there.
ORDINAL_DOT_LANGUAGES = frozenset(
    {"de", "da", "nb", "nn", "no", "fi", "is", "fo", "et", "lv", "lt", "cs", "sk", "sl"}
    | {"hr", "sr", "bs", "hu", "pl", "tr"}
)

# "Long word" threshold in letters: LIX and WSTF use > 6; the Arabic proxy uses > 5 letters
# after stripping tashkeel (reference §6, textstat ``count_arabic_long_words``).
_LONG_WORD_LETTERS = {"ar": 5}


def base_language(lang: str) -> str:
    """``"pt_BR"`` → ``"pt"``; ``"zh-Hans"`` → ``"zh"``; raises ``ValueError`` if malformed."""
    match = _LOCALE_ID.match(lang.strip())
    if match is None:
        raise ValueError(f"not a locale identifier: {lang!r}")
    code = match.group(1).lower()
    return _ALIASES.get(code, code)


def long_word_letters(language: str) -> int:
    return _LONG_WORD_LETTERS.get(language, 6)
