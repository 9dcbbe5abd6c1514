"""Suppressions live next to the unit and need a reason; reports keep suppressed findings."""

from __future__ import annotations

import datetime as dt

from kit.checks.finding import Finding, Severity
from kit.checks.suppressions import apply, finalize, from_po, parse_po_comment
from kit.commands.check import check_source

from ._helpers import FRONT, entry, options, po, source

PATH = "locales/es/LC_MESSAGES/fever.po"


def finding(check: str, line: int, path: str = PATH) -> Finding:
    return Finding(check, Severity.ERROR, "es", "fever", path, line, "numbers differ", "keep them")


def test_parse_po_comment() -> None:
    assert parse_po_comment("kit: ignore translation.numbers -- 112 is the emergency number") == (
        "translation.numbers",
        "112 is the emergency number",
    )
    assert parse_po_comment("kit: ignore translation.numbers") == ("translation.numbers", "")
    assert parse_po_comment("a note for the translator") is None


def test_po_entry_comment_suppresses_that_entry_only() -> None:
    note = ("kit: ignore translation.numbers -- 112 is the emergency number in Spain",)
    catalog_po = po(
        entry("Call 911.", "Llame al 112.", comments=note, line=20), entry("Call 911 now.", line=30)
    )
    sups = from_po(catalog_po, PATH, "es", "fever")
    out = apply(
        [finding("translation.numbers", 20), finding("translation.numbers", 30)], sups
    ).findings
    assert [(f.line, f.suppressed_reason) for f in out] == [
        (20, "112 is the emergency number in Spain"),
        (30, None),
    ]


def test_header_comment_covers_the_whole_catalog() -> None:
    catalog_po = po(
        entry("Call 911."),
        header_comments=("kit: ignore reading.level -- short phrases by design",),
    )
    out = apply(
        [finding("reading.level", 4), finding("reading.level", 99)],
        from_po(catalog_po, PATH, "es", "fever"),
    ).findings
    assert all(f.suppressed for f in out)


def test_no_reason_is_an_error_and_suppresses_nothing() -> None:
    catalog_po = po(
        entry("Call 911.", "Llame al 112.", comments=("kit: ignore translation.numbers",), line=20)
    )
    out = apply(
        [finding("translation.numbers", 20)], from_po(catalog_po, PATH, "es", "fever")
    ).findings
    assert sorted((f.check, f.suppressed) for f in out) == [
        ("suppression.no-reason", False),
        ("translation.numbers", False),
    ]
    assert next(f for f in out if f.check == "suppression.no-reason").severity is Severity.ERROR


def test_unknown_check_and_unused_suppressions_are_reported() -> None:
    comments = ("kit: ignore numberz -- typo", "kit: ignore translation.links -- nothing to hide")
    catalog_po = po(entry("Call 911.", "Llame al 911.", comments=comments, line=20))
    out = apply([], from_po(catalog_po, PATH, "es", "fever")).findings
    assert sorted((f.check, f.severity.value) for f in out) == [
        ("suppression.unknown-check", "error"),
        ("suppression.unused", "info"),
    ]


def test_source_comment_before_a_block_covers_that_block() -> None:
    body = (
        "Intro.\n\n<!-- kit-ignore: alt.caption -- the next paragraph is the caption -->\n"
        "![Nurse with a thermometer.](img/ear.png)\n\n![Nurse with a baby.](img/baby.png)\n"
    )
    unit = source(body)
    out = finalize(check_source(unit, options()), unit.suppressions, frozenset(), {})
    assert [(f.check, f.line, f.suppressed) for f in out] == [
        ("alt.caption", 11, True),
        ("alt.caption", 13, False),
    ]


def test_source_comment_at_the_top_covers_the_document_and_front_matter() -> None:
    body = "<!-- kit-ignore: freshness.source-expired -- sample content, re-review before use -->\n\nText.\n"
    unit = source(body, FRONT.replace("2024-01-15", "2018-12-01"))
    out = finalize(
        check_source(unit, options(today=dt.date(2025, 1, 1))), unit.suppressions, frozenset(), {}
    )
    assert [(f.check, f.suppressed_reason) for f in out] == [
        ("freshness.source-expired", "sample content, re-review before use")
    ]


def test_disabled_checks_and_severity_overrides() -> None:
    out = finalize(
        [finding("translation.numbers", 20), finding("alt.caption", 3)],
        [],
        frozenset({"alt.caption"}),
        {"translation.numbers": "warning"},
    )
    assert [(f.check, f.severity) for f in out] == [("translation.numbers", Severity.WARNING)]
