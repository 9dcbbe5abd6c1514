"""The check summary of each (locale, document) for the manifest and the dashboard.

kit does not check anything here: the findings and reading levels come from ``kit check``
(``kit.checks``, run by ``kit.commands.bundle``). ``CheckRunner`` is the one thing a bundle
needs from it; ``summarize`` turns findings into counts per severity (suppressed findings do
not count).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Protocol

from kit.bundle.model import CheckSummary, ReadingLevel
from kit.catalog.localize import LocalizedDocument
from kit.checks.finding import Finding, Severity
from kit.checks.reading_level import ReadabilityRow
from kit.project import Project

Key = tuple[str, str]  # (locale code, document slug)


class CheckRunner(Protocol):
    def __call__(
        self, project: Project, ldocs: tuple[LocalizedDocument, ...]
    ) -> Mapping[Key, CheckSummary]: ...


def reading_level(row: ReadabilityRow) -> ReadingLevel:
    target = ""
    if row.target is not None:
        target = f"{'≤' if row.direction == 'max' else '≥'} {row.target:g}"
    notes = list(row.notes)
    if row.coverage < 100.0:
        notes.append(f"measured on the {row.coverage:g}% of the prose that is translated")
    return ReadingLevel(
        formula=row.formula,  # a proxy's name says so: "proxy: mean sentence length (words)"
        value=row.score,
        grade=row.grade,
        target=target,
        meets_target=row.passed,
        note="; ".join(notes),
    )


def summarize(
    findings: Iterable[Finding],
    keys: Iterable[Key],
    levels: Mapping[Key, ReadingLevel] | None = None,
) -> dict[Key, CheckSummary]:
    """Counts per severity for every key in ``keys`` (zero when it has no finding)."""
    counts: Counter[tuple[str, str, Severity]] = Counter(
        (f.locale, f.document, f.severity) for f in findings if not f.suppressed
    )
    levels = levels or {}
    return {
        key: CheckSummary(
            error=counts[(*key, Severity.ERROR)],
            warning=counts[(*key, Severity.WARNING)],
            info=counts[(*key, Severity.INFO)],
            reading_level=levels.get(key),
        )
        for key in keys
    }
