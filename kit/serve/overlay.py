"""The preview's HTML: the real page plus the overlay, the locale overview and the error page.

Pure functions over frozen values. The overlay's own words are English (``lang="en"``,
``dir="ltr"`` on its root), so it reads correctly over a page in any script or direction.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field

STYLE = '<link rel="stylesheet" href="/_kit/overlay.css">'
SCRIPT = '<script src="/_kit/overlay.js" defer></script>'


@dataclass(frozen=True)
class Problem:
    """A finding or an error, pointing at what to edit."""

    where: str  # path:line
    message: str
    hint: str = ""
    severity: str = "error"
    check: str = ""


@dataclass(frozen=True)
class SegmentInfo:
    id: int
    kind: str
    state: str  # translated, fuzzy, must-retranslate, untranslated
    reason: str  # why it must be retranslated, "" otherwise
    reviewed: bool
    source: str
    text: str  # what the reader sees (the source text when it falls back)
    previous: str  # the previous source (#| msgid), "" when none
    notes: tuple[str, ...]
    po: str  # path:line of the PO entry, "" when the catalog has none
    source_at: str  # path:line in the source document
    findings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Handout:
    kind: str
    href: str  # relative to the page


@dataclass(frozen=True)
class PageData:
    page: str  # "es/slug.html"
    slug: str
    locale: str
    language: str
    title: str
    decision: str  # publish, banner, withhold
    reasons: tuple[str, ...]
    progress: float  # percent of source words translated
    po: str
    segments: tuple[SegmentInfo, ...]
    handouts: tuple[Handout, ...]
    findings: tuple[Problem, ...] = ()  # findings of this page not tied to one segment
    errors: tuple[Problem, ...] = field(default_factory=tuple)
    lang: str = "en"  # BCP 47 tag of the page's language
    dir: str = "ltr"


def data_json(data: PageData) -> str:
    text = json.dumps(asdict(data), ensure_ascii=False, sort_keys=True)
    return text.replace("</", "<\\/")


def inject(page_html: str, data: PageData) -> str:
    """The rendered page with the overlay's style, data and script added."""
    blob = f'<script type="application/json" id="kit-preview-data">{data_json(data)}</script>'
    page_html = page_html.replace("</head>", STYLE + "</head>", 1)
    return page_html.replace("</body>", blob + SCRIPT + "</body>", 1)


def error_page(data: PageData) -> str:
    """No good page yet (the first render failed): the error, live like any page."""
    title = html.escape(f"kit preview: {data.page}")
    page = (
        f'<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        f"<body><main><h1>{title}</h1><p>This page has no good version yet; "
        "the preview shows it as soon as the error is fixed.</p></main></body></html>"
    )
    return inject(page, data)


def overview(pages: list[PageData], project_name: str) -> str:
    """The locale overview: progress, decisions (withheld and why), findings and errors."""
    rows = "".join(_row(p) for p in pages)
    name = html.escape(project_name)
    return (
        '<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>kit preview: {name}</title>{STYLE}</head><body class="kit-overview">'
        f"<main><h1>kit preview: {name}</h1>"
        '<p id="kit-live" role="status" aria-live="polite">Live: pages update as you save.</p>'
        '<table><caption>Pages by locale</caption><thead><tr><th scope="col">Page</th>'
        '<th scope="col">Locale</th><th scope="col">Translated</th><th scope="col">Publish</th>'
        '<th scope="col">Findings</th><th scope="col">Errors</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></main>"
        '<script src="/_kit/overview.js" defer></script></body></html>'
    )


def _row(p: PageData) -> str:
    e = html.escape
    findings = len(p.findings) + sum(len(s.findings) for s in p.segments)
    decision = p.decision + (": " + "; ".join(p.reasons) if p.reasons else "")
    errors = "; ".join(f"{x.where}: {x.message}" for x in p.errors) or "none"
    return (
        f'<tr><th scope="row"><a href="/{e(p.page)}" lang="{e(p.lang)}" dir="{e(p.dir)}">'
        f"{e(p.title or p.slug)}</a></th>"
        f'<td lang="en">{e(p.language)} ({e(p.locale)})</td><td>{p.progress:.0f}%</td>'
        f"<td>{e(decision)}</td><td>{findings}</td><td>{e(errors)}</td></tr>"
    )
