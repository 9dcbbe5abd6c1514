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

Sharded (``kit check --shard K/N``): the command hands over every source document but says
which ones this shard owns, and only the catalogs it owns. A block that sticks out in the
source locale is reported once, by the shard that owns the document's source: the other
shards lay such a document's source out too, only when one of its translations sticks out,
to know which of their spots belong to it (and drop those). That finding names the handouts
of its own shard's locales only (and the first line sticking out in those).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from kit.catalog.localize import LocalizedDocument, localize, source_localized
from kit.checks.finding import Finding, Place
from kit.checks.inputs import CatalogUnit, SourceUnit
from kit.checks.overflow import (
    Spot,
    has_table,
    needs_layout,
    overflow_findings,
    risky_blocks,
    runs_break,
)
from kit.commands.check_cache import CacheFiles, LayoutCache, worker_cache
from kit.commands.loaders import policy_for
from kit.commands.pool import WorkerPool
from kit.locales import parse_locale
from kit.model import Document, Segment, Table, iter_segments
from kit.po import PoEntry, PoFile
from kit.project import Project

if TYPE_CHECKING:
    from kit.pdf.overflow import Stuck

Shown = Callable[[Segment], Sequence[str]]
BATCH = 8  # documents per worker held at a time (without workers, one at a time)
Done = dict[tuple[str | None, str], str]  # (msgctxt, msgid) -> the translation


class Overflows:
    """``render.overflow`` one document at a time: ``source`` for each source document
    first, then ``catalog`` for each catalog as it is read (only the spots are kept, not the
    catalogs), then ``findings``. Nothing is laid out when kit.toml's ``[checks] disable``
    lists the check. ``cache``: where layouts are remembered (``kit.commands.check_cache``;
    None: for this run only). ``jobs`` worker processes lay the handouts out, ``BATCH``
    documents each at a time (the findings are the same for any number). Use it in a
    ``with`` block, which stops the workers."""

    def __init__(self, project: Project, cache: CacheFiles | None = None, jobs: int = 1) -> None:
        self.project = project
        self.enabled = "render.overflow" not in project.config.checks.disable
        self.layouts = LayoutCache(cache)
        self.pool = WorkerPool(jobs)
        self.batch = 1 if jobs <= 1 else jobs * BATCH
        self.pending: list[_Layout] = []
        self.spots: list[Spot] = []
        self.slugs: dict[str, str] = {}
        self.foreign: dict[str, Document] = {}  # sources another shard reports, by path
        self.runs = not runs_break(project.config.templates_dir)  # long runs can stick out

    def __enter__(self) -> Overflows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.__exit__(*exc)

    def source(self, unit: SourceUnit, owned: bool = True) -> None:
        """A source document; ``owned``: this shard reports its source locale (else it is
        laid out only if a translation of it sticks out, see ``findings``)."""
        doc = unit.document
        self.slugs[doc.path] = doc.slug
        if self.enabled and needs_layout(doc, _shows(None), self.runs):
            if owned:
                self._add(_Layout(source_localized(doc, self.project.config.source_locale), None))
            else:
                self.foreign[doc.path] = doc

    def catalog(self, cat: CatalogUnit) -> None:
        if not self.enabled or not (self.runs or has_table(cat.document)):
            return  # no long run to look for (the CSS breaks them): only a table can stick out
        done = _done(cat)
        if not needs_layout(cat.document, _shows(done), self.runs):
            return
        project = self.project
        locale = parse_locale(cat.rules.code)
        po = cat.po or PoFile(header=PoEntry(msgid=""))
        policy = policy_for(project, locale)
        source = project.config.source_locale
        ldoc = localize(cat.document, po, locale, source, policy, cat.review, cat.po_path)
        self._add(_Layout(ldoc, done))

    def findings(self) -> list[Finding]:
        """The findings (a block that sticks out in the source locale is reported once, at
        the source); saves the layouts for the next run. Sharded: a block that sticks out in
        the source of a document another shard owns is left to that shard."""
        self._flush()
        locale = self.project.config.source_locale
        source = locale.code
        translated = {s.block[0] for s in self.spots if s.place.locale != source}
        for path in sorted(translated & self.foreign.keys()):
            self._add(_Layout(source_localized(self.foreign[path], locale), None))
        self._flush()
        self.layouts.save()
        in_source = {s.block for s in self.spots if s.place.locale == source}
        moved = [
            _at_source(s, self.slugs[s.block[0]]) if s.block in in_source else s
            for s in self.spots
            if s.block[0] not in self.foreign
            or (s.place.locale != source and s.block not in in_source)
        ]
        return overflow_findings(moved)

    def _add(self, item: _Layout) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        items, self.pending = self.pending, []
        if len(items) <= 1 or self.batch <= 1:  # here, with the run's own cache
            for item in items:
                self.spots += _spots(self.project, item, self.layouts, self.runs)
            return
        lay_out = partial(_lay_out, self.project, self.layouts.files, self.runs)
        for spots, used in self.pool.map(lay_out, items):
            self.spots += spots
            self.layouts.used.update(used)


@dataclass(frozen=True)
class _Layout:
    """One document in one locale to lay out; ``done`` its translations (None: the source).
    Plain data, so a worker process can take it."""

    ldoc: LocalizedDocument
    done: Done | None


def _lay_out(
    project: Project, cache: CacheFiles | None, runs: bool, item: _Layout
) -> tuple[list[Spot], dict[str, list[str]]]:
    """In a worker: the spots of one document, and the layouts it used (for the parent's
    cache). The cache file is read once per worker process."""
    layouts = worker_cache(cache)
    spots = _spots(project, item, layouts, runs)
    return spots, layouts.take_used()


def _done(cat: CatalogUnit) -> Done:
    return {e.key: e.msgstr for e in cat.po.active if e.msgstr} if cat.po else {}


def _shows(done: Done | None) -> Shown:
    """What a handout shows of each segment: in the source locale its text; in a catalog's
    handouts the translation (or the source where there is none) and, in the bilingual
    handout, the source beside it."""
    if done is None:
        return lambda s: (s.text,)
    return lambda s: (done.get(s.key, s.text), s.text)


def _spots(project: Project, item: _Layout, lay_out: LayoutCache, runs: bool) -> list[Spot]:
    """Where one handout set sticks out; ``runs``: long unbroken runs can (``runs_break``)."""
    from kit.pdf.overflow import stuck_out  # the PDF code: only when there is a candidate

    ldoc = item.ldoc
    doc = ldoc.document
    blocks = risky_blocks(doc, _shows(item.done), runs)
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
