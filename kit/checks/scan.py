"""Walk a source document's Markdown once for what the checks need beyond ``kit.model``:
every image with its surroundings (caption, link, neighbouring text), the check directives
in HTML comments, and raw HTML.

Directives (HTML comments, invisible to readers and never extracted):

- ``<!-- kit-image: decorative -->`` before an image: it carries no information, so an
  empty alt (``![](divider.svg)``) is right. Without the mark an empty alt is an error.
- ``<!-- kit-image: complex -->`` before an image: a chart or diagram that needs a long
  description (so does any image whose alt or caption names a chart, graph, diagram, map...).
- ``<!-- kit-ignore: CHECK -- reason -->``: see ``kit.checks.suppressions``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it.token import Token

from kit.checks.suppressions import WHOLE_FILE, Suppression, parse_html_comments
from kit.source.frontmatter import split_front_matter
from kit.source.parse import parse_body, plain_text
from kit.source.spans import inline_html

_IMAGE_MARK = re.compile(r"<!--\s*kit-image\s*:\s*([\w\s,-]+?)\s*-->")
# Comments and blanks only; a comment ends at its first ``-->`` (``<!-- a --><b><!-- c -->``
# is two comments around a tag, not one comment).
_COMMENT_ONLY = re.compile(r"^\s*(?:<!--(?:(?!-->).)*-->\s*)+$", re.S)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r"""\b(alt|src|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_OPENERS = frozenset(
    {
        "paragraph_open",
        "heading_open",
        "bullet_list_open",
        "ordered_list_open",
        "table_open",
        "blockquote_open",
        "fence",
        "code_block",
        "hr",
    }
)


@dataclass(frozen=True)
class ImageUse:
    """One image in a source document and what surrounds it."""

    src: str
    alt: str | None  # None: a raw <img> with no alt attribute at all
    title: str  # the caption kit shows under the image
    line: int
    in_link: bool = False
    link_text: str = ""  # text of the enclosing link besides the image
    alone: bool = True  # the paragraph holds only this image (a figure)
    text_around: str = ""  # plain text of the paragraph holding an inline image
    before: str = ""  # plain text of the block before a figure
    after: str = ""  # plain text of the block after a figure
    after_kind: str = ""  # paragraph, list, table, heading, ...
    decorative: bool = False
    complex: bool = False
    raw: bool = False  # a raw HTML <img>
    svg_words: tuple[str, ...] = ()  # words drawn in a local SVG (filled in by the orchestrator)


@dataclass(frozen=True)
class Scan:
    images: tuple[ImageUse, ...]
    raw_html: tuple[tuple[int, str], ...]
    suppressions: tuple[Suppression, ...]
    reviewed_line: int  # line of ``reviewed:`` in the front matter
    inline_html: tuple[tuple[int, str], ...] = ()  # raw HTML tags inside a paragraph (not comments)


@dataclass(frozen=True)
class _Block:
    kind: str
    first: int  # 1-based file lines
    last: int
    text: str


def scan(text: str, path: str, locale: str, document: str) -> Scan:
    split = split_front_matter(text, path)
    tokens = parse_body(split.body)  # the parse of kit.source.parse, kept for this
    offset = split.body_offset
    blocks = _top_blocks(tokens, offset)
    images: list[ImageUse] = []
    raw: list[tuple[int, str]] = []
    inline: list[tuple[int, str]] = []
    sups: list[Suppression] = []
    marks: set[str] = set()
    seen_block = False
    for i, tok in enumerate(tokens):
        line = (tok.map[0] if tok.map else 0) + 1 + offset
        if tok.type == "html_block":
            marks |= _marks(tok.content)
            sups.extend(_suppressions(tok, tokens, i, path, locale, document, offset, seen_block))
            if not _COMMENT_ONLY.match(tok.content):
                raw.append((line, tok.content.strip()))
                images.extend(_raw_images(tok.content, line))
            continue
        if tok.type in _OPENERS and tok.level == 0:
            seen_block = True
        if tok.type == "inline":
            images.extend(_inline_images(tok, line, blocks, marks))
            inline.extend((line + n, tag) for n, tag in inline_html(tok.content, tok.children))
            images.extend(
                img
                for c in tok.children or []
                if c.type == "html_inline"
                for img in _raw_images(c.content, line)
            )
            marks = set()
    reviewed = split.key_lines.get("reviewed", 1)
    return Scan(tuple(images), tuple(raw), tuple(sups), reviewed, tuple(inline))


def _marks(html: str) -> set[str]:
    return {
        word.strip().lower()
        for m in _IMAGE_MARK.finditer(html)
        for word in re.split(r"[\s,]+", m[1])
        if word
    }


def _suppressions(
    tok: Token,
    tokens: list[Token],
    i: int,
    path: str,
    locale: str,
    document: str,
    offset: int,
    seen: bool,
) -> list[Suppression]:
    parsed = parse_html_comments(tok.content)
    if not parsed:
        return []
    line = (tok.map[0] if tok.map else 0) + 1 + offset
    first, last = (0, WHOLE_FILE) if not seen else _next_block(tokens, i, offset, line)
    return [
        Suppression(check, reason, path, first, last, line, locale, document)
        for check, reason in parsed
    ]


def _next_block(tokens: list[Token], i: int, offset: int, line: int) -> tuple[int, int]:
    level = tokens[i].level
    for tok in tokens[i + 1 :]:
        if tok.type in _OPENERS and tok.level == level and tok.map:
            return tok.map[0] + 1 + offset, tok.map[1] + offset
    return line, line


def _top_blocks(tokens: list[Token], offset: int) -> list[_Block]:
    blocks: list[_Block] = []
    for i, tok in enumerate(tokens):
        if tok.level != 0 or tok.type not in _OPENERS or not tok.map:
            continue
        depth, texts, j = 0, [], i
        while j < len(tokens):
            depth += tokens[j].nesting
            if tokens[j].type == "inline":
                texts.append(plain_text(tokens[j].children))
            if depth <= 0:
                break
            j += 1
        kind = (
            tok.type.removesuffix("_open")
            .replace("bullet_list", "list")
            .replace("ordered_list", "list")
        )
        blocks.append(_Block(kind, tok.map[0] + 1 + offset, tok.map[1] + offset, " ".join(texts)))
    return blocks


def _inline_images(tok: Token, line: int, blocks: list[_Block], marks: set[str]) -> list[ImageUse]:
    children = tok.children or []
    found: list[ImageUse] = []
    depth = 0
    link_children: list[Token] = []
    for child in children:
        if child.type == "link_open":
            depth += 1
            link_children = []
            continue
        if child.type == "link_close":
            depth -= 1
            continue
        if depth:
            link_children.append(child)
        if child.type == "image":
            found.append(_image(child, line, depth > 0, _link_text(tok, child)))
    others = [
        c
        for c in children
        if c.type not in ("image", "link_open", "link_close", "softbreak") and c.content.strip()
    ]
    alone = len(found) == 1 and not others
    around = "" if alone else plain_text([c for c in children if c.type != "image"])
    index = _block_at(blocks, line)
    return [_placed(img, alone, around, blocks, index, marks) for img in found]


def _block_at(blocks: list[_Block], line: int) -> int | None:
    """The index of the top-level block holding ``line`` (they follow each other, apart)."""
    index = bisect.bisect_right(blocks, line, key=lambda b: b.first) - 1
    return index if index >= 0 and line <= blocks[index].last else None


def _link_text(tok: Token, image: Token) -> str:
    """Plain text of the link that holds ``image``, without the image."""
    depth, holds = 0, False
    parts: list[Token] = []
    for child in tok.children or []:
        if child.type == "link_open":
            depth, parts, holds = depth + 1, [], False
        elif child.type == "link_close":
            depth -= 1
            if holds:
                return plain_text(parts)
        elif depth:
            holds = holds or child is image
            if child.type != "image":
                parts.append(child)
    return ""


def _image(child: Token, line: int, in_link: bool, link_text: str) -> ImageUse:
    return ImageUse(
        src=str(child.attrs.get("src", "")),
        alt=plain_text(child.children),
        title=" ".join(str(child.attrs.get("title", "") or "").split()),
        line=line,
        in_link=in_link,
        link_text=link_text,
    )


def _placed(
    img: ImageUse,
    alone: bool,
    around: str,
    blocks: list[_Block],
    index: int | None,
    marks: set[str],
) -> ImageUse:
    before = after = after_kind = ""
    if alone and index is not None:
        if index > 0:
            before = blocks[index - 1].text
        if index + 1 < len(blocks):
            after, after_kind = blocks[index + 1].text, blocks[index + 1].kind
    return ImageUse(
        img.src,
        img.alt,
        img.title,
        img.line,
        img.in_link,
        img.link_text,
        alone,
        around,
        before,
        after,
        after_kind,
        "decorative" in marks,
        "complex" in marks,
    )


def _raw_images(html: str, line: int) -> list[ImageUse]:
    found: list[ImageUse] = []
    for tag in _IMG_TAG.findall(html):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(tag)}
        found.append(
            ImageUse(attrs.get("src", ""), attrs.get("alt"), attrs.get("title", ""), line, raw=True)
        )
    return found
