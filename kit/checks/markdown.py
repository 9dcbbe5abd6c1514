"""What a message's inline Markdown contains, for comparing a source with its translation.

A message is parsed as inline Markdown (the same dialect as ``kit.source.parse``) only when it
holds a character that can start markup; plain prose takes a fast path, which is what keeps
the translation checks above 20,000 entries per second.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from markdown_it.token import Token

from kit.checks.inline_fast import STRAY_MARKER, simple_inline
from kit.checks.inline_fast import inline_parser as _parser

# A character that can start inline markup. A bracket only as ``](``: without reference
# definitions (a message is parsed alone) brackets hold markup only in a link or an image,
# and otherwise show as written ("[es]", "[1]"). One character class, then a lookbehind
# that drops a ``]`` not followed by ``(`` (the class first: the regex engine's fast scan).
_TRIGGER = re.compile(r"[*_`<\\&\]](?<!\](?!\())")


class Inline(NamedTuple):
    """The parts of one inline Markdown text that must survive translation. Multisets are
    sorted tuples: cheap to build and to compare, which is most of what the checks do (a
    NamedTuple, not a dataclass, for the same reason: one is built per message)."""

    text: str  # what a reader sees: text and code, without link targets or markup
    links: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    html: tuple[str, ...] = ()
    emphasis: int = 0  # bold and italic spans
    stray: tuple[str, ...] = ()  # markers left as literal text
    plain: bool = False  # no character that can start markup: everything else is empty


def has_markup(text: str) -> bool:
    """Whether ``text`` can hold inline markup; if not, what a reader sees is the text itself
    (its white space aside)."""
    return _TRIGGER.search(text) is not None


@lru_cache(maxsize=65536)
def analyze(text: str) -> Inline:
    """Parse one source message. Cached: the same source text is compared in every locale
    (a translation is parsed once: ``parse_inline``, so the cache holds no translations)."""
    return parse_inline(text)


@lru_cache(maxsize=4096)
def parse_inline(text: str) -> Inline:
    """Parse one message. A small cache: the reading level reads the translations of the
    catalog whose entries were just checked (``translation_plain_text``)."""
    if not has_markup(text):
        return Inline(text, plain=True)
    simple = simple_inline(text)
    if simple is not None:
        return Inline(
            simple.text,
            simple.links,
            code=simple.code,
            emphasis=simple.emphasis,
            stray=simple.stray,
        )
    tokens = _parser().parseInline(text)
    children: list[Token] = tokens[0].children or [] if tokens else []
    return _collect(children)


def _collect(children: list[Token]) -> Inline:
    parts: list[str] = []
    links: list[str] = []
    images: list[str] = []
    code: list[str] = []
    html: list[str] = []
    stray: list[str] = []
    emphasis = 0
    for tok in children:
        kind = tok.type
        if kind == "text":
            parts.append(tok.content)
            stray.extend(STRAY_MARKER.findall(tok.content))
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "code_inline":
            code.append(tok.content)
            parts.append(tok.content)
        elif kind == "link_open":
            links.append(str(tok.attrs.get("href", "")))
        elif kind == "image":
            images.append(str(tok.attrs.get("src", "")))
        elif kind == "html_inline":
            html.append(tok.content)
        elif kind in ("em_open", "strong_open"):
            emphasis += 1
    return Inline(
        text="".join(parts),
        links=tuple(sorted(links)),
        images=tuple(sorted(images)),
        code=tuple(sorted(code)),
        html=tuple(sorted(html)),
        emphasis=emphasis,
        stray=tuple(sorted(stray)),
    )


def plain_text(text: str) -> str:
    """What a reader sees of a source message, markup stripped (for reading level and alt
    checks); cached with ``analyze``."""
    return " ".join(analyze(text).text.split())


def translation_plain_text(text: str) -> str:
    """``plain_text`` of a translation, which no other locale shares: not cached."""
    return " ".join(parse_inline(text).text.split())
