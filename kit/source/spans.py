"""Where inline links, images and raw HTML sit in a block's source, and the message text made
from it.

A message is the block's inline Markdown as the author wrote it, with two rewrites:

* **Reference-style links and images** (``[text][label]``, ``[text][]``, ``[text]``, with
  their ``[label]: url "title"`` definitions elsewhere in the file) become inline links
  (``[text](url "title")``): translators see where the link goes, and the message renders on
  its own, without the definitions, in every locale.
* **Hard line breaks** written as two trailing spaces become ``\\`` + newline, the visible
  form (only where markdown-it-py found a break: trailing spaces inside a code span stay).
* **Inline raw HTML** is taken out: an ``<!-- comment -->`` is the author's note to
  themselves, and any other tag is never published (``kit check`` reports it as
  ``source.inline-html`` at its line). Text between tags stays: ``<b>Call</b> now`` → ``Call
  now``.

``markdown_parser`` (``kit.source.parse``) wraps markdown-it-py's ``link``, ``image``,
``html_inline`` and ``newline`` rules to record each token's span in ``token.meta["kit_span"]`` (start, end
and, for links and images, the position of the ``]`` that closes the text), in the inline
token's ``content``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

SPAN = "kit_span"
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_PLAIN_DEST = re.compile(r"^[^\s()<>\\\x00-\x1f\x7f]+$")

_RECORDED = frozenset({"link_open", "image", "html_inline", "hardbreak", "softbreak"})
Rule = Callable[[StateInline, bool], bool]


def record_spans(md: MarkdownIt) -> MarkdownIt:
    """Wrap the ``link``, ``image`` and ``html_inline`` rules of ``md`` to record spans."""
    for name, offset in (("link", 0), ("image", 1), ("html_inline", -1), ("newline", -1)):
        rule = _rule(md, name)
        md.inline.ruler.at(name, _spanned(rule, offset))
    return md


def _rule(md: MarkdownIt, name: str) -> Rule:
    for rule in md.inline.ruler.__rules__:
        if rule.name == name:
            found: Rule = rule.fn
            return found
    raise LookupError(name)


def _spanned(rule: Rule, offset: int) -> Rule:
    """``offset``: where the link text's ``[`` is (0 link, 1 image); -1 for raw HTML."""

    def wrapped(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        label_end = -1
        if offset >= 0 and not silent:
            if state.src[start + offset : start + offset + 1] != "[":
                return False
            nested = offset == 0  # the link rule parses its label with disableNested
            label_end = state.md.helpers.parseLinkLabel(state, start + offset, nested)
        if not rule(state, silent):
            return False
        if not silent:  # the first new token may be the pending text before this one
            token = next((t for t in state.tokens[count:] if t.type in _RECORDED), None)
            if token is not None:
                token.meta = {**(token.meta or {}), SPAN: (start, state.pos, label_end)}
        return True

    return wrapped


_RAW_TEXT = re.compile(r"<(script|style|textarea|title|iframe|noscript|template|xmp)\b", re.I)


def raw_text_end(tag: str) -> re.Pattern[str] | None:
    """For an opening ``<script>``-like tag, the pattern of its closing tag: everything up to
    it is code, not prose, and is left out with the tags."""
    match = _RAW_TEXT.match(tag)
    return re.compile(rf"</{match.group(1)}\s*>", re.I) if match else None


def message_source(content: str, children: list[Token] | None) -> str:
    """``content`` with reference links made inline and raw HTML taken out (see above)."""
    edits: list[tuple[int, int, str]] = []
    spanned = [(t, t.meta[SPAN]) for t in children or [] if t.meta and SPAN in t.meta]
    i = 0
    while i < len(spanned):
        token, (start, end, label_end) = spanned[i]
        if token.type == "html_inline":
            close = _closing(spanned, i)
            if close is not None:  # <script>...</script>: the code between goes too
                end, i = spanned[close][1][1], close
            edits.append(_removal(content, start, end))
        elif token.type == "hardbreak" and content.startswith("  ", start - 2):
            spaces = len(content[:start]) - len(content[:start].rstrip(" "))
            edits.append((start - spaces, start, "\\"))  # two spaces + newline → \ + newline
        elif token.type in ("link_open", "image") and not content.startswith(
            "(", label_end + 1, end
        ):
            edits.append((label_end + 1, end, _inline_target(token)))
        i += 1
    for start, end, text in sorted(edits, reverse=True):
        content = content[:start] + text + content[end:]
    return content


def _closing(spanned: list[tuple[Token, tuple[int, int, int]]], i: int) -> int | None:
    """Index of the tag closing the ``<script>``-like tag at ``i``, if it is one and closed."""
    closer = raw_text_end(spanned[i][0].content)
    if closer is None:
        return None
    for j in range(i + 1, len(spanned)):
        token = spanned[j][0]
        if token.type == "html_inline" and closer.fullmatch(token.content):
            return j
    return None


def inline_html(content: str, children: list[Token] | None) -> list[tuple[int, str]]:
    """Every raw HTML tag (comments aside) in ``content``: (0-based line offset, tag)."""
    found: list[tuple[int, str]] = []
    for token in children or []:
        span = (token.meta or {}).get(SPAN)
        if token.type == "html_inline" and not token.content.startswith("<!--"):
            offset = content.count("\n", 0, span[0]) if span else 0
            found.append((offset, token.content))
    return found


def _removal(content: str, start: int, end: int) -> tuple[int, int, str]:
    """Take out ``content[start:end]``, and the spaces after it when spaces precede it, so
    ``a <!-- x --> b`` becomes ``a b``."""
    if start == 0 or content[start - 1] in " \n":
        after = end
        while after < len(content) and content[after] == " ":
            after += 1
        if not content.startswith("\n", after):  # spaces before a line end may be a break
            end = after
    return (start, end, "")


def _inline_target(token: Token) -> str:
    """``(url "title")`` for a link or image token, in Markdown that parses back to them."""
    url = str(token.attrs.get("href" if token.type == "link_open" else "src", ""))
    title = str(token.attrs.get("title", "") or "")
    url = _ENTITY.sub(lambda m: "\\" + m.group(0), url)
    dest = url if _PLAIN_DEST.match(url) else "<" + url.replace(">", "%3E") + ">"
    if not title:
        return f"({dest})"
    title = _ENTITY.sub(lambda m: "\\" + m.group(0), title.replace("\\", "\\\\"))
    title = title.replace("\n", "&#10;")
    for opener, closer in (('"', '"'), ("'", "'"), ("(", ")")):
        if opener not in title and closer not in title:
            return f"({dest} {opener}{title}{closer})"
    escaped = title.replace('"', '\\"')
    return f'({dest} "{escaped}")'
