"""The frozen records a locale bundle is made of; shared by the manifest and the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from kit.catalog.localize import LocalizedDocument
from kit.locales import LocaleInfo

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1


class BundleState(StrEnum):
    PUBLISHED = "published"  # every document passes its publish gate
    DRAFT = "draft"  # a document is withheld; bundled, marked draft ([bundle] failing = "draft")
    OMITTED = "omitted"  # a document is withheld; no bundle ([bundle] failing = "omit")


@dataclass(frozen=True)
class Gate:
    """Whether a locale passes its publish gate, and what kit.toml makes of a failure."""

    state: BundleState
    reasons: tuple[str, ...] = ()  # "<slug>: <why it is withheld>", one per reason


@dataclass(frozen=True)
class FileRecord:
    """One file in a bundle. ``path`` is both the zip entry and the path under ``dist/``."""

    path: str  # es/fever.html
    sha256: str
    size: int


@dataclass(frozen=True)
class ReadingLevel:
    """A document's reading level as ``kit check`` measured it in this locale."""

    formula: str  # "Flesch-Kincaid grade", "Fernandez-Huerta", ...
    value: float | None  # None: not measured (``note`` says why)
    grade: float | None = None  # set when the value is a school grade
    target: str = ""  # the locale's target in words, "" when there is none
    meets_target: bool | None = None  # None: no target, or not measured
    note: str = ""


@dataclass(frozen=True)
class CheckSummary:
    """Counts of ``kit check`` findings per severity for one document in one locale."""

    error: int = 0
    warning: int = 0
    info: int = 0
    reading_level: ReadingLevel | None = None

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info


@dataclass(frozen=True)
class DocumentRecord:
    ldoc: LocalizedDocument
    files: tuple[str, ...]  # paths (as in FileRecord.path) of this document's pages and handouts
    checks: CheckSummary | None  # None: kit check could not run for it

    @property
    def slug(self) -> str:
        return self.ldoc.document.slug


@dataclass(frozen=True)
class Revision:
    """The git commit the content came from; ``dirty`` when source, catalogs, templates or
    kit.toml differ from it."""

    commit: str
    dirty: bool


@dataclass(frozen=True)
class Stamp:
    """The one timestamp every zip entry carries, and where it came from."""

    when: dt.datetime  # UTC, whole seconds
    origin: str  # "SOURCE_DATE_EPOCH" or "newest review date"


@dataclass(frozen=True)
class LocaleBundle:
    """Everything ``dist/bundles/<locale>.zip`` and its manifest say about one locale."""

    project: str
    kit_version: str
    locale: LocaleInfo
    source_locale: LocaleInfo
    revision: Revision | None  # None outside git
    stamp: Stamp
    gate: Gate
    documents: tuple[DocumentRecord, ...]
    files: tuple[FileRecord, ...]  # every file in the zip except manifest.json, sorted by path
    # kit check's findings on the locale's own kit.po (the frame's words): None when not checked
    words_checks: CheckSummary | None = None

    @property
    def folder(self) -> str:
        return self.locale.code

    @property
    def zip_name(self) -> str:
        return f"{self.locale.code}.zip"
