"""Word tokenization by script."""

from __future__ import annotations

import pytest

from kit.readability import measure, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don't skip the follow-up.", ["Don't", "skip", "the", "follow-up"]),
        (
            "Give 2.5 mL or 2,5 mL at 8:30, 1,000 or 1/2.",
            ["Give", "2.5", "mL", "or", "2,5", "mL", "at", "8:30", "1,000", "or", "1/2"],
        ),
        ("the U.S. Office, e.g. this", ["the", "U.S", "Office", "e.g", "this"]),
        ("l'hôpital dell'ospedale", ["l'hôpital", "dell'ospedale"]),
        ("COVID-19 and B12", ["COVID-19", "and", "B12"]),
        ("हिंदी में", ["हिंदी", "में"]),  # vowel signs are marks inside the word
        ("میخواهم", ["میخواهم"]),
        ("می\u200cخواهم", ["می\u200cخواهم"]),  # ZWNJ keeps a Persian word whole
        ("— * • ...", []),
    ],
)
def test_space_separated_scripts(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_numbers_are_their_own_kind() -> None:
    kinds = {t.text: t.kind for t in tokenize("Take 2.5 mL at 8:30 with B12.")}
    assert kinds["2.5"] == kinds["8:30"] == "number"
    assert kinds["B12"] == kinds["mL"] == "word"


def test_chinese_and_japanese_count_characters() -> None:
    tokens = tokenize("白血病是MRI检查。ひらがなカタカナ漢字")
    assert [t.kind for t in tokens[:4]] == ["char", "char", "char", "char"]
    assert "MRI" in [t.text for t in tokens]
    counts = measure(["白血病是MRI检查。"], "zh_Hans").counts
    assert counts.words == 7  # 6 characters and 1 Latin word
    assert counts.characters == 6


def test_unsegmented_scripts_are_runs_of_characters() -> None:
    tokens = tokenize("នេះជាប្រយោគ ប្រយោគ")
    assert [t.kind for t in tokens] == ["run", "run"]
    # Letters only: the vowel signs and the coeng are marks (ន េ ះ ជ ា ប ្ រ យ ោ គ → 6).
    assert measure(["នេះជាប្រយោគ។"], "km").counts.characters == 6


def test_letters_exclude_marks_and_punctuation() -> None:
    counts = measure(["U.S. don't"], "en").counts
    assert counts.letters == 6  # U S d o n t
    arabic = measure(["مُسْتَشْفَى"], "ar").counts  # tashkeel are marks
    assert arabic.letters == 6
