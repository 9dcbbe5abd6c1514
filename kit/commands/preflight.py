"""Error isolation for ``kit build``: refuse what cannot render before rendering it, and turn
anything that still goes wrong while rendering one output into an error for that output only.

``refuse_unrenderable`` applies ``kit.checks.renderable.refusals`` (the rule ``kit check``
reports as ``render.*``) to every text of a localized document and raises a ``RenderError`` at
the PO line (or source line) of the first one. ``unexpected_error`` wraps an exception that is
not a ``KitError`` (an engine bug, an assertion deep in layout) into a ``RenderError`` naming
the output, the catalog and, when one of its texts holds a suspicious character, its line.
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.catalog.localize import LocalizedDocument
from kit.checks.renderable import refusals
from kit.errors import RenderError


def refuse_unrenderable(ldoc: LocalizedDocument, output: str) -> None:
    for path, line, text in _texts(ldoc):
        for refusal in refusals(text):
            raise RenderError(
                f"{output} not rendered: {refusal.message}",
                path=path,
                line=line or None,
                hint=f"{refusal.hint}; `kit check` reports this as {refusal.check}",
            )


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
