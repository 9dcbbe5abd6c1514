"""Read the plain-text data files shipped in ``kit/readability/data`` (no other IO)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from importlib.resources import files

_COMMENT = re.compile(r"(^|\s)#.*$")


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of ``data/<name>`` without ``#`` comments; ``()`` if there is no file."""
    resource = files("kit.readability").joinpath("data").joinpath(name)
    if not resource.is_file():
        return ()
    lines = (_COMMENT.sub("", raw).strip() for raw in resource.read_text("utf-8").splitlines())
    return tuple(line for line in lines if line)


def fold(word: str) -> str:
    """The lookup key for a word: NFC, lower case, typographic apostrophe made plain."""
    return unicodedata.normalize("NFC", word).lower().replace("\u2019", "'")


@cache
def syllable_exceptions(language: str) -> Mapping[str, int]:
    """``data/syllables-<language>.txt``: ``word<TAB>count`` per line.

    Keys are folded, except entries with a capital letter (acronyms read as words, ``AIDS``),
    which match only that exact spelling.
    """
    table: dict[str, int] = {}
    for line in data_lines(f"syllables-{language}.txt"):
        word, _, count = (part.strip() for part in line.partition("\t"))
        if not word or not count.isdigit() or int(count) < 1:
            raise ValueError(f"syllables-{language}.txt: bad line {line!r}")
        exact = unicodedata.normalize("NFC", word)
        table[exact if exact != exact.lower() else fold(word)] = int(count)
    return table


ABBREVIATION_KINDS = frozenset({"mid", "any", "num"})


@cache
def abbreviations(language: str) -> Mapping[str, str]:
    """``data/abbreviations-common.txt`` plus ``data/abbreviations-<language>.txt``.

    Each line is ``abbreviation<TAB>kind``; the key is folded and loses its final period.
    Kinds: ``mid`` never ends a sentence (Dr., e.g.); ``any`` may end one, and does when the
    next word starts with a capital (a.m., etc.); ``num`` is an abbreviation only before a
    number (No. 5, p. 12).
    """
    table: dict[str, str] = {}
    for name in ("abbreviations-common.txt", f"abbreviations-{language}.txt"):
        for line in data_lines(name):
            abbreviation, _, kind = line.partition("\t")
            kind = kind.strip() or "mid"
            if kind not in ABBREVIATION_KINDS:
                raise ValueError(f"{name}: bad kind in {line!r}")
            table[fold(abbreviation.strip()).rstrip(".")] = kind
    return table
