"""``kit.checks.renderable.refusals`` decides most texts without a loop over every character;
these properties hold it to the per-character rules it replaced."""

from __future__ import annotations

import bisect
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.inputs import CatalogUnit, LocaleRules, SourceUnit
from kit.checks.renderable import (
    MAX_COMBINING_RUN,
    Refusal,
    check_catalog,
    describe,
    refusals,
)
from kit.po.model import PoEntry, PoFile
from kit.source.parse import parse_document

COVERAGE = ((0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x600, 0x6FF), (0x4E00, 0x4FFF))


def forbidden(char: str) -> bool:
    code = ord(char)
    if char in "\t\n":
        return False
    return code < 0x20 or 0x7F <= code <= 0x9F or char in "\u2028\u2029"


def combining_run(text: str) -> int:
    best = run = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def drawable(char: str) -> bool:
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
        return True
    code = ord(char)
    index = bisect.bisect_right(COVERAGE, (code, 0x10FFFF + 1)) - 1
    return index >= 0 and COVERAGE[index][0] <= code <= COVERAGE[index][1]


def expected(text: str) -> list[tuple[str, str]]:
    found = []
    bad = next((c for c in text if forbidden(c)), None)
    if bad is not None:
        found.append(("render.control-character", describe(bad)))
    if combining_run(text) > MAX_COMBINING_RUN:
        found.append(("render.too-heavy", str(combining_run(text))))
    missing = [c for c in dict.fromkeys(text) if not drawable(c)]
    if missing:
        found.append(("render.no-font", ", ".join(describe(c) for c in missing[:5])))
    return found


def seen(found: list[Refusal]) -> list[tuple[str, str]]:
    out = []
    for r in found:
        detail = r.message.split("holds ")[-1].split(", which")[0]
        if r.check == "render.too-heavy":
            detail = r.message.split(" ")[0]
        if r.check == "render.no-font":
            detail = r.message.removeprefix("no installed font can draw ")
        out.append((r.check, detail))
    return out


TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("a\t\n\r\x00\x1f\x7f\x85\x9f\u2028\u2029\u0301\u20dd\u0e31ก漢\u200b é"),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


@settings(max_examples=2000, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=20))
def test_refusals_follow_the_per_character_rules(text: str, marks: int) -> None:
    text = text + "e" + "\u0301" * marks
    for _ in range(2):  # the second time from the drawable characters already known
        assert seen(list(refusals(text, COVERAGE))) == expected(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(TEXT, max_size=8), st.sampled_from([COVERAGE, None, list(COVERAGE)]))
def test_check_catalog_skips_only_texts_without_a_refusal(texts: list[str], coverage) -> None:  # type: ignore[no-untyped-def]
    """``check_catalog`` passes over texts made of characters known to break no rule (and
    not too long): it finds what ``refusals`` finds on every translation."""
    entries = tuple(PoEntry(msgid=f"m{i}", msgstr=t, line=i + 1) for i, t in enumerate(texts))
    doc = parse_document("---\ntitle: T\nsummary: S\nslug: t\nreviewed: 2025-01-01\n---\n", "t.md")
    rules = LocaleRules(code="es", language="es", script="Latn")
    unit = CatalogUnit(SourceUnit(doc), rules, PoFile(PoEntry(msgid=""), entries), "es.po")
    for _ in range(2):  # the second time from the characters already known
        found = [(f.line, f.check, f.message) for f in check_catalog(unit, coverage)]
        assert found == [
            (e.line, r.check, r.message)
            for e in entries
            if e.msgstr
            for r in refusals(e.msgstr, coverage)
        ]
