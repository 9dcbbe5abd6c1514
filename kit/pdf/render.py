"""``LocalizedDocument`` → printable, accessible PDF handouts (WeasyPrint, PDF/UA-1).

Per document and locale, ``render_handouts`` yields ``<slug>.pdf`` (standard profile),
``<slug>.large-print.pdf`` (``[print] large_print``) and, for translations,
``<slug>.bilingual.pdf`` (``[print] bilingual``): source and translation side by side,
aligned section by section. Page size is ``[print] page_size`` or ``[locale.<code>]
page_size``. The pieces live in ``kit.pdf``.

Before anything is rendered the locale's fonts are checked with fontconfig. Each handout is
then rendered on its own: a problem (missing glyph, refused resource, text off the page, too
small, time limit) fails that handout with a ``RenderError`` naming it and the locale, the
other handouts are still yielded, and the errors are raised together at the end.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import jinja2
from markupsafe import Markup

from kit.catalog.localize import LocalizedDocument, source_localized
from kit.config import Config
from kit.errors import KitError, MultipleErrors, RenderError
from kit.html.templates import environment
from kit.pdf.bidi import isolate_bidi
from kit.pdf.css import PageStyle, page_css
from kit.pdf.fonts import require_fonts, stack_for
from kit.pdf.korean import keep_korean_words
from kit.pdf.limits import DEFAULT_TIME_LIMIT
from kit.pdf.links import unlink_relative
from kit.pdf.profiles import BILINGUAL, LARGE_PRINT, PROFILES, Profile
from kit.pdf.view import (
    HandoutView,
    Renderers,
    about_notes,
    asset_roots,
    call,
    default_renderers,
    logo_uri,
    online_url,
    qr_code,
    side,
)
from kit.site import Published, Site, brand, handout_kinds
from kit.words.lookup import date_locale, local_date, lookup, ui_isolated
from kit.words.notice import notice_for
from kit.words.numerals import counter_style

TEMPLATE = "handout.html.j2"
FOOTER_SEPARATOR = " · "


@dataclasses.dataclass(frozen=True)
class Handout:
    name: str  # file name inside dist/<locale>/
    data: bytes


def profiles_for(ldoc: LocalizedDocument, config: Config) -> tuple[Profile, ...]:
    return tuple(PROFILES[kind] for kind in handout_kinds(config.print, ldoc.is_source))


def render_handouts(
    ldoc: LocalizedDocument,
    site: Site,
    published: Published,
    *,
    renderers: Renderers | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Iterator[Handout]:
    """Render every handout of one document in one locale; raise after yielding the good ones."""
    config = site.config
    profiles = profiles_for(ldoc, config)
    _require_fonts(ldoc, bilingual=BILINGUAL in profiles)  # once, before anything renders
    renderers = renderers or default_renderers()
    errors: list[KitError] = []
    for profile in profiles:
        name = profile.filename(ldoc.document.slug)
        try:
            yield Handout(name, render_handout(ldoc, config, profile, renderers, time_limit))
        except RenderError as exc:
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleErrors(errors)


def render_handout(
    ldoc: LocalizedDocument,
    config: Config,
    profile: Profile,
    renderers: Renderers,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> bytes:
    """One handout's PDF bytes, or a ``RenderError`` naming the handout and locale."""
    _require_fonts(ldoc, bilingual=profile is BILINGUAL)
    html = handout_html(ldoc, config, profile, renderers)
    public_url = online_url(config, ldoc.locale, ldoc.document.slug)
    html = html if public_url else unlink_relative(html)
    base = (config.root / ldoc.document.path).parent.absolute().as_uri() + "/"
    from kit.pdf import engine  # WeasyPrint: imported when a handout is rendered

    result = engine.render(
        html,
        base_url=base,
        roots=asset_roots(config),
        min_text_pt=profile.min_text_pt,
        time_limit_s=time_limit,
        public_url=public_url,
    )
    if not result.ok:
        problems = [*(result.problems or ("WeasyPrint produced no PDF",))]
        where = glyph_sources(ldoc, result.missing_glyphs)
        problems.extend(where)
        detail = problems[0] if len(problems) == 1 else "".join(f"\n  - {p}" for p in problems)
        line = next(
            (t.po_line for t in ldoc.texts.values() if _holds(t.text, result.missing_glyphs)), None
        )
        raise _error(ldoc, profile, detail, line=line or None)
    return result.data


def glyph_sources(ldoc: LocalizedDocument, chars: tuple[str, ...]) -> list[str]:
    """Where the characters no font has come from: the message and its line in the PO."""
    out: list[str] = []
    for text in ldoc.texts.values():
        if _holds(text.text, chars):
            where = (
                f"{ldoc.po_path}:{text.po_line}"
                if ldoc.po_path and text.po_line
                else ldoc.document.path
            )
            out.append(f"it is in {text.text[:60]!r} ({where})")
    return out[:5]


def _holds(text: str, chars: tuple[str, ...]) -> bool:
    return any(ch in text for ch in chars)


def handout_html(
    ldoc: LocalizedDocument, config: Config, profile: Profile, renderers: Renderers
) -> str:
    """The HTML WeasyPrint renders (kept separate so tests and the bench can see it)."""
    return view_html(handout_view(ldoc, config, profile, renderers), ldoc, config, profile)


