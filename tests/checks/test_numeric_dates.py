"""Dates in translations (``kit.checks.numeric_dates``, ``kit.checks.numbers``): a numeric
date kept in the source's month-first order where the locale writes the day first is found
("12/05/2026" is 12 May in Spanish); a date written as the locale writes it, in digits or
with the month's name, is the same date."""

from __future__ import annotations

import datetime as dt

import pytest
from babel import Locale
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.numbers import find_critical
from tests.checks._helpers import rules
from tests.checks.test_scripts_numbers import findings

SOURCE = "Come back on 12/05/2026."  # December 5, 2026


def checks(source: str, target: str, code: str) -> list[str]:
    return [f.check for f in findings(source, target, rules(code))]


def test_a_date_kept_in_the_source_order_is_found_with_what_it_reads_as() -> None:
    (found,) = findings(SOURCE, "Vuelva el 12/05/2026.", rules("es"))
    assert found.check == "translation.date-order"
    assert found.severity.value == "warning"
    assert found.message == (
        "date '12/05/2026' is in the source's order, but es writes the day first (d/M/yy): "
        "its readers read 12 de mayo de 2026"
    )
    assert found.hint.startswith("The source means 5 de diciembre de 2026: write '05/12/2026'")


@pytest.mark.parametrize(
    ("code", "translation"),
    [
        ("es", "Vuelva el 05/12/2026."),  # the locale's order
        ("es", "Vuelva el 5 de diciembre de 2026."),  # the month's name
        ("es", "Vuelva el 5 dic. 2026."),
        ("ru", "Приходите 5 декабря 2026 года."),  # the month's name, declined
        ("de", "Kommen Sie am 05.12.2026 wieder."),  # dots: a date, not a phone number
        ("fr_CA", "Revenez le 2026-12-05."),  # ISO 8601
        ("zh_Hans", "请于2026年12月5日回来。"),
        ("tl", "Bumalik sa 12/05/2026."),  # Tagalog writes the month first, as English
        ("es", "Vuelva el 12/24/2026."),  # not this date, but no reader can swap 24
    ],
)
def test_a_date_as_the_locale_writes_it_has_no_finding(code: str, translation: str) -> None:
    source = "Come back on 12/24/2026." if "24" in translation else SOURCE
    assert checks(source, translation, code) == []


def test_direction_marks_around_the_slashes_hide_nothing() -> None:
    # Arabic and Persian editors put a right-to-left mark after each number of a date
    kept = "عد في ١٢\u200f/٠٥\u200f/٢٠٢٦."
    assert checks(SOURCE, kept, "ar") == ["translation.date-order"]
    assert checks(SOURCE, "عد في ٥\u200f/١٢\u200f/٢٠٢٦.", "ar") == []


def test_a_month_name_stands_only_for_a_source_dates_month() -> None:
    assert checks(SOURCE, "Vuelva el 5 de marzo de 2026.", "es") == ["translation.numbers"]
    assert checks("Give 3 tablets.", "Dé tabletas en marzo.", "es") == ["translation.numbers"]
    assert checks("Give 1/2 tablet.", "Dé 1/2 tableta.", "es") == []  # no year: not a date


def test_dotted_and_iso_dates_are_numbers_not_phone_numbers() -> None:
    assert find_critical("am 05.12.2026", "de").numbers == ("12", "2026", "5")
    assert find_critical("le 2026-12-05", "fr_CA").phones == ()
    assert find_critical("Appelez le 01.23.45.67.89.", "fr").phones == ("0123456789",)
    assert find_critical("Call 555.123.4567.", "en").phones == ("5551234567",)
    # Korean writes the year first, a dot and a space after each part (CLDR: yy. M. d.)
    assert find_critical("2026. 12. 5.", "ko").numbers == ("12", "2026", "5")
    assert find_critical("26. 12. 5.", "ko").numbers == ("12", "26", "5")
    assert find_critical("12-34-56", "ru").phones == ("123456",)  # no date: a phone number


LOCALES = [
    "es",
    "de",
    "fr",
    "ar",
    "zh_Hans",
    "ja",
    "ko",
    "fa",
    "ru",
    "vi",
    "pt_BR",
    "tl",
    "so",
    "en_GB",
]


def _numeric(day: dt.date, code: str) -> str:
    """``day`` in the locale's CLDR short pattern, with a four-digit year."""
    pattern = Locale.parse(code).date_formats["short"].pattern.replace("yy", "y")
    return str(format_date(day, pattern, locale=code))


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    code=st.sampled_from(LOCALES),
    width=st.sampled_from(["short", "long"]),
)
def test_a_date_as_cldr_writes_it_in_the_locale_is_the_same_date(
    day: dt.date, code: str, width: str
) -> None:
    # The oracle is CLDR: the source's date as en orders it, the translation's as the
    # locale writes it, in digits or with the month's name (four-digit years both sides).
    source = f"Come back on {_numeric(day, 'en')}."
    written = _numeric(day, code) if width == "short" else format_date(day, "long", locale=code)
    assert checks(source, f"{written} ({code})", code) == [], written


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    code=st.sampled_from(LOCALES),
    source_year=st.sampled_from(["yy", "y"]),
    width=st.sampled_from(["short", "four-digit", "long"]),
)
def test_a_two_digit_year_and_a_four_digit_one_are_the_same_year(
    day: dt.date, code: str, source_year: str, width: str
) -> None:
    """ "12/5/26" in the source and "5/12/2026" (or "5 de diciembre de 2026") in the
    translation name one year; a false numbers error withheld the page. The oracle is CLDR:
    its short pattern (a two-digit year in most locales), with four digits, and its long date."""
    en = Locale.parse("en").date_formats["short"].pattern  # M/d/yy
    source = f"Come back on {format_date(day, en.replace('yy', source_year), locale='en')}."
    if width == "short":
        written = format_date(day, "short", locale=code)
    else:
        written = (
            _numeric(day, code) if width == "four-digit" else format_date(day, "long", locale=code)
        )
    assert "translation.numbers" not in checks(source, f"{written} ({code})", code), written


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Come back on 12/5/26.", "Vuelva el 5/12/2027."),  # another year
        ("Give 26 mL on 12/5/26.", "Dé 2026 mL el 5/12/26."),  # a dose, not a year
    ],
)
def test_a_year_stands_only_for_a_source_dates_year(source: str, translation: str) -> None:
    assert checks(source, translation, "es") == ["translation.numbers"]


def test_a_source_written_in_another_locale_is_read_in_its_own_order() -> None:
    from kit.checks.numeric_dates import source_dates

    (date,) = source_dates("Kommen Sie am 05.12.2026 wieder.", "de")  # dd.MM.y: day first
    assert date.means == dt.date(2026, 12, 5)
    (date,) = source_dates("Come back on 12/05/2026.", "en")
    assert date.means == dt.date(2026, 12, 5)
    assert source_dates("Give 2.5 mL every 6 hours.", "en") == ()
