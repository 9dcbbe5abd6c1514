"""Freshness and provenance: is the clinical review of the source recent, and were the
translations reviewed after the source last changed?

- Source: ``reviewed:`` older than ``checks.review_cycle_years`` (or a ``next_review:`` date
  that has passed) is ``freshness.source-due`` (warning); older than
  ``checks.review_expiry_years`` is ``freshness.source-expired`` (error) instead.
- Translation: translated entries with no review sign-off (``kit review``) are
  ``freshness.unreviewed``, a warning, or an error when ``publish.require_review`` is on.
- ``freshness.stage-missing`` (error): a stage ``publish.require_stages`` names (translation,
  revision, clinical) does not cover every translated entry, so ``kit build`` withholds the
  page; the finding points at the first entry that stage has not signed off.
- ``freshness.source-changed``: an entry whose source text changed (``#| msgid``) after its
  translation was signed off, or a source re-reviewed (``reviewed:``) after the locale's
  latest sign-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from kit.catalog.review import ReviewLog, entry_hash, review_status, stage_status
from kit.checks.finding import Finding, Place, Severity
from kit.checks.inputs import CatalogUnit, Options, SourceUnit
from kit.checks.registry import default_severity, spec
from kit.po.model import PoEntry


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_source(unit: SourceUnit, options: Options) -> Iterator[Finding]:
    doc = unit.document
    place = Place(options.source_locale, doc.slug, doc.path)
    reviewed = doc.meta.reviewed
    expiry = add_years(reviewed, options.review_expiry_years)
    due = add_years(reviewed, options.review_cycle_years)
    if doc.meta.next_review is not None:
        due = min(due, doc.meta.next_review)
    if options.today >= expiry:
        yield _f(
            place,
            "freshness.source-expired",
            unit.reviewed_line,
            f"last reviewed {reviewed.isoformat()}, more than {options.review_expiry_years} years ago "
            f"(expired {expiry.isoformat()})",
        )
    elif options.today >= due:
        yield _f(
            place,
            "freshness.source-due",
            unit.reviewed_line,
            f"last reviewed {reviewed.isoformat()}; a review was due {due.isoformat()}",
        )


def check_catalog(unit: CatalogUnit, options: Options) -> Iterator[Finding]:
    if unit.po is None:
        return
    place = Place(unit.rules.code, unit.document.slug, unit.po_path)
    status = review_status(unit.review, unit.po)
    translated = unit.translated
    if status.unreviewed:
        first = _first_unreviewed(unit.review, translated)
        finding = place.finding(
            "freshness.unreviewed",
            default_severity("freshness.unreviewed"),
            first,
            f"{status.unreviewed} of {len(translated)} translated message(s) have no review sign-off",
            "have the translation reviewed, then run `kit review --locale "
            f'{unit.rules.code} --document {unit.document.slug} --reviewer "NAME" --role "ROLE"`',
        )
        yield finding.with_severity(Severity.ERROR) if unit.rules.require_review else finding
    yield from _missing_stages(unit, place, translated)
    yield from _changed_entries(unit, place)
    latest = status.latest
    if latest is not None and unit.document.meta.reviewed > latest.date:
        yield _f(
            place,
            "freshness.source-changed",
            unit.po.header.line,
            f"source re-reviewed {unit.document.meta.reviewed.isoformat()}, after this translation's "
            f"review of {latest.date.isoformat()} by {latest.reviewer}",
        )


def _missing_stages(
    unit: CatalogUnit, place: Place, translated: tuple[PoEntry, ...]
) -> Iterator[Finding]:
    """The same rule as ``kit.catalog.localize``: a required stage must cover every entry."""
    if unit.po is None or not translated:  # nothing translated: the coverage finding says it
        return
    for stage in unit.rules.require_stages:
        status = stage_status(unit.review, unit.po, stage)
        if status.complete:
            continue
        log = ReviewLog(tuple(s for s in unit.review.signoffs if s.stage == stage))
        yield place.finding(
            "freshness.stage-missing",
            default_severity("freshness.stage-missing"),
            _first_unreviewed(log, translated),
            f"{status.unreviewed} of {len(translated)} translated message(s) have no {stage} "
            "sign-off; kit.toml requires that stage (publish.require_stages), so kit build "
            "withholds the page",
            f"have the {stage} review done, then run "
            f"`kit review --locale {unit.rules.code} --stage {stage} ...`",
        )


def _first_unreviewed(log: ReviewLog, translated: tuple[PoEntry, ...]) -> int:
    covered = set().union(*(s.entries for s in log.signoffs)) if log.signoffs else set()
    return next((e.line for e in translated if entry_hash(e) not in covered), 0)


def _changed_entries(unit: CatalogUnit, place: Place) -> Iterator[Finding]:
    if unit.po is None or not unit.review.signoffs:
        return
    signed = {h: s for s in unit.review.signoffs for h in s.entries}
    for entry in unit.po.active:
        if entry.previous_msgid is None:
            continue
        old = replace(
            entry, msgid=entry.previous_msgid, msgctxt=entry.previous_msgctxt or entry.msgctxt
        )
        signoff = signed.get(entry_hash(old))
        if signoff is not None:
            yield _f(
                place,
                "freshness.source-changed",
                entry.line,
                f"source text changed after {signoff.reviewer} reviewed this translation on "
                f"{signoff.date.isoformat()}",
            )


def _f(place: Place, check: str, line: int, message: str) -> Finding:
    return place.finding(check, default_severity(check), line, message, spec(check).fix)
