"""A numeric date copied in the source's day and month order into a locale that writes the
other: "12/05/2026" is December 5 to an American reader and 12 May to a Spanish one. The
numbers check compares a text's numbers as a bag, so it cannot see this; here each full date
of the source (day, month and year) whose day could be a month is looked for in the
translation in the same order, and the locale's order comes from CLDR's short date pattern
(``M/d/yy`` in ``en``, ``d/M/yy`` in ``es``, ``y/M/d`` in ``zh``).

Only dates with a year are read: "1/2" is as likely half a tablet. A date whose day is over
12 (12/24/2026) cannot be read the other way and is left alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from babel import Locale
from babel.dates import format_date

from kit.checks.finding import Finding, Place
from kit.checks.numbers import normalize_number, to_ascii_digits, without_marks
from kit.checks.registry import default_severity

CHECK = "translation.date-order"
# Day and month (either order) and a year; the first digit first, its look-behind after it
# (``tests/unit/test_fast_regexes.py`` holds it to its plain form).
_DATE = re.compile(r"(\d(?<![\d/.\-]\d)\d?)([/.\-])(\d\d?)\2(\d{4}|\d\d)(?![\d/\-]|\.\d)")

# A date its year first: 2026/12/5, 2026-12-05, Korean 2026. 12. 5. and 26. 12. 5. (zh, ja, ko, fa).
_YEAR_FIRST = re.compile(r"(\d{4})([/.\-]|\. )\d\d?\2\d\d?(?!\d)|(\d\d)\. \d\d?\. \d\d?(?!\d)")


class SourceDate(NamedTuple):
    first: int  # the date's first number as written, then its second
    second: int
    year: str
    means: dt.date  # the date the source means


@lru_cache(maxsize=65536)
def source_dates(text: str, locale: str) -> tuple[SourceDate, ...]:
    """The full numeric dates of a source text that a reader could take the other way."""
    if "/" not in text and _separator(locale) not in text:  # most texts: no regex search
        return ()
    month_first = _month_first(locale)
    if month_first is None:
        return ()
    return tuple(
        d for d in _dates(text, month_first) if d.first != d.second and max(d.first, d.second) <= 12
    )


@lru_cache(maxsize=65536)
def date_facts(text: str, locale: str) -> tuple[frozenset[int], frozenset[tuple[str, str, int]]]:
    """The months of the full numeric dates of a source text (read in ``locale``'s order), and
    for each date its year as written, as a translation may also write it (normalized as
    numbers are) and its month: ("26", "2026", 12) for 12/5/26, ("2026", "26", 12) for
    12/5/2026. A reader of either takes the same year."""
    months: set[int] = set()
    years: set[tuple[str, str, int]] = set()
    for d in _dates(text, _month_first(locale) is not False):
        full, short = str(d.means.year), f"{d.means.year % 100:02d}"
        other = full if len(d.year) == 2 else short
        months.add(d.means.month)
        years.add((normalize_number(d.year), normalize_number(other), d.means.month))
    return frozenset(months), frozenset(years)


def writes_year(text: str, year: str, month: int, locale: str) -> bool:
    """Does a translation write ``year`` as a date's year: in a full numeric date, or beside
    the name of the date's ``month`` ("5 de diciembre de 2026")? (Not "2026 mL".)"""
    plain = to_ascii_digits(without_marks(text))
    if any(normalize_number(m.group(4)) == year for m in _DATE.finditer(plain)):
        return True
    firsts = (normalize_number(m.group(1) or m.group(3)) for m in _YEAR_FIRST.finditer(plain))
    if year in firsts:  # 2026/12/5 (zh, fa, ja), Korean 26. 12. 5.
        return True
    return names_month(text, month, locale)


def _dates(text: str, month_first: bool) -> Iterator[SourceDate]:
    """The valid full numeric dates of ``text``, its month first or its day first."""
    if _DATE.search(text) is None:
        return
    for match in _DATE.finditer(to_ascii_digits(text)):
        first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
        month, day = (first, second) if month_first else (second, first)
        when = _date(year, month, day)
        if when is not None:
            yield SourceDate(first, second, year, when)


def names_month(text: str, month: int, locale: str) -> bool:
    """Does ``text`` name ``month`` in ``locale``'s language (CLDR's names, full or short)?"""
    lowered = text.lower()
    return any(name in lowered for name in _month_names(locale, month))


@lru_cache(maxsize=1024)
def _month_names(locale: str, month: int) -> tuple[str, ...]:
    try:
        months = Locale.parse(locale).months
    except (ValueError, LookupError, TypeError):
        return ()
    names = {
        str(months[context][width][month]).lower().rstrip(".")
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        if month in months.get(context, {}).get(width, {})
    }
    return tuple(sorted(n for n in names if len(n) > 1 or not n.isascii()))


def date_order(
    dates: tuple[SourceDate, ...],
    target: str,
    source_locale: str,
    locale: str,
    place: Place,
    line: int,
) -> list[Finding]:
    """A finding for each source date the translation ``target`` keeps in the source's order,
    where ``locale`` puts day and month the other way round."""
    ours, theirs = _month_first(source_locale), _month_first(locale)
    if theirs is None or ours == theirs:
        return []
    found = []
    shown = without_marks(target)  # an editor's marks around "/" (Arabic, Persian)
    plain = to_ascii_digits(shown)  # a digit for a digit: the same positions as ``shown``
    for match in _DATE.finditer(plain):
        first, second = int(match.group(1)), int(match.group(3))
        for date in dates:
            if (first, second) == (date.first, date.second) and match.group(4) == date.year:
                written = shown[match.start() : match.end()]
                found.append(_finding(written, match, date, locale, place, line))
                break
    return found


def _finding(
    written: str, match: re.Match[str], date: SourceDate, locale: str, place: Place, line: int
) -> Finding:
    misread = _date(date.year, date.second, date.first)  # day and month the other way
    order = "day" if _month_first(locale) is False else "month"
    seen = f": its readers read {_long(misread, locale)}" if misread is not None else ""
    a, sep, b = match.group(1), match.group(2), match.group(3)
    swapped = f"{b}{sep}{a}{sep}{match.group(4)}"
    message = (
        f"date {written!r} is in the source's order, but {locale} writes the {order} first "
        f"({_pattern(locale)}){seen}"
    )
    hint = (
        f"The source means {_long(date.means, locale)}: write {swapped!r}, or the month's "
        "name, which no reader can take the other way."
    )
    return place.finding(CHECK, default_severity(CHECK), line, message, hint)


@lru_cache(maxsize=64)
def _month_first(locale: str) -> bool | None:
    """Does ``locale``'s short date put the month before the day (None: unknown)?"""
    pattern = _pattern(locale)
    day, month = pattern.find("d"), pattern.find("M")
    return None if day < 0 or month < 0 else month < day


@lru_cache(maxsize=64)
def _separator(locale: str) -> str:
    """What ``locale``'s short date puts between its numbers ("/" in en, "." in de)."""
    marks = (
        ch for ch in _pattern(locale) if not (ch.isalpha() or ch.isspace() or ch in "\u200e\u200f'")
    )
    return next(marks, "/")


@lru_cache(maxsize=64)
def _pattern(locale: str) -> str:
    try:
        return str(Locale.parse(locale).date_formats["short"].pattern)
    except (ValueError, LookupError, TypeError):
        return ""


def _date(year: str, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    except ValueError:
        return None


def _long(when: dt.date, locale: str) -> str:
    try:
        return str(format_date(when, format="long", locale=locale))
    except (ValueError, LookupError):
        return when.isoformat()
