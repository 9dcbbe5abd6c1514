"""The state of one catalog entry, as every command sees it.

GNU gettext knows translated, fuzzy and untranslated. kit adds **must retranslate**: a
translation whose source changed in a way that touches clinical meaning (a number, a unit, a
negation, a phone number, a URL, an e-mail address, a glossary term). ``kit update`` marks
such an entry fuzzy *and* writes a translator comment::

    # kit: must-retranslate: number 2 → 3 [stale 1a2b3c4d5e6f]

The bracketed value is a hash of the stale msgstr. The entry stays "must retranslate", and is
never published, for as long as its msgstr is that stale text, even if someone clears the fuzzy
flag without changing the translation. Changing the translation (and clearing fuzzy, as Poedit
and Weblate do on save) makes it translated; deleting the comment line is the explicit way to
say "the old translation is still right". A record that a tool wrapped over several comment
lines (polib, Babel) is read as the one record it is.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from kit.po.model import PoEntry, PoFile

MUST_RETRANSLATE_PREFIX = "kit: must-retranslate:"
_WORD_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_MARK = re.compile(r"^kit: must-retranslate: (?P<reason>.*?)\s*\[stale (?P<hash>[0-9a-f]{12})\]$")


class State(StrEnum):
    TRANSLATED = "translated"
    FUZZY = "fuzzy"
    MUST_RETRANSLATE = "must-retranslate"
    UNTRANSLATED = "untranslated"
    OBSOLETE = "obsolete"


def msgstr_hash(entry: PoEntry) -> str:
    text = "\x00".join(entry.msgstr_plural) if entry.msgid_plural is not None else entry.msgstr
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def must_retranslate_comment(reason: str, entry: PoEntry) -> str:
    return f"{MUST_RETRANSLATE_PREFIX} {reason} [stale {msgstr_hash(entry)}]"


@dataclass(frozen=True)
class Mark:
    reason: str
    stale_hash: str


def must_retranslate_mark(entry: PoEntry) -> Mark | None:
    for _, _, match in _records(entry.translator_comments):
        if match:
            return Mark(match["reason"], match["hash"])
    return None


def without_mark(comments: tuple[str, ...]) -> tuple[str, ...]:
    """``comments`` without kit's must-retranslate records, a wrapped record's every line."""
    dropped = {i for first, end, _ in _records(comments) for i in range(first, end)}
    return tuple(c for i, c in enumerate(comments) if i not in dropped)


def joined_line(text: str, line: str) -> str:
    """``text`` followed by the comment ``line`` a tool wrapped off it: after a space, or
    straight after a hyphen inside a word (Python's textwrap, which polib and Babel use,
    breaks "e-mail" after its hyphen)."""
    line = line.strip()
    if _WORD_HYPHEN_END.search(text) and line[:1].isalpha():
        return text + line
    return f"{text} {line}"


def _records(comments: tuple[str, ...]) -> Iterator[tuple[int, int, re.Match[str] | None]]:
    """Each must-retranslate record in ``comments``: its first line, the line after its last,
    and its match of ``_MARK`` (None for a first line that no later line completes before
    the next record: a record of that line alone). kit writes a record on one line; polib
    wraps comments at 78 columns and Babel at 76, so a long reason ends up as ``# kit:
    must-retranslate: ...`` followed by ``# ... [stale 1a2b3c4d5e6f]``. Read as one record
    (``joined_line``), it keeps its meaning (the entry stays must-retranslate) and leaves no
    stray half behind when it is dropped."""
    for first, line in enumerate(comments):
        text = line.strip()
        if not text.startswith(MUST_RETRANSLATE_PREFIX):
            continue
        end, match = first + 1, _MARK.match(text)
        while match is None and end < len(comments):
            if comments[end].strip().startswith(MUST_RETRANSLATE_PREFIX):
                break
            text = joined_line(text, comments[end])
            end += 1
            match = _MARK.match(text)
        yield (first, end, match) if match else (first, first + 1, None)


def first_msgstr(entry: PoEntry) -> str:
    if entry.msgid_plural is not None:
        return entry.msgstr_plural[0] if entry.msgstr_plural else ""
    return entry.msgstr


def state(entry: PoEntry) -> State:
    """The entry's state. Translated / fuzzy / untranslated follow ``msgfmt --statistics``
    exactly (it looks at the first msgstr only); must-retranslate is a kind of fuzzy.
    (``first_msgstr``, ``PoEntry.fuzzy`` and the mark written out: a check asks this of every
    entry, several times.)"""
    if entry.obsolete:
        return State.OBSOLETE
    if entry.msgid_plural is None:
        if not entry.msgstr:
            return State.UNTRANSLATED
    elif not entry.msgstr_plural or not entry.msgstr_plural[0]:
        return State.UNTRANSLATED
    if entry.translator_comments:
        mark = must_retranslate_mark(entry)
        if mark is not None and mark.stale_hash == msgstr_hash(entry):
            return State.MUST_RETRANSLATE
    return State.FUZZY if "fuzzy" in entry.flags else State.TRANSLATED


def marked_fuzzy(entry: PoEntry) -> PoEntry:
    """A must-retranslate entry as translators' tools must see it: flagged ``fuzzy`` (so
    Poedit, Weblate and ``msgfmt --statistics`` count it as not done), whatever a hand edit
    did to the flag. Any other entry is returned as it is."""
    if entry.fuzzy or state(entry) is not State.MUST_RETRANSLATE:
        return entry
    return entry.with_changes(flags=("fuzzy", *entry.flags))


def with_states_marked(po: PoFile) -> PoFile:
    """``po`` with every must-retranslate entry flagged fuzzy again (see ``marked_fuzzy``)."""
    entries = tuple(marked_fuzzy(e) for e in po.entries)
    return po if entries == po.entries else po.with_entries(entries)


def unmarked(po: PoFile) -> int:
    """How many must-retranslate entries lack the ``fuzzy`` flag (cleared by hand): tools
    other than kit count them as done until kit next writes the catalog."""
    return sum(1 for e in po.active if state(e) is State.MUST_RETRANSLATE and not e.fuzzy)
