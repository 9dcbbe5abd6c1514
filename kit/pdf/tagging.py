"""What WeasyPrint's tag tree leaves out, added while it builds the tree: ``/Lang`` and ``/Scope``.

WeasyPrint 70 writes one ``/Lang`` for the whole document and no ``/Scope`` on header cells,
although the HTML says both: ``lang`` on the parts of a bilingual handout (and on an English
fallback sentence in a translation), ``scope="col|row"`` on every ``<th>`` kit writes. A
screen reader then reads Spanish with English rules, and checkers cannot tell row headers
from column headers.

The structure element for an HTML element is made in ``weasyprint.pdf.tags._build_box_tree``,
which holds the box (and so the HTML element) in hand. ``install()`` wraps that function once
per process: for every element it yields, the wrapper copies

- ``lang`` → ``/Lang`` on the element that carries the attribute;
- ``scope`` of a ``<th>`` → ``/Scope`` (``/Column`` or ``/Row``) in its ``/Table`` attributes;
  a ``<th>`` without ``scope`` gets ``/Column``, the meaning WeasyPrint's ``/Headers`` give it;
- the piece of a link WeasyPrint tags ``/NonStruct`` (a link broken across lines) → ``/Link``,
  so its annotation sits in a Link element.

It also wraps ``weasyprint.pdf.stream.Stream.marked`` so that a run of text in a script
whose glyphs do not map back to the text one by one (``ACTUAL_TEXT_SCRIPTS``) carries its
text as ``/ActualText`` in its marked-content property list.

Nothing else changes: same objects, same order, so the bytes stay reproducible and the cost
is a dictionary look-up per element. The wrapper is stateless (thread-safe). If a WeasyPrint
upgrade renames the function, ``install`` raises at import time and
tests/pdf/test_tagging.py says so, instead of handouts silently losing their tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pydyf  # type: ignore[import-untyped]
from weasyprint.pdf import tags as _tags
from weasyprint.pdf.stream import Stream

_LANG_ATTR = "_kit_lang"  # the language an element's structure element speaks
_HTML_ATTR = "_kit_html"  # the HTML element it was made for
_SCOPES = {"col": "/Column", "colgroup": "/Column", "row": "/Row", "rowgroup": "/Row"}
_ORIGINAL: Callable[..., Iterator[Any]] | None = None
_MARKED: Callable[..., AbstractContextManager[None]] | None = None
# Scripts whose shaped glyphs do not map back to the text one by one (reordered pre-base
# vowels, conjuncts, stacked marks): Devanagari, Bengali, Thai, Myanmar, Khmer. Their text
# runs get /ActualText, which copy, search, screen readers and pdftotext use instead of the
# glyphs' ToUnicode guesses. Not Arabic: poppler reorders /ActualText of right-to-left runs
# a second time, which breaks Persian and Urdu that extract right without it.
ACTUAL_TEXT_SCRIPTS = re.compile(
    "[\u0900-\u09ff\u0e00-\u0e7f\u1000-\u109f\u1780-\u17ff\ua9e0-\ua9ff\uaa60-\uaa7f]"
)


def install() -> None:
    """Wrap WeasyPrint's tag-tree builder (idempotent)."""
    global _ORIGINAL
    if _ORIGINAL is not None:
        return
    original = getattr(_tags, "_build_box_tree", None)
    if original is None or not callable(original):
        raise RuntimeError(
            "weasyprint.pdf.tags._build_box_tree is gone: kit.pdf.tagging needs updating "
            "for this WeasyPrint version"
        )
    _ORIGINAL = original
    _tags._build_box_tree = _build_box_tree
    global _MARKED
    _MARKED = Stream.marked
    Stream.marked = _marked


@contextmanager
def _marked(stream: Any, box: Any, tag: str) -> Iterator[None]:
    """WeasyPrint's marked-content sequence, with ``/ActualText`` for hard scripts."""
    assert _MARKED is not None
    with _MARKED(stream, box, tag):
        add_actual_text(stream, box, tag)
        yield


def add_actual_text(stream: Any, box: Any, tag: str) -> None:
    """Put the run's text in the property list of the ``BDC`` just written."""
    text = getattr(box, "text", None)
    if tag != "Span" or not text or not ACTUAL_TEXT_SCRIPTS.search(text):
        return
    ops = getattr(stream, "stream", [])
    if len(ops) >= 2 and ops[-1] == b"BDC" and isinstance(ops[-2], pydyf.Dictionary):
        ops[-2]["ActualText"] = pydyf.String(text)


def _build_box_tree(box: Any, parent: Any, pdf: Any, page_number: int, *args: Any) -> Iterator[Any]:
    assert _ORIGINAL is not None
    element_of = getattr(box, "element", None)
    for element in _ORIGINAL(box, parent, pdf, page_number, *args):
        annotate(element, parent, element_of, _document_lang(pdf))
        yield element


def _document_lang(pdf: Any) -> str | None:
    lang = getattr(pdf, "catalog", {}).get("Lang")
    return getattr(lang, "string", None)


def annotate(element: Any, parent: Any, html: Any, document_lang: str | None) -> None:
    """Give one new structure element its ``/Lang`` and, for a header cell, its ``/Scope``."""
    inherited = getattr(parent, _LANG_ATTR, None) or document_lang
    own = html.get("lang") if html is not None and html.tag != "html" else None
    # Every element that says its language gets /Lang (the parts of a bilingual handout both
    # do), once: not again on the anonymous boxes WeasyPrint makes for the same element.
    if own and (own != inherited or getattr(parent, _HTML_ATTR, None) is not html):
        element["Lang"] = pydyf.String(own)
    setattr(element, _LANG_ATTR, own or inherited)
    setattr(element, _HTML_ATTR, html)
    if element.get("S") == "/NonStruct" and parent.get("S") == "/Link":
        # The second line of a link split across lines: its annotation must sit in a Link.
        element["S"] = "/Link"
    if element.get("S") == "/TH" and html is not None and html.tag == "th":
        attributes = element.get("A")
        if isinstance(attributes, dict):
            attributes["Scope"] = _SCOPES.get(html.get("scope", "col").lower(), "/Column")
