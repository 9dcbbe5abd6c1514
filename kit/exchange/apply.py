"""What an import may change in a catalog, and what it must refuse. Pure: a catalog and the
returned units in, the changes and the notices out; ``kit.commands.exchange`` runs the
translation checks on the changes and writes the catalog.

Rules, for each returned unit:

- its id must name an active entry of the catalog and its source must still be that entry's
  message, exactly; otherwise the unit is *stale*: reported, never applied;
- an empty target never clears a translation;
- a target equal to a must-retranslate entry's stale translation leaves the entry
  must-retranslate, whatever state the file claims;
- "reviewed" or "final" in the file is the agency's word, not a kit review: the entry becomes
  translated, and only ``kit review`` (or an approved review packet) signs it off;
- a changed target the file calls unfinished (initial, needs-review, fuzzy) imports as fuzzy,
  and so does one whose inline codes were dropped, duplicated or invented; an unchanged target
  of a translated entry leaves it translated whatever state the file claims (CAT tools reset
  states), while an unchanged target of a fuzzy entry claimed translated clears the flag, as
  saving in Poedit does;
- only the translation and the fuzzy flag (with its ``#|`` lines) change; nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.catalog.states import State, msgstr_hash, must_retranslate_mark, state
from kit.exchange.inline import Code, Ref, restore, split
from kit.exchange.units import XState, unit_id
from kit.exchange.xliff_read import ReturnedUnit
from kit.po.model import PoEntry, PoFile

_ID = re.compile(r"^(?P<base>m[0-9a-f]{12})(?:-(?P<form>\d+))?$")


@dataclass(frozen=True)
class Notice:
    check: str  # xliff.stale, xliff.codes, xliff.unknown, xliff.still-stale, xliff.reviewed
    line: int
    message: str


@dataclass(frozen=True)
class Change:
    old: PoEntry
    new: PoEntry
    line: int  # of the (first) unit in the returned file


@dataclass(frozen=True)
class Plan:
    changes: tuple[Change, ...]
    notices: tuple[Notice, ...]
    unchanged: int


def plan_import(po: PoFile, units: tuple[ReturnedUnit, ...]) -> Plan:
    by_id = {unit_id(e): e for e in po.active}
    grouped: dict[str, list[tuple[int, ReturnedUnit]]] = {}
    notices: list[Notice] = []
    for unit in units:
        match = _ID.match(unit.id)
        if match is None or match["base"] not in by_id:
            notices.append(
                Notice("xliff.stale", unit.line, f"unit {unit.id!r} is not in the current catalog")
            )
            continue
        form = int(match["form"]) if match["form"] is not None else -1
        grouped.setdefault(match["base"], []).append((form, unit))
    changes: list[Change] = []
    unchanged = 0
    for base, forms in grouped.items():
        outcome = _one(by_id[base], sorted(forms, key=lambda f: f[0]))
        notices.extend(outcome[1])
        if outcome[0] is not None:
            changes.append(outcome[0])
        elif not outcome[1]:
            unchanged += 1
    return Plan(tuple(changes), tuple(notices), unchanged)


def _one(
    entry: PoEntry, forms: list[tuple[int, ReturnedUnit]]
) -> tuple[Change | None, list[Notice]]:
    line = forms[0][1].line
    sources = _expected_sources(entry, forms)
    notices: list[Notice] = []
    texts: list[str] = []
    claims: list[XState] = []
    for (form, unit), expected in zip(forms, sources, strict=True):
        current = split(expected)
        if _source_text(unit, current) != expected:
            return None, [
                Notice(
                    "xliff.stale",
                    unit.line,
                    f"source differs from the current message {_short(expected)}; not applied",
                )
            ]
        if unit.target is None or not any(isinstance(p, Ref) or p.strip() for p in unit.target):
            return None, []
        text, problems = restore(unit.target, current)
        if text == _current_form(entry, form):
            problems = ()  # the catalog's own translation, as it was: nothing new to judge
        notices.extend(Notice("xliff.codes", unit.line, p) for p in problems)
        texts.append(text)
        claims.append(XState.FUZZY if problems else unit.state)
    unchanged = all(t == _current_form(entry, f) for t, (f, _) in zip(texts, forms, strict=True))
    if unchanged and state(entry) is State.TRANSLATED:
        return None, notices  # a tool that reset its states does not unpublish a translation
    new = _translated(entry, tuple(texts), claims)
    if new is None or new == entry:
        return None, notices
    return _checked(entry, new, claims, line, notices)


def _checked(
    entry: PoEntry, new: PoEntry, claims: list[XState], line: int, notices: list[Notice]
) -> tuple[Change | None, list[Notice]]:
    """Refuse the stale text of a must-retranslate entry; say that "reviewed" is not a sign-off."""
    if state(entry) is State.MUST_RETRANSLATE and msgstr_hash(new) == msgstr_hash(entry):
        reason = must_retranslate_mark(entry)
        why = f" ({reason.reason})" if reason else ""
        return None, [
            *notices,
            Notice(
                "xliff.still-stale",
                line,
                f"the target is the old translation of a changed source{why}; it still must be translated again",
            ),
        ]
    if any(c is XState.REVIEWED for c in claims):
        notices.append(
            Notice(
                "xliff.reviewed",
                line,
                "marked reviewed in the file; kit imports it as translated, a sign-off needs 'kit review'",
            )
        )
    return Change(entry, new, line), notices


def _current_form(entry: PoEntry, form: int) -> str:
    if entry.msgid_plural is None:
        return entry.msgstr
    plural = entry.msgstr_plural
    return plural[form] if 0 <= form < len(plural) else ""


def _expected_sources(entry: PoEntry, forms: list[tuple[int, ReturnedUnit]]) -> list[str]:
    if entry.msgid_plural is None:
        return [entry.msgid if form == -1 else "\x00not a plural" for form, _ in forms]
    return [
        "\x00not singular" if form < 0 else entry.msgid if form == 0 else entry.msgid_plural
        for form, _ in forms
    ]


def _source_text(unit: ReturnedUnit, current: tuple[str | Code, ...]) -> str:
    """The unit's source as Markdown, with the inline codes' Markdown the file carries (the
    current source's for a code the file carries none for)."""
    natives = {(i, k): n for i, k, n in unit.natives if n}
    fallback = {(p.id, p.kind): p.native for p in current if isinstance(p, Code)}
    out: list[str] = []
    for part in unit.source:
        if isinstance(part, str):
            out.append(part)
        else:
            key = (part.id, part.kind)
            out.append(natives.get(key, fallback.get(key, "\x00")))
    return "".join(out)


def _translated(entry: PoEntry, texts: tuple[str, ...], claims: list[XState]) -> PoEntry | None:
    fuzzy = any(not c.current for c in claims)
    if entry.msgid_plural is not None:
        if len(texts) != len(entry.msgstr_plural or texts) or not all(texts):
            return None
        new = entry.with_changes(msgstr_plural=texts)
    else:
        new = entry.with_changes(msgstr=texts[0])
    if fuzzy:
        flags = entry.flags if entry.fuzzy else ("fuzzy", *entry.flags)
        return new.with_changes(flags=flags)
    return new.with_changes(
        flags=tuple(f for f in entry.flags if f != "fuzzy"),
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
    )


def demote(change: Change) -> Change:
    """The change, but fuzzy: what an import does with a target that failed a check."""
    new = change.new
    if new.fuzzy:
        return change
    old = change.old
    demoted = new.with_changes(
        flags=("fuzzy", *new.flags),
        previous_msgctxt=old.previous_msgctxt,
        previous_msgid=old.previous_msgid,
        previous_msgid_plural=old.previous_msgid_plural,
    )
    return Change(old, demoted, change.line)


def apply(po: PoFile, changes: tuple[Change, ...]) -> PoFile:
    replaced = {id(c.old): c.new for c in changes}
    return po.with_entries(tuple(replaced.get(id(e), e) for e in po.entries))


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
