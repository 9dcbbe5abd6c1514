"""The one lookup of kit's own words, for pages and handouts alike (gettext catalogs).

A word is a gettext msgid (English, ``%(name)s`` placeholders): ``kit.words.messages``
names the ones kit's code uses by key, templates mark theirs with Jinja2's i18n extension.
Locale is always a parameter. The one fallback rule: the project's own catalog
(``locales/<ll>/LC_MESSAGES/kit.po``, installed by ``install_project_words``), then kit's
catalog (``kit/words/locales/<ll>/LC_MESSAGES/kit.po``), first for the locale, then for its
language (``es_MX`` → ``es``); a word translated in none falls back to English, wrapped in
``<span lang="en">`` (and ``dir="ltr"`` on a right-to-left page) so screen readers switch
voice and readers see it is English, as untranslated content is. Fuzzy and empty entries
count as untranslated, and so does a translation whose placeholders do not fit.

Values put into a word (names, dates, phone numbers) are escaped, and on a right-to-left
page their left-to-right runs are isolated. Plain text (``ui_plain``, for attributes, CSS
page footers and alt text) cannot mark a language, so it is the same lookup without the
marking. A key ``MESSAGES`` lacks is a ``KeyError``: a bug in kit or a typo in a template
(which ``kit.html.page.UiFunction`` reports with the template line).
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape

from kit.bidi import isolate_ltr
from kit.locales import LocaleInfo, parse_locale
from kit.po import PoFile, read_po
from kit.words.messages import MESSAGES
from kit.words.numerals import localize_digits

FALLBACK = "en"
SHIPPED = Path(__file__).resolve().parent / "locales"
DOMAIN = "kit"  # the catalogs' name: kit.pot, <ll>/LC_MESSAGES/kit.po

_PROJECT: dict[str, Mapping[str, str]] = {}


def translations(po: PoFile) -> dict[str, str]:
    """msgid → msgstr of every translated, not fuzzy entry of a words catalog; a plural entry
    is keyed ``msgid NUL msgid_plural`` and holds its forms joined by NUL."""
    out: dict[str, str] = {}
    for e in po.entries:
        if e.obsolete or "fuzzy" in e.flags:
            continue
        if e.msgid_plural is None and e.msgstr:
            out[e.msgid] = e.msgstr
        elif e.msgid_plural is not None and all(e.msgstr_plural):
            out[f"{e.msgid}\0{e.msgid_plural}"] = "\0".join(e.msgstr_plural)
    return out


@lru_cache(maxsize=64)
def shipped(code: str) -> Mapping[str, str]:
    """kit's own translations for one locale code (empty when kit ships none)."""
    path = SHIPPED / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    return translations(read_po(path)) if path.is_file() else {}


def install_project_words(code: str, words: Mapping[str, str]) -> None:
    """The project's own words for ``code`` (its kit.po), read by ``kit.commands.loaders``."""
    if _PROJECT.get(code) != words:
        _PROJECT[code] = dict(words)
        _forget_derived()


def forget_project_words() -> None:
    """Back to kit's own words only (tests that installed a project's words)."""
    _PROJECT.clear()
    _forget_derived()


def _forget_derived() -> None:
    """Clear what was computed from the project's words (they changed)."""
    global _GENERATION
    _GENERATION += 1
    language_name.cache_clear()
    _word_html.cache_clear()


_GENERATION = 0


def words_generation() -> int:
    """Changes whenever the project's words do: part of the key of a cache of something
    made from words (``kit.words.notice``)."""
    return _GENERATION


def fallback_codes(locale: LocaleInfo) -> tuple[str, ...]:
    """The codes whose words a page in ``locale`` may show, in the fallback rule's order:
    the locale, then its language (``es_MX`` → ``es``)."""
    return (locale.code, locale.language) if locale.code != locale.language else (locale.code,)


def translate(locale: LocaleInfo, msgid: str) -> tuple[str, bool]:
    """The word ``msgid`` in ``locale`` and whether it is the English fallback."""
    for code in fallback_codes(locale):
        text = _PROJECT.get(code, {}).get(msgid) or shipped(code).get(msgid)
        if text:
            return text, False
    return msgid, locale.language != FALLBACK


