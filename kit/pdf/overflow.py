"""What ``kit check`` lays out to predict ``render.overflow``: the handouts' risky blocks only.

``kit build`` refuses a handout whose laid-out pages have text or an image sticking out of the
content area (``kit.pdf.layout.overflows``). Whether a table or a long unbroken word fits
depends on the fonts, the profile's sizes and the project's CSS, so it is not guessed: the
handout is laid out with the same template, page CSS, fonts and engine options as the build
(``kit.pdf.render.handout_view`` and ``view_html``, ``kit.pdf.engine.lay_out``), but with a
body holding only the blocks ``kit.checks.overflow.risky_blocks`` picked (tables, and blocks
with a long unbroken run) and without the parts kit writes itself (``_trimmed``). No PDF is
written. Each box that sticks out is traced back to the segment whose
text holds it, so the finding can name the PO entry (or source line) to change.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kit.catalog.localize import LocalizedDocument, LocalizedText, source_localized
from kit.config import Config
from kit.errors import KitError
from kit.html.body import segment_plain_text
from kit.model import Block, Segment, iter_segments
from kit.pdf.links import unlink_relative
from kit.pdf.profiles import BILINGUAL
from kit.pdf.render import handout_view, profiles_for, view_html
from kit.pdf.view import HandoutView, Side, asset_roots, default_renderers, online_url

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2066-\u2069\u061c]")


@dataclass(frozen=True)
class Stuck:
    """Text of one handout that sticks out of the page, and where it comes from."""

    handout: str  # fever.bilingual.pdf
    fragment: str  # the text of the box (a line piece, possibly part of a word)
    segment: Segment | None  # None: kit's own words (a label), not traced to a segment
    shown: LocalizedText | None  # the text as this handout shows it (translation or fallback)
    source_side: bool = False  # the source column of a bilingual handout


# (html, base URL, asset roots) -> the texts of the boxes that stick out, None when stopped
LayOut = Callable[[str, str, tuple[Path, ...]], list[str] | None]


def overflowing_texts(html: str, base: str, roots: tuple[Path, ...]) -> list[str] | None:
    """Lay ``html`` out (``engine.lay_out``); the text of every box sticking out, in order.
    WeasyPrint is imported here, not with the module: a check whose layouts are all
    remembered (``kit.commands.check_cache``) never pays for its import (about 0.4 s)."""
    from kit.pdf import engine
    from kit.pdf.layout import overflows

    document = engine.lay_out(html, base_url=base, roots=roots)
    if document is None:
        return None  # stopped: the time-limit and resource checks say why
    return [box.text for box in overflows(document) if box.text]


def stuck_out(
    ldoc: LocalizedDocument,
    config: Config,
    blocks: tuple[Block, ...],
    lay_out: LayOut = overflowing_texts,
) -> list[Stuck]:
    """Lay out every handout of ``ldoc`` with only ``blocks`` in the body; what sticks out.
    ``lay_out`` does the layout (``kit check`` passes one that remembers results)."""
    reduced = _with_blocks(ldoc, blocks)
    renderers = default_renderers()
    public_url = online_url(config, ldoc.locale, ldoc.document.slug)
    base = (config.root / ldoc.document.path).parent.absolute().as_uri() + "/"
    found: list[Stuck] = []
    for profile in profiles_for(ldoc, config):
        try:
            view = _trimmed(handout_view(reduced, config, profile, renderers))
            html = view_html(view, reduced, config, profile)
        except KitError:
            continue  # a broken template: kit build reports it, not this check
        html = html if public_url else unlink_relative(html)
        texts = lay_out(html, base, asset_roots(config))
        if not texts:
            continue  # nothing sticks out, or stopped (the time-limit checks say why)
        sides = [_side(reduced, False)]
        if profile is BILINGUAL:
            sides.append(_side(source_localized(reduced.document, ldoc.source_locale), True))
        name = profile.filename(ldoc.document.slug)
        traced = [_traced(name, text, sides) for text in texts]
        # kit's own words (a fallback label) next to traced text add nothing to the finding
        found += [t for t in traced if t.segment is not None] or traced
    return found


_Side = tuple[LocalizedDocument, bool, list[tuple[Segment, str]]]


def _side(ldoc: LocalizedDocument, is_source: bool) -> _Side:
    """One column's segments with the plain text the reader sees: body, then title, summary."""
    doc = ldoc.document
    segments = (*iter_segments(doc.blocks), doc.title, doc.summary)
    return ldoc, is_source, [(s, _plain(segment_plain_text(ldoc, s))) for s in segments]


def _traced(handout: str, fragment: str, sides: list[_Side]) -> Stuck:
    """The segment whose text holds ``fragment``: the same text first, then the same words,
    then any part of a word (a word broken across lines)."""
    needle = _plain(fragment)
    word = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
    tests: tuple[Callable[[str], bool], ...] = (
        lambda text: text == needle,
        lambda text: word.search(text) is not None,
        lambda text: needle in text,
    )
    for test in tests if needle else ():
        for side, is_source, texts in sides:
            for segment, text in texts:
                if test(text):
                    return Stuck(handout, fragment, segment, side.text(segment), is_source)
    return Stuck(handout, fragment, None, None)


def _trimmed(view: HandoutView) -> HandoutView:
    """The view without what only kit and kit.toml write (masthead, notices, about notes, QR
    code, help lines): none of it is a translator's to fix, none of it changes the width the
    body is laid out in, and leaving it out saves about 40 % of the layout time (sample)."""

    def side(part: Side) -> Side:
        return dataclasses.replace(part, about=(), notices=())

    source = side(view.source) if view.source is not None else None
    brand = dataclasses.replace(view.brand, organization="", logo_src="")
    return dataclasses.replace(
        view,
        main=side(view.main),
        source=source,
        brand=brand,
        call=None,
        qr=None,
        language_help=(),
    )


def _plain(text: str) -> str:
    return " ".join(_INVISIBLE.sub("", text).split())


def _with_blocks(ldoc: LocalizedDocument, blocks: tuple[Block, ...]) -> LocalizedDocument:
    return dataclasses.replace(ldoc, document=dataclasses.replace(ldoc.document, blocks=blocks))
