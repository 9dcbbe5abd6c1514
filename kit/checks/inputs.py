"""What the checks read, gathered by ``kit.commands.check`` before any check runs (checks do
no IO): per-locale rules from kit.toml and the glossary, one source document with its image
uses and directives, and one catalog (document × locale)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from kit.catalog.back import BackLog
from kit.catalog.localize import Key
from kit.catalog.review import ReviewLog
from kit.catalog.states import State, state
from kit.checks.glossary import Glossary
from kit.checks.scan import ImageUse, Scan
from kit.checks.suppressions import Suppression
from kit.model import Document
from kit.po.model import PoEntry, PoFile


@dataclass(frozen=True)
class LocaleRules:
    code: str  # gettext form: zh_Hans
    language: str  # zh
    script: str  # ISO 15924 code of the locale's usual script: Hans, Arab, Latn
    threshold: int = 100  # percent of source words that must be translated to publish
    allowed_numbers: frozenset[str] = frozenset()  # normalized numbers that may differ
    number_swaps: frozenset[tuple[str, str]] = frozenset()  # (source, target): 911 may become 112
    localized_urls: bool = False
    decimal: str | None = None  # kit.toml's decimal_mark for the locale; None: locale data
    group: str | None = None  # kit.toml's group_mark; None: locale data
    identical_allowed: frozenset[str] = (
        frozenset()
    )  # casefolded texts that may stay as in the source
    require_review: bool = False
    require_stages: tuple[str, ...] = ()  # review stages that must cover every entry to publish
    glossary: Glossary = field(default_factory=Glossary)


@dataclass(frozen=True)
class Options:
    today: dt.date
    source_locale: str = "en"
    review_cycle_years: int = 3
    review_expiry_years: int = 5
    font_coverage: tuple[tuple[int, int], ...] | None = None  # what installed fonts can draw


@dataclass(frozen=True)
class ImageProblem:
    """A source image the build cannot publish: missing, unreadable or outside the project."""

    src: str
    line: int
    reason: str


@dataclass(frozen=True)
class SourceUnit:
    """One source document, as the checks see it."""

    document: Document
    images: tuple[ImageUse, ...] = ()
    raw_html: tuple[tuple[int, str], ...] = ()  # (line, html) of raw HTML that is not a comment
    suppressions: tuple[Suppression, ...] = ()
    reviewed_line: int = 1
    image_problems: tuple[ImageProblem, ...] = ()
    inline_html: tuple[tuple[int, str], ...] = ()  # (line, tag) of raw HTML inside a paragraph

    @classmethod
    def scanned(
        cls,
        document: Document,
        found: Scan,
        images: tuple[ImageUse, ...] | None = None,
        image_problems: tuple[ImageProblem, ...] = (),
    ) -> SourceUnit:
        """The unit of a document and what ``kit.checks.scan.scan`` found in its text
        (``images``: the scanned images as the caller completed them)."""
        return cls(
            document,
            found.images if images is None else images,
            found.raw_html,
            found.suppressions,
            found.reviewed_line,
            image_problems=image_problems,
            inline_html=found.inline_html,
        )


@dataclass(frozen=True)
class CatalogUnit:
    """One document in one locale. ``po`` is None when the catalog file does not exist."""

    source: SourceUnit
    rules: LocaleRules
    po: PoFile | None
    po_path: str
    review: ReviewLog = field(default_factory=ReviewLog)
    back: BackLog = field(
        default_factory=BackLog
    )  # back-translations (kit import back-translation)

    @property
    def document(self) -> Document:
        return self.source.document

    @cached_property
    def states(self) -> tuple[tuple[PoEntry, State], ...]:
        """Each active entry with its state, in file order (worked out once: every check of
        the catalog asks)."""
        if self.po is None:
            return ()
        return tuple((e, state(e)) for e in self.po.active)

    @cached_property
    def translated(self) -> tuple[PoEntry, ...]:
        """The catalog's translated entries (``State.TRANSLATED``), in file order: what
        coverage, reading level, review and alt-text checks read (worked out once)."""
        return tuple(e for e, current in self.states if current is State.TRANSLATED)

    @cached_property
    def by_key(self) -> dict[Key, PoEntry]:
        """The active entries by message key (worked out once: coverage and alt text ask)."""
        return {e.key: e for e, _ in self.states}

    @cached_property
    def translated_texts(self) -> dict[Key, str]:
        """Each translated entry's ``msgstr`` by message key (coverage and reading level)."""
        return {e.key: e.msgstr for e in self.translated}
