"""``LocalizedDocument`` → ``HandoutView``: everything the handout template shows, ready to print.

Pure: no file is read here. Text from content and catalogs is HTML-escaped (the body comes
already safe from ``kit.html.body``); kit's own words come from ``kit.words``;
dates are CLDR long dates in the locale's own digits; provenance comes from
``ldoc.provenance`` (translator, machine draft, review sign-offs).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import segno
from markupsafe import Markup

from kit.bidi import isolate_ltr
from kit.catalog.localize import Decision, LocalizedDocument, Provenance
from kit.catalog.review import SignOff
from kit.config import BrandingSection, Config
from kit.locales import LocaleInfo
from kit.model import Block, Heading, Segment
from kit.site import Brand
from kit.text import keep_phone_numbers_whole
from kit.words.lookup import date_locale, language_name, local_date, ui_html, ui_plain
from kit.words.notice import HelpLine

BodyRenderer = Callable[[LocalizedDocument], str]
SegmentRenderer = Callable[[LocalizedDocument, Segment], str]
_EMAIL = re.compile(r"\s*<[^>]*@[^>]*>\s*")
_ID_ATTRS = re.compile(r'(\s(?:id|aria-labelledby|aria-describedby|headers|for)=")([^"]*)(")')
_FRAGMENT_LINK = re.compile(r'(\shref="#)([^"]*)(")')


@dataclass(frozen=True)
class Renderers:
    """How document content becomes HTML: ``kit.html.body`` in a build, stand-ins in tests."""

    body: BodyRenderer
    segment: SegmentRenderer


def default_renderers() -> Renderers:
    from kit.html.body import render_body, render_segment  # the HTML renderer's own code

    return Renderers(render_body, render_segment)


@dataclass(frozen=True)
class Note:
    """One sentence of fixed wording, as safe HTML (English fallback already marked)."""

    html: Markup
    kind: str  # CSS class: reviewed, next-review, version, translated-from, draft, ...


@dataclass(frozen=True)
class Side:
    """One language's content of a handout (the bilingual handout has two)."""

    lang: str  # BCP 47
    dir: str
    name: str  # the language's name in itself: Español
    title: Markup
    summary: Markup
    body: Markup  # whole body (standard and large print)
    sections: tuple[Markup, ...]  # body cut at each heading (bilingual)
    notices: tuple[Note, ...]  # shown under the title: draft translation, partly in English
    about_heading: Markup
    about: tuple[Note, ...]


@dataclass(frozen=True)
class Qr:
    src: str  # data: URI of an SVG
    url: str
    alt: str
    caption: Note


@dataclass(frozen=True)
class HandoutView:
    lang: str
    dir: str
    profile: str  # standard, large-print, bilingual
    title_text: str  # plain text for <title> (PDF /Title and dc:title)
    description: str
    created: str  # ISO dates for dcterms.created / dcterms.modified
    modified: str
    main: Side
    source: Side | None  # the source-language side, bilingual handout only
    brand: Brand
    call: Note | None  # "Questions? Call {phone}." with the phone number
    qr: Qr | None
    page_css: Markup
    language_help: tuple[HelpLine, ...] = ()  # [language_help]: one line per language

    @property
    def rows(self) -> tuple[tuple[Markup, Markup], ...]:
        """Bilingual: (source, target) section pairs, aligned by heading."""
        if self.source is None:
            return ()
        return tuple(zip(self.source.sections, self.main.sections, strict=True))


def side(
    ldoc: LocalizedDocument, renderers: Renderers, *, sections: bool, digits: str | None = None
) -> Side:
    doc = ldoc.document
    parts = split_sections(doc.blocks) if sections else ()
    return Side(
        lang=ldoc.locale.bcp47,
        dir=ldoc.locale.direction,
        name=ldoc.locale.native_name,
        title=Markup(renderers.segment(ldoc, doc.title)),
        summary=Markup(renderers.segment(ldoc, doc.summary)),
        body=Markup("") if sections else Markup(renderers.body(ldoc)),
        sections=tuple(
            Markup(scope_ids(renderers.body(_with_blocks(ldoc, p)), f"{ldoc.locale.code}-{i}-"))
            for i, p in enumerate(parts, start=1)
        ),
        notices=notices(ldoc),
        about_heading=ui_html(ldoc.locale, "about"),
        about=about_notes(ldoc, ldoc.locale, digits),
    )


def split_sections(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], ...]:
    """Cut the body before every heading; the part before the first heading stays first."""
    out: list[tuple[Block, ...]] = []
    current: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading) and current:
            out.append(tuple(current))
            current = []
        current.append(block)
    if current:
        out.append(tuple(current))
    return tuple(out)


def scope_ids(html: str, prefix: str) -> str:
    """Prefix every id (and the references to it) in a fragment, so that the two languages
    and the separately rendered sections of a bilingual handout never share an id."""

    def _ids(match: re.Match[str]) -> str:
        values = " ".join(prefix + v for v in match[2].split())
        return f"{match[1]}{values}{match[3]}"

    html = _ID_ATTRS.sub(_ids, html)
    return _FRAGMENT_LINK.sub(lambda m: f"{m[1]}{prefix}{m[2]}{m[3]}", html)


def _with_blocks(ldoc: LocalizedDocument, blocks: tuple[Block, ...]) -> LocalizedDocument:
    return replace(ldoc, document=replace(ldoc.document, blocks=blocks))


