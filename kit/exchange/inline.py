"""A message's inline Markdown as inline codes, so a CAT tool protects URLs and markers.

``split`` turns ``Call [us](tel:911) **now**`` into text and codes: an *open*/*close* pair
around ``us`` whose native data are ``[`` and ``](tel:911)``, another pair for ``**``; a code
span, an image, an autolink or a hard line break becomes one *placeholder*. Joining the
native data and the text gives back the message exactly (``join``), which the tests check on
random text. When the scanner and markdown-it disagree about a message (an unusual
construction), the message is left as plain text: nothing is protected, nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from markdown_it import MarkdownIt

from kit.source.parse import markdown_parser

Kind = Literal["open", "close", "ph"]


@dataclass(frozen=True)
class Code:
    id: str  # "1", "2", ...: an open and its close share one id
    kind: Kind
    native: str  # the Markdown it stands for
    type: str  # link, bold, italic, code, image, break


Part = str | Code

_PARSER: list[MarkdownIt] = []


@lru_cache(maxsize=65536)
def split(text: str) -> tuple[Part, ...]:
    """Text and codes of one message; ``join(split(text)) == text`` always. Cached: export
    and import split the same source texts again."""
    if not any(ch in text for ch in "*_`[]<\\!"):
        return (text,) if text else ()
    raw = _scan(text)
    parts = _number(raw)
    if not _agrees(text, parts):
        return (text,)
    return _merge(parts)


def join(parts: tuple[Part, ...] | list[Part]) -> str:
    return "".join(p if isinstance(p, str) else p.native for p in parts)


def codes(parts: tuple[Part, ...]) -> tuple[Code, ...]:
    return tuple(p for p in parts if isinstance(p, Code))


def _merge(parts: list[Part]) -> tuple[Part, ...]:
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        elif part != "":
            out.append(part)
    return tuple(out)


# Scanning: a small recursive scanner for the Markdown kit's messages use.


def _scan(text: str) -> list[Part]:
    out: list[Part] = []
    stack: list[tuple[int, str]] = []  # (index in out, marker) of unclosed emphasis runs
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            if text[i + 1] == "\n":
                out.append(Code("", "ph", "\\\n", "break"))
            else:
                out.append(text[i : i + 2])
            i += 2
        elif ch == "`":
            end = _code_span_end(text, i)
            if end < 0:
                run = _run(text, i, "`")
                out.append(text[i : i + run])
                i += run
            else:
                out.append(Code("", "ph", text[i:end], "code"))
                i = end
        elif ch == "!" and text.startswith("![", i) and (end := _link_end(text, i + 1)) > 0:
            out.append(Code("", "ph", text[i:end], "image"))
            i = end
        elif ch == "[" and (end := _link_end(text, i)) > 0:
            close = _label_end(text, i)
            out.append(Code("", "open", "[", "link"))
            out.extend(_scan(text[i + 1 : close]))
            out.append(Code("", "close", text[close:end], "link"))
            i = end
        elif ch == "<" and (end := _autolink_end(text, i)) > 0:
            out.append(Code("", "ph", text[i:end], "link"))
            i = end
        elif ch in "*_":
            run = _run(text, i, ch)
            _emphasis(text, i, run, out, stack)
            i += run
        else:
            j = i + 1
            while j < n and text[j] not in "\\`![<*_":
                j += 1
            out.append(text[i:j])
            i = j
    return out


def _run(text: str, i: int, ch: str) -> int:
    j = i
    while j < len(text) and text[j] == ch:
        j += 1
    return j - i


def _code_span_end(text: str, i: int) -> int:
    run = _run(text, i, "`")
    j = i + run
    while (k := text.find("`" * run, j)) >= 0:
        if _run(text, k, "`") == run:
            return k + run
        j = k + _run(text, k, "`")
    return -1


def _label_end(text: str, i: int) -> int:
    """Index of the ``]`` closing the ``[`` at ``i``, or -1."""
    depth, j = 0, i
    while j < len(text):
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "`" and (end := _code_span_end(text, j)) > 0:
            j = end
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _link_end(text: str, i: int) -> int:
    """End of ``[label](destination "title")`` starting at ``i``, or -1."""
    close = _label_end(text, i)
    if close < 0 or not text.startswith("(", close + 1):
        return -1
    depth, j = 0, close + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "\n" and depth == 1 and text[j - 1] == "(":
            return -1
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


def _autolink_end(text: str, i: int) -> int:
    end = text.find(">", i)
    inner = text[i + 1 : end] if end > 0 else ""
    if inner and " " not in inner and ("://" in inner or "@" in inner or inner.startswith("tel:")):
        return end + 1
    return -1


def _emphasis(text: str, i: int, run: int, out: list[Part], stack: list[tuple[int, str]]) -> None:
    marker = text[i : i + run]
    before = text[i - 1] if i > 0 else " "
    after = text[i + run] if i + run < len(text) else " "
    closes = not before.isspace() and (marker[0] == "*" or not after.isalnum())
    opens = not after.isspace() and (marker[0] == "*" or not before.isalnum())
    if closes and run <= 3:
        for depth in range(len(stack) - 1, -1, -1):
            index, opener = stack[depth]
            if opener == marker:
                kind = {1: "italic", 2: "bold", 3: "bold-italic"}[run]
                out[index] = Code("", "open", marker, kind)
                out.append(Code("", "close", marker, kind))
                del stack[depth:]
                return
    if opens and run <= 3:
        stack.append((len(out), marker))
    out.append(marker)


def _number(parts: list[Part]) -> list[Part]:
    """Give codes their ids in reading order; a close takes its open's id."""
    out: list[Part] = []
    opened: list[str] = []
    count = 0
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part.kind == "close":
            out.append(Code(opened.pop(), "close", part.native, part.type))
        else:
            count += 1
            out.append(Code(str(count), part.kind, part.native, part.type))
            if part.kind == "open":
                opened.append(str(count))
    return out


def _agrees(text: str, parts: list[Part]) -> bool:
    """Does markdown-it see the same links, emphasis and code spans as the scanner?"""
    if not _PARSER:
        _PARSER.append(markdown_parser())
    tokens = _PARSER[0].parseInline(text)
    kinds: dict[str, int] = {}
    for tok in tokens[0].children or [] if tokens else []:
        kinds[tok.type] = kinds.get(tok.type, 0) + 1
    found: dict[str, int] = {}
    for part in parts:
        if isinstance(part, Code) and part.kind != "close":
            key = {"bold-italic": "strong_open"}.get(part.type, part.type)
            found[key] = found.get(key, 0) + 1
    emphasis = found.pop("italic", 0) + found.pop("bold", 0) + 2 * found.pop("strong_open", 0)
    links = sum(1 for p in parts if isinstance(p, Code) and p.type == "link" and p.kind != "close")
    return (
        emphasis == kinds.get("em_open", 0) + kinds.get("strong_open", 0)
        and links == kinds.get("link_open", 0)
        and found.get("code", 0) == kinds.get("code_inline", 0)
        and found.get("image", 0) == kinds.get("image", 0)
        and found.get("break", 0) == kinds.get("hardbreak", 0)
    )


def align(target: str, source: tuple[Part, ...]) -> tuple[Part, ...]:
    """Split a translation with the ids of the source's codes. A code the source does not
    have (a localized link address, say) stays text, so nothing is lost either way."""
    parts = split(target)
    free = _keys(source)
    mapped: dict[str, str] = {}  # target id → source id
    for key, target_id in _keys(parts).items():
        for id_ in target_id:
            if free.get(key):
                mapped[id_] = free[key].pop(0)
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part.id in mapped:
            out.append(Code(mapped[part.id], part.kind, part.native, part.type))
        else:
            out.append(part.native)
    return _merge(out)


def _keys(parts: tuple[Part, ...]) -> dict[tuple[str, str, str], list[str]]:
    """Codes by what they are: (type, open or placeholder native, close native) → ids in order."""
    closes = {p.id: p.native for p in parts if isinstance(p, Code) and p.kind == "close"}
    keys: dict[tuple[str, str, str], list[str]] = {}
    for part in parts:
        if isinstance(part, Code) and part.kind != "close":
            key = (part.type, part.native, closes.get(part.id, ""))
            keys.setdefault(key, []).append(part.id)
    return keys


@dataclass(frozen=True)
class Ref:
    """An inline code as a CAT tool sent it back: only its id and kind are trusted."""

    id: str
    kind: Kind


def restore(target: tuple[str | Ref, ...], source: tuple[Part, ...]) -> tuple[str, tuple[str, ...]]:
    """Markdown of a returned target, the native data taken from the current source by id;
    and the problems: codes the target dropped, duplicated or invented."""
    natives = {(p.id, p.kind): p for p in source if isinstance(p, Code)}
    problems: list[str] = []
    seen: list[tuple[str, Kind]] = []
    out: list[str] = []
    for part in target:
        if isinstance(part, str):
            out.append(part)
            continue
        code = natives.get((part.id, part.kind))
        if code is None:
            problems.append(f"inline code {part.id} is not in the source")
            continue
        if (part.id, part.kind) in seen:
            problems.append(f"inline code {part.id} ({describe(code)}) appears twice")
        seen.append((part.id, part.kind))
        out.append(code.native)
    for key, code in natives.items():
        if key not in seen and code.kind != "close":
            problems.append(f"inline code {code.id} ({describe(code)}) was dropped")
    return "".join(out), tuple(problems)


def describe(code: Code) -> str:
    native = code.native if len(code.native) <= 40 else code.native[:39] + "…"
    if code.kind == "open" and code.type == "link":
        return "link"
    return f"{code.type} {native.strip()!r}" if code.type != "break" else "line break"
