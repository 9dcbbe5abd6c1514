"""What a message's inline Markdown contains, for comparing a source with its translation.

A message is parsed as inline Markdown (the same dialect as ``kit.source``) only when it
holds a character that can start markup; plain prose takes a fast path, which is what keeps
the translation checks above 20,000 entries per second.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kit.source import markdown_parser

_TRIGGERS = frozenset("*_`[]<\\&")
_STRAY = ("*", "_", "`", "[", "]")


@dataclass(frozen=True)
class Inline:
    """The parts of one inline Markdown text that must survive translation."""

    text: str  # what a reader sees: text and code, without link targets or markup
    links: Counter[str] = field(default_factory=Counter)
    images: Counter[str] = field(default_factory=Counter)
    code: Counter[str] = field(default_factory=Counter)
    html: Counter[str] = field(default_factory=Counter)
    emphasis: int = 0  # bold and italic spans
    stray: Counter[str] = field(default_factory=Counter)  # markers left as literal text


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return markdown_parser()


def has_markup(text: str) -> bool:
    return not _TRIGGERS.isdisjoint(text)


@lru_cache(maxsize=65536)
def analyze(text: str) -> Inline:
    """Parse one message. Cached: the same source text is compared in every locale."""
    if not has_markup(text):
        return Inline(text=text)
    tokens = _parser().parseInline(text)
    children: list[Token] = tokens[0].children or [] if tokens else []
    return _collect(children)


def _collect(children: list[Token]) -> Inline:
    parts: list[str] = []
    links: Counter[str] = Counter()
    images: Counter[str] = Counter()
    code: Counter[str] = Counter()
    html: Counter[str] = Counter()
    stray: Counter[str] = Counter()
    emphasis = 0
    for tok in children:
        kind = tok.type
        if kind == "text":
            parts.append(tok.content)
            stray.update(ch for ch in tok.content if ch in _STRAY)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "code_inline":
            code[tok.content] += 1
            parts.append(tok.content)
        elif kind == "link_open":
            links[str(tok.attrs.get("href", ""))] += 1
        elif kind == "image":
            images[str(tok.attrs.get("src", ""))] += 1
        elif kind == "html_inline":
            html[tok.content] += 1
        elif kind in ("em_open", "strong_open"):
            emphasis += 1
    return Inline("".join(parts), links, images, code, html, emphasis, stray)


def plain_text(text: str) -> str:
    """What a reader sees of a message, markup stripped (for reading level and alt checks)."""
    return " ".join(analyze(text).text.split())
