"""Which source edits touch clinical meaning (kit.catalog.meaning)."""

import pytest

from kit.catalog.meaning import is_trivial_change, meaning_changes


@pytest.mark.parametrize(
    ("old", "new", "category"),
    [
        ("Give 2 tablets by mouth.", "Give 3 tablets by mouth.", "number"),
        ("You should stop the medicine.", "You should not stop the medicine.", "negation"),
        ("Babies under 3 months need a check.", "Babies under 6 months need a check.", "number"),
        ("In an emergency call 999.", "In an emergency call 111.", "number"),
        ("Call 555-0100 for help.", "Call 555-0199 for help.", "phone number"),
        ("Give 2.5 mL each day.", "Give 2.5 mg each day.", "unit"),
        ("Give 2.5 mL each day.", "Give 2,5 mL each day.", "number"),
        ("Take it twice a day.", "Take it once a day.", "number"),
        ("Do it for two weeks.", "Do it for two months.", "unit"),
        ("Read https://example.org/a first.", "Read https://example.org/b first.", "URL"),
        ("Write to care@example.org.", "Write to help@example.org.", "e-mail address"),
        ("It is safe.", "It isn't safe.", "negation"),
        ("Give ٢ tablets.", "Give ٣ tablets.", "number"),
    ],
)
def test_clinical_edits_are_detected(old: str, new: str, category: str) -> None:
    categories = {c.category for c in meaning_changes(old, new)}
    assert category in categories


def test_native_digits_equal_ascii_digits() -> None:
    assert meaning_changes("Give ٢ tablets.", "Give 2 tablets.") == ()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Fasting is fine before the test.", "Feeding is fine before the test."),
        ("Your care team will help you.", "Your care team will gladly help you."),
        ("Wash your hands.", "Wash your hands well."),
    ],
)
def test_ordinary_edits_are_not_clinical(old: str, new: str) -> None:
    assert meaning_changes(old, new) == ()


def test_glossary_terms_count() -> None:
    changes = meaning_changes("Use the port.", "Use the line.", terms=("port", "line"))
    assert [c.category for c in changes] == ["glossary term"]


def test_description_names_the_tokens() -> None:
    (change,) = meaning_changes("Give 2 tablets.", "Give 3 tablets.")
    assert change.describe() == "number 2 → 3"


def test_a_description_reads_naturally_when_one_side_is_empty() -> None:
    (added,) = meaning_changes(
        "You should eat before the test.", "You should not eat before the test."
    )
    assert added.describe() == "negation added: not"
    (removed,) = meaning_changes("Do not give 2 doses.", "Do give 2 doses.")
    assert removed.describe() == "negation removed: not"


@pytest.mark.parametrize(
    ("old", "new", "trivial"),
    [
        ("Call us  today.", "Call us today", True),
        ("call us today.", "Call us today!", True),
        ("Call us today.", "Call us tomorrow.", False),
    ],
)
def test_trivial_changes(old: str, new: str, trivial: bool) -> None:
    assert is_trivial_change(old, new) is trivial
