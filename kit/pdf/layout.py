"""Checks on WeasyPrint's laid-out pages, before any PDF byte is written.

- Overflow: text or an image that sticks out of the page's content area (a long unbreakable
  word, a wide table in a translation) is clipped or runs off the paper. WeasyPrint does not
  complain; this walk of the box tree does, naming the start of the text.
- Minimum size: no text in the page body smaller than the profile's minimum (12 pt, 18 pt
  in large print), whatever the template's CSS says. Margin boxes (the footer) are skipped.
- Attachments: ``rel=attachment`` links and ``<link rel=attachment>`` would embed files in
  the PDF. kit never embeds files, so any attachment fails the handout and is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from weasyprint.formatting_structure import boxes

PX_PER_PT = 4 / 3
TOLERANCE_PX = 1.0


@dataclass(frozen=True)
class Overflow:
    """A box that sticks out of its page's content area: its text, or the image's source."""

    page: int
    text: str  # "" for an image
    image: str = ""

    @property
    def problem(self) -> str:
        what = f"text {_quote(self.text)}" if self.text else f"an image ({self.image})"
        return f"{what} does not fit on page {self.page}; shorten it or let it wrap"


def layout_problems(document: Any, min_text_pt: float) -> list[str]:
    """Problems found in a rendered ``weasyprint.Document`` (empty when all is well)."""
    problems = [o.problem for o in overflows(document)]
    small: dict[str, float] = {}
    for page in document.pages:
        for box in _content_boxes(page._page_box):
            text = getattr(box, "text", "") or ""
            if text.strip():
                size_pt = box.style["font_size"] / PX_PER_PT
                if size_pt < min_text_pt - 0.01:
                    small.setdefault(_quote(text), size_pt)
    if small:
        sample = "; ".join(f"{t} at {s:.1f} pt" for t, s in list(small.items())[:3])
        problems.append(f"text smaller than {min_text_pt:g} pt for this print profile: {sample}")
    return _dedupe(problems)


def overflows(document: Any) -> list[Overflow]:
    """Every text or image box of the page bodies that sticks out of the content area (the
    rule ``kit build`` refuses a handout by, and ``kit check`` predicts: ``render.overflow``)."""
    found: list[Overflow] = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        left = page_box.content_box_x()
        right = left + page_box.width
        bottom = page_box.content_box_y() + page_box.height
        for box in _content_boxes(page_box):
            text = getattr(box, "text", "") or ""
            if isinstance(box, boxes.TextBox) and not text.strip():
                continue
            x0, x1 = box.position_x, box.position_x + box.margin_width()
            y1 = box.position_y + box.margin_height()
            if x1 > right + TOLERANCE_PX or x0 < left - TOLERANCE_PX or y1 > bottom + TOLERANCE_PX:
                found.append(Overflow(number, text, "" if text else _source(box)))
    return found


def strip_attachments(document: Any) -> list[str]:
    """Remove every file attachment from the document; return what was asked for."""
    found = [
        'a <link rel="attachment"> (kit never embeds files)' for _ in document.metadata.attachments
    ]
    document.metadata.attachments = []
    for page in document.pages:
        kept = [link for link in page.links if link[0] != "attachment"]
        found.extend(
            f'a rel="attachment" link to {link[1]}'
            for link in page.links
            if link[0] == "attachment"
        )
        page.links[:] = kept
    return found


def _content_boxes(page_box: Any) -> Iterator[Any]:
    stack = list(reversed(page_box.children))
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.MarginBox):
            continue
        if isinstance(box, (boxes.TextBox, boxes.ReplacedBox)):
            yield box
        elif isinstance(box, boxes.ParentBox):
            stack.extend(reversed(box.children))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 40 else text[:40] + "…")


def _source(box: Any) -> str:
    element = getattr(box, "element", None)
    src = element.get("src", "") if element is not None else ""
    return src if not src.startswith("data:") else "inline data"


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
