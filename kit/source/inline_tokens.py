"""The inline tokens markdown-it-py gives a plain message, read without markdown-it.

Most translated messages hold little markup: ``**bold**`` and ``*italic*``, a `` `code` ``
span, ``[text](address)`` links (``https:``, ``tel:``, ``mailto:``, ``../page.html#part``)
and literal brackets (``[es] text``, ``[1]``, a lone ``]``). ``quick_inline`` reads such a
message with one regular expression and a few rules, and gives the token list markdown-it's
``parseInline`` gives (after its ``fragments_join``: adjacent text merged), as ``(type,
value)`` pairs: ``("text", content)``, ``("code_inline", content)``, ``("link_open", href)``,
``("link_close", "")``, ``("em_open", "")`` and the like. It answers only when that reading
is certain, and returns None otherwise (the caller then parses with markdown-it):

* no character that starts other markup: ``\\ & <``, ``![``, line breaks, NUL; no run of two
  or more backticks; a single backtick opens a code span closed by the next one (or stays
  text when none follows);
* a ``[`` with no ``]`` after it, or whose ``]`` is not followed by ``(``, is text (the parse
  has no reference definitions: ``parseInline`` is given an empty env); ``[label](dest)`` is
  a link when the label holds no ``[ * `` nor backtick (``_`` only inside a word), the
  destination no space, bracket, parenthesis, ``*`` nor backtick and it is closed by ``)``
  at once, and the parser's own ``normalizeLink``/``validateLink`` accept it (``link``
  argument); a destination it refuses leaves the ``[`` as text, as markdown-it does;
* each run of ``*`` or ``_`` is, by markdown-it's own flanking rules (``scanDelims``), either
  inert (it can neither open nor close: text) or only an opener or only a closer, at most two
  long; openers and closers alternate, each closer with its opener's character and length
  (no nesting), so CommonMark's delimiter algorithm can only pair them as written.

``tests/properties/test_inline_quick.py`` and ``tests/checks/test_inline_fast.py`` hold the result
to markdown-it on generated and damaged messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

Tok = tuple[str, str]

# Each expression starts with one character class and a lookbehind then says which it was:
# the regex engine scans for a leading class in C, but tries an alternation's branches at
# every position (these are 2-5x faster than the plain alternations they replace, which
# ``tests/unit/test_fast_regexes.py`` holds them to).
_REFUSE = re.compile(r"[\\&<\n\r\x00!`](?:(?<=[\\&<\n\r\x00])|(?<=!)\[|(?<=`)`)")  # or !\[ or ``
_SPECIAL = re.compile(r"[`*_\[](?:(?<=\*)\*+|(?<=_)_+)?")  # ` or *+ or _+ or [
# Without these, no inline rule but ``text`` applies: a ``[`` can start a link only when a
# ``](`` follows (the parse has no reference definitions), so the whole text is one token.
_ONLY_TEXT = re.compile(r"[\\&<\n\r\x00`*_!\]](?:(?<=[\\&<\n\r\x00`*_])|(?<=!)\[|(?<=\])\()")
_DEST = re.compile(r"[^\x00-\x20\x7f\s()<>\\&`*\[\]]+")
_LITERAL = ("text", "[")
_TAGS = {("*", 1): "em", ("_", 1): "em", ("*", 2): "strong", ("_", 2): "strong"}


def quick_inline(text: str, link: Callable[[str], str | None]) -> tuple[Tok, ...] | None:
    """markdown-it's inline tokens for ``text``, or None when not sure (see the module).
    ``link(dest)``: the parser's normalized href for a destination, None if it refuses it.

    Inside ``kept_readings`` a text is read once, with each link's destination as written:
    the build's publish gate reads a document's translations with the checks' parser, and
    the HTML renderer then reads them again with its own. A link only changes the reading
    when ``link`` refuses it (its ``[`` is then text), and then the text is read again."""
    if not _keeping:
        return _fresh(text, link)
    if text in _KEPT:
        read = _KEPT[text]
    else:
        read = _KEPT[text] = _read(text)
    if read is None:
        return None
    tokens, links = read
    if not links:
        return tokens
    found = list(tokens)
    for index in links:
        href = link(tokens[index][1])
        if href is None:
            return _fresh(text, link)
        found[index] = ("link_open", href)
    return tuple(found)


_Read = tuple[tuple[Tok, ...], tuple[int, ...]] | None
_KEPT: dict[str, _Read] = {}
_keeping = False


@contextmanager
def kept_readings() -> Iterator[None]:
    """Keep each text's reading until the block ends (``kit build``: one document's pages).
    What ``quick_inline`` returns is the same with or without: only the time differs."""
    global _keeping
    was = _keeping
    _keeping = True
    try:
        yield
    finally:
        _keeping = was
        if not was:
            _KEPT.clear()


def _fresh(text: str, link: Callable[[str], str | None]) -> tuple[Tok, ...] | None:
    tokens = _tokens(text, link)
    return None if tokens is None else tuple(tokens)


def _as_written(dest: str) -> str:
    return dest


def _read(text: str) -> _Read:
    """``_tokens`` with every link accepted, its destination as written, and where the
    links are."""
    tokens = _tokens(text, _as_written)
    if tokens is None:
        return None
    if "](" not in text:  # (no link without one)
        return tuple(tokens), ()
    return tuple(tokens), tuple(i for i, (kind, _) in enumerate(tokens) if kind == "link_open")


def _tokens(text: str, link: Callable[[str], str | None]) -> list[Tok] | None:
    """``quick_inline`` without the kept readings."""
    if _ONLY_TEXT.search(text) is None:  # at most literal brackets: ``[es] text``, ``[1]``
        return [("text", text)] if text else []
    if _REFUSE.search(text) is not None:
        return None
    pieces: list[Tok] = []
    runs: list[tuple[int, str, int, bool, bool]] = []  # piece, marker, length, opens, closes
    pos, size = 0, len(text)
    while (match := _SPECIAL.search(text, pos)) is not None:
        start, end = match.span()
        if start > pos:
            pieces.append(("text", text[pos:start]))
        char = text[start]
        if char == "`":
            close = text.find("`", end)
            if close < 0:
                pieces.append(("text", "`"))
                pos = end
                continue
            pieces.append(("code_inline", _code(text[end:close])))
            pos = close + 1
        elif char == "[":
            found = _link(text, start, link)
            if found is None:
                return None
            pieces.extend(found[0])
            pos = found[1]
        else:
            opens, closes = _flanking(
                char, text[start - 1] if start else " ", text[end] if end < size else " "
            )
            if opens or closes:
                runs.append((len(pieces), char, end - start, opens, closes))
            pieces.append(("text", text[start:end]))
            pos = end
    if pos < size:
        pieces.append(("text", text[pos:]))
    if runs and not _pair(runs, pieces):
        return None
    return _joined(pieces)


def _code(content: str) -> str:
    if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
        return content[1:-1]
    return content


def _link(text: str, start: int, link: Callable[[str], str | None]) -> tuple[list[Tok], int] | None:
    """The tokens from the ``[`` at ``start`` and where reading goes on; None if not sure."""
    close = text.find("]", start + 1)
    if close < 0:
        return [_LITERAL], start + 1
    label = text[start + 1 : close]
    if "[" in label or "`" in label:
        return None  # the label may end at another ``]``
    if close + 1 >= len(text) or text[close + 1] != "(":
        return [_LITERAL], start + 1  # a reference form, and there are no references
    if "*" in label or ("_" in label and not _inert_in(text, start + 1, close)):
        return None
    dest = _DEST.match(text, close + 2)
    if dest is None:
        return ([_LITERAL], start + 1) if close + 2 >= len(text) else None
    end = dest.end()
    if end >= len(text):
        return [_LITERAL], start + 1  # ``[a](b`` is not closed
    if text[end] != ")" or not label:
        return None
    href = link(dest.group())
    if href is None:
        return [_LITERAL], start + 1
    return [("link_open", href), ("text", label), ("link_close", "")], end + 1


def _inert_in(text: str, start: int, end: int) -> bool:
    """Whether every ``_`` run of a link label (``text[start:end]``) can neither open nor
    close (the label is parsed on its own: its end counts as the end of the line)."""
    for run in re.finditer("_+", text[start:end]):
        first, last = start + run.start(), start + run.end()
        after = text[last] if last < end else " "
        if any(_flanking("_", text[first - 1], after)):
            return False
    return True


@lru_cache(maxsize=8192)
def _flanking(marker: str, before: str, after: str) -> tuple[bool, bool]:
    """Whether a run of ``marker`` between these characters can open and can close emphasis
    (markdown-it's ``scanDelims``; ``*`` may split a word, ``_`` may not)."""
    before_punct = isMdAsciiPunct(ord(before)) or isPunctChar(before)
    after_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    before_space, after_space = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    if marker == "*":
        return left, right
    return left and (not right or before_punct), right and (not left or after_punct)


def _pair(runs: list[tuple[int, str, int, bool, bool]], pieces: list[Tok]) -> bool:
    """Turn the runs that open and close into tags, in place; False when they do not pair
    plainly (see the module)."""
    opener: tuple[int, str, int, bool, bool] | None = None
    for run in runs:
        index, marker, length, opens, closes = run
        if length > 2 or opens == closes:
            return False
        if opener is None:
            if not opens:
                return False
            opener = run
            continue
        if opens or marker != opener[1] or length != opener[2]:
            return False
        tag = _TAGS[marker, length]
        pieces[opener[0]] = (f"{tag}_open", "")
        pieces[index] = (f"{tag}_close", "")
        opener = None
    return opener is None


def _joined(pieces: list[Tok]) -> list[Tok]:
    """Adjacent text pieces merged into one token (markdown-it's ``fragments_join``)."""
    tokens: list[Tok] = []
    for kind, value in pieces:
        if kind == "text" and tokens and tokens[-1][0] == "text":
            tokens[-1] = ("text", tokens[-1][1] + value)
        else:
            tokens.append((kind, value))
    return tokens
