"""What the page and index templates see: small frozen views built from a ``LocalizedDocument``.

Templates get ready-made, already escaped values (``Markup``) and plain strings that Jinja
escapes itself, so a hospital's template cannot forget to escape translator text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from kit.catalog.localize import Decision, LocalizedDocument, Provenance
from kit.html.body import render_body, render_segment, segment_plain_text
from kit.html.handouts import HandoutLink, handout_links
from kit.locales import LocaleInfo
from kit.site import HandoutFile, Published
from kit.words.lookup import (
    date_locale,
    language_name,
    local_date,
    lookup,
    plural_html,
    ui_html,
    ui_plain,
    word_html,
)
from kit.words.numerals import counter_style

CSS_DEST = "assets/kit.css"
_EMAIL = re.compile(r"\s*<[^<>@]*@[^<>]*>\s*$")


@dataclass(frozen=True)
class LanguageLink:
    code: str
    bcp47: str
    dir: str  # "" when the same as the page's
    name: str  # in its own script: Español, العربية
    name_in_source: str  # in the source language: Spanish
    href: str
    current: bool
    title: str  # the document's title in that language


@dataclass(frozen=True)
class PageView:
    lang: str
    dir: str
    slug: str
    title: Markup
    title_text: str
    summary: Markup
    summary_text: str
    body: Markup
    languages: tuple[LanguageLink, ...]
    notices: tuple[Markup, ...]  # reviewed / translated from / by whom / draft
    draft: bool
    partial: Markup  # the "parts are not translated yet" notice, or empty
    banner: Markup  # the banner for a page published below its threshold, or empty
    source_link: LanguageLink | None  # the source-language page, on translated pages
    source_language: str  # the source's language name as "read_source" writes it: "inglés"
    canonical: str  # absolute URL when kit.toml sets branding.base_url, else ""
    css_href: str
    index_href: str
    generator: str
    handouts: tuple[HandoutLink, ...] = ()  # the page's PDFs (kit.html.handouts)


class UiFunction:
    """``ui("key", name=value)`` in templates: the localized chrome string as safe HTML."""

    def __init__(self, locale: LocaleInfo) -> None:
        self.locale = locale

    def __call__(self, key: str, **values: str) -> Markup:
        try:
            lookup(self.locale, key)
        except KeyError:
            raise jinja2.TemplateRuntimeError(f"unknown UI string {key!r}") from None
        return ui_html(self.locale, key, **{k: _text(v) for k, v in values.items()})


class Gettext:
    """``_("msgid", name=value)`` and ``{% trans %}`` in templates (Jinja2's i18n extension,
    new-style): the word in the page's locale as safe HTML, English marked when untranslated."""

    def __init__(self, locale: LocaleInfo) -> None:
        self.locale = locale

    def __call__(self, msgid: str, **values: object) -> Markup:
        return word_html(self.locale, msgid, **{k: _text(v) for k, v in values.items()})

    def ngettext(self, singular: str, plural: str, n: int, **values: object) -> Markup:
        """``{% trans count=n %}…{% pluralize %}…{% endtrans %}``: CLDR plural forms."""
        text = {k: _text(v) for k, v in values.items()}
        return plural_html(self.locale, singular, plural, n, **text)


def _text(value: object) -> str:
    return value if isinstance(value, str) else str(value)


def language_links(
    published: Published, current: LocaleInfo, source: LocaleInfo, prefix: str
) -> tuple[LanguageLink, ...]:
    """Links to ``published.slug`` in every published locale; ``prefix`` leads to dist/."""
    links = []
    for locale, title in zip(published.locales, published.titles, strict=True):
        here = locale.code == current.code
        href = (
            f"{published.slug}.html"
            if here and prefix == "../"
            else f"{prefix}{locale.code}/{published.slug}.html"
        )
        direction = locale.direction if locale.direction != current.direction else ""
        links.append(
            LanguageLink(
                locale.code,
                locale.bcp47,
                direction,
                locale.native_name,
                locale.name_in(source),
                href,
                here,
                title,
            )
        )
    return tuple(links)


