"""Number and contact normalization (kit.checks.numbers): the same value compares equal in
any script and with either decimal convention; a real change does not."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.number_words import spelled
from kit.checks.numbers import (
    critical,
    find_critical,
    normalize_number,
    to_ascii_digits,
)


@pytest.mark.parametrize(
    ("token", "decimal", "value"),
    [
        ("2.5", ".", "2.5"),
        ("2,5", ",", "2.5"),
        ("2,5", ".", "2.5"),  # a separator before other than 3 digits is a decimal one anywhere
        ("1,000", ".", "1000"),
        ("1.000", ",", "1000"),
        ("1,000", ",", "1"),  # English "1,000" copied into Spanish reads as one
        ("1,234.5", ".", "1234.5"),
        ("1.234,5", ",", "1234.5"),
        ("1\u00a0000", ",", "1000"),
        ("٢٫٥", "٫", "2.5"),
        # Unicode's Arabic separators say what they are, whatever the locale's marks: ٫ is
        # always a decimal separator (۱٫۵۰۰ is 1.5 to a Persian reader), ٬ always a group one
        ("۱٫۵۰۰", ".", "1.5"),
        ("1٫500", ",", "1.5"),
        ("١٬٥٠٠", ".", "1500"),
        ("١٬٥٠٠", ",", "1500"),
        ("۱٬۵۰۰٫۵", ".", "1500.5"),
        ("0100", ".", "100"),
        ("2.50", ".", "2.5"),
    ],
)
def test_normalize_number(token: str, decimal: str, value: str) -> None:
    assert normalize_number(token, decimal) == value


_NATIVE_DIGITS = {"arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}


@settings(max_examples=300, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False),
    where=st.sampled_from(
        [("fa", "arabext"), ("ar_SA", "arab"), ("ps", "arabext"), ("ckb", "arab")]
    ),
)
def test_numbers_as_cldr_writes_them_in_native_digits_read_back_as_their_value(
    value: Decimal, where: tuple[str, str]
) -> None:
    # The oracle is CLDR itself (through Babel): a number written with the locale's own
    # digits, thousands separator ٬ and decimal separator ٫ means what it says to a reader.
    locale, system = where
    written = format_decimal(value, locale=locale, numbering_system=system)
    native = written.translate(str.maketrans("0123456789", _NATIVE_DIGITS[system]))
    (number,) = find_critical(f"{native} mL", locale, None).numbers
    assert Decimal(number) == value, native


def test_native_digits() -> None:
    assert to_ascii_digits("٣ ३ ３ 3") == "3 3 3 3"
    assert to_ascii_digits("plain") == "plain"


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("\u200fCall \u200e+1 555 0100\u200e today.", "Call +1 555 0100 today."),
        ("اتصل \u061c٥٥٥-٠١٤٢ أو ٢ مل", "اتصل 555-0142 أو 2 مل"),
        (
            "See www\u200e.example.org or \u2066care@example.org\u2069.",
            "See www.example.org or care@example.org.",
        ),
        ("\u200eNo number here\u200f", "No number here"),
        ("Nothing to compare at all", "Nothing to compare at all"),
    ],
)
def test_bidi_marks_and_native_digits_change_nothing(marked: str, plain: str) -> None:
    """An editor's invisible direction marks and a script's own digits are read as the plain
    text a reader sees (``rest`` is what number words are looked up in)."""
    assert find_critical(marked, "ar", ".") == find_critical(plain, "ar", ".")
    assert find_critical(marked, "ar", ".").rest == find_critical(plain, "ar", ".").rest


def test_contacts_are_taken_out_before_numbers() -> None:
    found = critical(
        "Call +1 555 0100 or 555-0199, write to Care@Example.org, see https://x.org/2.", "en"
    )
    assert found.phones == ("15550100", "5550199")
    assert found.emails == ("care@example.org",)
    assert found.urls == ("https://x.org/2",)
    assert found.numbers == ()


def test_dates_and_decimals_are_not_phone_numbers() -> None:
    assert critical("Give 2.5 mL at 8.30 and 12.45.", "en").phones == ()


@pytest.mark.parametrize(
    ("number", "text", "language"),
    [
        ("1", "Bebés de un año", "es"),
        ("3", "Tres veces", "es"),
        ("2", "两次", "zh"),
        ("3", "세 번", "ko"),
    ],
)
def test_spelled_numbers(number: str, text: str, language: str) -> None:
    assert spelled(number, text, language)


def test_spelled_numbers_need_whole_words() -> None:
    assert not spelled("2", "dosis", "es")
