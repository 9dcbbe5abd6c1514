"""HTML → PDF bytes with every guard on. The one module that calls WeasyPrint.

One render: the restricted fetcher (``kit.pdf.fetcher``) for the HTML and every stylesheet,
WeasyPrint's log watched (``kit.pdf.glyphs``), a time limit (``kit.pdf.limits``), layout checks
and attachments dropped (``kit.pdf.layout``), then ``write_pdf`` as PDF/UA-1 (tagged, ``/Lang``,
``DisplayDocTitle``, XMP title), presentational hints off. Metadata dates come from
``<meta name="dcterms.created|modified">`` in the HTML, so the bytes depend on the inputs
only; WeasyPrint writes no trailer ``/ID`` or clock time for this variant.

``render`` never raises for problems in the content: it returns them with whatever bytes it
produced, so callers decide (``kit.pdf.render`` fails the handout; tests inspect the bytes).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from kit.pdf.fetcher import AssetFetcher
from kit.pdf.glyphs import findings, watch_weasyprint
from kit.pdf.layout import layout_problems, strip_attachments
from kit.pdf.limits import DEFAULT_TIME_LIMIT, RenderTimeout, time_limit
from kit.pdf.links import rebase_links
from kit.pdf.postprocess import postprocess
from kit.pdf.tagging import install as install_tagging

OPTIONS: dict[str, Any] = {
    "pdf_variant": "pdf/ua-1",
    "presentational_hints": False,
    "pdf_identifier": False,
    "attachments": None,
    "optimize_images": False,
}
# One FontConfiguration serves many renders in a thread. A fresh one per render (WeasyPrint's
# default) reloads the fonts every time: 100 mixed CJK/Arabic/Latin handouts took 33 s with a
# 470 MiB peak, against 19 s and 248 MiB when shared (measured, 2 cores). It is replaced after
# this many renders, because @font-face rules in a template add fonts to it on every render.
FONT_CONFIG_RENDERS = 100
_fonts = threading.local()
install_tagging()  # /Lang and /Scope in the tag tree (kit.pdf.tagging)


@dataclass(frozen=True)
class RenderResult:
    data: bytes  # b"" when the render was stopped
    pages: int
    problems: tuple[str, ...]  # empty: the PDF may be published
    missing_glyphs: tuple[str, ...] = ()  # characters no font could draw (also in problems)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.data)


def render(
    html: str,
    *,
    base_url: str,
    roots: Sequence[Path],
    min_text_pt: float = 0.0,
    time_limit_s: float = DEFAULT_TIME_LIMIT,
    extra_css: Sequence[str] = (),
    public_url: str = "",
) -> RenderResult:
    """Render ``html`` (resolving relative URLs against ``base_url``) to PDF bytes. Links to
    files are rewritten to ``public_url`` (the page's address online) or dropped
    (``kit.pdf.links``)."""
    fetcher = AssetFetcher(roots)
    problems: list[str] = []
    data, pages = b"", 0
    with watch_weasyprint() as watch:
        try:
            with time_limit(time_limit_s):
                data, pages = _render(
                    html, (base_url, public_url), fetcher, min_text_pt, extra_css, problems
                )
        except RenderTimeout as exc:
            problems.append(str(exc))
        except FatalURLFetchingError as exc:
            problems.append(f"a resource could not be fetched: {exc}")
    problems.extend(f"refused to load {url}" for url in dict.fromkeys(fetcher.refused))
    found = findings(watch.messages)
    problems.extend(found.sentences())
    return RenderResult(data, pages, tuple(dict.fromkeys(problems)), found.missing_glyphs)


def lay_out(html: str, *, base_url: str, roots: Sequence[Path]) -> Any | None:
    """Only the layout of ``render`` (same fetcher, fonts and options, no PDF written): the
    ``weasyprint.Document`` whose boxes ``kit.pdf.layout`` walks, or None when the render was
    stopped (time limit, refused resource); ``kit check`` uses it to predict overflow."""
    fetcher = AssetFetcher(roots)
    with watch_weasyprint():
        try:
            with time_limit(DEFAULT_TIME_LIMIT):
                return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
                    font_config=_font_config(), **OPTIONS
                )
        except (RenderTimeout, FatalURLFetchingError):
            return None


def _render(
    html: str,
    urls: tuple[str, str],  # base URL, public URL of the page ("" when unknown)
    fetcher: AssetFetcher,
    min_text_pt: float,
    extra_css: Sequence[str],
    problems: list[str],
) -> tuple[bytes, int]:
    base_url, public_url = urls
    font_config = _font_config()
    stylesheets = [
        CSS(string=css, base_url=base_url, url_fetcher=fetcher, font_config=font_config)
        for css in extra_css
    ]
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        font_config=font_config, stylesheets=stylesheets, **OPTIONS
    )
    problems.extend(layout_problems(document, min_text_pt))
    problems.extend(strip_attachments(document))
    rebase_links(document, base_url, public_url)
    target = io.BytesIO()
    document.write_pdf(target, stylesheets=stylesheets, **OPTIONS)
    return postprocess(target.getvalue()), len(document.pages)


def _font_config() -> FontConfiguration:
    """This thread's shared ``FontConfiguration``, renewed every ``FONT_CONFIG_RENDERS``."""
    if getattr(_fonts, "config", None) is None or _fonts.uses >= FONT_CONFIG_RENDERS:
        _fonts.config = FontConfiguration()
        _fonts.uses = 0
    _fonts.uses += 1
    return _fonts.config
