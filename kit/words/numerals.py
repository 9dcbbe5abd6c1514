"""One numbering system per locale: a handout's page numbers, list numbers and dates, and
the numbers of ordered lists on the locale's web pages (``kit.html.render``).

The numbering system is CLDR's default for the locale (through Babel): Western digits for
Hindi, Urdu and Arabic (CLDR 42 and later; ``ar_SA``, ``ar_EG`` keep Arabic-Indic ١٢٣),
Persian digits for Farsi and Pashto (۱۲۳), Devanagari for Marathi and Nepali (१२३), Bengali
for Bengali and Assamese (১২৩), Myanmar digits for Burmese (၁၂၃). ``[locale.<code>] digits``
in kit.toml chooses another (``digits = "latn"`` or ``"deva"`` for Hindi). The names on the
right are WeasyPrint's predefined CSS counter styles (``css/html5_ua.css``), so the page
footer, ordered lists and Python-formatted dates use the same digits. Body text keeps the
digits its translator wrote: kit never rewrites a dose.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from kit.locales import LocaleInfo

_DIGITS = {
    "decimal": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
    "bengali": "০১২৩৪৫৬৭৮৯",
    "myanmar": "၀၁၂၃၄၅၆၇၈၉",
}
# CLDR numbering system → CSS counter style
COUNTERS = {
    "latn": "decimal",
    "arab": "arabic-indic",
    "arabext": "persian",
    "deva": "devanagari",
    "beng": "bengali",
    "mymr": "myanmar",
}


@lru_cache(maxsize=256)
def default_numbering(code: str) -> str:
    """CLDR's default numbering system for a locale code (``latn`` when unknown)."""
    try:
        return str(Locale.parse(code).default_numbering_system)
    except (UnknownLocaleError, ValueError):
        return "latn"


def counter_style(locale: LocaleInfo, digits: str | None = None) -> str:
    """The CSS counter style for page numbers and ordered lists in this locale."""
    return COUNTERS.get(digits or default_numbering(locale.code), "decimal")


def localize_digits(text: str, locale: LocaleInfo, digits: str | None = None) -> str:
    """Replace ASCII digits by the locale's own (no change where it uses Western digits)."""
    style = counter_style(locale, digits)
    if style == "decimal":
        return text
    return text.translate(str.maketrans(_DIGITS["decimal"], _DIGITS[style]))
