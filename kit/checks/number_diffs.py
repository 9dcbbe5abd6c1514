"""How a translation's numbers differ from its source's, said so that its translator can fix
it: what the translation reads as to its reader, and how to write the source's number.

``kit.checks.numbers`` reads the numbers and contacts of each side; ``kit.checks.translations``
compares them and calls here when they differ.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kit.checks.finding import Finding, Place
from kit.checks.inputs import LocaleRules
from kit.checks.number_words import spelled
from kit.checks.numbers import (
    ARABIC_DECIMAL,
    Ambiguity,
    Critical,
    ambiguous,
    decimal_symbol,
    group_symbol,
    normalize_number,
    to_ascii_digits,
)
from kit.checks.numeric_dates import names_month, writes_year
from kit.checks.registry import default_severity

CHECK = "translation.numbers"
# Two numbers a translator meant as one: "1 500" where a space does not group thousands,
# "۲/۵" (a slash as the decimal mark, as Persian handwriting has it).
_SPLIT = re.compile(r"\d\d*([ /])\d\d*")
_NATIVE_DIGIT = re.compile(r"\d(?<![0-9])")


def same_digits(src: Critical, tgt: Critical) -> tuple[Critical, Critical]:
    """Each side without the digits it reads as a number where the other reads them as a
    phone number: the same digits to a reader. A French or Polish "100 000" (a thousands
    separator that is a space) has the shape of a phone number ("612 345 678"); which one it
    is, only the sentence tells."""
    one = Counter(src.numbers) & Counter(tgt.phones)
    other = Counter(src.phones) & Counter(tgt.numbers)
    if not (one or other):
        return src, tgt

    def without(values: tuple[str, ...], gone: Counter[str]) -> tuple[str, ...]:
        return tuple(sorted((Counter(values) - gone).elements()))

    return (
        src._replace(numbers=without(src.numbers, one), phones=without(src.phones, other)),
        tgt._replace(numbers=without(tgt.numbers, other), phones=without(tgt.phones, one)),
    )


def numbers_finding(
    source: tuple[str, ...],
    target: tuple[str, ...],
    text: str,
    rules: LocaleRules,
    place: Place,
    line: int,
    months: frozenset[int] = frozenset(),
    years: frozenset[tuple[str, str, int]] = frozenset(),
) -> Finding | None:
    """The finding for the numbers of a translation ``text`` against its source's, or None
    when they agree (spelled out, allowed or swapped as kit.toml says). ``months``: those of
    the source's numeric dates, which the translation may name instead ("5 de diciembre");
    ``years``: their years as written, as they may also be written ("26" and "2026") and their
    months, accepted where the translation writes the other as a date's year."""
    src, tgt = Counter(source), Counter(target)
    allowed = rules.allowed_numbers
    lost = Counter({n: c for n, c in (src - tgt).items() if n not in allowed})
    added = Counter({n: c for n, c in (tgt - src).items() if n not in allowed})
    # A date's year written the other way first: "1/1/01" as "1 de enero de 2001" loses a 1
    # to the year and one to the month's name.
    dated = [(a, b) for a, b, month in years if writes_year(text, b, month, rules.code)]
    _swap(lost, added, dated)
    lost = Counter({n: c for n, c in lost.items() if not _written_out(n, text, rules, months)})
    _swap(lost, added, rules.number_swaps)
    lost, added = +lost, +added
    if not (lost or added):
        return None
    decimal = rules.decimal or decimal_symbol(rules.code)
    misread = [a for a in ambiguous(text, decimal) if lost[a.grouped] and added[a.read_as]]
    if misread:
        return _misread(misread[0], rules, place, line)
    split = _split(lost, added, text, rules, place, line)
    if split is not None:
        return split
    hint = (
        f"Keep every number. A locale that needs another one (an emergency number) lists the "
        f'swap in `[locale.{rules.code}] allowed_numbers`, e.g. "911=112"; or suppress the '
        "entry with a reason."
    )
    return _finding(place, line, "numbers differ: " + diff_counts(lost, added), hint)


def _swap(lost: Counter[str], added: Counter[str], pairs: Iterable[tuple[str, str]]) -> None:
    """Each (before, after) pair: a lost ``before`` and an added ``after`` cancel out."""
    for before, after in pairs:
        swapped = min(lost[before], added[after])
        lost[before] -= swapped
        added[after] -= swapped