def fallbacks(locale: LocaleInfo, language_words: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """What pages show for a word the locale's own ``kit.po`` leaves untranslated, by the one
    fallback rule: key (as in ``translations``) → (the word, where it comes from).
    ``language_words`` is the project's catalog for the locale's language (``es`` for
    ``es_MX``), which comes before kit's draft for that language."""
    layers = [(shipped(locale.code), f"kit's unreviewed {locale.code} draft")]
    if locale.code != locale.language:
        layers.append((language_words, f"the project's {locale.language} catalog"))
        layers.append((shipped(locale.language), f"kit's unreviewed {locale.language} draft"))
    out: dict[str, tuple[str, str]] = {}
    for words, origin in reversed(layers):
        out.update((key, (text, origin)) for key, text in words.items())
    return out


def lookup(locale: LocaleInfo, key: str) -> tuple[str, bool]:
    """The word kit's code calls ``key`` in ``locale`` and whether it is the English fallback."""
    return translate(locale, MESSAGES[key])


def ui_plain(locale: LocaleInfo, key: str, **values: str) -> str:
    """Plain text, for attributes such as ``aria-label`` (no ``lang`` can be marked there)."""
    return word_plain(locale, MESSAGES[key], **values)


def word_plain(locale: LocaleInfo, msgid: str, **values: str) -> str:
    text, _ = translate(locale, msgid)
    try:
        return text % values if "%" in text else text
    except (KeyError, ValueError, TypeError):
        return msgid % values if "%" in msgid else msgid


def ui_isolated(locale: LocaleInfo, key: str, **values: str) -> str:
    """Plain text for a right-to-left line without markup (a PDF footer): each value in a
    first-strong isolate (U+2068 … U+2069) and an English fallback in a left-to-right isolate
    (U+2066 … U+2069), so the line reads in logical order whatever the values hold."""
    text, fallback = lookup(locale, key)
    if not locale.is_rtl:
        return ui_plain(locale, key, **values)
    isolated = {name: f"\u2068{value}\u2069" for name, value in values.items()}
    try:
        line = text % isolated if "%" in text else text
    except (KeyError, ValueError, TypeError):
        line, fallback = MESSAGES[key] % isolated, True
    return f"\u2066{line}\u2069" if fallback else line


def ui_html(locale: LocaleInfo, key: str, **values: str) -> Markup:
    return word_html(locale, MESSAGES[key], **values)


def word_html(locale: LocaleInfo, msgid: str, **values: str) -> Markup:
    """The word as safe HTML; the English fallback marked with its language."""
    key = tuple((name, value, isinstance(value, Markup)) for name, value in values.items())
    return _word_html(locale, msgid, key)


@lru_cache(maxsize=4096)
def _word_html(locale: LocaleInfo, msgid: str, key: tuple[tuple[str, str, bool], ...]) -> Markup:
    """``word_html``, once per word, locale and values (most are the same on every page of a
    locale: the frame's words, the fallback label, the notices). The key tells a ``Markup``
    value (kept) from equal text (escaped); ``install_project_words`` clears the cache."""
    values = {name: value for name, value, _ in key}
    text, fallback = translate(locale, msgid)
    html = _format(text, locale.is_rtl and not fallback, values)
    if html is None:  # a translation whose placeholders do not fit: English, marked
        text, fallback = msgid, locale.language != FALLBACK
        html = _format(text, False, values) or Markup(escape(msgid))
    if not fallback:
        return html
    direction = ' dir="ltr"' if locale.is_rtl else ""
    return Markup(f'<span lang="{FALLBACK}"{direction}>{html}</span>')


def plural_html(locale: LocaleInfo, singular: str, plural: str, n: int, **values: str) -> Markup:
    """``ngettext``: the plural form CLDR's rule (through Babel's Plural-Forms) picks for
    ``n``; untranslated, English by its own rule, marked like every fallback."""
    forms, fallback = translate(locale, f"{singular}\0{plural}")
    chosen = singular if n == 1 else plural
    if not fallback and "\0" in forms:
        index = _plural_rule(locale.plural_expr)(n)
        options = forms.split("\0")
        chosen = options[index] if index < len(options) else chosen
        fallback = index >= len(options)
    elif not fallback:  # a locale without the plural entry: English
        fallback = locale.language != FALLBACK
    html = _format(chosen, locale.is_rtl and not fallback, values) or Markup(escape(chosen))
    if not fallback:
        return html
    direction = ' dir="ltr"' if locale.is_rtl else ""
    return Markup(f'<span lang="{FALLBACK}"{direction}>{html}</span>')


@lru_cache(maxsize=64)
def _plural_rule(expr: str) -> Callable[[int], int]:
    return gettext.c2py(expr)


def _format(text: str, rtl: bool, values: Mapping[str, str]) -> Markup | None:
    safe = {name: _value(v, rtl) for name, v in values.items()}
    if "%" not in text:
        return Markup(escape(text))
    try:
        return Markup(escape(text) % safe)
    except (KeyError, ValueError, TypeError):
        return None


def _value(value: str, rtl: bool) -> Markup:
    """A value for a word: ``Markup`` is kit's own HTML and kept; text is escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(isolate_ltr(value)) if rtl else escape(value)


@lru_cache(maxsize=512)
def language_name(language: LocaleInfo, in_locale: LocaleInfo, key: str) -> str:
    """``language``'s name as written inside the word ``key`` in ``in_locale`` ("inglés",
    "英语"): in English when that word falls back to English, so a Persian sentence never holds
    "English" and an English one never holds "انگلیسی" (as ``date_locale`` does for dates)."""
    _, fallback = lookup(in_locale, key)
    where = Locale.parse(FALLBACK if fallback else in_locale.code)
    name = where.languages.get(language.code) or where.languages.get(language.language)
    return name or language.name_in(in_locale)


def date_locale(locale: LocaleInfo, key: str) -> LocaleInfo:
    """The locale a date inside the word ``key`` is written in: the page's, or English when
    the word falls back to English (so "reviewed on 1 January 2026" never holds a Persian
    month name inside an English sentence)."""
    return _ENGLISH if lookup(locale, key)[1] else locale


@lru_cache(maxsize=4096)
def long_date(date: dt.date, locale: LocaleInfo) -> str:
    return format_date(date, format="long", locale=locale.code)


def local_date(date: dt.date, locale: LocaleInfo, digits: str | None = None) -> str:
    """A CLDR long date in the locale's language and digits, as pages and handouts print
    it: ١ ديسمبر ٢٠١٨, 2018年12月1日 (``digits``: a ``[locale.LL] digits`` override). A
    date in English (a word that fell back to English: ``date_locale``) keeps Western
    digits whatever the page's digits are."""
    if locale.language == FALLBACK:
        return long_date(date, locale)
    return localize_digits(long_date(date, locale), locale, digits)


_ENGLISH = parse_locale(FALLBACK)
