"""Plain prose: a message with nothing the translation checks compare (``kit.checks.translations``
skips comparing two such texts), and the words of a message (``same_words``, ``has_words``:
whether a translation left as in the source is worth a finding)."""

from __future__ import annotations

import re
from functools import lru_cache

from kit.catalog.meaning import UNITS

# Every character or string that can make ``_faithful`` find something: what starts inline
# Markdown (``markdown.has_markup``: brackets only as ``](``, since without reference
# definitions they hold markup only in a link or an image and are otherwise literal text),
# digits of any script, an e-mail's ``@`` or a web address
# (``numbers.find_critical``, which first drops bidi marks: ``www\u200e.`` counts), and the
# characters ``characters.invisible`` looks at. (One character class, searched by the regex
# engine's fast scan, then the strings: an alternation or re.I would make it try every
# branch at every position.)
_COMPARABLE = re.compile(
    r"[*_`<\\&\d@\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    r"\u2060\u2066-\u2069\ufeff]"
)
_WWW = re.compile(r"[wW][wW][wW]\.")


def plain_prose(text: str) -> bool:
    """Nothing ``_faithful`` compares: no markup, number, contact or invisible character
    (literal brackets, as in ``[es]`` or ``[1]``, are prose). Most messages of real catalogs
    (four in five of the sample's) are such prose."""
    return (
        _COMPARABLE.search(text) is None
        and "](" not in text
        and "://" not in text
        and _WWW.search(text) is None
    )


@lru_cache(maxsize=65536)
def plain_source(text: str) -> bool:
    """``plain_prose`` of a source text, cached: it is asked again in every locale."""
    return plain_prose(text)


def same_words(a: str, b: str) -> bool:
    """``a.split() == b.split()``, the first words compared first (a translation and its
    source most often differ there, and then neither text is split whole)."""
    return a.split(None, 1)[:1] == b.split(None, 1)[:1] and a.split() == b.split()


def has_words(text: str) -> bool:
    """Does ``text`` hold a word a translator would translate (not an acronym, number or address)?"""
    for raw in text.split():
        word = raw.strip(".,;:!?()[]\"'«»“”")
        if "://" in word or "@" in word or "." in word.strip(".") or word.casefold() in UNITS:
            continue
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) >= 2 and not word.isupper():
            return True
    return False
