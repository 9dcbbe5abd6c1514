"""Chinese, Japanese and Korean numbers written with myriad units, read as their readers read
them: 1万 and 1만 are 10,000, 1.5万 is 15,000, 3千万 and 3천만 are 30,000,000, 1억 2천만 is
120,000,000, 1万5000 is 15,000, and in Korean 3천 is 3,000.

A number takes units only when they follow its digits at once (a space between them in
Korean, which writes one: ``1만 5천``). Thousand alone (千) is left to be a number of its own
in Chinese and Japanese, where 千克, 千米 and 千卡 are kilograms, kilometres and kilocalories
(a child's 10千克 is 10 kg); Korean writes those with 킬로. Korean 만 after a counter means
"only" (``2개만``, two only), and a counter is not a digit, so it is never read as a unit.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

# What each unit multiplies by; consecutive units multiply (千万 is 1,000 x 10,000).
_UNITS = {
    "十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8,
    "십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8,
}  # fmt: skip
_MYRIADS = "万萬亿億만억"
# The languages that write them: Chinese (and Cantonese), Japanese, Korean. Text in another
# locale is not searched for them (a search per text with digits: 0.7 % of a build).
MYRIAD_LANGUAGES = frozenset({"zh", "yue", "ja", "ko"})
_UNIT_CHARS = "".join(_UNITS)
# A number and its units; then, at once or after one space, more of them (1만 5천), and at
# once a plain number that completes it (1万5000: after a space, "1만 3세" is two numbers).
_GROUP = rf"\d+(?:\.\d+)?[{_UNIT_CHARS}]+"
_EXPRESSION = rf"\d(?:\d*(?:\.\d+)?)[{_UNIT_CHARS}]+(?: ?{_GROUP})*(?:\d+(?![\d.]))?"
_PART = rf"(\d+(?:\.\d+)?)([{_UNIT_CHARS}]*)"
_ANY_UNIT = re.compile(f"[{_UNIT_CHARS}]")  # one class: cheap to compile, one scan in C
_KILO_UNITS = "克米卡焦瓦帕"  # 千克 kilogram, 千米 kilometre, 千卡 kilocalorie, 千焦, 千瓦, 千帕
GROUP_MARK = "\u066c"  # ARABIC THOUSANDS SEPARATOR: always a group mark to the numbers check


def expand(text: str) -> str:
    """``text`` with each number written with myriad units spelled in digits, grouped by
    ``GROUP_MARK`` (never a decimal mark, never a phone number's): 1万 → 10٬000."""
    if _ANY_UNIT.search(text) is None:
        return text
    expression, _ = _patterns()
    return expression.sub(lambda m: _spelled(m.group(), text, m.end()), text)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled when first needed: only Chinese, Japanese and Korean text uses them, and
    compiling them at import cost every ``kit`` command 7 million instructions."""
    return re.compile(_EXPRESSION), re.compile(_PART)


def _spelled(expression: str, text: str, end: int) -> str:
    parts = _patterns()[1].findall(expression)
    if not _is_units(parts, text, end):
        return expression
    total = Decimal(0)
    for digits, units in parts:
        multiplier = 1
        for unit in units:
            multiplier *= _UNITS[unit]
        try:
            total += Decimal(digits) * multiplier
        except InvalidOperation:
            return expression
    return f"{total.normalize():,f}".replace(",", GROUP_MARK)


def _is_units(parts: list[tuple[str, str]], text: str, end: int) -> bool:
    """Are these units a number's (not 千克, not a thousand standing alone in Chinese)?"""
    units = "".join(u for _, u in parts)
    korean = any("가" <= ch <= "힣" for ch in units)
    if not korean and not any(ch in _MYRIADS for ch in units):
        return False  # 3千, 5百: left as written (千克 is a kilogram)
    after = text[end : end + 1]
    kilo = parts[-1][1].endswith("千") and after != "" and after in _KILO_UNITS
    return not kilo
