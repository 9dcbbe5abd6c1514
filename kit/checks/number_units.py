"""Which number goes with which unit: "Give 5 mL every 6 hours" translated as "6 mL every 5
hours" keeps every number (the numbers check compares them as a bag) and changes the dose.

Where the source and its translation write the same unit symbol (mL, mg, °C, %: symbols most
languages keep as they are) the same number of times, the numbers next to it must be the same
numbers. Where the counts differ (a unit spelled out as a word, Turkish "%10" with the sign
first, "5 mg or 10 mg" as "5 or 10 mg") kit cannot tell which number is which, and says
nothing: the numbers check still holds the bag.

``kit.checks.translations`` calls ``units_finding`` only when the numbers check found the same
numbers on both sides, and the source has two different ones.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from kit.checks.finding import Finding, Place
from kit.checks.inputs import LocaleRules
from kit.checks.numbers import NUMBER_PATTERN, decimal_symbol, normalize_number
from kit.checks.registry import default_severity
from kit.text import UNIT_SYMBOLS

CHECK = "translation.numbers"

# A number (as ``kit.checks.numbers`` reads one: digits, then separators and digits) and a
# unit symbol after it, with or without a space, not the start of a word ("5 mgs", "2 glasses").
_NUMBER_WITH_UNIT = (
    rf"(?P<number>{NUMBER_PATTERN})[ \u00a0\u202f\u2009]?(?P<unit>{UNIT_SYMBOLS})(?![^\W\d_])"
)


@cache
def _number_with_unit() -> re.Pattern[str]:
    """Compiled when first needed (a text with two numbers and a unit; every command imports
    this module through the checks, and most never get there)."""
    return re.compile(_NUMBER_WITH_UNIT)


# One name for one unit: "ml" and "mL", "µg" and "mcg", Russian "мг", Arabic "ملغ" and "mg".
_SAME_UNIT = {
    "ml": "mL",
    "l": "L",
    "dl": "dL",
    "µl": "µL",
    "μl": "µL",
    "μL": "µL",
    "µg": "mcg",
    "μg": "mcg",
    "мкг": "mcg",
    "мг": "mg",
    "кг": "kg",
    "мл": "mL",
    "\u066a": "%",
    "مل": "mL",
    "ملغ": "mg",
    "ملجم": "mg",
    "مغ": "mg",
    "كغ": "kg",
    "كجم": "kg",
    "غ": "g",
    "جم": "g",
    "میلی\u200cلیتر": "mL",
    "میلی\u200cگرم": "mg",
}

Quantities = tuple[tuple[str, str], ...]  # (unit, number), in the text's order


def quantities(text: str, decimal: str) -> Quantities:
    """Each number of ``text`` (ASCII digits, as ``Critical.rest`` holds it) that a unit symbol
    follows, with that unit, normalized as the numbers check normalizes numbers."""
    found = []
    for match in _number_with_unit().finditer(text):
        number, unit = match.group("number", "unit")
        found.append((_SAME_UNIT.get(unit, unit), normalize_number(number, decimal)))
    return tuple(found)


@lru_cache(maxsize=16384)
def source_quantities(text: str, locale: str) -> Quantities:
    """``quantities`` of a source text written in ``locale`` (cached: a source is compared in
    every locale, and most have none)."""
    return quantities(text, decimal_symbol(locale))


def unit_swaps(source: Quantities, target: Quantities) -> list[tuple[str, str, str]]:
    """For each unit both sides write equally often with different numbers (in the source's
    order): the unit, the source's numbers the translation lacks and the ones it has instead,
    as text ("mL", "5", "6"; a number both give the unit is not named)."""
    ours: dict[str, Counter[str]] = {}
    theirs: dict[str, Counter[str]] = {}
    for unit, number in source:
        ours.setdefault(unit, Counter())[number] += 1
    for unit, number in target:
        theirs.setdefault(unit, Counter())[number] += 1
    swaps = []
    for unit, numbers in ours.items():
        other = theirs.get(unit)
        if other is None or other.total() != numbers.total() or other == numbers:
            continue
        swaps.append((unit, _listed(numbers - other), _listed(other - numbers)))
    return swaps


def _listed(numbers: Counter[str]) -> str:
    return ", ".join(sorted(numbers.elements()))


def units_finding(
    source: Quantities, target: str, rules: LocaleRules, place: Place, line: int
) -> Finding | None:
    """The finding for a translation (``target``, its ``Critical.rest``) that put the numbers
    of the source's ``source_quantities`` next to other units, or None."""
    theirs = quantities(target, rules.decimal or decimal_symbol(rules.code))
    swaps = unit_swaps(source, theirs)
    if not swaps:
        return None
    said = "; ".join(f"{a} {unit} in the source, {b} {unit} here" for unit, a, b in swaps)
    return place.finding(
        CHECK,
        default_severity(CHECK),
        line,
        f"numbers moved to other units: {said}",
        "Every number is there, but not with the unit the source gives it: a dose, a volume or "
        "a temperature changed. Put before each unit the number the source puts before it.",
    )
