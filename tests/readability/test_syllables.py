"""Syllable counting: the golden list (exceptions allowed), a held-out list for the English
rules alone, the reference's pyphen pitfalls, and the shipped data files."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from kit.readability import count_syllables, syllable_counter
from kit.readability._data import abbreviations, data_lines, syllable_exceptions
from kit.readability.syllables_en import count_english

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "readability"
DATA = Path(__file__).resolve().parents[2] / "kit" / "readability" / "data"

# Measured on syllables-heldout-en.tsv (128 words) when the list was written: 125 right
# (97.7 %). Misses: people (rules say 3), science (1), every (3). Raise the floor if the
# rules improve; never tune the rules on that list or copy its words into the exceptions.
HELD_OUT_FLOOR = 0.97


def rows(name: str) -> list[list[str]]:
    lines = (FIXTURES / name).read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


GOLDEN = rows("syllables.tsv")
HELD_OUT = rows("syllables-heldout-en.tsv")


def test_golden_list_is_big_and_multilingual() -> None:
    assert len(GOLDEN) >= 120
    assert {lang for lang, _, _ in GOLDEN} >= {"en", "es", "it", "pt", "fr", "de", "nl", "ru"}


@pytest.mark.parametrize(
    ("lang", "word", "expected"), GOLDEN, ids=[f"{r[0]}-{r[1]}" for r in GOLDEN]
)
def test_golden_list(lang: str, word: str, expected: str) -> None:
    assert count_syllables(word, lang) == int(expected)


def test_held_out_english_accuracy() -> None:
    assert len(HELD_OUT) >= 40
    right = sum(count_syllables(word, "en") == int(expected) for word, expected in HELD_OUT)
    assert right / len(HELD_OUT) >= HELD_OUT_FLOOR, f"{right}/{len(HELD_OUT)}"


def test_held_out_words_are_not_exceptions() -> None:
    table = syllable_exceptions("en")
    assert not [word for word, _ in HELD_OUT if word.lower() in table]


@pytest.mark.parametrize(
    ("lang", "word", "expected", "pyphen_gives"),
    [
        ("en_US", "hematopoietic", 6, 3),
        ("en_US", "neutropenia", 5, 3),
        ("en_US", "mucositis", 4, 3),
        ("ru", "ребёнок", 3, 1),
        ("it", "ospedale", 4, 3),
        ("es", "día", 2, 1),
        ("es", "aéreo", 4, 2),
        ("de", "Leukämie", 3, 2),
    ],
)
def test_reference_pyphen_pitfalls_are_fixed(
    lang: str, word: str, expected: int, pyphen_gives: int
) -> None:
    """Reference §1.4: pyphen's counts on these words (textstat's en_US default), and ours."""
    raw = len(pyphen.Pyphen(lang=lang).positions(word)) + 1
    assert raw == pyphen_gives
    assert count_syllables(word, lang) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("leukemias", 4),  # plural of an exception
        ("Leukemia", 4),  # case does not matter for word entries
        ("AIDS", 1),  # exact-case entry: an acronym said as a word
        ("MRI", 3),  # other acronyms are spelled out
        ("CALL", 1),  # ... but four capitals in a shouted sentence are lower-cased by the caller
        ("follow-up", 3),  # hyphenated parts add up
        ("don't", 1),
        ("baby's", 2),
        ("8:30", 3),  # "eight thirty"
        ("B12", 2),
    ],
)
def test_english_word_shapes(word: str, expected: int) -> None:
    counted = count_syllables(word.lower() if word == "CALL" else word, "en")
    assert counted == expected


def test_english_rules_use_the_lookup_for_stems() -> None:
    assert count_english("widgetings", lambda w: 7 if w == "widget" else None) == 8


@pytest.mark.parametrize(
    ("lang", "has_counter"),
    [
        ("en_GB", True),
        ("pt_BR", True),
        ("sv", True),
        ("no", True),
        ("ko", True),
        ("vi", True),
        ("zh_Hans", False),
        ("ja", False),
        ("ar", False),
        ("hi", False),
        ("fa", False),
        ("tl", False),
    ],
)
def test_which_languages_count_syllables(lang: str, has_counter: bool) -> None:
    assert (syllable_counter(lang) is not None) is has_counter


def test_no_counter_raises() -> None:
    with pytest.raises(ValueError, match="no syllable counter"):
        count_syllables("كلمة", "ar")


def test_generic_pyphen_languages_fix_the_edge_rule() -> None:
    assert count_syllables("idé", "sv") == 2  # pyphen keeps "idé" whole
    assert count_syllables("sjukhuset", "sv") == 3


def test_shipped_data_files_parse() -> None:
    names = sorted(path.name for path in DATA.glob("*.txt"))
    assert "syllables-en.txt" in names and "abbreviations-common.txt" in names
    for name in names:
        assert data_lines(name), name
        language = name.rsplit("-", 1)[1].removesuffix(".txt")
        if name.startswith("syllables-"):
            assert syllable_exceptions(language)
        else:
            assert abbreviations(language)


def test_english_exception_table_covers_medical_words() -> None:
    assert len(syllable_exceptions("en")) >= 150
