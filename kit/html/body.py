"""A ``LocalizedDocument``'s blocks → an HTML fragment with no page chrome.

Used by the HTML pages and the PDF handouts alike. Public API:

* ``render_body(ldoc)``: the body blocks. Headings start at ``h2`` (the page title is the
  ``h1``) and never skip a level; each keeps the anchor id derived from the source heading,
  so links into a page work in every locale.
* ``render_segment(ldoc, segment)``: one segment as inline HTML (title, summary).
* ``segment_plain_text(ldoc, segment)``: one segment as plain text (``<title>``).

A segment that falls back to the source text (untranslated, fuzzy, must retranslate) is
wrapped in ``<span class="kit-fallback" lang="en">`` (plus ``dir`` when the direction
differs) and starts with a visible, localized label such as "Sin traducir (inglés)", so it is
marked by words, not colour alone. Raw HTML in the source is never rendered.

Tables: header cells are ``<th scope="col">``, the first cell of each body row is
``<th scope="row">`` (in patient tables it names the row: a weight, a medicine, an age), and
the caption is the heading of the section the table is in (hidden on screen by the default
stylesheet, read by screen readers; a second table in a section gets "(2)"). The table sits
in a focusable, named scroll region so a wide table never makes the page scroll sideways.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kit.catalog.localize import LocalizedDocument, LocalizedText
from kit.html.inline import (
    InlineImage,
    InlineStyle,
    escape,
    plain_inline,
    render_inline,
    safe_image_src,
)
from kit.model import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    Segment,
    Table,
    TableCell,
    ThematicBreak,
)
from kit.words.lookup import language_name, ui_html

_ALIGN = {"left": "start", "right": "end", "center": "center"}


def render_segment(ldoc: LocalizedDocument, segment: Segment) -> str:
    return _segment(ldoc, segment, ())


def segment_plain_text(ldoc: LocalizedDocument, segment: Segment) -> str:
    return plain_inline(ldoc.text(segment).text)


def render_body(ldoc: LocalizedDocument, counter: str = "decimal") -> str:
    """``counter``: the CSS counter style of ordered lists (``kit.words.numerals``): a page
    gives its locale's on each ``<ol>``, a handout sets it in its own CSS."""
    writer = _Writer(ldoc, counter=counter)
    return "".join(writer.blocks(ldoc.document.blocks))


def _style(ldoc: LocalizedDocument, fallback: bool, images: tuple[Image, ...]) -> InlineStyle:
    text_locale = ldoc.source_locale if fallback else ldoc.locale
    plain = _plain_style(text_locale.is_rtl, ldoc.source_locale.is_rtl, ldoc.source_locale.bcp47)
    if not images:
        return plain
    mapping = {img.src: _inline_image(ldoc, img) for img in images}
    return InlineStyle(rtl=plain.rtl, ltr_lang=plain.ltr_lang, images=mapping)


@lru_cache(maxsize=64)
def _plain_style(rtl: bool, source_rtl: bool, source_lang: str) -> InlineStyle:
    """Right-to-left text isolates its left-to-right runs, in the source's language when
    that is left to right (untranslated drug names, units)."""
    return InlineStyle(rtl=rtl, ltr_lang=source_lang if rtl and not source_rtl else None)


def _segment(ldoc: LocalizedDocument, segment: Segment, images: tuple[Image, ...]) -> str:
    localized = ldoc.text(segment)
    fallback = localized.fallback and not ldoc.is_source
    html = render_inline(localized.text, _style(ldoc, fallback, images))
    return _mark_fallback(ldoc, localized, html) if fallback else html


def _mark_fallback(ldoc: LocalizedDocument, localized: LocalizedText, html: str) -> str:
    source, page = ldoc.source_locale, ldoc.locale
    differs = source.direction != page.direction
    label = ui_html(page, "fallback_label", language=language_name(source, page, "fallback_label"))
    return (
        f'<span class="kit-fallback kit-state-{localized.state.value}" lang="{source.bcp47}"'
        f'{_dir(source.direction, differs)}><span class="kit-fallback-label" lang="{page.bcp47}"'
        f"{_dir(page.direction, differs)}>{label}</span> {html}</span>"
    )


def _dir(direction: str, needed: bool) -> str:
    return f' dir="{direction}"' if needed else ""


@dataclass(frozen=True)
class _Alt:
    text: str
    lang: str
    direction: str


def _alt(ldoc: LocalizedDocument, segment: Segment | None) -> _Alt:
    if segment is None:
        return _Alt("", "", "")  # decorative: the author left the alt text empty
    localized = ldoc.text(segment)
    if not localized.fallback or ldoc.is_source:
        return _Alt(plain_inline(localized.text), "", "")
    source = ldoc.source_locale
    differs = source.direction != ldoc.locale.direction
    return _Alt(plain_inline(localized.text), source.bcp47, source.direction if differs else "")


def _inline_image(ldoc: LocalizedDocument, image: Image) -> InlineImage:
    alt = _alt(ldoc, image.alt)
    title = segment_plain_text(ldoc, image.title) if image.title is not None else ""
    return InlineImage(image.src, alt.text, title, alt.lang, alt.direction)


