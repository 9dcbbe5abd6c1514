"""The short path of ``kit.checks.markdown.parse_inline``: the inline Markdown most messages
hold (``**bold**``, ``*italic*``, ``[text](https://address)``, `` `code` ``), read with a
few regular expressions instead of a markdown-it-py parse.

It answers only when the CommonMark reading is certain and returns None otherwise, and the
caller then parses with markdown-it-py. Certain means: no character that starts other markup
(``_ < \\ & ![``, line breaks); every backtick opens or closes a code span whose text neither
starts nor ends with a space; every bracket belongs to ``[text](address)`` whose text holds
no markup and whose address is a plain http(s) or relative one; every run of ``*`` is one or
two long and is either a clear opener (after the start or a space, before a letter or digit)
or a clear closer (after a letter or digit, before the end, a space or ``. , ; : ! ? )``),
openers and closers alternating with equal lengths (no nesting). Such a run can only open or
only close, so CommonMark's delimiter rules pair them as written. ``tests/checks/
test_inline_fast.py`` holds it to markdown-it-py on generated messages.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_UNSURE = re.compile(r"[_<\\&\n\r\x00]|!\[")
_PIECE = re.compile(
    r"(?<!`)`(?P<code>[^`\s](?:[^`]*[^`\s])?)`(?!`)"
    r"|\[(?P<label>[^\[\]*`]+)\]\((?P<href>(?:https?://)?[A-Za-z0-9./#?=_~+-]+)\)"
    r"|(?P<stars>\*+)"
    r"|(?P<other>[`\[\]])"
)
_CLOSES_BEFORE = frozenset(" .,;:!?)")


class Simple(NamedTuple):
    text: str
    links: tuple[str, ...]
    code: tuple[str, ...]
    emphasis: int


def simple_inline(text: str) -> Simple | None:
    """What ``text`` holds, or None when the short path is not sure (see the module)."""
    if _UNSURE.search(text) is not None:
        return None
    parts: list[str] = []
    links: list[str] = []
    code: list[str] = []
    emphasis, last = 0, 0
    opened: int | None = None  # length of the open * run
    for m in _PIECE.finditer(text):
        start, end = m.span()
        parts.append(text[last:start])
        last = end
        if m["code"] is not None:
            code.append(m["code"])
            parts.append(m["code"])
        elif m["href"] is not None:
            links.append(m["href"])
            parts.append(m["label"])
        elif m["stars"] is not None and end - start <= 2:
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if before == " " and after.isalnum() and opened is None:
                opened = end - start
            elif before.isalnum() and after in _CLOSES_BEFORE and opened == end - start:
                opened = None
                emphasis += 1
            else:
                return None
        else:
            return None
    if opened is not None:
        return None
    parts.append(text[last:])
    return Simple("".join(parts), tuple(sorted(links)), tuple(sorted(code)), emphasis)
