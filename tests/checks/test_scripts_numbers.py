"""Checks that read every script right: prefixes attached to phone numbers, decimal marks a
locale declares in kit.toml, and hints that name the setting that applies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.checks.finding import Finding
from kit.checks.inputs import LocaleRules
from kit.checks.numbers import ambiguous, critical
from kit.checks.translations import entry_findings
from kit.po.model import PoEntry
from tests.checks._helpers import rules

PLACE_LINE = 7


def findings(source: str, target: str, locale: LocaleRules) -> list[Finding]:
    from kit.checks.finding import Place

    place = Place(locale.code, "fever", f"locales/{locale.code}/LC_MESSAGES/fever.po")
    return list(entry_findings(PoEntry(source, target, line=PLACE_LINE), locale, "en", place))


@pytest.mark.parametrize(
    ("code", "translation"),
    [
        ("am", "ለልጅዎ ትኩሳት ካለው በ555-0142 ይደውሉ።"),  # Ethiopic በ "at/by" glued to the number
        ("ti", "ብ555-0142 ደውሉ።"),
        ("ar", "إذا كانت لدى طفلك حمى، اتصل بـ555-0142."),  # Arabic بـ with a tatweel
        ("ar", "اتصل ب\u200e555-0142\u200e."),  # with the LRM marks an editor inserts
        ("fa", "با ۵۵۵-۰۱۴۲ تماس بگیرید."),  # Persian digits
        ("ko", "555-0142번으로 전화하세요."),  # Korean suffix
        ("zh_Hant", "請撥打555-0142。"),  # Chinese writes no space
        ("hi", "555-0142 पर कॉल करें।"),
    ],
)
def test_a_phone_number_with_a_script_prefix_is_the_same_number(
    code: str, translation: str
) -> None:
    source = "If your baby has a fever, call 555-0142."
    assert critical(translation, code).phones == ("5550142",)
    assert findings(source, translation, rules(code)) == []


def test_latin_letters_glued_to_digits_stay_a_code_not_a_phone() -> None:
    assert critical("Order kit ABC5550142 now.", "en").phones == ()
    assert critical("Order kit ABC5550142 now.", "en").numbers == ("5550142",)


def test_a_changed_phone_number_is_still_found_and_the_hint_is_about_phones() -> None:
    [finding] = findings("Call 555-0142.", "ይደውሉ በ555-0199።", rules("am"))
    assert finding.check == "translation.contacts"
    assert finding.message == "phone missing 5550142; added 5550199"
    assert "localized_urls" not in finding.hint
    assert "[locale.am] allowed_numbers" in finding.hint


def test_a_changed_url_hint_names_localized_urls_for_this_locale() -> None:
    [finding] = findings("See https://example.org/a.", "Vea https://example.org/b.", rules("es_MX"))
    assert "[locale.es_MX] localized_urls = true" in finding.hint
    assert "allowed_numbers" not in finding.hint


def test_spanish_3_000_says_what_it_reads_as_and_how_to_write_it() -> None:
    [finding] = findings(
        "Never give more than 3,000 mg a day.", "No dé más de 3,000 mg al día.", rules("es")
    )
    assert finding.check == "translation.numbers"
    assert finding.message == (
        "numbers differ: '3,000' reads as 3 in es, where ',' is the decimal mark; "
        "the source has 3000"
    )
    assert finding.hint == (
        "Write 3000 as '3.000' or '3000' (no mark), or 3 as in the source. If people reading es "
        "write '.' as the decimal mark, declare it: `[locale.es] decimal_mark = \".\"` in kit.toml."
    )


def test_a_declared_decimal_mark_reads_3_000_as_three_thousand() -> None:
    us = rules("es_US", decimal=".", group=",")
    assert findings("Never give more than 3,000 mg.", "No dé más de 3,000 mg.", us) == []
    # a mark before other than three digits can only be decimal, whatever is declared
    assert findings("Give 2.5 mL.", "Dé 2,5 mL.", us) == []
    [finding] = findings("Give 2.5 mL.", "Dé 25 mL.", us)
    assert finding.message == "numbers differ: missing 2.5; added 25"
    assert "[locale.es_US] allowed_numbers" in finding.hint


def test_ambiguous_tokens() -> None:
    assert [a.token for a in ambiguous("3,000 mg y 2,5 mL y 1.000", ",")] == ["3,000"]
    assert ambiguous("3,000", ".") == ()


ATTACHING_LETTERS = "በለየብ" + "بلوك" + "בלמה" + "번에" + "打至" + "परसे" + "ကို"


@given(
    digits=st.lists(st.integers(0, 9), min_size=7, max_size=12),
    before=st.sampled_from(ATTACHING_LETTERS + " (:"),
    after=st.sampled_from(ATTACHING_LETTERS + " ).,።،。"),
    dash=st.integers(3, 6),
)
def test_any_attached_word_of_a_non_latin_script_leaves_the_phone_whole(
    digits: list[int], before: str, after: str, dash: int
) -> None:
    number = "".join(map(str, digits))
    written = f"{number[:dash]}-{number[dash:]}"
    assert critical(f"x {before}{written}{after} y", "am").phones == (number,)
