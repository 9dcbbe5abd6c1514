"""The short path of ``kit.checks.markdown.parse_inline``: the inline Markdown most messages
hold (``**bold**``, ``*italic*``, `` `code` ``, ``[text](address)`` links to ``https:``,
``tel:``, ``mailto:`` or relative addresses, literal brackets such as ``[es]`` or ``[1]``),
read by ``kit.source.inline_tokens`` instead of a markdown-it-py parse.

It answers only when the CommonMark reading is certain and returns None otherwise, and the
caller then parses with markdown-it-py. ``tests/checks/test_inline_fast.py`` holds it to
markdown-it-py on generated messages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from markdown_it import MarkdownIt

from kit.source.inline_tokens import quick_inline
from kit.source.parse import markdown_parser

# A marker in a text token, except an underscore between two letters or digits ("zh_Hans",
# "file_name"): CommonMark never reads one as emphasis, so it is meant as text, not a marker
# left over (the class first: the regex engine's fast scan).
STRAY_MARKER = re.compile(r"[*_`](?<![^\W_]_(?=[^\W_]))")


class Simple(NamedTuple):
    text: str
    links: tuple[str, ...]
    code: tuple[str, ...]
    emphasis: int
    stray: tuple[str, ...]


@lru_cache(maxsize=1)
def inline_parser() -> MarkdownIt:
    """The parser the checks read messages with (``kit.checks.markdown``)."""
    return markdown_parser(spans=False)


@lru_cache(maxsize=4096)
def _link(dest: str) -> str | None:
    """The href markdown-it makes of a link destination, None if it refuses it."""
    md = inline_parser()
    href = md.normalizeLink(dest)
    return href if md.validateLink(href) else None


def simple_inline(text: str) -> Simple | None:
    """What ``text`` holds, or None when the short path is not sure (see the module)."""
    tokens = quick_inline(text, _link)
    if tokens is None:
        return None
    parts: list[str] = []
    links: list[str] = []
    code: list[str] = []
    stray: list[str] = []
    emphasis = 0
    for kind, value in tokens:
        if kind == "text":
            parts.append(value)
            stray += STRAY_MARKER.findall(value)
        elif kind == "code_inline":
            code.append(value)
            parts.append(value)
        elif kind == "link_open":
            links.append(value)
        elif kind in ("em_open", "strong_open"):
            emphasis += 1
    return Simple("".join(parts), _sorted(links), _sorted(code), emphasis, _sorted(stray))


def _sorted(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted(items)) if len(items) > 1 else tuple(items)
