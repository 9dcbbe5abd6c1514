"""Markdown text → ``Document``: markdown-it-py tokens become blocks of ``Segment``s.

One segment per heading, paragraph, list-item paragraph, table cell and block-quote
paragraph; image alt text and titles are segments of their own. Inline markup stays as
readable Markdown inside the segment text (soft line breaks become spaces, hard breaks
``\\`` + newline), so re-wrapping a paragraph in the source changes no message.

Authors talk to translators with an HTML comment right before a block:
``<!-- kit-note: text -->`` (a ``#.`` note) and ``<!-- kit-context: name -->`` (a msgctxt,
to tell apart two identical texts that need different translations).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from kit.errors import SourceError
from kit.model import (
    Block,
    CodeBlock,
    Document,
    Figure,
    Heading,
    Image,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    RawHtml,
    Segment,
    SegmentKind,
    Table,
    TableCell,
    ThematicBreak,
)
from kit.source.blockrules import guard_block_rules
from kit.source.frontmatter import parse_meta, split_front_matter
from kit.source.spans import message_source, record_spans

_DIRECTIVE = re.compile(r"^<!--\s*kit-(note|context)\s*:\s*(.*?)\s*-->\s*$", re.S)
_IMAGE_MD = re.compile(
    r"!\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_TRAILING_SPACES = re.compile(r" {2,}$")


def markdown_parser(*, spans: bool = True) -> MarkdownIt:
    """The one Markdown dialect kit reads: CommonMark plus GFM tables. ``spans=False``: the
    same tokens without their source spans (``kit.source.spans``), for readers that compare
    messages and never rewrite them (``kit.checks.markdown``)."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    if spans:
        md = record_spans(md)
    md.core.ruler.at("inline", _inline)
    guard_block_rules(md)
    return md


# markdown-it's ``text`` rule, the first inline rule, stops only at these characters (its
# terminators, the same in markdown-it-py 3 and 4); no other rule can start elsewhere.
_TERMINATORS = re.compile(r"[\n!#$%&*+\-:<=>@\[\\\]^_`{}~]")


def _inline(state: StateCore) -> None:
    """markdown-it's ``inline`` core rule, without starting the inline parser for a text
    that holds none of its terminators: the ``text`` rule would take it whole, and the
    result is the one ``text`` token made here (``tests/unit/test_parse_inline.py``)."""
    md = state.md
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if _TERMINATORS.search(token.content) is not None:
            md.inline.parse(token.content, md, state.env, token.children)
        elif token.content:
            token.children.append(Token("text", "", 0, content=token.content))


_PARSER: list[MarkdownIt] = []  # one parser a process: it keeps no state between documents
_LAST: dict[str, list[Token]] = {}  # the last bodies parsed (see parse_body)
_KEEP = 2
_LOCK = threading.Lock()


def parse_body(body: str) -> list[Token]:
    """markdown-it's tokens (``markdown_parser()``) for a document's body after its front
    matter. The last two parses are kept: ``kit check`` parses a document and then scans
    the same text for lines and suppressions (``kit.checks.scan``). The tokens are shared,
    so their readers must not change them (none does: only the parse's own rules do).
    A new list is returned each time, so the list itself may be changed."""
    with _LOCK:  # kit serve checks from its own threads
        tokens = _LAST.get(body)
    if tokens is None:
        if not _PARSER:
            _PARSER.append(markdown_parser())
        tokens = _PARSER[0].parse(body)
        with _LOCK:
            while len(_LAST) >= _KEEP:
                del _LAST[next(iter(_LAST))]
            _LAST[body] = tokens
    return list(tokens)


MAX_SOURCE_BYTES = 2_000_000  # a patient-education page is a few KB; refuse anything absurd
MAX_MESSAGE_CHARS = 50_000


def decode_source(data: bytes, path: str) -> str:
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(
            f"file is {len(data):,} bytes; kit reads source documents up to {MAX_SOURCE_BYTES:,}",
            path=path,
            hint="split it into several documents",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x})",
            path=path,
            line=line,
            hint="save the file as UTF-8",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_document(text: str, path: str) -> Document:
    split = split_front_matter(text, path)
    meta = parse_meta(split, path)
    title = Segment(SegmentKind.TITLE, meta.title, split.key_lines.get("title", 2))
    summary = Segment(SegmentKind.SUMMARY, meta.summary, split.key_lines.get("summary", 2))
    tokens = parse_body(split.body)
    walker = _Walker(tokens, split.body_offset)
    blocks = walker.blocks(0, len(tokens))
    doc = Document(path=path, meta=meta, title=title, summary=summary, blocks=blocks)
    for seg in doc.segments():
        if len(seg.text) > MAX_MESSAGE_CHARS:
            raise SourceError(
                f"this {seg.kind.value} is {len(seg.text):,} characters long; the limit is {MAX_MESSAGE_CHARS:,}",
                path=path,
                line=seg.line,
                hint="break it into shorter paragraphs: translators and readers both need that",
            )
    return doc


