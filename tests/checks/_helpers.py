"""Small builders so each test reads as: this source, this translation, these findings."""

from __future__ import annotations

import datetime as dt

from kit.catalog.review import ReviewLog
from kit.checks.finding import Finding
from kit.checks.glossary import Glossary
from kit.checks.inputs import CatalogUnit, LocaleRules, Options, SourceUnit
from kit.checks.scan import scan
from kit.po.model import PoEntry, PoFile
from kit.source.parse import parse_document

TODAY = dt.date(2025, 6, 1)
FRONT = """---
title: "Fever in babies"
summary: "What to do when your baby has a fever."
slug: fever
reviewed: 2024-01-15
---

"""


def source(body: str, front: str = FRONT) -> SourceUnit:
    text = front + body
    doc = parse_document(text, "source/fever.md")
    found = scan(text, doc.path, "en", doc.slug)
    return SourceUnit.scanned(doc, found)


def entry(
    msgid: str,
    msgstr: str = "",
    *,
    line: int = 10,
    fuzzy: bool = False,
    comments: tuple[str, ...] = (),
    msgctxt: str | None = None,
    previous: str | None = None,
) -> PoEntry:
    return PoEntry(
        msgid=msgid,
        msgstr=msgstr,
        msgctxt=msgctxt,
        flags=("fuzzy",) if fuzzy else (),
        translator_comments=comments,
        previous_msgid=previous,
        line=line,
    )


def po(*entries: PoEntry, header_comments: tuple[str, ...] = ()) -> PoFile:
    header = PoEntry(msgid="", msgstr="Language: es\n", translator_comments=header_comments, line=4)
    numbered = tuple(
        e if e.line != 10 else e.with_changes(line=20 + 4 * i) for i, e in enumerate(entries)
    )
    return PoFile(header=header, entries=numbered)


def rules(code: str = "es", **changes: object) -> LocaleRules:
    language = code.split("_")[0]
    script = {"zh": "Hans", "ar": "Arab", "ko": "Kore", "ru": "Cyrl"}.get(language, "Latn")
    base = LocaleRules(code=code, language=language, script=script, glossary=Glossary())
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def catalog(
    unit: SourceUnit,
    catalog_po: PoFile | None,
    locale: LocaleRules | None = None,
    review: ReviewLog | None = None,
) -> CatalogUnit:
    locale = locale or rules()
    path = f"locales/{locale.code}/LC_MESSAGES/fever.po"
    return CatalogUnit(unit, locale, catalog_po, path, review or ReviewLog())


def options(**changes: object) -> Options:
    from dataclasses import replace

    return replace(Options(today=TODAY), **changes)  # type: ignore[arg-type]


def checks(findings: list[Finding] | tuple[Finding, ...]) -> list[str]:
    return sorted(f.check for f in findings)
