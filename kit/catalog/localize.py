"""``Document`` × catalog → ``LocalizedDocument``: every segment resolved to the text to show.

A translated segment shows its translation. An untranslated, fuzzy or must-retranslate one
falls back to the source text and says so (renderers wrap it in the source language's
``lang``/``dir`` and mark it visibly). The publish decision follows ``kit.toml``: a page below
its threshold, or with any must-retranslate segment, is withheld or gets a banner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from kit.catalog.counts import CatalogStatus, catalog_status
from kit.catalog.review import ReviewLog, ReviewStatus, review_status, stage_status
from kit.catalog.states import State, state
from kit.locales import LocaleInfo
from kit.model import Document, Segment
from kit.po.model import PoEntry, PoFile

Key = tuple[str | None, str]


class Decision(StrEnum):
    PUBLISH = "publish"
    BANNER = "banner"
    WITHHOLD = "withhold"


@dataclass(frozen=True)
class LocalizedText:
    segment: Segment
    text: str  # what the reader sees: the translation, or the source text as a fallback
    state: State  # TRANSLATED for the source locale itself
    po_line: int = 0

    @property
    def fallback(self) -> bool:
        return self.state is not State.TRANSLATED


@dataclass(frozen=True)
class PublishPolicy:
    threshold: int = 100  # percent of source words translated
    below_threshold: str = "withhold"
    must_retranslate: str = "withhold"
    require_review: bool = False
    require_stages: tuple[str, ...] = ()  # review stages that must each cover every entry


@dataclass(frozen=True)
class PublishDecision:
    decision: Decision
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provenance:
    translator: str  # "" when the catalog does not name one
    machine_draft: str  # engine that produced a first draft, "" if none
    review: ReviewStatus | None
    source_reviewed: dt.date

    @property
    def reviewed(self) -> bool:
        return self.review is not None and self.review.complete


@dataclass(frozen=True)
class LocalizedDocument:
    document: Document
    locale: LocaleInfo
    source_locale: LocaleInfo
    texts: Mapping[Key, LocalizedText]
    status: CatalogStatus | None  # None for the source locale
    publish: PublishDecision
    provenance: Provenance | None  # None for the source locale
    po_path: str = ""
    other_locales: tuple[LocaleInfo, ...] = field(default_factory=tuple)

    @property
    def is_source(self) -> bool:
        return self.status is None

    def text(self, segment: Segment) -> LocalizedText:
        return self.texts.get(segment.key) or LocalizedText(
            segment, segment.text, State.UNTRANSLATED
        )

    @property
    def has_fallback(self) -> bool:
        return any(t.fallback for t in self.texts.values())


def source_localized(doc: Document, source: LocaleInfo) -> LocalizedDocument:
    texts = {seg.key: LocalizedText(seg, seg.text, State.TRANSLATED) for seg in doc.segments()}
    return LocalizedDocument(
        doc, source, source, texts, None, PublishDecision(Decision.PUBLISH), None
    )


def localize(
    doc: Document,
    po: PoFile,
    locale: LocaleInfo,
    source: LocaleInfo,
    policy: PublishPolicy,
    review: ReviewLog | None = None,
    po_path: str = "",
) -> LocalizedDocument:
    entries = {e.key: e for e in po.active}
    texts = {seg.key: _resolve(seg, entries.get(seg.key)) for seg in doc.segments()}
    status = catalog_status(po)
    review_state = review_status(review, po) if review is not None else None
    provenance = Provenance(
        _translator(po), po.meta("X-Machine-Draft"), review_state, doc.meta.reviewed
    )
    decision = decide(status, texts, policy, provenance)
    missing = _missing_stages(policy.require_stages, review, po)
    if missing:
        decision = PublishDecision(Decision.WITHHOLD, (*decision.reasons, missing))
    return LocalizedDocument(doc, locale, source, texts, status, decision, provenance, po_path)


def _missing_stages(stages: tuple[str, ...], review: ReviewLog | None, po: PoFile) -> str:
    """The reason to withhold when a required review stage does not cover every entry."""
    log = review or ReviewLog()
    missing = [s for s in stages if not stage_status(log, po, s).complete]
    if not missing:
        return ""
    return (
        f"kit.toml requires review stages not complete: {', '.join(missing)} (kit review --stage)"
    )


def _resolve(seg: Segment, entry: PoEntry | None) -> LocalizedText:
    if entry is None:  # a blank segment (an empty heading) is never extracted: nothing to do
        done = not seg.text.strip()
        return LocalizedText(seg, seg.text, State.TRANSLATED if done else State.UNTRANSLATED)
    current = state(entry)
    text = entry.msgstr if current is State.TRANSLATED else seg.text
    return LocalizedText(seg, text, current, entry.line)


def _translator(po: PoFile) -> str:
    name = po.meta("Last-Translator")
    return "" if not name or name.startswith("FULL NAME") else name


def decide(
    status: CatalogStatus,
    texts: Mapping[Key, LocalizedText],
    policy: PublishPolicy,
    provenance: Provenance,
) -> PublishDecision:
    withhold: list[str] = []
    banner: list[str] = []
    stale = sum(1 for t in texts.values() if t.state is State.MUST_RETRANSLATE)
    if stale:
        reason = f"{stale} segment(s) must be retranslated because their source changed in meaning"
        (withhold if policy.must_retranslate == "withhold" else banner).append(reason)
    percent = status.percent_words
    if status.translated.messages == 0 and status.total.messages:
        withhold.append("nothing is translated yet")
    elif percent < policy.threshold:
        reason = f"{percent:.0f}% of source words translated; the threshold is {policy.threshold}%"
        (withhold if policy.below_threshold == "withhold" else banner).append(reason)
    if policy.require_review and not provenance.reviewed:
        withhold.append("the translation has not been reviewed and kit.toml requires review")
    if withhold:
        return PublishDecision(Decision.WITHHOLD, tuple(withhold + banner))
    if banner:
        return PublishDecision(Decision.BANNER, tuple(banner))
    return PublishDecision(Decision.PUBLISH)