def view_html(view: HandoutView, ldoc: LocalizedDocument, config: Config, profile: Profile) -> str:
    """``view`` through the project's handout template (``kit.pdf.overflow`` trims the view)."""
    template = _template(config.templates_dir, ldoc, profile)
    try:
        html = template.render(view=view, asset=lambda p: _asset_url(config.templates_dir, p))
    except jinja2.TemplateError as exc:
        raise _error(
            ldoc,
            profile,
            f"the handout template failed: {exc}",
            path=config.templates_dir / TEMPLATE,
            line=getattr(exc, "lineno", None),
        ) from exc
    return keep_korean_words(isolate_bidi(html))


def handout_view(
    ldoc: LocalizedDocument, config: Config, profile: Profile, renderers: Renderers
) -> HandoutView:
    bilingual = profile is BILINGUAL
    digits = config.overrides(ldoc.locale.code).digits  # [locale.<code>] digits, else CLDR
    main = side(ldoc, renderers, sections=bilingual, digits=digits)
    source = None
    if bilingual:
        source_doc = source_localized(ldoc.document, ldoc.source_locale)
        source = dataclasses.replace(
            side(source_doc, renderers, sections=True), about=about_notes(ldoc, ldoc.source_locale)
        )
    meta = ldoc.document.meta
    modified = meta.reviewed
    if ldoc.provenance and ldoc.provenance.review and ldoc.provenance.review.latest:
        modified = max(modified, ldoc.provenance.review.latest.date)
    title = main.title.striptags()
    if source is not None:
        title = f"{title} / {source.title.striptags()}"
    url = online_url(config, ldoc.locale, ldoc.document.slug)
    return HandoutView(
        lang=ldoc.locale.bcp47,
        dir=ldoc.locale.direction,
        profile=profile.name,
        title_text=title,
        description=main.summary.striptags(),
        created=meta.reviewed.isoformat(),
        modified=modified.isoformat(),
        main=main,
        source=source,
        brand=brand(config.branding, logo_uri(config)),
        call=call(config.branding, ldoc.locale),
        qr=qr_code(url, ldoc.locale),
        page_css=Markup(page_css(_page_style(ldoc, config, profile))),
        language_help=notice_for(config),
    )


def _page_style(ldoc: LocalizedDocument, config: Config, profile: Profile) -> PageStyle:
    locale = ldoc.locale
    meta = ldoc.document.meta
    digits = config.overrides(locale.code).digits
    separator = "\n" if profile is LARGE_PRINT else FOOTER_SEPARATOR  # 16 pt: two short lines
    reviewed = local_date(meta.reviewed, date_locale(locale, "reviewed"), digits)
    parts = [ui_isolated(locale, "reviewed", date=reviewed)]
    if meta.version:  # optional in the front matter
        parts.append(ui_isolated(locale, "version", version=meta.version))
    note = separator.join(parts)
    stacks = [(locale.bcp47, stack_for(locale))]
    if locale.code != ldoc.source_locale.code:
        stacks.append((ldoc.source_locale.bcp47, stack_for(ldoc.source_locale)))
    return PageStyle(
        profile=profile,
        page_size=config.page_size(locale.code),
        stacks=tuple(stacks),
        counter=counter_style(locale, digits),
        # "Page 1 of 2" left in English counts in English digits, as its dates do
        page_counter="decimal" if lookup(locale, "page")[1] else counter_style(locale, digits),
        source_counter=counter_style(
            ldoc.source_locale, config.overrides(ldoc.source_locale.code).digits
        ),
        page_label=ui_isolated(locale, "page", page="%(page)s", pages="%(pages)s"),
        footer_note=note,
        rtl=locale.is_rtl,
        primary_color=config.branding.primary_color,
    )


def _require_fonts(ldoc: LocalizedDocument, *, bilingual: bool) -> None:
    families = [*stack_for(ldoc.locale).families]
    if bilingual:
        families.extend(stack_for(ldoc.source_locale).families)
    require_fonts(families, where=f"{ldoc.locale.code}: ")


def _asset_url(templates_dir: Path, relative: str) -> str:
    return (templates_dir / relative).absolute().as_uri()


def _template(templates_dir: Path, ldoc: LocalizedDocument, profile: Profile) -> jinja2.Template:
    try:
        return environment(str(templates_dir), "pdf").get_template(TEMPLATE)
    except jinja2.TemplateNotFound as exc:
        raise _error(
            ldoc,
            profile,
            f"handout template {TEMPLATE} not found in {templates_dir}",
            hint="restore templates/handout.html.j2 from kit's repository",
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise _error(
            ldoc,
            profile,
            f"handout template error: {exc.message}",
            path=exc.filename or templates_dir / TEMPLATE,
            line=exc.lineno,
        ) from exc


def _error(
    ldoc: LocalizedDocument,
    profile: Profile,
    detail: str,
    *,
    path: Path | str | None = None,
    line: int | None = None,
    hint: str | None = None,
) -> RenderError:
    name = profile.filename(ldoc.document.slug)
    return RenderError(
        f"PDF handout {ldoc.locale.code}/{name} (locale {ldoc.locale.code}) not written:"
        f"{'' if detail.startswith(chr(10)) else ' '}{detail}",
        path=path if path is not None else (ldoc.po_path or ldoc.document.path),
        line=line,
        hint=hint
        or "fix the translation, template or asset named above; other handouts were still built",
    )
