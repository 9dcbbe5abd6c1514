"""Formulas as pure functions of counts: the published oracles (reference §9) and
hand-computed values for every coefficient table row.

Hand computations use W = 100 words, S = 5 sentences, Syl = 150 syllables (ASL 20,
ASW 1.5), 450 letters, 30 words over 6 letters, 10 words of 3+ syllables, 60 one-syllable
words and 10 complex words; the arithmetic is written out next to each case.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kit.readability import formulas as f
from kit.readability.scales import (
    FLESCH_BANDS,
    GULPEASE_BANDS,
    INFLESZ_BANDS,
    LIX_BANDS,
    SZIGRISZT_BANDS,
    band_for,
)

W, S, SYL, LETTERS, LONG, POLY, MONO, COMPLEX = 100, 5, 150, 450, 30, 10, 60, 10


# --- Published oracles (reference §9) -------------------------------------------------


def test_oracle_1_coleman_liau_abstract() -> None:
    # 119 words, 5 sentences, 639 letters: L = 536.97, S = 4.2017, CLI = 14.530.
    assert f.coleman_liau(639, 119, 5) == pytest.approx(14.530, abs=5e-4)
    # textstat's 0.058 would give 14.10: make sure 0.0588 is the one used.
    assert f.coleman_liau(639, 119, 5) != pytest.approx(14.10, abs=0.05)


@pytest.mark.parametrize(("poly", "regression"), [(95, 13.295), (110, 14.068)])
def test_oracles_2_3_smog(poly: int, regression: float) -> None:
    assert f.smog_grade(poly, 30) == pytest.approx(regression, abs=5e-4)
    assert f.smog_by_hand(poly, 30) == 13  # 95 → √100; 110 → the lower square √100


def test_oracle_4_lix() -> None:
    # 437 words, 21 sentences, 112 long words: 20.810 + 25.629 = 46.44.
    assert f.lix(437, 21, 112) == pytest.approx(46.44, abs=5e-3)


def test_oracle_5_flesch_kincaid_platypus() -> None:
    # 13 words, 1 sentence, 24 syllables.
    assert f.flesch_kincaid_grade(13, 1, 24) == pytest.approx(11.265, abs=5e-4)


def test_oracle_6_flesch_reading_ease_platypus() -> None:
    # The same sentence counted with 26 syllables.
    assert f.flesch_reading_ease(13, 1, 26) == pytest.approx(24.44, abs=5e-3)


def test_oracle_7_the_cat_sat_on_the_mat() -> None:
    assert f.flesch_reading_ease(6, 1, 6) == pytest.approx(116.145, abs=5e-4)
    assert f.flesch_kincaid_grade(6, 1, 6) == pytest.approx(-1.45, abs=5e-4)


def test_oracle_8_library_regression_values() -> None:
    # py-readability-metrics on its Gunning-fog paragraph (117 words, 7 sentences, 20
    # polysyllables, 562 letters). Library output, not published: regression only. Its FK,
    # FRE and fog use syllable and complex-word counts the reference does not give.
    assert f.automated_readability_index(562, 117, 7) == pytest.approx(9.551245421245422)
    assert f.coleman_liau(562, 117, 7) == pytest.approx(10.673162393162393)
    assert f.smog_grade(20, 7) == pytest.approx(12.7854, abs=5e-5)


# --- Hand-computed values ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (f.FLESCH_READING_EASE, 59.635),  # 206.835 − 1.015·20 − 84.6·1.5
        (f.FERNANDEZ_HUERTA, 96.44),  # 206.84 − 60·1.5 − 1.02·20
        (f.SZIGRISZT_PAZOS, 93.385),  # 206.835 − 62.3·1.5 − 20
        (f.KANDEL_MOLES, 76.3),  # 207 − 1.015·20 − 73.6·1.5
        (f.AMSTAD, 72.25),  # 180 − 20 − 58.5·1.5
        (f.FLESCH_DOUMA, 72.74),  # 206.84 − 77·1.5 − 0.93·20
        (f.OBORNEVA, 90.685),  # 206.835 − 1.3·20 − 60.1·1.5
        (f.MARTINS, 101.635),  # 248.835 − 1.015·20 − 84.6·1.5
        (f.FLESCH_VACCA, 101.0),  # 217 − 1.3·20 − 0.6·150
    ],
)
def test_flesch_type_table(name: str, expected: float) -> None:
    assert f.flesch_type(name, W, S, SYL) == pytest.approx(expected, abs=1e-9)


def test_grade_and_letter_formulas_by_hand() -> None:
    assert f.flesch_kincaid_grade(W, S, SYL) == pytest.approx(9.91)  # 7.8 + 17.7 − 15.59
    assert f.smog_grade(POLY, S) == pytest.approx(1.0430 * 60**0.5 + 3.1291)  # 10 × 30/5
    assert f.smog_by_hand(POLY, S) == 11  # 60 → nearest square 64 → 8 + 3
    assert f.gunning_fog(W, S, COMPLEX) == pytest.approx(12.0)  # 0.4 · (20 + 10)
    assert f.coleman_liau(LETTERS, W, S) == pytest.approx(9.18)  # 26.46 − 1.48 − 15.8
    assert f.automated_readability_index(LETTERS, W, S) == pytest.approx(9.765)
    # 0.1935·10 + 0.1672·20 + 0.1297·30 − 0.0327·60 − 0.875
    assert f.wiener_sachtextformel_1(W, S, POLY, LONG, MONO) == pytest.approx(6.333)
    assert f.gulpease(LETTERS, W, S) == pytest.approx(59.0)  # 89 + (1500 − 4500)/100
    assert f.lix(W, S, LONG) == pytest.approx(50.0)  # 20 + 30
    assert f.rix(LONG, S) == pytest.approx(6.0)
    assert f.brouwer(W, S, SYL) == pytest.approx(55.0)  # 195 − (2/3)·150 − 2·20


def test_szigriszt_uses_206_835_not_textstat_206_84() -> None:
    assert f.FLESCH_TYPE[f.SZIGRISZT_PAZOS].base == 206.835


@pytest.mark.parametrize(
    "call",
    [
        lambda: f.flesch_kincaid_grade(0, 0, 0),
        lambda: f.flesch_reading_ease(5, 0, 5),
        lambda: f.smog_grade(3, 0),
        lambda: f.gulpease(0, 0, 1),
        lambda: f.lix(0, 1, 0),
    ],
)
def test_zero_counts_raise(call: Callable[[], float]) -> None:
    with pytest.raises(ValueError, match="at least one"):
        call()


@pytest.mark.parametrize(
    ("value", "bands", "label"),
    [
        (116.145, FLESCH_BANDS, "very easy"),
        (65.0, FLESCH_BANDS, "standard"),
        (-3.0, FLESCH_BANDS, "very confusing"),
        (55.0, INFLESZ_BANDS, "normal (normal)"),
        (54.99, INFLESZ_BANDS, "somewhat difficult (algo difícil)"),
        (15.5, SZIGRISZT_BANDS, "very difficult (muy difícil)"),
        (16.0, SZIGRISZT_BANDS, "arid (árido)"),
        (80.0, GULPEASE_BANDS, "easy with primary school"),
        (79.9, GULPEASE_BANDS, "hard with primary school only"),
        (40.0, LIX_BANDS, "factual"),
        (24.0, LIX_BANDS, "children's books"),
    ],
)
def test_bands(value: float, bands: tuple[tuple[float, str], ...], label: str) -> None:
    assert band_for(value, bands) == label
