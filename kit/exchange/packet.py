"""Review packets for clinical reviewers: one row per message, source and translation side by
side, and what the reviewer decides. Pure: the rows are built here, written as DOCX by
``review_docx`` and as HTML by ``review_html``, read back by ``review_docx``.

Each row carries the entry's id and a *fingerprint*, the hash ``kit review`` signs (context,
source, translation). On import a decision counts only while the catalog's entry still has
that fingerprint and the row's texts are still the exported ones: a row whose text changed
since the export is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.catalog.review import ReviewLog, entry_hash
from kit.catalog.states import first_msgstr, must_retranslate_mark
from kit.exchange.units import XState, exchange_state, reviewed_hashes, unit_id
from kit.po.model import PoEntry, PoFile

DECISIONS = {
    "approve": "approve",
    "approved": "approve",
    "ok": "approve",
    "yes": "approve",
    "✓": "approve",
    "✔": "approve",
    "change": "change",
    "changes": "change",
    "revise": "change",
    "reject": "change",
    "rejected": "change",
    "no": "change",
    "✗": "change",
}
STATE_WORDS = {
    XState.UNTRANSLATED: "not translated yet",
    XState.FUZZY: "draft (fuzzy): not published",
    XState.MUST_RETRANSLATE: "source changed in meaning: must be translated again",
    XState.TRANSLATED: "translated, not yet reviewed",
    XState.REVIEWED: "translated and reviewed",
}


@dataclass(frozen=True)
class Row:
    id: str  # unit id, as in XLIFF
    fingerprint: str  # entry_hash at export
    source: str
    translation: str
    state: XState
    findings: tuple[str, ...] = ()
    back_translation: str = ""
    note: str = ""  # what the text is (kit's guidance), for the reviewer

    @property
    def reference(self) -> str:
        """What the ID column shows: the id and the fingerprint."""
        return f"{self.id} {self.fingerprint}"


@dataclass(frozen=True)
class Packet:
    slug: str
    title: str
    version: str
    locale: str  # gettext code: es, zh_Hans
    bcp47: str
    locale_name: str  # Spanish
    source_bcp47: str
    direction: str  # ltr or rtl
    catalog: str  # the catalog's path in the project
    rows: tuple[Row, ...]


def packet_rows(
    po: PoFile,
    log: ReviewLog,
    findings: dict[tuple[str | None, str], tuple[str, ...]],
    back: dict[str, str],
) -> tuple[Row, ...]:
    """A row per active entry (the translation of a plural is its first form). ``findings``
    maps an entry's key to what the checks found; ``back`` maps unit ids to back-translations."""
    reviewed = reviewed_hashes(log)
    rows = []
    for entry in po.active:
        xstate = exchange_state(entry, reviewed)
        notes = list(findings.get(entry.key, ()))
        if xstate is not XState.TRANSLATED and xstate is not XState.REVIEWED:
            mark = must_retranslate_mark(entry)
            words = STATE_WORDS[xstate]
            notes.insert(
                0,
                f"{words} ({mark.reason})" if mark and xstate is XState.MUST_RETRANSLATE else words,
            )
        rows.append(
            Row(
                unit_id(entry),
                entry_hash(entry),
                entry.msgid,
                first_msgstr(entry),
                xstate,
                tuple(notes),
                back.get(unit_id(entry), ""),
                _guidance(entry),
            )
        )
    return tuple(rows)


def _guidance(entry: PoEntry) -> str:
    return entry.extracted_comments[0] if entry.extracted_comments else ""


def decision(text: str) -> str | None:
    """ "approve", "change", or None for an empty cell; raises ValueError for anything else."""
    words = text.strip().split()
    if not words:
        return None
    word = words[0].strip(".,;:!").casefold()
    if word in DECISIONS:
        return DECISIONS[word]
    raise ValueError(text.strip())
