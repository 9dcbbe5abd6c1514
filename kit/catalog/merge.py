"""Merge a template (POT) into a translation (PO) without losing or misapplying anything.

Rules, in order, for every message of the template (which fixes the order of the result):

1. Same (msgctxt, msgid) in the old PO, active or obsolete: keep its translation, translator
   comments and flags; take references and ``#.`` comments from the template. An obsolete
   entry comes back to life, translation and all.
2. Otherwise the most similar old entry that no longer matches anything (difflib ratio ≥ 0.6,
   as msgmerge and Babel do, best pairs first) offers its translation as a *fuzzy suggestion*
   with the previous msgid in ``#|`` lines. If the edit touches clinical meaning
   (``kit.catalog.meaning``) the suggestion is marked **must retranslate** (``kit.catalog.states``). If the
   edit is only whitespace/punctuation/case and the project opted in, the translation is
   carried over as is. The old, non-fuzzy pair is also kept as an obsolete entry, so it is
   restored exactly if the source text comes back.
3. Otherwise an exact translation from another document's catalog (translation memory)
   pre-fills it, fuzzy unless the project trusts exact matches, with a comment naming where
   it came from; failing that, an agency's memory (``kit import tmx``) does, always fuzzy.
   An agency's memory also pre-fills, fuzzy, a message kept from the old PO that is still
   untranslated (never one with a translation, so never a must-retranslate one).
4. Otherwise it is new and empty.

Old entries that match nothing become obsolete (``#~``) if they carry a translation.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field

from kit.catalog.meaning import is_trivial_change, meaning_changes
from kit.catalog.states import (
    State,
    marked_fuzzy,
    must_retranslate_comment,
    state,
    without_mark,
)
from kit.po.model import PoEntry, PoFile

FUZZY_CUTOFF = 0.6
TM_PREFIX = "kit: from translation memory:"

Key = tuple[str | None, str]


@dataclass(frozen=True)
class MergeOptions:
    source_lang: str = "en"
    carry_over_trivial: bool = False
    trust_exact_memory: bool = False
    critical_terms: tuple[str, ...] = ()
    prune_obsolete: bool = False


@dataclass(frozen=True)
class Memory:
    """Translations of the same locale from other documents: source text → (translation, origin)."""

    entries: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # An agency's memory (``kit import tmx``): consulted after ``entries``, always fuzzy.
    agency: Mapping[str, tuple[str, str]] = field(default_factory=dict)


def merge(old: PoFile, pot: PoFile, options: MergeOptions, memory: Memory | None = None) -> PoFile:
    old_by_key = _index(old.entries)
    new_keys = {e.key for e in pot.entries}
    leftovers = [e for e in old.entries if e.key not in new_keys and e.has_translation]
    unmatched_new = [e for e in pot.entries if e.key not in old_by_key]
    pairs = _fuzzy_pairs(unmatched_new, [e for e in leftovers if not e.obsolete])
    merged: list[PoEntry] = []
    for template in pot.entries:
        previous = old_by_key.get(template.key)
        if previous is not None:
            kept = _keep(previous, template)
            merged.append(kept if kept.has_translation else _from_agency(kept, memory) or kept)
        elif template.key in pairs:
            merged.append(_suggest(pairs[template.key], template, options))
        else:
            merged.append(_from_memory(template, memory, options) or _fresh(template))
    obsolete = [] if options.prune_obsolete else _obsolete(leftovers, pairs)
    header = old.header
    creation = pot.meta("POT-Creation-Date")
    result = PoFile(header=header, entries=(*merged, *obsolete))
    return (
        result.with_meta("POT-Creation-Date", creation)
        if creation and old.meta("POT-Creation-Date")
        else result
    )


def _index(entries: tuple[PoEntry, ...]) -> dict[Key, PoEntry]:
    index: dict[Key, PoEntry] = {}
    for entry in entries:  # an active entry wins over an obsolete one with the same key
        if entry.key not in index or index[entry.key].obsolete:
            index[entry.key] = entry
    return index


def _keep(previous: PoEntry, template: PoEntry) -> PoEntry:
    """The same message: its translation stays. A must-retranslate entry stays fuzzy and keeps
    its ``#|`` previous text even if a hand edit cleared the flag (``kit.catalog.states``); once
    it is current again (a new translation, not fuzzy) its stale record is dropped."""
    current = state(previous)
    keep_previous = previous.fuzzy or current is State.MUST_RETRANSLATE
    comments = previous.translator_comments
    if current is State.TRANSLATED:
        comments = without_mark(comments)
    kept = previous.with_changes(
        translator_comments=comments,
        extracted_comments=template.extracted_comments,
        references=template.references,
        obsolete=False,
        msgid_plural=template.msgid_plural,
        previous_msgid=previous.previous_msgid if keep_previous else None,
        previous_msgctxt=previous.previous_msgctxt if keep_previous else None,
        previous_msgid_plural=previous.previous_msgid_plural if keep_previous else None,
        line=0,
    )
    return marked_fuzzy(kept)


_ALIGNED_CUTOFF = 0.85  # the old message at the same place, if this similar, is the one
_WINDOW = 8  # then look for a changed message's old version near the same place


def _fuzzy_pairs(new: list[PoEntry], candidates: list[PoEntry]) -> dict[Key, PoEntry]:
    """Best-first one-to-one pairing of new messages with similar old translated ones.

    Edits usually leave a message where it was: the old message at the same position (in
    document order) is taken when it is very similar, then candidates near that position are
    scored; messages still unpaired then search every remaining
    candidate, as msgmerge does. This keeps the work near linear for ordinary edits."""
    pairs: dict[Key, PoEntry] = {}
    used: set[int] = set()
    scale = len(candidates) / max(len(new), 1)
    aligned = [(i, round(i * scale)) for i in range(len(new)) if round(i * scale) < len(candidates)]
    _pair_best(new, candidates, aligned, pairs, used, cutoff=_ALIGNED_CUTOFF)
    near = [
        (i, j)
        for i in range(len(new))
        for j in range(
            max(0, round(i * scale) - _WINDOW), min(len(candidates), round(i * scale) + _WINDOW + 1)
        )
    ]
    _pair_best(new, candidates, near, pairs, used)
    rest = [
        (i, j)
        for i in range(len(new))
        if new[i].key not in pairs
        for j in range(len(candidates))
        if j not in used
    ]
    _pair_best(new, candidates, rest, pairs, used)
    return pairs


def _pair_best(
    new: list[PoEntry],
    candidates: list[PoEntry],
    pairs_to_score: list[tuple[int, int]],
    pairs: dict[Key, PoEntry],
    used: set[int],
    cutoff: float = FUZZY_CUTOFF,
) -> None:
    scored: list[tuple[float, int, int]] = []
    for i, j in pairs_to_score:
        if new[i].key in pairs or j in used:
            continue
        ratio = similarity(candidates[j].msgid, new[i].msgid, cutoff)
        if ratio >= cutoff:
            scored.append((-ratio, i, j))
    for _, i, j in sorted(scored):
        if new[i].key not in pairs and j not in used:
            pairs[new[i].key] = candidates[j]
            used.add(j)


def similarity(old: str, new: str, cutoff: float = FUZZY_CUTOFF) -> float:
    """difflib's ratio, skipped when its cheap upper bounds are already below the cutoff."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
        return 0.0
    return matcher.ratio()


