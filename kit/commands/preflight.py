"""Error isolation for ``kit build``: refuse what cannot render before rendering it, and turn
anything that still goes wrong while rendering one output into an error for that output only.

``refuse_unrenderable`` applies ``kit.checks.renderable.refusals`` (the rule ``kit check``
reports as ``render.*``) to every text of a localized document and raises a ``RenderError`` at
the PO line (or source line) of the first one. ``unexpected_error`` wraps an exception that is
not a ``KitError`` (an engine bug, an assertion deep in layout) into a ``RenderError`` naming
the output, the catalog and, when one of its texts holds a suspicious character, its line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from kit.catalog.localize import LocalizedDocument
from kit.checks.renderable import MAX_COMBINING_RUN, MAX_RENDER_CHARS, refusals
from kit.errors import RenderError


def refuse_unrenderable(ldoc: LocalizedDocument, output: str) -> None:
    for path, line, text in _texts(ldoc):
        if _plainly_renderable(text):
            continue
        for refusal in refusals(text):
            raise RenderError(
                f"{output} not rendered: {refusal.message}",
                path=path,
                line=line or None,
                hint=f"{refusal.hint}; `kit check` reports this as {refusal.check}",
            )


# Control and separator characters, and every character outside the Basic Multilingual Plane:
# such a text goes through ``refusals`` itself (a class of BMP characters only is a bitmap
# to the regular-expression engine, so the searches below are fast).
_SUSPECT = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\U00010000-\\U0010ffff]")


def _plainly_renderable(text: str) -> bool:
    """True only when ``refusals(text)`` (without font coverage) has nothing to say: no control
    or separator character, at most ``MAX_RENDER_CHARS`` characters and no run of more than
    ``MAX_COMBINING_RUN`` combining marks. Regular-expression searches instead of a Python
    loop over every character (``tests/unit/test_preflight_screen.py`` holds them equal)."""
    if len(text) > MAX_RENDER_CHARS or _SUSPECT.search(text) is not None:
        return False
    if text.isascii():
        return True
    mark, stacked = _marks()
    return mark.search(text) is None or stacked.search(text) is None


@cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A combining mark of the BMP; more than ``MAX_COMBINING_RUN`` of them in a row (listed
    once per process, about 0.01 s)."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        char = chr(code)
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    marks = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)
    return re.compile(f"[{marks}]"), re.compile(f"[{marks}]{{{MAX_COMBINING_RUN + 1}}}")


def output_label(paths: Sequence[str]) -> str:
    """``dist/es/x.pdf (and 2 more)``: the outputs of one task, for messages."""
    return paths[0] + (f" (and {len(paths) - 1} more)" if len(paths) > 1 else "")


def unexpected_error(exc: Exception, output: str, ldoc: LocalizedDocument | None) -> RenderError:
    detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    path: str | None = None
    line: int | None = None
    if ldoc is not None:
        path = ldoc.po_path or ldoc.document.path
        suspect = next(
            (
                (p, n)
                for p, n, text in _texts(ldoc)
                if not text.replace("\n", "").isprintable() and n
            ),
            None,
        )
        if suspect is not None:
            path, line = suspect
    return RenderError(
        f"{output} not rendered: the renderer failed ({detail[:300]})",
        path=path,
        line=line,
        hint="the other outputs were still built; look at the text at this line for unusual "
        "characters, run `kit check`, and report the error to kit if the text looks normal",
    )


def _texts(ldoc: LocalizedDocument) -> list[tuple[str, int, str]]:
    """(file, line, text) of everything the output shows: translations at their PO line,
    source text (source locale or fallback) at its source line."""
    rows = []
    for item in ldoc.texts.values():
        if item.po_line and not item.fallback and ldoc.po_path:
            rows.append((ldoc.po_path, item.po_line, item.text))
        else:
            rows.append((ldoc.document.path, item.segment.line, item.text))
    return rows
