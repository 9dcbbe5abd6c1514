"""``kit check``'s ``render.overflow``: lay out what could stick out of a handout, the build's way.

For the source documents and every catalog ``kit check`` read, ``kit.checks.overflow`` picks
the blocks that could overflow (tables, long unbroken runs); when there are none, nothing is
laid out. Otherwise each handout the build would write for that document and locale (standard,
large print, bilingual; the locale's page size) is laid out by ``kit.pdf.overflow`` with only
those blocks, and every box sticking out becomes a spot at the PO line of the translation (or
the source line) it comes from. Text of the source shown as is (the source locale, a fallback,
the source column of a bilingual handout) is reported once at the source line. Each catalog
is laid out as it is read (``Overflows``), so memory holds its spots, not the catalog; a
layout already done for the same inputs is not done again (``kit.commands.check_cache``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kit.catalog.localize import LocalizedDocument, localize, source_localized
from kit.checks.finding import Finding, Place
from kit.checks.inputs import CatalogUnit, SourceUnit
from kit.checks.overflow import Spot, needs_layout, overflow_findings, risky_blocks
from kit.commands.check_cache import LayoutCache
from kit.commands.loaders import policy_for
from kit.locales import parse_locale
from kit.model import Segment, Table, iter_segments
from kit.po import PoEntry, PoFile
from kit.project import Project

if TYPE_CHECKING:
    from kit.pdf.overflow import Stuck

Shown = Callable[[Segment], Sequence[str]]


class Overflows:
    """``render.overflow`` one document at a time: ``source`` for each source document
    first, then ``catalog`` for each catalog as it is read (only the spots are kept, not the
    catalogs), then ``findings``. Nothing is laid out when kit.toml's ``[checks] disable``
    lists the check. ``cache``: where layouts are remembered (``kit.commands.check_cache``;
    None: for this run only)."""

    def __init__(self, project: Project, cache: Path | None = None) -> None:
        self.project = project
        self.enabled = "render.overflow" not in project.config.checks.disable
        self.layouts = LayoutCache(cache)
        self.spots: list[Spot] = []
        self.slugs: dict[str, str] = {}

    def source(self, unit: SourceUnit) -> None:
        doc = unit.document
        self.slugs[doc.path] = doc.slug
        if self.enabled and needs_layout(doc, _source_text):
            source = self.project.config.source_locale
            self.spots += self._spots(source_localized(doc, source), _source_text)

    def catalog(self, cat: CatalogUnit) -> None:
        doc = cat.document
        shown = _shown(cat)
        if not self.enabled or not needs_layout(doc, shown):
            return
        project = self.project
        locale = parse_locale(cat.rules.code)
        po = cat.po or PoFile(header=PoEntry(msgid=""))
        policy = policy_for(project, locale)
        source = project.config.source_locale
        ldoc = localize(doc, po, locale, source, policy, cat.review, cat.po_path)
        self.spots += self._spots(ldoc, shown)

    def findings(self) -> list[Finding]:
        """The findings (a block that sticks out in the source locale is reported once, at
        the source); saves the layouts for the next run."""
        self.layouts.save()
        source = self.project.config.source_locale.code
        in_source = {s.block for s in self.spots if s.place.locale == source}
        moved = [
            _at_source(s, self.slugs[s.block[0]]) if s.block in in_source else s for s in self.spots
        ]
        return overflow_findings(moved)

    def _spots(self, ldoc: LocalizedDocument, shown: Shown) -> list[Spot]:
        return _spots(self.project, ldoc, shown, self.layouts)


def layout_findings(
    project: Project, sources: Sequence[SourceUnit], catalogs: Sequence[CatalogUnit]
) -> list[Finding]:
    """``render.overflow`` findings for every document in the source locale and each catalog
    (none, and nothing laid out, when kit.toml's ``[checks] disable`` lists the check)."""
    run = Overflows(project)
    for unit in sources:
        run.source(unit)
    for cat in catalogs:
        run.catalog(cat)
    return run.findings()


def _source_text(seg: Segment) -> tuple[str, ...]:
    return (seg.text,)


def _shown(cat: CatalogUnit) -> Shown:
    """What a catalog's handouts show of each segment: the translation (or the source where
    there is none) and, in the bilingual handout, the source beside it."""
    done = {e.key: e.msgstr for e in cat.po.active if e.msgstr} if cat.po else {}

    def shown(seg: Segment) -> tuple[str, ...]:
        return (done.get(seg.key, seg.text), seg.text)

    return shown


def _spots(
    project: Project, ldoc: LocalizedDocument, shown: Shown, lay_out: LayoutCache
) -> list[Spot]:
    from kit.pdf.overflow import stuck_out  # WeasyPrint: imported only when there is a layout

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
        for stuck in stuck_out(ldoc, project.config, blocks, lay_out)
    ]


def _spot(ldoc: LocalizedDocument, stuck: Stuck, lines: dict[int, int], default: int) -> Spot:
    doc = ldoc.document
    code = ldoc.locale.code
    segment, shown = stuck.segment, stuck.shown
    line = segment.line if segment is not None else default
    block = (doc.path, lines.get(id(segment), line) if segment is not None else default)
    source = Place(code, doc.slug, doc.path)
    if (
        segment is None
        or shown is None
        or shown.fallback
        or stuck.source_side
        or not ldoc.po_path
        or shown.po_line <= 0
        or code == ldoc.source_locale.code
    ):
        return Spot(stuck.handout, stuck.fragment, source, line, block, block, line)
    place = Place(code, doc.slug, ldoc.po_path)
    return Spot(stuck.handout, stuck.fragment, place, shown.po_line, (code, block[1]), block, line)


def _at_source(spot: Spot, slug: str) -> Spot:
    """A translation's spot in a block that sticks out in the source locale too: the source
    is what to change (too many columns), reported once with the source's finding."""
    place = Place(spot.place.locale, slug, spot.block[0])
    return replace(spot, place=place, line=spot.source_line, key=spot.block)