def _suggest(old: PoEntry, template: PoEntry, options: MergeOptions) -> PoEntry:
    """The old translation offered for a changed source text."""
    basis = old.previous_msgid if old.fuzzy and old.previous_msgid else old.msgid
    comments = without_mark(old.translator_comments)
    base = template.with_changes(
        msgstr=old.msgstr,
        msgstr_plural=old.msgstr_plural,
        translator_comments=comments,
        flags=tuple(dict.fromkeys((*(f for f in old.flags if f != "fuzzy"), *template.flags))),
    )
    changes = meaning_changes(basis, template.msgid, options.source_lang, options.critical_terms)
    if changes:
        reason = "; ".join(c.describe() for c in changes)
        marked = base.with_changes(
            translator_comments=(*comments, must_retranslate_comment(reason, base))
        )
        return _fuzzy(marked, old, basis)
    if options.carry_over_trivial and not old.fuzzy and is_trivial_change(basis, template.msgid):
        return base
    return _fuzzy(base, old, basis)


def _fuzzy(entry: PoEntry, old: PoEntry, basis: str) -> PoEntry:
    return entry.with_changes(
        flags=("fuzzy", *(f for f in entry.flags if f != "fuzzy")),
        previous_msgid=basis,
        previous_msgctxt=old.previous_msgctxt if old.fuzzy and old.previous_msgid else old.msgctxt,
        previous_msgid_plural=old.msgid_plural,
    )


def _from_memory(template: PoEntry, memory: Memory | None, options: MergeOptions) -> PoEntry | None:
    if memory is None or template.msgid_plural is not None:
        return None
    if template.msgid in memory.entries:
        translation, origin = memory.entries[template.msgid]
        trusted = options.trust_exact_memory
    elif template.msgid in memory.agency:
        translation, origin = memory.agency[template.msgid]
        trusted = False
    else:
        return None
    flags = template.flags if trusted else ("fuzzy", *template.flags)
    return template.with_changes(
        msgstr=translation, flags=flags, translator_comments=(f"{TM_PREFIX} {origin}",)
    )


def _from_agency(entry: PoEntry, memory: Memory | None) -> PoEntry | None:
    """An untranslated entry the agency's memory has a translation for: a fuzzy suggestion."""
    if memory is None or entry.msgid_plural is not None or entry.msgid not in memory.agency:
        return None
    translation, origin = memory.agency[entry.msgid]
    return entry.with_changes(
        msgstr=translation,
        flags=("fuzzy", *(f for f in entry.flags if f != "fuzzy")),
        translator_comments=(*entry.translator_comments, f"{TM_PREFIX} {origin}"),
    )


def _fresh(template: PoEntry) -> PoEntry:
    return template.with_changes(msgstr="", flags=tuple(f for f in template.flags if f != "fuzzy"))


def _obsolete(leftovers: list[PoEntry], pairs: dict[Key, PoEntry]) -> list[PoEntry]:
    """Entries that leave the active catalog: kept as ``#~`` with their translation.

    A non-fuzzy entry that gave its translation to a fuzzy suggestion is kept too, so the
    reviewed pair comes back exactly if its source text returns."""
    suggested = {id(e) for e in pairs.values()}
    kept: list[PoEntry] = []
    seen: set[Key] = set()
    for entry in leftovers:
        if entry.key in seen or (id(entry) in suggested and entry.fuzzy):
            continue
        seen.add(entry.key)
        kept.append(entry.with_changes(obsolete=True, references=(), extracted_comments=(), line=0))
    return kept
