"""Checks that read every script right: prefixes attached to phone numbers, decimal marks a
locale declares in kit.toml, thousands grouped by spaces, and hints that name the setting
that applies."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
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


@settings(max_examples=200, deadline=None)
@given(
    value=st.decimals(min_value=1000, max_value=10**8, places=0, allow_nan=False),
    code=st.sampled_from(["fr", "ru", "uk", "pl", "sv", "fr_CA", "cs"]),
    plain=st.booleans(),
)
def test_thousands_grouped_by_spaces_read_as_their_value(
    value: Decimal, code: str, plain: bool
) -> None:
    # The oracle is CLDR: the number as these locales write it (U+202F or U+00A0 between the
    # thousands), and as their translators type it, with plain spaces. "100 000" has the
    # shape of a phone number too; it is the same digits either way.
    written = format_decimal(value, locale=code)
    if plain:
        written = written.replace("\u202f", " ").replace("\u00a0", " ")
    source = f"About {value:,} children a year need this medicine."
    assert findings(source, f"{written} (traduction)", rules(code)) == []


def test_a_french_2_500_is_two_thousand_five_hundred() -> None:
    # "2 comprimés de 500 mg" written "2 500 mg" reads as 2,500 mg to a French reader.
    (found,) = findings("Give 2 tablets of 500 mg.", "Donnez 2 500 mg.", rules("fr"))
    assert found.message == "numbers differ: missing 2, 500; added 2500"


def test_a_space_where_the_locale_groups_with_a_mark_says_how_to_write_it() -> None:
    (found,) = findings("Give your child 1,500 mL a day.", "Dele 1 500 mL al día.", rules("es"))
    assert found.message == (
        "numbers differ: '1 500' reads as two numbers, 1 and 500, in es; the source has 1500"
    )
    assert found.hint.startswith("Write 1500 as '1.500' or '1500'")
    assert '`[locale.es] group_mark = " "`' in found.hint
    assert (
        findings("Give your child 1,500 mL a day.", "Dele 1 500 mL al día.", rules("es", group=" "))
        == []
    )


def test_a_slash_for_a_decimal_mark_says_how_to_write_it() -> None:
    (found,) = findings("Give 2.5 mL.", "۲/۵ میلی‌لیتر بدهید.", rules("fa"))
    assert found.message == (
        "numbers differ: '۲/۵' reads as two numbers, 2 and 5, in fa; the source has 2.5"
    )
    assert found.hint == "Write 2.5 with the decimal mark '٫': '۲٫۵'."
    (found,) = findings("Give 2.5 mL.", "Dé 2/5 mL.", rules("es"))
    assert found.hint == "Write 2.5 with the decimal mark ',': '2,5'."
