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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from kit.catalog.localize import LocalizedDocument, localize, source_localized
from kit.checks.finding import Finding, Place
from kit.checks.inputs import CatalogUnit, SourceUnit
from kit.checks.overflow import Spot, needs_layout, overflow_findings, risky_blocks
from kit.commands.loaders import policy_for
from kit.commands.pool import WorkerPool
from kit.locales import parse_locale
from kit.model import Segment, Table, iter_segments
from kit.po import PoEntry, PoFile
from kit.project import Project

if TYPE_CHECKING:
    from kit.pdf.overflow import Stuck

Shown = Callable[[Segment], Sequence[str]]
BATCH = 8  # documents per worker held at a time (without workers, one at a time)
Done = dict[tuple[str | None, str], str]  # (msgctxt, msgid) -> the translation


def layout_findings(
    project: Project,
    sources: Sequence[SourceUnit],
    catalogs: Sequence[CatalogUnit],
    jobs: int = 1,
) -> list[Finding]:
    """``render.overflow`` findings for every document in the source locale and each catalog
    (none, and nothing laid out, when kit.toml's ``[checks] disable`` lists the check).
    ``jobs`` worker processes lay the handouts out (the findings are the same for any number)."""
    if "render.overflow" in project.config.checks.disable:
        return []
    spots: list[Spot] = []
    lay_out = partial(_lay_out, project)
    with WorkerPool(jobs) as pool:
        for batch in _batches(_work(project, sources, catalogs), 1 if jobs <= 1 else jobs * BATCH):
            spots += [s for found in pool.map(lay_out, batch) for s in found]
    source = project.config.source_locale
    in_source = {s.block for s in spots if s.place.locale == source.code}
    slugs = {unit.document.path: unit.document.slug for unit in sources}
    moved = [_at_source(s, slugs[s.block[0]]) if s.block in in_source else s for s in spots]
    return overflow_findings(moved)


def _work(
    project: Project, sources: Sequence[SourceUnit], catalogs: Sequence[CatalogUnit]
) -> Iterator[_Layout]:
    """Each document to lay out, in the source locale and then in each catalog, made only
    when its turn comes (a localized document is let go once it is laid out)."""
    source = project.config.source_locale
    for unit in sources:
        if needs_layout(unit.document, _shows(None)):
            yield _Layout(source_localized(unit.document, source), None)
    for cat in catalogs:
        done = _done(cat)
        if not needs_layout(cat.document, _shows(done)):
            continue
        locale = parse_locale(cat.rules.code)
        po = cat.po or PoFile(header=PoEntry(msgid=""))
        policy = policy_for(project, locale)
        ldoc = localize(cat.document, po, locale, source, policy, cat.review, cat.po_path)
        yield _Layout(ldoc, done)


def _batches(items: Iterator[_Layout], size: int) -> Iterator[list[_Layout]]:
    batch: list[_Layout] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class _Layout:
    """One document in one locale to lay out; ``done`` its translations (None: the source).
    Plain data, so a worker process can take it."""

    ldoc: LocalizedDocument
    done: Done | None


def _lay_out(project: Project, item: _Layout) -> list[Spot]:
    return _spots(project, item.ldoc, _shows(item.done))


def _done(cat: CatalogUnit) -> Done:
    return {e.key: e.msgstr for e in cat.po.active if e.msgstr} if cat.po else {}


def _shows(done: Done | None) -> Shown:
    """What a handout shows of each segment: in the source locale its text; in a catalog's
    handouts the translation (or the source where there is none) and, in the bilingual
    handout, the source beside it."""
    if done is None:
        return lambda s: (s.text,)
    return lambda s: (done.get(s.key, s.text), s.text)


def may_overflow(project: Project, cat: CatalogUnit) -> bool:
    """Whether ``layout_findings`` would lay this catalog out (kit check keeps only those)."""
    if "render.overflow" in project.config.checks.disable:
        return False
    return needs_layout(cat.document, _shows(_done(cat)))


def _spots(project: Project, ldoc: LocalizedDocument, shown: Shown) -> list[Spot]:
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
        for stuck in stuck_out(ldoc, project.config, blocks)
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