def _written_out(number: str, text: str, rules: LocaleRules, months: frozenset[int]) -> bool:
    """Is ``number`` in ``text`` as a word: a number word, or a source date's month name?"""
    if spelled(number, text, rules.language):
        return True
    month = int(number) if number.isdigit() else 0
    return month in months and names_month(text, month, rules.code)


def diff_counts(lost: Counter[str], added: Counter[str]) -> str:
    parts = []
    if lost:
        parts.append("missing " + ", ".join(sorted(lost.elements())))
    if added:
        parts.append("added " + ", ".join(sorted(added.elements())))
    return "; ".join(parts)


def _misread(a: Ambiguity, rules: LocaleRules, place: Place, line: int) -> Finding:
    """``3,000`` where ``,`` is the decimal mark: say what it reads as and how to write it."""
    if ARABIC_DECIMAL in a.token:
        return _finding(
            place,
            line,
            f"numbers differ: {a.token!r} reads as {a.read_as}, as '٫' (U+066B) is the Arabic "
            f"decimal separator; the source has {a.grouped}",
            f"Write {a.grouped} with the Arabic thousands separator '٬' (U+066C), "
            f"{a.token.replace(ARABIC_DECIMAL, '٬')!r}, or with no mark; or {a.read_as} as in "
            "the source.",
        )
    code, mark = rules.code, rules.decimal or decimal_symbol(rules.code)
    other = "." if mark == "," else ","
    grouped = f"{a.grouped[:-3]}{_group(rules)}{a.grouped[-3:]}"
    message = (
        f"numbers differ: {a.token!r} reads as {a.read_as} in {code}, where {mark!r} is the "
        f"decimal mark; the source has {a.grouped}"
    )
    hint = (
        f"Write {a.grouped} as {grouped!r} or {a.grouped!r} (no mark), or {a.read_as} as in the "
        f"source. If people reading {code} write {other!r} as the decimal mark, declare it: "
        f'`[locale.{code}] decimal_mark = "{other}"` in kit.toml.'
    )
    return _finding(place, line, message, hint)


def _split(
    lost: Counter[str], added: Counter[str], text: str, rules: LocaleRules, place: Place, line: int
) -> Finding | None:
    """``1 500`` where a space does not group thousands, or ``۲/۵``: two numbers to the
    reader, where the source has one."""
    plain = to_ascii_digits(text)  # a digit for a digit: the same positions as ``text``
    for match in _SPLIT.finditer(plain):
        first, sep, second = match.group().partition(match.group(1))
        whole = normalize_number(first + second if sep == " " else f"{first}.{second}")
        parts = Counter([normalize_number(first), normalize_number(second)])
        if not lost[whole] or parts - added:
            continue
        written = text[match.start() : match.end()]
        return _finding(
            place,
            line,
            f"numbers differ: {written!r} reads as two numbers, {first} and {second}, in "
            f"{rules.code}; the source has {whole}",
            _split_hint(written, sep, whole, rules),
        )
    return None


def _split_hint(written: str, sep: str, whole: str, rules: LocaleRules) -> str:
    if sep == " ":
        grouped = f"{whole[:-3]}{_group(rules)}{whole[-3:]}"
        return (
            f"Write {whole} as {grouped!r} or {whole!r}: {rules.code} does not group thousands "
            "with a space. If people reading it do, declare it: "
            f'`[locale.{rules.code}] group_mark = " "` in kit.toml.'
        )
    native = _NATIVE_DIGIT.search(written) is not None
    mark = ARABIC_DECIMAL if native else rules.decimal or decimal_symbol(rules.code)
    return f"Write {whole} with the decimal mark {mark!r}: {written.replace('/', mark)!r}."


def _group(rules: LocaleRules) -> str:
    """The thousands separator to suggest: the locale's, unless it is its decimal mark."""
    mark = rules.decimal or decimal_symbol(rules.code)
    group = rules.group or group_symbol(rules.code)
    return group if group != mark else ("." if mark == "," else ",")


def _finding(place: Place, line: int, message: str, hint: str) -> Finding:
    return place.finding(CHECK, default_severity(CHECK), line, message, hint)
