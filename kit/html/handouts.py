"""Links from a page (and the index) to its PDF handouts, in the page's language: what each
handout is (standard print, large print, bilingual), its language, page count and size.

The build renders the PDFs before the pages (``kit.commands.build``), so the numbers are those
of the files next to the page. A handout that was not built is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit
from markupsafe import Markup

from kit.locales import LocaleInfo
from kit.site import BILINGUAL, LARGE_PRINT, HandoutFile
from kit.words.lookup import language_name, lookup, ui_html
from kit.words.numerals import localize_digits

_LABELS = {LARGE_PRINT: "handout_large_print", BILINGUAL: "handout_bilingual"}


@dataclass(frozen=True)
class HandoutLink:
    href: str  # relative to the page's folder: "infant-all.large-print.pdf"
    kind: str  # standard, large-print, bilingual
    label: Markup  # "Large print"
    details: Markup  # "PDF, español, pages: 4, 24 kB"
    print_url: str  # printed after the link: absolute with branding.base_url, else the href


def size_text(size: int, locale: LocaleInfo) -> str:
    """Bytes as kilobytes in the locale's words and digits: "24 kB", "24 кБ"."""
    kilobytes = max(1, round(size / 1000))
    return format_unit(kilobytes, "digital-kilobyte", length="short", locale=_babel(locale))


def _babel(locale: LocaleInfo) -> str:
    """The locale of the details' list, numbers and size: English when the details
    (``handout_details``, the sentence that holds them) fall back to English."""
    _, fallback = lookup(locale, "handout_details")
    return "en" if fallback else locale.code


def handout_links(
    files: tuple[HandoutFile, ...],
    locale: LocaleInfo,
    source: LocaleInfo,
    prefix: str = "",
    base_url: str = "",
    digits: str | None = None,
) -> tuple[HandoutLink, ...]:
    """One link per built handout of a document in ``locale``; ``prefix`` leads from the
    linking page to ``dist/<locale>/`` ("" on the page itself, "es/" on the index);
    ``base_url`` (``[branding]``) makes the printed address one a reader can type. Page
    counts and sizes are in the locale's digits (``digits``: its ``[locale.LL]`` override),
    as the page's dates and lists are; in an English fallback sentence, in Western digits."""
    if not files:
        return ()
    english = _babel(locale) == "en"

    def number(text: str) -> str:
        return text if english else localize_digits(text, locale, digits)

    online = f"{base_url.rstrip('/')}/{locale.code}/" if base_url else prefix
    here = language_name(locale, locale, "handout_details")
    there = language_name(source, locale, "handout_details")
    both = format_list([here, there], locale=_babel(locale))
    other = language_name(source, locale, "handout_bilingual")
    return tuple(
        HandoutLink(
            href=prefix + f.name,
            kind=f.kind,
            label=ui_html(locale, _LABELS.get(f.kind, "handout_standard"), language=other),
            details=ui_html(
                locale,
                "handout_details",
                language=both if f.kind == BILINGUAL else here,
                pages=number(format_decimal(f.pages, locale=_babel(locale))),
                size=number(size_text(f.size, locale)),
            ),
            print_url=online + f.name,
        )
        for f in files
    )
