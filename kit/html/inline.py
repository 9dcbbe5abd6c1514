"""One segment's text (inline Markdown) → safe HTML.

Translators write inline Markdown, never HTML. markdown-it-py parses it (recognising raw HTML
tags so that they can be left out), and this module writes every token itself, so the output
holds only these elements: ``em strong code a img br bdi bdo span``, with only the attributes
written here.

* Raw HTML tags and comments in a translation are left out, never shown as escaped text: a
  page never shows markup (``<b>Llame</b>`` → ``Llame``; ``kit check`` reports the tag as
  ``translation.html``), and so is the code between ``<script>`` or ``<style>`` and their
  closing tags. Text that only looks like a tag (``5 < 6``, ``<5 kg``) stays text.
* A link survives only if its target is http, https, mailto, tel or a relative URL;
  anything else (``javascript:``, ``data:``, ``file:``, ``//host``) stays as plain text.
* An image is shown only if its ``src`` is one the source paragraph already had; its alt
  text and title come from the localized image segments, never from the translator's
  Markdown, and they carry their own ``lang`` when they fall back to the source language.
* Bidi embedding/override controls are removed; in right-to-left text, left-to-right runs
  are isolated (``kit.bidi``).
* A phone number's spaces, and the space between a number and its unit ("38 °C"), are
  no-break spaces, so each stays on one line (``kit.text``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kit.bidi import isolate_ltr, strip_bidi_controls
from kit.source.inline_tokens import Tok, quick_inline
from kit.source.spans import raw_text_end
from kit.text import keep_together, nbsp_entities

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
# Text with none of these characters is plain text to CommonMark: escape it and stop.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]!<>&\n\r]")
# Text with none of these needs no cleaning either (bidi controls: ``kit.bidi``; NUL): the
# common case, escaped at once (after the phone-number step, ``kit.text``).
_NOTHING_TO_DO = re.compile("[\\\\`*_\\[\\]!<>&\n\r\0\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class InlineImage:
    """An image the source paragraph holds, with its localized alt text and title."""

    src: str
    alt: str
    title: str = ""
    alt_lang: str = ""  # BCP 47 tag when the alt text is in another language than the page
    alt_dir: str = ""


@dataclass(frozen=True)
class InlineStyle:
    """How to write text: isolate LTR runs (right-to-left text) with an optional ``lang``."""

    rtl: bool = False
    ltr_lang: str | None = None
    images: Mapping[str, InlineImage] = field(default_factory=dict)


def safe_link(url: str) -> bool:
    """True for http, https, mailto, tel and relative URLs (``page.html``, ``#id``, ``../x``)."""
    cleaned = _IGNORED.sub("", html.unescape(url))
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return False
    match = _SCHEME.match(cleaned)
    if match is None:
        return ":" not in cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return match.group(1).lower() in ALLOWED_SCHEMES


def safe_image_src(src: str) -> bool:
    """True for a relative path inside the project: no scheme, not absolute, no ``..``."""
    cleaned = _IGNORED.sub("", src)
    if not cleaned or _SCHEME.match(cleaned) or cleaned.startswith(("/", "\\")):
        return False
    parts = cleaned.replace("\\", "/").split("/")
    return ".." not in parts


class _Markdown(MarkdownIt):
    """CommonMark without raw HTML, whose links and images must pass ``safe_link``."""

    def validateLink(self, url: str) -> bool:
        return safe_link(url)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return _Markdown("commonmark", {"html": True})


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def render_inline(text: str, style: InlineStyle) -> str:
    """Inline Markdown → HTML. Never raises on any input."""
    if not _NOTHING_TO_DO.search(text):
        return _text(text, style)
    text = strip_bidi_controls(text).replace("\0", "\ufffd")
    if not _MARKDOWN_SPECIAL.search(text):
        return _text(text, style)
    quick = _quick(text)
    if quick is not None:
        return "".join(_write(kind, value, style) for kind, value in quick)
    return _parsed(text, style)


def _quick(text: str) -> tuple[Tok, ...] | None:
    """markdown-it's tokens for a segment whose markup is plain (``kit.source.inline_tokens``:
    emphasis that pairs plainly, literal brackets, code spans, links whose text holds no
    markup): most segments with markup, read some twenty times faster than by the parser."""
    return quick_inline(text, _link)


@lru_cache(maxsize=4096)
def _link(dest: str) -> str | None:
    """The href markdown-it makes of a link destination, None if ``safe_link`` refuses it."""
    md = _parser()
    href = md.normalizeLink(dest)
    return href if md.validateLink(href) else None


def _write(kind: str, value: str, style: InlineStyle) -> str:
    """One of ``_quick``'s tokens as ``_token`` writes markdown-it's."""
    if kind == "text":
        return _text(value, style)
    if kind == "link_open":
        return f'<a href="{escape(value)}">'
    if kind == "code_inline":
        return _code_html(value, style)
    return _TAGS[kind]


def _parsed(text: str, style: InlineStyle) -> str:
    """``render_inline`` through markdown-it (which the shortcuts above must equal)."""
    tokens = _parser().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children else []
    return "".join(_token(tok, style) for tok in without_raw_text(children))


_TAGS = {
    "em_open": "<em>",
    "em_close": "</em>",
    "strong_open": "<strong>",
    "strong_close": "</strong>",
    "link_close": "</a>",
}


def without_raw_text(children: list[Token]) -> list[Token]:
    """The tokens without what sits between ``<script>`` and ``</script>`` (and the like):
    code, not prose, left out with the tags themselves (an unclosed one drops only its tag)."""
    kept: list[Token] = []
    i = 0
    while i < len(children):
        closer = raw_text_end(children[i].content) if children[i].type == "html_inline" else None
        if closer is not None:
            close = next(
                (
                    j
                    for j in range(i + 1, len(children))
                    if children[j].type == "html_inline" and closer.fullmatch(children[j].content)
                ),
                i,
            )
            i = close + 1
            continue
        kept.append(children[i])
        i += 1
    return kept


def _text(text: str, style: InlineStyle) -> str:
    text = keep_together(text)
    out = isolate_ltr(text, style.ltr_lang) if style.rtl else html.escape(text, quote=False)
    return nbsp_entities(out)


def _token(tok: Token, style: InlineStyle) -> str:
    writer = _WRITERS.get(tok.type)
    if writer is not None:
        return writer(tok, style)
    return _text(tok.content, style)  # anything unexpected is text, never markup


def _link_open(tok: Token, style: InlineStyle) -> str:
    href = str(tok.attrs.get("href", ""))
    title = str(tok.attrs.get("title", "") or "")
    attrs = f' href="{escape(href)}"'
    if title:
        attrs += f' title="{escape(title)}"'
    return f"<a{attrs}>"


def _code(tok: Token, style: InlineStyle) -> str:
    return _code_html(tok.content, style)


def _code_html(content: str, style: InlineStyle) -> str:
    direction = ' dir="ltr"' if style.rtl else ""
    return f"<code{direction}>{html.escape(content, quote=False)}</code>"


def _image(tok: Token, style: InlineStyle) -> str:
    src = str(tok.attrs.get("src", ""))
    image = style.images.get(src)
    if image is None or not safe_image_src(src):
        return ""  # the translator added an image the source does not have: drop it
    attrs = f'src="{escape(image.src)}" alt="{escape(image.alt)}"'
    if image.alt_lang:
        attrs += f' lang="{escape(image.alt_lang)}"'
    if image.alt_dir:
        attrs += f' dir="{escape(image.alt_dir)}"'
    if image.title:
        attrs += f' title="{escape(image.title)}"'
    return f"<img {attrs}>"


def _fixed(markup: str) -> Callable[[Token, InlineStyle], str]:
    return lambda tok, style: markup


_WRITERS: dict[str, Callable[[Token, InlineStyle], str]] = {
    "em_open": _fixed("<em>"),
    "em_close": _fixed("</em>"),
    "strong_open": _fixed("<strong>"),
    "strong_close": _fixed("</strong>"),
    "link_open": _link_open,
    "link_close": _fixed("</a>"),
    "code_inline": _code,
    "image": _image,
    "softbreak": _fixed("\n"),
    "hardbreak": _fixed("<br>\n"),
    "html_inline": _fixed(""),  # raw HTML is never published, nor shown as text
}


def plain_inline(text: str) -> str:
    """What a reader sees of inline Markdown, as plain text (for ``<title>`` and metadata)."""
    text = strip_bidi_controls(text)
    if not _MARKDOWN_SPECIAL.search(text):
        return " ".join(text.split())
    quick = _quick(text)
    if quick is not None:
        return " ".join("".join(value for kind, value in quick if kind in _SHOWN).split())
    return _plain_parsed(text)


_SHOWN = frozenset({"text", "code_inline"})


def _plain_parsed(text: str) -> str:
    """``plain_inline`` through markdown-it."""
    tokens = _parser().parseInline(text)
    parts: list[str] = []
    for tok in without_raw_text(tokens[0].children if tokens and tokens[0].children else []):
        if tok.type in ("text", "code_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
