"""Chinese, Japanese and Korean numbers written with myriad units (``kit.checks.cjk_numbers``):
"约1万名儿童" for "about 10,000 children" is the same number, and a changed one is still
found; kilograms (千克) and Korean "only" (만 after a counter) are not multipliers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.checks.cjk_numbers import GROUP_MARK, expand
from kit.checks.numbers import find_critical
from tests.checks._helpers import rules
from tests.checks.test_scripts_numbers import findings

G = GROUP_MARK


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每年约1万名儿童。", f"每年约10{G}000名儿童。"),
        ("每年约1.5万名儿童。", f"每年约15{G}000名儿童。"),
        ("毎年約1万人の子ども。", f"毎年約10{G}000人の子ども。"),
        ("每年約1萬名兒童。", f"每年約10{G}000名兒童。"),
        ("3千万人", f"30{G}000{G}000人"),
        ("1万5000人", f"15{G}000人"),
        ("1万5千人", f"15{G}000人"),
        ("매년 약 1만 명의 어린이.", f"매년 약 10{G}000 명의 어린이."),
        ("약 1억 2천만 명", f"약 120{G}000{G}000 명"),
        ("1만 5천 명", f"15{G}000 명"),
        ("3천 명", f"3{G}000 명"),  # Korean writes thousands this way
        # left as written
        ("体重10千克", "体重10千克"),  # 10 kilograms
        ("3千人", "3千人"),  # a thousand alone in Chinese: a number of its own
        ("2개만 주세요", "2개만 주세요"),  # "only two": 만 after a counter
        ("5분만 기다리세요", "5분만 기다리세요"),
        ("약 1만 3세 미만", f"약 10{G}000 3세 미만"),  # after a space, 3 is its own number
        ("每天2次", "每天2次"),
    ],
)
def test_myriads_are_spelled_in_digits(text: str, expected: str) -> None:
    assert expand(text) == expected


def _chinese(n: int) -> str:
    """``n`` as a Chinese writer puts it: 亿 and 万 groups, the rest in digits."""
    yi, rest = divmod(n, 10**8)
    wan, ones = divmod(rest, 10**4)
    return "".join((f"{yi}亿" if yi else "", f"{wan}万" if wan else "", str(ones) if ones else ""))


def _korean(n: int) -> str:
    """``n`` as a Korean writer puts it, a space between groups: 1억 2000만 5천."""
    eok, rest = divmod(n, 10**8)
    man, rest = divmod(rest, 10**4)
    cheon, ones = divmod(rest, 1000)
    parts = [f"{eok}억" if eok else "", f"{man}만" if man else "", f"{cheon}천" if cheon else ""]
    words = " ".join(p for p in parts if p)
    return words + (str(ones) if ones else "") if words else str(ones)


@given(st.integers(min_value=10**4, max_value=10**12 - 1))
def test_a_number_written_with_myriads_reads_as_its_value(n: int) -> None:
    for text, locale in ((_chinese(n), "zh_Hans"), (_korean(n), "ko")):
        assert find_critical(f"约{text}名", locale).numbers == (str(n),), text


def test_translations_with_myriads_compare_with_the_source() -> None:
    source = "About 10,000 children a year get this."
    for code, translation in (
        ("zh_Hans", "每年约1万名儿童。"),
        ("ja", "毎年約1万人の子ども。"),
        ("ko", "매년 약 1만 명의 어린이."),
        ("zh_Hant", "每年約1萬名兒童。"),
    ):
        assert findings(source, translation, rules(code)) == [], code
    (wrong,) = findings(source, "每年约2万名儿童。", rules("zh_Hans"))
    assert wrong.message == "numbers differ: missing 10000; added 20000"
    assert findings("Your child weighs 10 kg.", "孩子体重10千克。", rules("zh_Hans")) == []
