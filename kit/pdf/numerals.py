"""The locale's own digits, for "Page X of Y" and for dates printed on the handout.

Arabic uses Arabic-Indic digits (٣), Farsi and Pashto Persian digits (۳), Hindi, Marathi and
Nepali Devanagari (३), Bengali and Assamese Bengali (৩), Burmese Myanmar digits (၃). Maghreb
Arabic (ar_MA, ar_DZ, ar_TN, ar_LY, ar_EH) and Urdu use Western digits, as CLDR's defaults
do. The names are WeasyPrint's predefined CSS counter styles (``css/html5_ua.css``), so the
page footer and Python-formatted dates use the same digits.
"""

from __future__ import annotations

from kit.locales import LocaleInfo

_DIGITS = {
    "decimal": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
    "bengali": "০১২৩৪৫৬৭৮৯",
    "myanmar": "၀၁၂၃၄၅၆၇၈၉",
}
_BY_LANGUAGE = {
    "ar": "arabic-indic",
    "fa": "persian",
    "ps": "persian",
    "prs": "persian",
    "hi": "devanagari",
    "mr": "devanagari",
    "ne": "devanagari",
    "bn": "bengali",
    "as": "bengali",
    "my": "myanmar",
}
_WESTERN_ARABIC = frozenset({"MA", "DZ", "TN", "LY", "EH"})


def counter_style(locale: LocaleInfo) -> str:
    """The CSS counter style for page numbers and ordered lists in this locale."""
    if locale.language == "ar" and locale.territory in _WESTERN_ARABIC:
        return "decimal"
    return _BY_LANGUAGE.get(locale.language, "decimal")


def localize_digits(text: str, locale: LocaleInfo) -> str:
    """Replace ASCII digits by the locale's own (no change where it uses Western digits)."""
    style = counter_style(locale)
    if style == "decimal":
        return text
    return text.translate(str.maketrans(_DIGITS["decimal"], _DIGITS[style]))
