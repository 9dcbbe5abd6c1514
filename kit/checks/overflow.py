"""``render.overflow``: text that would stick out of a handout's page, found before the build.

``kit build`` refuses a handout when laid-out text or an image sticks out of the page's
content area (``kit.pdf.layout``). Only a real layout can say whether a table or a word fits
(fonts, sizes and the project's CSS decide), so ``kit.commands.check_layout`` lays out with
the build's own code. This module holds the pure parts around it:

* ``risky_blocks``: the cheap filter that decides what is laid out at all. A table (its
  columns can add up to more than the page), and a block with a long unbroken run of
  letters (a word, a URL, a number with no space) in the text it shows. Anything else wraps
  at spaces, so a document with neither costs nothing. ``LONG_RUN`` is below the narrowest
  column kit prints (a bilingual column, about 18 em at 13 pt) counted at one em a
  character, so no run that could overflow is skipped. Ideographs, kana and hangul are not
  counted: a line may break between any two of them.
* ``runs_break``: whether the handouts are styled by kit's own handout template and
  stylesheet. Those break a word too long for its line anywhere (``overflow-wrap`` on the
  whole page, fixed-width table and bilingual columns), so no run can stick out and only
  tables are laid out; a project that restyled either file gets the long runs laid out too.
  ``tests/test_render_refusals.py`` builds handouts with long runs in every kind of block
  with kit's templates and holds the build to this.
* ``overflow_findings``: one finding per block that sticks out, at the PO line of the
  translation it comes from (or the source line), naming the handouts refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kit.checks.finding import Finding, Place, Severity, quoted
from kit.checks.per_document import per_document
from kit.config import DEFAULT_TEMPLATES
from kit.model import Block, Document, ListBlock, Quote, Segment, Table, iter_segments
from kit.text import keep_together

LONG_RUN = 18  # characters with no break opportunity; see the module docstring
_BREAKS_ANYWHERE = "\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
# Python's \s without the no-break spaces (U+00A0, U+2007, U+202F): a line breaks at these.
_BREAKING_SPACES = (
    "\t\n\x0b\x0c\r\x1c-\x1f \x85\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000"
)
_RUN = re.compile(rf"[^{_BREAKING_SPACES}{_BREAKS_ANYWHERE}]{{{LONG_RUN},}}")
HINT = (
    "shorten the text or add spaces; a table too wide for the page: fewer or narrower "
    "columns, or split it into two tables (or a list)"
)


_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")


def has_long_run(text: str) -> bool:
    """An unbroken run of ``LONG_RUN`` characters in what the text shows (a Markdown link's
    address is not shown; a phone number is shown whole, ``kit.text``; a no-break space
    does not break a run)."""
    return _RUN.search(keep_together(_LINK_TARGET.sub("]", text))) is not None


HANDOUT_FILES = ("handout.html.j2", "css/handout.css")  # what styles a handout's text


def runs_break(templates: Path) -> bool:
    """True when the handout template and stylesheet in ``templates`` are kit's own (the same
    bytes): they break any run too long for its line, so only a table can stick out."""
    if templates.resolve() == DEFAULT_TEMPLATES.resolve():
        return True
    try:
        return all(
            (templates / name).read_bytes() == (DEFAULT_TEMPLATES / name).read_bytes()
            for name in HANDOUT_FILES
        )
    except OSError:
        return False


def risky_blocks(
    doc: Document, shown: Callable[[Segment], Sequence[str]], runs: bool = True
) -> tuple[Block, ...]:
    """The top-level blocks that could stick out: tables, and (unless ``runs`` is False: the
    handout CSS breaks them, ``runs_break``) blocks where a text that the handout shows
    (``shown(segment)``: translation, source or both) has a long unbroken run."""
    return tuple(
        block
        for block in doc.blocks
        if _has_table(block)
        or (runs and any(has_long_run(t) for seg in iter_segments((block,)) for t in shown(seg)))
    )


def needs_layout(
    doc: Document, shown: Callable[[Segment], Sequence[str]], runs: bool = True
) -> bool:
    """True when the title, the summary or a body block could stick out (``runs``: as for
    ``risky_blocks``)."""
    if not runs:
        return has_table(doc)
    head = (doc.title, doc.summary)
    return bool(risky_blocks(doc, shown)) or any(has_long_run(t) for s in head for t in shown(s))


@per_document
def has_table(doc: Document) -> bool:
    """A table anywhere in the document's body (once per document: every locale asks)."""
    return any(_has_table(block) for block in doc.blocks)


def _has_table(block: Block) -> bool:
    """A table, or a list or quote holding one."""
    if isinstance(block, Table):
        return True
    if isinstance(block, Quote):
        return any(_has_table(b) for b in block.blocks)
    if isinstance(block, ListBlock):
        return any(_has_table(b) for item in block.items for b in item.blocks)
    return False


@dataclass(frozen=True)
class Spot:
    """One place a handout's text sticks out, traced to a file and line (by the command)."""

    handout: str  # fever.large-print.pdf
    fragment: str  # the text that sticks out
    place: Place  # the catalog of the translation, or the source document
    line: int
    key: tuple[str, int]  # what is reported once: (locale or source file, the block's line)
    block: tuple[str, int]  # the block in the source: (file, first line)
    source_line: int = 0  # the segment's line in the source file
    table: bool = False  # the block is a table


def overflow_findings(spots: Sequence[Spot]) -> list[Finding]:
    """One error per block that sticks out, at its first spot, naming every handout refused."""
    grouped: dict[tuple[str, int], list[Spot]] = {}
    for spot in spots:
        grouped.setdefault(spot.key, []).append(spot)
    findings: list[Finding] = []
    for group in grouped.values():
        first = min(group, key=lambda s: s.line)
        handouts = ", ".join(dict.fromkeys(f"{s.place.locale}/{s.handout}" for s in group))
        fragments = ", ".join(list(dict.fromkeys(quoted(_short(s.fragment)) for s in group))[:3])
        findings.append(
            first.place.finding(
                "render.overflow",
                Severity.ERROR,
                first.line,
                f"{'the table' if first.table else 'text'} is too wide for the page "
                f"of {handouts}: {fragments} would stick out of it; kit build refuses "
                f"{'these handouts' if len(group) > 1 else 'the handout'}",
                HINT,
            )
        )
    return findings


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 30 else text[:30] + "…"
