"""``kit check``'s ``render.overflow``: lay out what could stick out of a handout, the build's way.

For the source documents and every catalog ``kit check`` read, ``kit.checks.overflow`` picks
the blocks that could overflow (tables, long unbroken runs); when there are none, nothing is
laid out. Otherwise each handout the build would write for that document and locale (standard,
large print, bilingual; the locale's page size) is laid out by ``kit.pdf.overflow`` with only
those blocks, and every box sticking out becomes a spot at the PO line of the translation (or
the source line) it comes from. Text of the source shown as is (the source locale, a fallback,
the source column of a bilingual handout) is reported once at the source line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from kit.catalog.localize import LocalizedDocument, localize, source_localized
from kit.checks.finding import Finding, Place
from kit.checks.inputs import CatalogUnit, SourceUnit
from kit.checks.overflow import Spot, needs_layout, overflow_findings, risky_blocks
from kit.commands.loaders import policy_for
from kit.locales import parse_locale
from kit.model import Segment, Table, iter_segments
from kit.pdf.overflow import Stuck, stuck_out
from kit.po import PoEntry, PoFile
from kit.project import Project

Shown = Callable[[Segment], Sequence[str]]


def layout_findings(
    project: Project, sources: Sequence[SourceUnit], catalogs: Sequence[CatalogUnit]
) -> list[Finding]:
    """``render.overflow`` findings for every document in the source locale and each catalog."""
    spots: list[Spot] = []
    source = project.config.source_locale
    for unit in sources:
        doc = unit.document
        if needs_layout(doc, lambda s: (s.text,)):
            spots += _spots(project, source_localized(doc, source), lambda s: (s.text,))
    for cat in catalogs:
        doc = cat.document
        done = {e.key: e.msgstr for e in cat.po.active if e.msgstr} if cat.po else {}

        def shown(seg: Segment, done: dict[tuple[str | None, str], str] = done) -> tuple[str, ...]:
            return (done.get(seg.key, seg.text), seg.text)  # bilingual shows both

        if not needs_layout(doc, shown):
            continue
        locale = parse_locale(cat.rules.code)
        po = cat.po or PoFile(header=PoEntry(msgid=""))
        policy = policy_for(project, locale)
        ldoc = localize(doc, po, locale, source, policy, cat.review, cat.po_path)
        spots += _spots(project, ldoc, shown)
    return overflow_findings(spots)


def _spots(project: Project, ldoc: LocalizedDocument, shown: Shown) -> list[Spot]:
    doc = ldoc.document
    blocks = risky_blocks(doc, shown)
    lines = {id(doc.title): doc.title.line, id(doc.summary): doc.summary.line}
    tables: set[int] = set()
    for block in blocks:
        segments = list(iter_segments((block,)))
        start = getattr(block, "line", segments[0].line if segments else doc.title.line)
        lines.update({id(s): start for s in segments})
        if isinstance(block, Table):
            tables.update(id(s) for s in segments)
    first = next(iter_segments(blocks), None)
    default = lines[id(first)] if first is not None else doc.title.line
    return [
        replace(_spot(ldoc, stuck, lines, default), table=id(stuck.segment) in tables)
        for stuck in stuck_out(ldoc, project.config, blocks)
    ]


def _spot(ldoc: LocalizedDocument, stuck: Stuck, lines: dict[int, int], default: int) -> Spot:
    doc = ldoc.document
    code = ldoc.locale.code
    translated = (
        stuck.segment is not None
        and stuck.shown is not None
        and not stuck.shown.fallback
        and not stuck.source_side
        and bool(ldoc.po_path)
        and stuck.shown.po_line > 0
        and ldoc.locale.code != ldoc.source_locale.code
    )
    if translated and stuck.segment is not None and stuck.shown is not None:
        place = Place(code, doc.slug, ldoc.po_path)
        block = lines.get(id(stuck.segment), stuck.segment.line)
        return Spot(stuck.handout, stuck.fragment, place, stuck.shown.po_line, (code, block))
    line = stuck.segment.line if stuck.segment is not None else default
    block = lines.get(id(stuck.segment), line) if stuck.segment is not None else default
    place = Place(code, doc.slug, doc.path)
    return Spot(stuck.handout, stuck.fragment, place, line, (doc.path, block))
