"""Translation progress of one catalog: counts of messages and of source words per state.

Pure: a ``PoFile`` in, a ``CatalogStatus`` out. Message counts for translated, fuzzy and
untranslated equal ``msgfmt --statistics``, where msgfmt's "fuzzy" is kit's fuzzy plus
must-retranslate.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.catalog.states import State, state
from kit.po.model import PoFile


@dataclass(frozen=True)
class StateCounts:
    messages: int = 0
    words: int = 0


@dataclass(frozen=True)
class CatalogStatus:
    translated: StateCounts
    fuzzy: StateCounts
    must_retranslate: StateCounts
    untranslated: StateCounts
    obsolete: StateCounts

    @property
    def total(self) -> StateCounts:
        parts = (self.translated, self.fuzzy, self.must_retranslate, self.untranslated)
        return StateCounts(sum(p.messages for p in parts), sum(p.words for p in parts))

    @property
    def percent_messages(self) -> float:
        total = self.total.messages
        return 100.0 * self.translated.messages / total if total else 100.0

    @property
    def percent_words(self) -> float:
        total = self.total.words
        return 100.0 * self.translated.words / total if total else 100.0


def source_words(text: str) -> int:
    return len(text.split())


def catalog_status(po: PoFile) -> CatalogStatus:
    counts: dict[State, list[int]] = {s: [0, 0] for s in State}
    for entry in po.entries:
        bucket = counts[state(entry)]
        bucket[0] += 1
        bucket[1] += source_words(entry.msgid)

    def get(s: State) -> StateCounts:
        return StateCounts(counts[s][0], counts[s][1])

    return CatalogStatus(
        translated=get(State.TRANSLATED),
        fuzzy=get(State.FUZZY),
        must_retranslate=get(State.MUST_RETRANSLATE),
        untranslated=get(State.UNTRANSLATED),
        obsolete=get(State.OBSOLETE),
    )
