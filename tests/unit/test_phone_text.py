"""Which spaces ``kit.text`` makes no-break spaces: those inside a phone number, between a
number and its unit, and between a number's thousands ("1 500"), no others."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.checks.overflow import has_long_run
from kit.html.inline import InlineStyle, render_inline
from kit.text import (
    NBSP,
    keep_grouped_numbers_whole,
    keep_phone_numbers_whole,
    keep_together,
    keep_units_with_numbers,
)

N = NBSP


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call us at +1 555 0100 right away.", f"Call us at +1{N}555{N}0100 right away."),
        ("Llame al (555) 010 0100.", f"Llame al (555){N}010{N}0100."),
        ("+61 2 9876 5432", f"+61{N}2{N}9876{N}5432"),  # one single-digit group: an area code
        ("Appelez le 01 23 45 67 89.", f"Appelez le 01{N}23{N}45{N}67{N}89."),
        ("۰۲۱ ۱۲۳۴ ۵۶۷۸", f"۰۲۱{N}۱۲۳۴{N}۵۶۷۸"),  # Persian digits
        ("+44 20 7946 0958 or +1 555 0100", f"+44{N}20{N}7946{N}0958 or +1{N}555{N}0100"),
        # not phone numbers: kept as written
        ("Take 2 500 mg tablets", "Take 2 500 mg tablets"),  # 4 digits
        ("Days 1 2 3 4 5 6 7 8 9 10", "Days 1 2 3 4 5 6 7 8 9 10"),  # numbers one by one
        ("Version 1.0 2026", "Version 1.0 2026"),
        ("x1 555 0100", "x1 555 0100"),  # inside a word
        ("555-0142", "555-0142"),  # no space to keep
        ("+1 555 0100 0200 0300 0400", "+1 555 0100 0200 0300 0400"),  # too long for one
        ("Take 5550100 2 times", "Take 5550100 2 times"),  # no group of two digits follows
        ("+1 5550100", f"+1{N}5550100"),
    ],
)
def test_spaces_inside_a_phone_number_do_not_break(text: str, expected: str) -> None:
    assert keep_phone_numbers_whole(text) == expected


@given(st.text(alphabet=st.sampled_from("0123456789 +()-.a۱،"), max_size=60))
def test_only_spaces_change_and_twice_is_once(text: str) -> None:
    kept = keep_phone_numbers_whole(text)
    assert kept.replace(NBSP, " ") == text
    assert keep_phone_numbers_whole(kept) == kept


def test_pages_write_the_no_break_space_as_an_entity() -> None:
    html = render_inline("Call **us** at +1 555 0100.", InlineStyle())
    assert html == "Call <strong>us</strong> at +1&nbsp;555&nbsp;0100."
    rtl = render_inline("اتصل على +1 555 0100 الآن.", InlineStyle(rtl=True))
    assert rtl == 'اتصل على <bdi dir="ltr">+1&nbsp;555&nbsp;0100</bdi> الآن.'


def test_a_long_phone_number_is_a_long_run_for_the_overflow_check() -> None:
    """A project with its own handout CSS gets a block laid out when its text has an
    unbroken run of 18 characters: a phone number printed whole is one."""
    assert has_long_run("Call +61 (02) 9876 5432 now.")  # 18 characters, printed whole
    assert not has_long_run("Call +1 555 0100 now.")
    assert has_long_run(f"x{N}" * 9)  # a translator's own no-break spaces do not break either


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A fever of 38 °C or higher", f"A fever of 38{N}°C or higher"),
        ("38.0 °C (100.4 °F)", f"38.0{N}°C (100.4{N}°F)"),
        ("Give 2.5 mL, then 5 mg/kg", f"Give 2.5{N}mL, then 5{N}mg/kg"),
        ("10 % des enfants", f"10{N}% des enfants"),
        (
            "120 mmHg; 5 mmol/L; 3 kg; 200 mcg; 1 L",
            f"120{N}mmHg; 5{N}mmol/L; 3{N}kg; 200{N}mcg; 1{N}L",
        ),
        ("٣٨ °C", f"٣٨{N}°C"),  # Arabic-Indic digits
        ("5 мг", f"5{N}мг"),
        ("أعط ٥ مل", f"أعط ٥{N}مل"),  # Arabic ml
        ("١٠ ٪ من الأطفال", f"١٠{N}٪ من الأطفال"),  # the Arabic percent sign
        ("۲٫۵ میلی\u200cلیتر", f"۲٫۵{N}میلی\u200cلیتر"),  # Persian millilitres, written out
        # not a unit: kept as written
        ("Drink 2 glasses of water", "Drink 2 glasses of water"),
        ("Take 2 tablets", "Take 2 tablets"),
        ("5 mgs", "5 mgs"),
        ("Page 2 Letter", "Page 2 Letter"),
        ("COVID 19 Lab", "COVID 19 Lab"),
        ("٥ ملاعق", "٥ ملاعق"),  # Arabic "spoons" starts with ml
    ],
)
def test_a_number_keeps_its_unit(text: str, expected: str) -> None:
    assert keep_units_with_numbers(text) == expected


@given(st.text(alphabet=st.sampled_from("0123456789 +()-.amgLk%°Cl۱"), max_size=60))
def test_units_change_only_spaces_and_twice_is_once(text: str) -> None:
    kept = keep_together(text)
    assert kept.replace(NBSP, " ") == text
    assert keep_together(kept) == kept


def test_pages_keep_a_dose_on_one_line() -> None:
    assert render_inline("Give **5 mg** at 8 am.", InlineStyle()) == (
        "Give <strong>5&nbsp;mg</strong> at 8 am."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a French or Russian translator types a plain space between thousands
        ("Buvez 1 500 mL par jour.", f"Buvez 1{N}500 mL par jour."),
        ("Environ 12 345 678 enfants.", f"Environ 12{N}345{N}678 enfants."),
        ("۱ ۵۰۰ میلی‌لیتر", f"۱{N}۵۰۰ میلی‌لیتر"),  # Persian digits
        ("Около 100 000 детей", f"Около 100{N}000 детей"),
        # not thousands: kept as written
        ("Prenez 2 comprimés de 500 mg.", "Prenez 2 comprimés de 500 mg."),
        ("Days 1 2 3 4 5 6 7 8 9 10", "Days 1 2 3 4 5 6 7 8 9 10"),
        ("1 5000 or 1 50", "1 5000 or 1 50"),
        ("2,5 100", "2,5 100"),  # the decimals of a number, then another one
    ],
)
def test_a_number_grouped_by_spaces_stays_whole(text: str, expected: str) -> None:
    assert keep_grouped_numbers_whole(text) == expected


def test_pages_keep_a_spaced_thousand_and_its_unit_together() -> None:
    assert render_inline("Buvez **1 500 mL** par jour.", InlineStyle()) == (
        "Buvez <strong>1&nbsp;500&nbsp;mL</strong> par jour."
    )