def page_view(
    ldoc: LocalizedDocument,
    published: Published,
    base_url: str,
    generator: str,
    handouts: tuple[HandoutFile, ...] = (),
    digits: str | None = None,
) -> PageView:
    """What a page template shows. Its ordered lists and dates are in the locale's digits,
    as on its handouts (``digits``: a ``[locale.LL] digits`` override of CLDR's default)."""
    doc, locale = ldoc.document, ldoc.locale
    counter = counter_style(locale, digits)
    links = language_links(published, locale, ldoc.source_locale, "../")
    source_link = next((x for x in links if x.code == ldoc.source_locale.code), None)
    canonical = f"{base_url.rstrip('/')}/{locale.code}/{doc.slug}.html" if base_url else ""
    return PageView(
        lang=locale.bcp47,
        dir=locale.direction,
        slug=doc.slug,
        title=Markup(render_segment(ldoc, doc.title)),
        title_text=segment_plain_text(ldoc, doc.title),
        summary=Markup(render_segment(ldoc, doc.summary)),
        summary_text=segment_plain_text(ldoc, doc.summary),
        body=Markup(render_body(ldoc, counter)),
        languages=links,
        notices=_notices(ldoc, digits),
        draft=_is_draft(ldoc),
        partial=_partial(ldoc),
        banner=_banner(ldoc),
        source_link=None if ldoc.is_source else source_link,
        source_language=_source_name(ldoc, "read_source"),
        canonical=canonical,
        css_href=CSS_DEST,
        index_href="../index.html",
        generator=generator,
        handouts=handout_links(
            handouts, locale, ldoc.source_locale, base_url=base_url, digits=digits
        ),
    )


def _is_draft(ldoc: LocalizedDocument) -> bool:
    return ldoc.provenance is not None and not ldoc.provenance.reviewed


def _source_name(ldoc: LocalizedDocument, key: str) -> str:
    """The source language's name as written inside the page's word ``key``."""
    return language_name(ldoc.source_locale, ldoc.locale, key)


def _notices(ldoc: LocalizedDocument, digits: str | None) -> tuple[Markup, ...]:
    locale = ldoc.locale
    if ldoc.provenance is None:
        when = local_date(ldoc.document.meta.reviewed, date_locale(locale, "reviewed"), digits)
        return (ui_html(locale, "reviewed", date=when),)
    prov = ldoc.provenance
    date = local_date(prov.source_reviewed, date_locale(locale, "translated_from"), digits)
    notices = [
        ui_html(
            locale, "translated_from", language=_source_name(ldoc, "translated_from"), date=date
        )
    ]
    translator = _EMAIL.sub(" ", prov.translator).strip()
    if translator:
        notices.append(ui_html(locale, "translated_by", name=translator))
    notices.append(_review_notice(locale, prov, digits))
    if prov.machine_draft:
        notices.append(ui_html(locale, "machine_draft"))
    return tuple(notices)


def _review_notice(locale: LocaleInfo, prov: Provenance, digits: str | None) -> Markup:
    latest = prov.review.latest if prov.review is not None else None
    if not prov.reviewed or latest is None:
        return ui_html(locale, "draft")
    name = f"{latest.reviewer} ({latest.role})" if latest.role else latest.reviewer
    when = local_date(latest.date, date_locale(locale, "reviewed_by"), digits)
    return ui_html(locale, "reviewed_by", name=name, date=when)


def _partial(ldoc: LocalizedDocument) -> Markup:
    if ldoc.is_source or not ldoc.has_fallback:
        return Markup("")
    label = ui_plain(ldoc.locale, "fallback_label", language=_source_name(ldoc, "fallback_label"))
    language = _source_name(ldoc, "partial_notice")
    return ui_html(ldoc.locale, "partial_notice", language=language, label=label)


def _banner(ldoc: LocalizedDocument) -> Markup:
    if ldoc.publish.decision is not Decision.BANNER:
        return Markup("")
    return ui_html(ldoc.locale, "banner", language=_source_name(ldoc, "banner"))