@dataclass
class _Writer:
    """Walks the blocks in reading order; remembers the heading level and section heading."""

    ldoc: LocalizedDocument
    counter: str = "decimal"  # ordered lists' counter style (``render_body``)
    level: int = 1  # the page title is the h1
    base: int = field(init=False)
    caption: str = ""
    captions: dict[str, int] = field(default_factory=dict)  # how often each caption was used
    tables: int = 0

    def __post_init__(self) -> None:
        levels = [b.level for b in self.ldoc.document.blocks if isinstance(b, Heading)]
        self.base = min(levels, default=2)

    def blocks(self, blocks: Iterable[Block]) -> Iterable[str]:
        for block in blocks:
            html = self.block(block)
            if html:
                yield html + "\n"

    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Paragraph):
            return f"<p>{_segment(self.ldoc, block.segment, block.images)}</p>"
        if isinstance(block, Figure):
            return self.figure(block.image)
        if isinstance(block, ListBlock):
            return self.list(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Quote):
            return f"<blockquote>\n{''.join(self.blocks(block.blocks))}</blockquote>"
        if isinstance(block, CodeBlock):
            return self.code(block)
        if isinstance(block, ThematicBreak):
            return "<hr>"
        return ""  # RawHtml: never published (kit check reports it)

    def heading(self, block: Heading) -> str:
        wanted = max(2, min(6, block.level - self.base + 2))
        self.level = min(wanted, self.level + 1)
        html = render_segment(self.ldoc, block.segment)
        self.caption = html
        return f'<h{self.level} id="{escape(block.anchor)}">{html}</h{self.level}>'

    def figure(self, image: Image) -> str:
        alt = _alt(self.ldoc, image.alt)
        parts = ["<figure>"]
        if safe_image_src(image.src):
            attrs = f'src="{escape(image.src)}" alt="{escape(alt.text)}"'
            attrs += f' lang="{alt.lang}"' if alt.lang else ""
            attrs += f' dir="{alt.direction}"' if alt.direction else ""
            parts.append(f"<img {attrs}>")
        if image.title is not None:
            parts.append(f"<figcaption>{render_segment(self.ldoc, image.title)}</figcaption>")
        parts.append("</figure>")
        return "\n".join(parts)

    def list(self, block: ListBlock) -> str:
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        if block.ordered and self.counter != "decimal":  # the locale's digits: ۱ ۲ ۳
            start += f' style="list-style-type: {self.counter}"'
        items = [f"<{tag}{start}>"]
        for item in block.items:
            items.append(f"<li>{self.item(item.blocks)}</li>")
        items.append(f"</{tag}>")
        return "\n".join(items)

    def item(self, blocks: tuple[Block, ...]) -> str:
        """A list item; its one paragraph (if it has only one) is written without ``<p>``."""
        paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
        if len(paragraphs) != 1 or not isinstance(blocks[0], Paragraph):
            return "".join(self.blocks(blocks))
        first = _segment(self.ldoc, blocks[0].segment, blocks[0].images)
        rest = "".join(self.blocks(blocks[1:]))
        return f"{first}\n{rest}" if rest else first

    def table(self, block: Table) -> str:
        self.tables += 1
        ident = f"kit-table-{self.tables}"
        caption = self.caption or render_segment(self.ldoc, self.ldoc.document.title)
        used = self.captions[caption] = self.captions.get(caption, 0) + 1
        if used > 1:  # a second table in the same section needs a name of its own
            caption = f"{caption} ({used})"
        rows = [
            f'<div class="kit-table" role="region" aria-labelledby="{ident}" tabindex="0">',
            "<table>",
            f'<caption id="{ident}" class="kit-caption">{caption}</caption>',
        ]
        if block.header:
            cells = "".join(self.cell(c, "col") for c in block.header)
            rows.append(f"<thead>\n<tr>{cells}</tr>\n</thead>")
        rows.append("<tbody>")
        for row in block.rows:
            first = "row" if len(row) > 1 else ""
            cells = "".join(self.cell(c, first if i == 0 else "") for i, c in enumerate(row))
            rows.append(f"<tr>{cells}</tr>")
        rows.extend(("</tbody>", "</table>", "</div>"))
        return "\n".join(rows)

    def cell(self, cell: TableCell, scope: str) -> str:
        align = _ALIGN.get(cell.align, "")
        cls = f' class="kit-align-{align}"' if align else ""
        if cell.segment is None:
            return f"<td{cls}></td>"  # an empty header cell would be an unnamed header
        html = render_segment(self.ldoc, cell.segment)
        if scope:
            return f'<th scope="{scope}"{cls}>{html}</th>'
        return f"<td{cls}>{html}</td>"

    def code(self, block: CodeBlock) -> str:
        language = "".join(
            ch for ch in block.info.split(" ")[0] if ch.isascii() and (ch.isalnum() or ch in "-_+")
        )
        cls = f' class="language-{language}"' if language else ""
        direction = ' dir="ltr"' if self.ldoc.locale.is_rtl else ""
        return f'<pre class="kit-code"{direction} translate="no"><code{cls}>{escape(block.text)}</code></pre>'
