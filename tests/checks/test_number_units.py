"""Which number goes with which unit (``kit.checks.number_units``): "Give 5 mL every 6 hours"
translated as "6 mL every 5 hours" keeps every number, so the numbers check (a bag of numbers)
passed it, and a child got 6 mL. Where both sides write a unit symbol equally often, its
numbers must be the source's; where kit cannot tell which number is which, it says nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.build.gate import GATE_CHECKS
from kit.checks import translations
from kit.checks.inputs import Options
from tests.checks._helpers import TODAY, catalog, entry, po, rules, source
from tests.checks.test_scripts_numbers import findings

DOSE = "Give 5 mL every 6 hours."


@pytest.mark.parametrize(
    ("code", "src", "translation", "message"),
    [
        ("es", DOSE, "Dé 6 mL cada 5 horas.", "5 mL in the source, 6 mL here"),
        (
            "es",
            "Give 2.5 mL every 6 hours.",
            "Dé 6 ml cada 2,5 horas.",
            "2.5 mL in the source, 6 mL here",
        ),
        (
            "ru",
            "Give 250 mg, 12 hours apart.",
            "Дайте 12 мг с интервалом 250 часов.",
            "250 mg in the source, 12 mg here",
        ),
        (
            "ar",
            DOSE,
            "أعط ٦ مل كل ٥ ساعات.",
            "5 mL in the source, 6 mL here",
        ),  # Arabic digits and ml
        (
            "fa",
            "Give 2.5 mL every 6 hours.",
            "هر ۲٫۵ ساعت ۶ میلی‌لیتر بدهید.",
            "2.5 mL in the source, 6 mL here",
        ),
        (
            "es",
            "A fever is 38 °C; give 10 mL.",
            "La fiebre es 10 °C; dé 38 mL.",
            "38 °C in the source, 10 °C here; 10 mL in the source, 38 mL here",
        ),
        (
            "ar",
            "About 10% of 300 babies.",
            "حوالي ٣٠٠٪ من ١٠ أطفال.",
            "10 % in the source, 300 % here",
        ),
        (  # Polish groups thousands with a space; 1500 mL stays, only the moved dose is named
            "pl",
            "Give 2.5 mL every 8 hours, at most 1,500 mL a day.",
            "Podawaj 8 ml co 2,5 godziny, najwyżej 1 500 ml dziennie.",
            "2.5 mL in the source, 8 mL here",
        ),
    ],
)
def test_a_number_moved_to_another_unit_is_an_error(
    code: str, src: str, translation: str, message: str
) -> None:
    (found,) = findings(src, translation, rules(code))
    assert (found.check, found.severity) == ("translation.numbers", "error")
    assert found.message == f"numbers moved to other units: {message}"
    assert "Put before each unit the number the source puts before it" in (found.hint or "")


@pytest.mark.parametrize(
    ("code", "src", "translation"),
    [
        ("es", DOSE, "Cada 6 horas, dé 5 ml."),  # another word order, the same dose
        ("ar", DOSE, "أعط ٥ مل كل ٦ ساعات."),
        ("ar", DOSE, "أعط ٥ ملاعق كل ٦ ساعات."),  # "spoons": a word that starts like ml
        ("tr", "A fever is 38 °C or 10% more.", "Ateş 38 °C veya %10 fazladır."),  # % before
        ("ru", "Give 250 mg, 12 hours apart.", "Дайте 250 миллиграммов с интервалом 12 часов."),
        ("es", "Give 5 mg or 10 mg.", "Dé 5 o 10 mg."),  # one unit for two numbers
        ("es", "Take 1 tablet of 500 mg or 2 of 250 mg.", "Tome 2 de 250 mg o 1 de 500 mg."),
        ("zh_Hans", DOSE, "每6小时服用5毫升。"),  # a unit kit does not read: the bag holds
        ("es", "Give 5 mL 2 times a day.", "Dé 5 mL 2 veces al día."),
    ],
)
def test_the_same_numbers_with_the_same_units_pass(code: str, src: str, translation: str) -> None:
    assert findings(src, translation, rules(code)) == []


@given(
    st.integers(1, 999),
    st.integers(1, 999),
    st.sampled_from(["mL", "mg", "kg", "mcg", "%", "°C"]),
    st.sampled_from(["es", "ru", "ar", "fr"]),
)
def test_the_dose_is_the_number_before_its_unit(a: int, b: int, unit: str, code: str) -> None:
    """Both numbers kept in any order: passed when the unit keeps its number, an error when
    the other number takes it."""
    src = f"Give {a} {unit} every {b} hours."
    kept = f"Cada {b} horas: {a} {unit}."
    moved = f"Cada {a} horas: {b} {unit}."
    assert findings(src, kept, rules(code)) == []
    expected = [] if a == b else ["translation.numbers"]
    assert [f.check for f in findings(src, moved, rules(code))] == expected


def test_the_publish_gate_withholds_a_moved_dose() -> None:
    """The build decides by the same finding: the page with the swapped dose is not published."""
    unit = catalog(source(f"{DOSE}\n"), po(entry(DOSE, "Dé 6 mL cada 5 horas.")))
    found = list(translations.gate_findings(unit, Options(today=TODAY)))
    assert [f.check for f in found] == ["translation.numbers"]
    assert "translation.numbers" in GATE_CHECKS
