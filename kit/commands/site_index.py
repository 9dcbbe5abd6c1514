"""``dist/index.html`` for the merged ``dist/`` of a sharded build.

A page and its handouts are built by the same shard (``Task.shard_key``), so every page lists
the page counts and sizes of its own handouts. The front page lists the handouts of every
page, which no single shard has: with ``--shard K/N`` (N > 1) ``kit build`` leaves it out, and
``kit bundle`` writes it on the merged ``dist/``, deciding what is published exactly as
``kit build`` does. After an unsharded build the bytes are the same and the file is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kit import __version__
from kit.catalog.localize import LocalizedDocument
from kit.commands.build_decide import decision_record, issued_keys, published_locales
from kit.commands.build_run import write_index
from kit.commands.outcome import Outcome
from kit.project import Project
from kit.site import PAGE, Published, Site, output_name


def write_merged_index(project: Project, ldocs: Sequence[LocalizedDocument]) -> Outcome | None:
    """The index of the published pages that dist/ holds (None: it holds none), from the
    documents ``kit bundle`` has already localized through the publish gate, as ``kit build``
    decides them. A page that could not be localized is not among them, so not listed."""
    docs = tuple({ldoc.document.slug: ldoc.document for ldoc in ldocs}.values())
    decisions = {f"{d.document.slug}/{d.locale.code}": decision_record(d, "") for d in ldocs}
    source = project.config.source_locale
    site = Site(project.config, source, (source, *project.locales(())), __version__)
    published = published_locales(docs, site, decisions, issued_keys(project))
    built = tuple(p for p in (_built(project, p) for p in published.values()) if p.locales)
    return write_index(project, site, built) if built else None


def _built(project: Project, published: Published) -> Published:
    """Only the locales whose page is in dist/ (a build of some locales links no other)."""
    out = project.config.output_dir
    pairs = [
        (loc, title)
        for loc, title in zip(published.locales, published.titles, strict=True)
        if (out / loc.code / output_name(published.slug, PAGE)).is_file()
    ]
    return replace(published, locales=tuple(p[0] for p in pairs), titles=tuple(p[1] for p in pairs))
