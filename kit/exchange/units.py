"""Catalog entries as exchange units: stable ids, notes for the translator, and kit's entry
states mapped to and from what XLIFF can say.

A unit's id is a hash of its (msgctxt, msgid), so the same message has the same id in every
export and every locale, whatever its place in the catalog. A plural message is a group of
units, one per plural form of the target language (``<id>-0``, ``<id>-1``, ...). Obsolete
entries and the header are never exported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from kit.catalog.extract import MARKUP_HINT
from kit.catalog.review import ReviewLog, entry_hash
from kit.catalog.states import State, must_retranslate_mark, state, without_mark
from kit.exchange.inline import Code, Part, align, split
from kit.po.model import PoEntry, PoFile


class XState(StrEnum):
    """An entry's state as exchanged: kit's states plus "reviewed" (covered by a sign-off)."""

    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    MUST_RETRANSLATE = "must-retranslate"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"

    @property
    def current(self) -> bool:
        return self in (XState.TRANSLATED, XState.REVIEWED)


@dataclass(frozen=True)
class Note:
    category: str  # developer (kit's guidance), context, location, translator, kit
    text: str


@dataclass(frozen=True)
class Unit:
    id: str
    source: tuple[Part, ...]
    target: tuple[Part, ...]
    state: XState
    notes: tuple[Note, ...] = ()
    reason: str = ""  # why the entry must be retranslated


@dataclass(frozen=True)
class Group:
    """A plural message: one unit per plural form."""

    id: str
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class ExchangeFile:
    slug: str
    original: str  # the catalog's path in the project, for people (imports never open it)
    source_lang: str  # BCP 47
    target_lang: str
    items: tuple[Unit | Group, ...]
    notes: tuple[Note, ...] = ()


def unit_id(entry: PoEntry) -> str:
    key = f"{entry.msgctxt or ''}\x04{entry.msgid}" if entry.msgctxt is not None else entry.msgid
    return "m" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def reviewed_hashes(log: ReviewLog) -> frozenset[str]:
    """Every (msgctxt, msgid, msgstr) hash some sign-off covers; an entry whose current hash
    is among them is reviewed (the rule of ``kit.catalog.review``)."""
    return frozenset().union(*(s.entries for s in log.signoffs)) if log.signoffs else frozenset()


def exchange_state(entry: PoEntry, reviewed: frozenset[str]) -> XState:
    current = state(entry)
    if current is State.TRANSLATED:
        return XState.REVIEWED if entry_hash(entry) in reviewed else XState.TRANSLATED
    return {
        State.FUZZY: XState.FUZZY,
        State.MUST_RETRANSLATE: XState.MUST_RETRANSLATE,
    }.get(current, XState.UNTRANSLATED)


def to_units(po: PoFile, log: ReviewLog, nplurals: int) -> tuple[Unit | Group, ...]:
    reviewed = reviewed_hashes(log)
    items: list[Unit | Group] = []
    for entry in po.active:
        xstate = exchange_state(entry, reviewed)
        mark = must_retranslate_mark(entry) if xstate is XState.MUST_RETRANSLATE else None
        reason = mark.reason if mark else ""
        notes = entry_notes(entry, reason)
        if entry.msgid_plural is None:
            items.append(_unit(unit_id(entry), entry.msgid, entry.msgstr, xstate, notes, reason))
            continue
        forms = tuple(
            _unit(
                f"{unit_id(entry)}-{n}",
                entry.msgid if n == 0 else entry.msgid_plural,
                entry.msgstr_plural[n] if n < len(entry.msgstr_plural) else "",
                xstate,
                notes,
                reason,
            )
            for n in range(max(nplurals, 1))
        )
        items.append(Group(unit_id(entry), forms))
    return tuple(items)


def _unit(
    id_: str, msgid: str, msgstr: str, xstate: XState, notes: tuple[Note, ...], reason: str
) -> Unit:
    source = split(msgid)
    target = align(msgstr, source) if msgstr else ()
    return Unit(id_, source, target, xstate if msgstr else XState.UNTRANSLATED, notes, reason)


# In a CAT tool the Markdown is tags (``kit.exchange.inline``): what the translator must keep.
TAGS_HINT = (
    "Keep the tags: they are the bold, italic, code and links of the text; put them around "
    "the translated words. A link's address is in its tag and cannot change."
)


def _has_tags(entry: PoEntry) -> bool:
    return any(isinstance(part, Code) for part in split(entry.msgid))


def entry_notes(entry: PoEntry, reason: str) -> tuple[Note, ...]:
    notes = [
        Note("developer", TAGS_HINT if text == MARKUP_HINT and _has_tags(entry) else text)
        for text in entry.extracted_comments
    ]
    if entry.msgctxt is not None:
        notes.append(Note("context", f"Context: {entry.msgctxt}"))
    if reason:
        notes.append(Note("kit", f"Must be translated again: the source changed ({reason})."))
    notes.extend(
        Note("translator", text)
        for text in without_mark(entry.translator_comments)
        if not text.strip().startswith("kit:")
    )
    notes.extend(Note("location", ref) for ref in entry.references)
    return tuple(notes)
