"""What every renderer needs to know about the whole project (frozen, built once per build)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markupsafe import Markup, escape

from kit.config import BrandingSection, Config, PrintSection
from kit.locales import LocaleInfo
from kit.text import keep_phone_numbers_whole, nbsp_entities


@dataclass(frozen=True)
class Site:
    config: Config
    source_locale: LocaleInfo
    locales: tuple[LocaleInfo, ...]  # source locale first, then the targets being built
    kit_version: str

    @cached_property  # a stat (is there a project folder?) once per build, not per page
    def templates_dir(self) -> Path:
        return self.config.templates_dir

    @property
    def source_dir(self) -> Path:
        return self.config.source_dir


@dataclass(frozen=True)
class Brand:
    """The project's branding as pages and handouts show it (``[branding]`` in kit.toml)."""

    organization: str
    logo_src: str  # "" when there is no logo; relative to the page, or a file: URI in a PDF
    phone: str
    phone_href: str  # tel: link, "" without a phone number
    phone_link: Markup  # <a href="tel:..." dir="ltr">phone</a>, or empty


def brand(branding: BrandingSection, logo_src: str) -> Brand:
    digits = "".join(ch for ch in branding.phone if ch.isdigit() or ch == "+")
    href = f"tel:{digits}" if digits else ""
    # a phone number stays on one line; its no-break spaces written as entities (kit.text)
    shown = Markup(nbsp_entities(str(escape(keep_phone_numbers_whole(branding.phone)))))
    link = Markup('<a href="{}" dir="ltr">{}</a>').format(href, shown) if href else Markup("")
    return Brand(branding.organization, logo_src, branding.phone, href, link)


@dataclass(frozen=True)
class Published:
    """Which locales of one document are published (for language switchers and the index)."""

    slug: str
    title: str
    locales: tuple[LocaleInfo, ...]
    titles: tuple[str, ...]  # the document's title in each of those locales


# The outputs of one document in one locale, by kind, and the one rule that names them:
# dist/<locale>/<slug>.html, <slug>.pdf, <slug>.large-print.pdf, <slug>.bilingual.pdf.
PAGE = "page"
STANDARD = "standard"
LARGE_PRINT = "large-print"
BILINGUAL = "bilingual"
_SUFFIXES = {
    PAGE: ".html",
    STANDARD: ".pdf",
    LARGE_PRINT: ".large-print.pdf",
    BILINGUAL: ".bilingual.pdf",
}


def output_name(slug: str, kind: str) -> str:
    """The file name of one output of a document inside ``dist/<locale>/``."""
    return slug + _SUFFIXES[kind]


def handout_kinds(prints: PrintSection, is_source: bool) -> tuple[str, ...]:
    """The print profiles kit.toml asks for (the bilingual handout needs a target language,
    so the source locale has none)."""
    kinds = [STANDARD]
    if prints.large_print:
        kinds.append(LARGE_PRINT)
    if prints.bilingual and not is_source:
        kinds.append(BILINGUAL)
    return tuple(kinds)


def handout_names(slug: str, prints: PrintSection, is_source: bool) -> tuple[str, ...]:
    """File names of a document's PDF handouts in one locale."""
    return tuple(output_name(slug, kind) for kind in handout_kinds(prints, is_source))


@dataclass(frozen=True)
class HandoutFile:
    """A built PDF handout as a page links to it: ``dist/<locale>/<name>``."""

    kind: str  # STANDARD, LARGE_PRINT or BILINGUAL
    name: str
    pages: int
    size: int  # bytes
