"""Shared frozen dataclasses: a parsed source ``Document`` and its translatable ``Segment``s.

A document is front matter plus a tree of blocks. Every piece of text a translator sees is a
``Segment`` (one gettext message); blocks hold segments, never raw strings, so rendering a
locale is "replace each segment by its translation" and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


class SegmentKind(StrEnum):
    TITLE = "title"
    SUMMARY = "summary"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE_HEADER = "table-header"
    TABLE_CELL = "table-cell"
    QUOTE = "quote"
    IMAGE_ALT = "image-alt"
    IMAGE_TITLE = "image-title"


@dataclass(frozen=True)
class Segment:
    """One translatable message: ``text`` is its msgid (inline Markdown, one line per hard break)."""

    kind: SegmentKind
    text: str
    line: int  # 1-based line in the source file
    section: str = ""  # plain text of the nearest heading above it
    context: str | None = None  # explicit msgctxt given by the author
    note: str | None = None  # note for translators given by the author
    detail: str = ""  # what kind of list, which table column, which image file

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.text)


@dataclass(frozen=True)
class Image:
    src: str
    alt: Segment | None  # None: the author marked it decorative (empty alt)
    title: Segment | None
    line: int


@dataclass(frozen=True)
class Heading:
    level: int
    segment: Segment
    anchor: str


@dataclass(frozen=True)
class Paragraph:
    segment: Segment
    images: tuple[Image, ...] = ()  # images inside the text; their alt/title are separate segments


@dataclass(frozen=True)
class Figure:
    """A paragraph that holds nothing but one image."""

    image: Image


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    start: int
    items: tuple[ListItem, ...]
    line: int


@dataclass(frozen=True)
class TableCell:
    segment: Segment | None  # None for an empty cell
    align: str  # "", "left", "center", "right"


@dataclass(frozen=True)
class Table:
    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    line: int


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]
    line: int


@dataclass(frozen=True)
class CodeBlock:
    """Not translated: shown as written in every locale."""

    text: str
    info: str
    line: int


@dataclass(frozen=True)
class RawHtml:
    """Raw HTML in the source: never extracted and never published (checks report it)."""

    html: str
    line: int


@dataclass(frozen=True)
class ThematicBreak:
    line: int


Block = (
    Heading | Paragraph | Figure | ListBlock | Table | Quote | CodeBlock | RawHtml | ThematicBreak
)


@dataclass(frozen=True)
class Meta:
    """Front matter."""

    title: str
    summary: str
    slug: str
    reviewed: dt.date
    next_review: dt.date | None
    audience: str
    version: str


@dataclass(frozen=True)
class Document:
    path: str  # relative to the project root, with forward slashes: source/infant-all.md
    meta: Meta
    title: Segment
    summary: Segment
    blocks: tuple[Block, ...]

    @property
    def slug(self) -> str:
        return self.meta.slug

    def segments(self) -> Iterator[Segment]:
        """Every segment in reading order: title, summary, then the body."""
        yield self.title
        yield self.summary
        yield from iter_segments(self.blocks)


def iter_segments(blocks: tuple[Block, ...]) -> Iterator[Segment]:
    for block in blocks:
        yield from _block_segments(block)


def _block_segments(block: Block) -> Iterator[Segment]:
    if isinstance(block, Heading):
        yield block.segment
    elif isinstance(block, Paragraph):
        yield block.segment
        for image in block.images:
            yield from _image_segments(image)
    elif isinstance(block, Figure):
        yield from _image_segments(block.image)
    elif isinstance(block, ListBlock):
        for item in block.items:
            yield from iter_segments(item.blocks)
    elif isinstance(block, Table):
        for row in (block.header, *block.rows):
            yield from (cell.segment for cell in row if cell.segment is not None)
    elif isinstance(block, Quote):
        yield from iter_segments(block.blocks)


def _image_segments(image: Image) -> Iterator[Segment]:
    if image.alt is not None:
        yield image.alt
    if image.title is not None:
        yield image.title