def inline_text(content: str, spaces_break: bool = True) -> str:
    """Inline source → message text: lines stripped, soft breaks → space, hard breaks kept.
    ``spaces_break=False``: two trailing spaces were already turned into ``\\`` where they
    make a break (``kit.source.spans``), so elsewhere (a code span) they are just spaces."""
    lines = content.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        stripped = line.strip()
        spaces = spaces_break and _TRAILING_SPACES.search(line) is not None
        if not last and (line.rstrip(" ").endswith("\\") or spaces):
            body = stripped[:-1].rstrip() if stripped.endswith("\\") else stripped
            out.append(body + "\\\n")
        else:
            out.append(stripped + ("" if last else " "))
    return "".join(out).strip(" ")


def message_text(inline: Token) -> str:
    """An inline token's message: its source with reference links made inline and raw HTML
    taken out (``kit.source.spans``), then lines joined (``inline_text``)."""
    return inline_text(message_source(inline.content, inline.children), spaces_break=False)


def plain_text(children: list[Token] | None) -> str:
    """What a reader sees of inline tokens: text and code, no markup (raw HTML is never shown)."""
    parts: list[str] = []
    for tok in children or []:
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "image":
            parts.append(plain_text(tok.children))
    return " ".join("".join(parts).split())


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "section"


