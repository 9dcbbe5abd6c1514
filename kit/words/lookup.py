"""The one lookup of kit's own words (``kit.words.table``), for pages and handouts alike.

Locale is always a parameter. The locale's own string is used, else its language's
(``es_MX`` → ``es``); a string missing for both falls back to English,
wrapped in ``<span lang="en">`` (and ``dir="ltr"`` on a right-to-left page) so screen
readers switch voice. Values put into a string (names, dates, phone numbers) are escaped,
and on a right-to-left page their left-to-right runs are isolated. Plain text
(``ui_plain``, for attributes, CSS page footers and alt text) cannot mark a language, so it
is the same lookup without the marking. A key no table has is a ``KeyError``: a bug in kit
or a typo in a template (which ``kit.html.page.UiFunction`` reports with the template line).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape

from kit.bidi import isolate_ltr
from kit.locales import LocaleInfo
from kit.words.table import UI_STRINGS

FALLBACK = "en"


def _candidates(locale: LocaleInfo) -> tuple[str, ...]:
    return (locale.code, locale.language) if locale.code != locale.language else (locale.code,)


def lookup(locale: LocaleInfo, key: str) -> tuple[str, bool]:
    """The string for ``key`` in ``locale`` and whether it is the English fallback."""
    for code in _candidates(locale):
        text = UI_STRINGS.get(code, {}).get(key)
        if text is not None:
            return text, False
    return UI_STRINGS[FALLBACK][key], locale.language != FALLBACK


def ui_plain(locale: LocaleInfo, key: str, **values: str) -> str:
    """Plain text, for attributes such as ``aria-label`` (no ``lang`` can be marked there)."""
    text, _ = lookup(locale, key)
    return text.format_map(values)


def ui_html(locale: LocaleInfo, key: str, **values: str) -> Markup:
    text, fallback = lookup(locale, key)
    rtl = locale.is_rtl and not fallback
    safe = {name: _value(v, rtl) for name, v in values.items()}
    html = Markup(escape(text).format_map(safe))
    if not fallback:
        return html
    direction = ' dir="ltr"' if locale.is_rtl else ""
    return Markup(f'<span lang="{FALLBACK}"{direction}>{html}</span>')


def _value(value: str, rtl: bool) -> Markup:
    """A value for a UI string: ``Markup`` is kit's own HTML and kept; text is escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(isolate_ltr(value)) if rtl else escape(value)


@lru_cache(maxsize=512)
def language_name(language: LocaleInfo, in_locale: LocaleInfo) -> str:
    """``language``'s name as written inside a sentence in ``in_locale`` ("inglés", "英语")."""
    _, fallback = lookup(in_locale, "languages")  # an English sentence gets an English name
    where = Locale.parse(FALLBACK if fallback else in_locale.code)
    name = where.languages.get(language.code) or where.languages.get(language.language)
    return name or language.name_in(in_locale)


@lru_cache(maxsize=4096)
def long_date(date: dt.date, locale: LocaleInfo) -> str:
    return format_date(date, format="long", locale=locale.code)
