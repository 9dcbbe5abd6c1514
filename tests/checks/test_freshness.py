"""Freshness: source review cycle and expiry; translation review sign-offs."""

from __future__ import annotations

import datetime as dt

import pytest

from kit.catalog.review import ReviewLog, sign_off
from kit.checks.finding import Severity
from kit.checks.freshness import add_years, check_catalog, check_source

from ._helpers import FRONT, catalog, entry, options, po, rules, source


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 1, 14), []),
        (dt.date(2027, 1, 15), [("freshness.source-due", Severity.WARNING)]),
        (dt.date(2029, 1, 15), [("freshness.source-expired", Severity.ERROR)]),
    ],
)
def test_source_review_cycle_and_expiry(
    today: dt.date, expected: list[tuple[str, Severity]]
) -> None:
    findings = list(check_source(source("Text.\n"), options(today=today)))
    assert [(f.check, f.severity) for f in findings] == expected
    assert all(
        f.line == 5 and f.path == "source/fever.md" for f in findings
    )  # the `reviewed:` line


def test_next_review_date_makes_it_due_earlier() -> None:
    front = FRONT.replace(
        "reviewed: 2024-01-15\n", "reviewed: 2024-01-15\nnext_review: 2025-01-15\n"
    )
    findings = list(check_source(source("Text.\n", front), options(today=dt.date(2025, 6, 1))))
    assert [f.check for f in findings] == ["freshness.source-due"]


def test_cycle_and_expiry_are_configurable() -> None:
    findings = list(
        check_source(source("Text.\n"), options(today=dt.date(2025, 6, 1), review_cycle_years=1))
    )
    assert [f.check for f in findings] == ["freshness.source-due"]


def test_add_years_on_29_february() -> None:
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


def translated_po() -> tuple:  # type: ignore[type-arg]
    return po(
        entry("Fever in babies", "Fiebre en bebés", line=20),
        entry("Call us.", "Llámenos.", line=24),
    )


def test_unreviewed_translation_is_a_warning_or_an_error_when_review_is_required() -> None:
    unit = source("Call us.\n")
    findings = list(check_catalog(catalog(unit, translated_po()), options()))
    assert [(f.check, f.severity, f.line) for f in findings] == [
        ("freshness.unreviewed", Severity.WARNING, 20)
    ]
    assert findings[0].hint == (  # the command to run, for this catalog
        "have the translation reviewed, then run `kit review --locale es --document "
        f'{unit.document.slug} --reviewer "NAME" --role "ROLE"`'
    )
    strict = rules("es", require_review=True)
    findings = list(check_catalog(catalog(unit, translated_po(), strict), options()))
    assert [(f.check, f.severity) for f in findings] == [("freshness.unreviewed", Severity.ERROR)]


def test_reviewed_translation_passes() -> None:
    catalog_po = translated_po()
    log = sign_off(
        ReviewLog(), catalog_po, "Dr. Ana Ruiz", "clinical reviewer", "TEP", dt.date(2024, 3, 1)
    )
    assert (
        list(check_catalog(catalog(source("Call us.\n"), catalog_po, review=log), options())) == []
    )


def test_source_text_changed_after_review() -> None:
    old = po(entry("Fever in babies", "Fiebre en bebés"), entry("Call us today.", "Llámenos hoy."))
    log = sign_off(
        ReviewLog(), old, "Dr. Ana Ruiz", "clinical reviewer", "TEP", dt.date(2024, 3, 1)
    )
    changed = entry("Call us now.", "Llámenos hoy.", fuzzy=True, previous="Call us today.", line=40)
    now = po(entry("Fever in babies", "Fiebre en bebés"), changed)
    findings = [
        f
        for f in check_catalog(catalog(source("Call us now.\n"), now, review=log), options())
        if f.check == "freshness.source-changed"
    ]
    assert [(f.line, f.severity) for f in findings] == [(40, Severity.WARNING)]
    assert "Dr. Ana Ruiz" in findings[0].message


def test_source_re_reviewed_after_translation_review() -> None:
    catalog_po = translated_po()
    log = sign_off(
        ReviewLog(), catalog_po, "Dr. Ana Ruiz", "clinical reviewer", "TEP", dt.date(2023, 3, 1)
    )
    findings = list(check_catalog(catalog(source("Call us.\n"), catalog_po, review=log), options()))
    assert [f.check for f in findings] == ["freshness.source-changed"]
