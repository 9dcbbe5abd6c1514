"""Segment marks: how the preview finds each segment in a page rendered by the real renderer.

Before rendering, each segment's text is wrapped in Private Use Area characters that no
Markdown rule, escape or template touches: ``U+E000``, the segment number in ``U+E010..E019``,
``U+E001``, the text, ``U+001F`` (a control, so that sentence punctuation still ends a
bidi run). After rendering, ``to_spans`` turns marks in text into
``<span class="kit-seg" data-kit-seg="N">…</span>`` and drops them from tags, attributes,
``<title>`` and scripts. ``strip`` drops every mark: a marked page stripped is byte for byte
the page ``kit build`` writes (the tests check it), so the preview shows the real page.
"""

from __future__ import annotations

import re

OPEN = "\ue000"
MID = "\ue001"
CLOSE = "\x1f"  # a control the bidi runs and Markdown treat as a word boundary
_DIGIT0 = 0xE010
_MARK_OPEN = re.compile("\ue000([\ue010-\ue019]+)\ue001")
_ANY_MARK = re.compile("\ue000[\ue010-\ue019]*\ue001|\x1f")
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW_TEXT = ("title", "script", "style", "textarea")


def wrap(number: int, text: str) -> str:
    """The text with the marks of segment ``number`` around it."""
    digits = "".join(chr(_DIGIT0 + int(d)) for d in str(number))
    return f"{OPEN}{digits}{MID}{text}{CLOSE}"


def strip(html: str) -> str:
    return _ANY_MARK.sub("", html)


def _span(match: re.Match[str]) -> str:
    number = "".join(str(ord(ch) - _DIGIT0) for ch in match[1])
    return f'<span class="kit-seg" data-kit-seg="{number}">'


def to_spans(html: str) -> str:
    """Marks in text become spans; marks anywhere else (tags, raw-text elements) go."""
    out: list[str] = []
    raw: str | None = None
    for token in _TOKENS.split(html):
        if token.startswith("<"):
            out.append(strip(token))
            name = re.match(r"</?([a-zA-Z0-9]+)", token)
            if name and name[1].lower() in _RAW_TEXT:
                raw = None if token.startswith("</") else name[1].lower()
        elif raw is not None:
            out.append(strip(token))
        else:
            out.append(_MARK_OPEN.sub(_span, token).replace(CLOSE, "</span>"))
    return "".join(out)
