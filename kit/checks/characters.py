"""Invisible characters in a translation that a reader cannot see but a browser obeys.

* C0/C1 control characters (other than tab and line feed): never text; a terminal bell or an
  escape in a handout is damage or an attack;
* bidi embeddings and overrides (U+202A–U+202E): they reorder what the reader sees (a phone
  number shown backwards); kit isolates right-to-left runs itself (``kit.bidi``);
* the byte-order mark and word joiners (U+FEFF, U+2060) anywhere, and the zero-width space
  (U+200B) next to a digit, inside a link or an address: they split a phone number or a
  domain so that what is shown is not what is dialled. A zero-width space between words stays
  allowed (Thai, Khmer and Burmese use it as a word break).

Marks that scripts need (ZWJ, ZWNJ, LRM, RLM) are never flagged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from kit.checks.finding import Finding, Place
from kit.checks.registry import default_severity, spec

CHECK = "translation.control-characters"
_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")
_ALWAYS = frozenset("\ufeff\u2060")
_ZWSP = "\u200b"
# a zero-width space inside a link target, an address-like token or next to a digit
_ZWSP_BAD = re.compile(
    r"\d\u200b|\u200b\d|\]\([^)]*\u200b|[\w.-]\u200b[\w-]*\.[a-z]{2,}|@[^\s]*\u200b|\u200b[^\s]*@",
    re.I,
)


# every character that may be flagged: C0 and C1 controls, the overrides, BOM, joiners, ZWSP
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\ufeff]")


def _control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" and char not in "\t\n"


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def invisible(text: str) -> tuple[str, ...]:
    """The offending characters of ``text``, each named once, in order of appearance."""
    if _SUSPECT.search(text) is None:
        return ()
    found = [c for c in text if _control(c) or c in _OVERRIDES or c in _ALWAYS]
    if _ZWSP in text and _ZWSP_BAD.search(text):
        found.append(_ZWSP)
    return tuple(dict.fromkeys(_name(c) for c in found))


def suspect(text: str) -> bool:
    """Could ``text`` hold a character ``invisible`` names? (If not, ``check_entry`` finds
    nothing in it.)"""
    return _SUSPECT.search(text) is not None


def check_entry(source: str, target: str, place: Place, line: int) -> Iterator[Finding]:
    """One finding per entry whose translation has invisible characters the source lacks."""
    bad = [name for name in invisible(target) if name not in invisible(source)]
    if bad:
        yield place.finding(
            CHECK,
            default_severity(CHECK),
            line,
            "invisible character(s) in the translation: " + ", ".join(bad),
            spec(CHECK).fix,
        )
