"""``dist/index.html`` for the merged ``dist/`` of a sharded build.

A page and its handouts are built by the same shard (``Task.shard_key``), so every page lists
the page counts and sizes of its own handouts. The front page lists the handouts of every
page, which no single shard has: with ``--shard K/N`` (N > 1) ``kit build`` leaves it out, and
``kit bundle`` writes it on the merged ``dist/``, deciding what is published exactly as
``kit build`` does. After an unsharded build the bytes are the same and the file is left alone.
"""

from __future__ import annotations

from dataclasses import replace

from kit import __version__
from kit.commands.build_decide import decision_record, issued_keys, published_locales
from kit.commands.build_run import write_index
from kit.commands.gating import gated_localize
from kit.commands.loaders import load_documents
from kit.commands.outcome import Outcome
from kit.errors import KitError
from kit.project import Project
from kit.site import PAGE, Published, Site, output_name


def write_merged_index(project: Project) -> Outcome | None:
    """Decide every page as ``kit build`` would (coverage, must-retranslate, the publish gate),
    then write the index of the published pages that dist/ holds (None: it holds none).
    Documents that do not load are left out here; ``kit bundle`` reports them itself."""
    docs, _ = load_documents(project)
    source = project.config.source_locale
    site = Site(project.config, source, (source, *project.locales(())), __version__)
    decisions: dict[str, dict[str, object]] = {}
    for doc in docs:
        for locale in site.locales:
            try:
                ldoc = gated_localize(project, doc, locale)
            except KitError:  # kit build fails this page too: it is not listed
                continue
            decisions[f"{doc.slug}/{locale.code}"] = decision_record(ldoc, "")
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