@dataclass
class _Walker:
    tokens: list[Token]
    offset: int
    section: str = ""
    note: str | None = None
    context: str | None = None
    anchors: set[str] = field(default_factory=set)

    def line(self, tok: Token) -> int:
        return (tok.map[0] if tok.map else 0) + 1 + self.offset

    def blocks(
        self, start: int, end: int, quote: bool = False, list_kind: str = ""
    ) -> tuple[Block, ...]:
        out: list[Block] = []
        i = start
        while i < end:
            tok = self.tokens[i]
            close = self._close(i)
            block = self._block(tok, i, close, quote, list_kind)
            if block is not None:
                out.append(block)
            i = close + 1
        return tuple(out)

    def _close(self, i: int) -> int:
        """Index of the token that closes the block opened at ``i`` (itself if not nested)."""
        if self.tokens[i].nesting != 1:
            return i
        depth = 0
        for j in range(i, len(self.tokens)):
            depth += self.tokens[j].nesting
            if depth == 0:
                return j
        return len(self.tokens) - 1

    def _block(self, tok: Token, i: int, close: int, quote: bool, list_kind: str) -> Block | None:
        kind = tok.type
        if kind == "html_block":
            return self._html(tok)
        if kind == "heading_open":
            return self._heading(tok, self.tokens[i + 1])
        if kind == "paragraph_open":
            seg_kind = (
                SegmentKind.QUOTE
                if quote
                else (SegmentKind.LIST_ITEM if list_kind else SegmentKind.PARAGRAPH)
            )
            return self._paragraph(self.tokens[i + 1], seg_kind, list_kind)
        if kind in ("bullet_list_open", "ordered_list_open"):
            return self._list(tok, i, close, quote)
        if kind == "blockquote_open":
            return Quote(self.blocks(i + 1, close, quote=True), self.line(tok))
        if kind == "table_open":
            return self._table(i, close)
        if kind in ("fence", "code_block"):
            return CodeBlock(tok.content, tok.info.strip(), self.line(tok))
        if kind == "hr":
            return ThematicBreak(self.line(tok))
        return None

    def _segment(self, kind: SegmentKind, text: str, line: int, detail: str = "") -> Segment:
        return Segment(kind, text, line, self.section, self.context, self.note, detail)

    def _html(self, tok: Token) -> Block | None:
        match = _DIRECTIVE.match(tok.content.strip())
        if match is None:
            self._consume_directives()
            return RawHtml(tok.content, self.line(tok))
        name, value = match.group(1), " ".join(match.group(2).split())
        if name == "note":
            self.note = value if self.note is None else f"{self.note} {value}"
        else:
            self.context = value or None
        return None

    def _consume_directives(self) -> None:
        self.note = None
        self.context = None

    def _heading(self, tok: Token, inline: Token) -> Heading:
        text = message_text(inline)
        self.section = plain_text(inline.children)
        level = int(tok.tag[1])
        seg = self._segment(SegmentKind.HEADING, text, self.line(tok), f"level {level}")
        self._consume_directives()
        return Heading(level, seg, self._anchor(self.section))

    def _anchor(self, text: str) -> str:
        base = slugify(text)
        anchor, n = base, 2
        while anchor in self.anchors:
            anchor, n = f"{base}-{n}", n + 1
        self.anchors.add(anchor)
        return anchor

    def _paragraph(self, inline: Token, kind: SegmentKind, list_kind: str) -> Block | None:
        images = [c for c in inline.children or [] if c.type == "image"]
        others = [
            c
            for c in inline.children or []
            if (c.type not in ("image", "html_inline") and c.content.strip())
            or c.type == "link_open"  # a linked image keeps its link: not a figure
        ]
        line = self.line(inline)
        block: Block | None
        if len(images) == 1 and not others:
            block = Figure(self._image(images[0], line))
        else:
            text = message_text(inline)
            refs = tuple(self._image(img, line) for img in images)
            if refs:
                text = _strip_image_alts(text)
            empty = not text.strip() and not refs  # it held only raw HTML, which is left out
            block = None if empty else Paragraph(self._segment(kind, text, line, list_kind), refs)
        if not list_kind:
            self._consume_directives()
        return block

    def _image(self, tok: Token, line: int) -> Image:
        src = str(tok.attrs.get("src", ""))
        alt_text = plain_text(tok.children)
        title_text = " ".join(str(tok.attrs.get("title", "") or "").split())
        alt = self._segment(SegmentKind.IMAGE_ALT, alt_text, line, src) if alt_text else None
        title = (
            self._segment(SegmentKind.IMAGE_TITLE, title_text, line, src) if title_text else None
        )
        return Image(src, alt, title, line)

    def _list(self, tok: Token, i: int, close: int, quote: bool) -> ListBlock:
        ordered = tok.type == "ordered_list_open"
        start = int(tok.attrs.get("start", 1) or 1) if ordered else 1
        kind = "numbered list" if ordered else "bulleted list"
        items: list[ListItem] = []
        j = i + 1
        while j < close:
            item_close = self._close(j)
            items.append(ListItem(self.blocks(j + 1, item_close, quote=False, list_kind=kind)))
            j = item_close + 1
        self._consume_directives()
        return ListBlock(ordered, start, tuple(items), self.line(tok))

    def _table(self, i: int, close: int) -> Table:
        rows: list[tuple[TableCell, ...]] = []
        header: tuple[TableCell, ...] = ()
        names: list[str] = []
        j = i
        while j < close:
            tok = self.tokens[j]
            if tok.type == "tr_open":
                tr_close = self._close(j)
                in_head = not header and not rows and self.tokens[j - 1].type == "thead_open"
                cells = self._row(j, tr_close, in_head, names)
                if in_head:
                    header = cells
                    names = [c.segment.text if c.segment else "" for c in cells]
                else:
                    rows.append(cells)
                j = tr_close
            j += 1
        self._consume_directives()
        return Table(header, tuple(rows), self.line(self.tokens[i]))

    def _row(self, start: int, end: int, head: bool, names: list[str]) -> tuple[TableCell, ...]:
        cells: list[TableCell] = []
        for j in range(start, end):
            tok = self.tokens[j]
            if tok.type not in ("th_open", "td_open"):
                continue
            inline = self.tokens[j + 1]
            style = str(tok.attrs.get("style", ""))
            align = style.split(":", 1)[1] if style.startswith("text-align:") else ""
            text = message_text(inline)
            column = names[len(cells)] if len(cells) < len(names) else ""
            kind = SegmentKind.TABLE_HEADER if head else SegmentKind.TABLE_CELL
            detail = f"column {len(cells) + 1}" + (f" ({column})" if column else "")
            seg = self._segment(kind, text, self.line(inline), detail) if text else None
            cells.append(TableCell(seg, align))
        return tuple(cells)


def _strip_image_alts(text: str) -> str:
    """``![alt](src "title")`` → ``![](src)`` inside a paragraph: alt and title are their own
    messages, so the paragraph's message only marks where the image goes."""
    return _IMAGE_MD.sub(lambda m: f"![]({m.group(1)})", text)