def notices(ldoc: LocalizedDocument) -> tuple[Note, ...]:
    """Warnings printed right under the title: unreviewed draft, parts not translated."""
    if ldoc.is_source:
        return ()
    out: list[Note] = []
    if ldoc.provenance is None or not ldoc.provenance.reviewed:
        out.append(Note(ui_html(ldoc.locale, "draft"), "draft"))
    if ldoc.has_fallback or ldoc.publish.decision is Decision.BANNER:
        name = language_name(ldoc.source_locale, ldoc.locale, "banner")
        out.append(Note(ui_html(ldoc.locale, "banner", language=name), "partial"))
    return tuple(out)


def about_notes(
    ldoc: LocalizedDocument, wording: LocaleInfo, digits: str | None = None
) -> tuple[Note, ...]:
    """Review dates, version and who translated and reviewed, in ``wording``'s language."""
    meta = ldoc.document.meta
    out = [
        Note(
            ui_html(
                wording,
                "reviewed",
                date=local_date(meta.reviewed, date_locale(wording, "reviewed"), digits),
            ),
            "reviewed",
        )
    ]
    if meta.next_review is not None:
        date = local_date(meta.next_review, date_locale(wording, "next_review"), digits)
        out.append(Note(ui_html(wording, "next_review", date=date), "next-review"))
    if meta.version:  # optional in the front matter: no "Version" line without one
        out.append(Note(ui_html(wording, "version", version=meta.version), "version"))
    if not ldoc.is_source and ldoc.provenance is not None:
        out.extend(_provenance(ldoc, ldoc.provenance, wording, digits))
    return tuple(out)


def _provenance(
    ldoc: LocalizedDocument, prov: Provenance, wording: LocaleInfo, digits: str | None
) -> list[Note]:
    language = language_name(ldoc.source_locale, wording, "translated_from")
    date = local_date(prov.source_reviewed, date_locale(wording, "translated_from"), digits)
    out = [
        Note(ui_html(wording, "translated_from", language=language, date=date), "translated-from")
    ]
    if prov.translator:
        out.append(
            Note(ui_html(wording, "translated_by", name=person(prov.translator)), "translated-by")
        )
    if prov.machine_draft:
        out.append(Note(ui_html(wording, "machine_draft"), "machine-draft"))
    if not prov.reviewed or prov.review is None:
        return [*out, Note(ui_html(wording, "draft"), "draft")]
    for signoff in _printed_signoffs(prov.review.reviewers):
        who = signoff.reviewer
        if signoff.role:
            who = ui_plain(wording, "person_role", name=signoff.reviewer, role=signoff.role)
        when = local_date(signoff.date, date_locale(wording, "reviewed_by"), digits)
        out.append(Note(ui_html(wording, "reviewed_by", name=who, date=when), "reviewed-by"))
        if signoff.method:
            method = ui_html(wording, "review_method", method=signoff.method)
            out.append(Note(method, "review-method"))
    return out


def _printed_signoffs(signoffs: tuple[SignOff, ...], most: int = 3) -> list[SignOff]:
    """The newest ``most`` sign-offs that print differently: one person who signed twice on
    a day (once per review stage, or after finishing the last entries) is named once."""
    out: dict[tuple[str, str, str, dt.date], SignOff] = {}
    for signoff in signoffs:
        out.setdefault((signoff.reviewer, signoff.role, signoff.method, signoff.date), signoff)
    return list(out.values())[:most]


def call(branding: BrandingSection, locale: LocaleInfo) -> Note | None:
    if not branding.phone:
        return None
    return Note(ui_html(locale, "call", phone=phone_link(branding.phone, locale)), "phone")


def phone_link(phone: str, locale: LocaleInfo) -> Markup:
    """The printed phone number as a ``tel:`` link (a Link element with /Contents in the PDF)."""
    tel = re.sub(r"[^\d+]", "", phone)
    phone = keep_phone_numbers_whole(phone)
    text = Markup(isolate_ltr(phone)) if locale.is_rtl else phone  # isolate_ltr escapes
    return Markup('<a href="tel:{}">{}</a>').format(tel, text)


def logo_uri(config: Config) -> str:
    """The logo as a file: URI (WeasyPrint reads it through kit's fetcher), "" without one."""
    logo = config.branding.logo
    return (config.root / logo).absolute().as_uri() if logo else ""


def asset_roots(config: Config) -> tuple[Path, ...]:
    """What a handout may read (``kit.pdf.fetcher``): the templates and source folders, and
    the logo ``kit.toml`` names wherever it is inside the project (as the web pages take it:
    ``kit new`` projects keep it beside ``kit.toml``)."""
    roots = (config.templates_dir, config.source_dir)
    if not config.branding.logo:
        return roots
    logo = (config.root / config.branding.logo).resolve()
    return (*roots, logo) if logo.is_relative_to(config.root.resolve()) else roots


def online_url(config: Config, locale: LocaleInfo, slug: str) -> str:
    """Where ``kit build`` publishes the page: ``<base_url>/<locale>/<slug>.html``, or ""."""
    base = config.branding.base_url.strip().rstrip("/")
    return f"{base}/{locale.code}/{slug}.html" if base else ""


def qr_code(url: str, locale: LocaleInfo) -> Qr | None:
    if not url:
        return None
    code = segno.make(url, error="m", micro=False)
    src = code.svg_data_uri(scale=1, border=4, dark="#000", light="#fff")
    caption = Note(ui_html(locale, "online"), "online")
    return Qr(src, url, ui_plain(locale, "qr_alt", url=url), caption)


def person(name: str) -> str:
    """A name for print: "Ana García <ana@example.org>" → "Ana García"."""
    return _EMAIL.sub(" ", name).strip() or name
