"""Reports show invisible characters by name, never as Python escapes (``\\u200c``)."""

from __future__ import annotations

from kit.checks.finding import Severity, quoted
from kit.checks.formats import to_json, to_text
from kit.checks.report import CheckReport
from kit.checks.translations import check_catalog
from tests.checks._helpers import catalog, entry, options, po, rules, source


def test_quoted_names_what_does_not_show() -> None:
    assert quoted("ok") == "'ok'"
    assert quoted("don't") == '"don\'t"'
    assert quoted("a\u200cb") == "'a⟨U+200C ZERO WIDTH NON-JOINER⟩b'"
    assert quoted("x\u2029y\tz") == ("'x⟨U+2029 PARAGRAPH SEPARATOR⟩y⟨U+0009 TAB⟩z'")
    assert quoted("a\u00a0b") == "'a⟨U+00A0 NO-BREAK SPACE⟩b'"
    assert quoted("مرحبا 你好") == "'مرحبا 你好'"


def test_a_joiner_that_spells_a_word_stays_part_of_it() -> None:
    """Persian writes ZWNJ inside most verbs and plurals, Devanagari and Sinhala use ZWJ for
    a conjunct's form: naming them would bury a translator's sentence in ⟨U+200C ...⟩."""
    assert quoted("اندازه می\u200cگیرد") == "'اندازه می\u200cگیرد'"
    assert quoted("क्\u200dष") == "'क्\u200dष'"
    assert quoted("ශ්\u200dරී") == "'ශ්\u200dරී'"
    # elsewhere a joiner is named: in Latin text, at either end, next to a space or a digit
    assert quoted("Wash\u200cyour") == "'Wash⟨U+200C ZERO WIDTH NON-JOINER⟩your'"
    assert quoted("\u200cمی") == "'⟨U+200C ZERO WIDTH NON-JOINER⟩می'"
    assert quoted("می \u200cگ") == "'می ⟨U+200C ZERO WIDTH NON-JOINER⟩گ'"
    assert quoted("۲\u200cگ") == "'۲⟨U+200C ZERO WIDTH NON-JOINER⟩گ'"
    assert quoted("می\u200bگ") == "'می⟨U+200B ZERO WIDTH SPACE⟩گ'"


def test_a_text_report_shows_u200c_by_name() -> None:
    unit = source("Wash\u200cyour hands.\n")
    found = list(
        check_catalog(
            catalog(
                unit,
                po(entry("Wash\u200cyour hands.", "Lávese las manos.", fuzzy=True)),
                rules("es"),
            ),
            options(),
        )
    )
    report = CheckReport(tuple(found), (), Severity.ERROR)
    text = to_text(report)
    assert "\\u200c" not in text and "\u200c" not in text
    assert "fuzzy translation of 'Wash⟨U+200C ZERO WIDTH NON-JOINER⟩your hands.'" in text
    assert "\\u200c" not in to_json(report)
