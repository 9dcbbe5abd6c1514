"""``kit build``: HTML pages and PDF handouts for every document and locale.

Reads top to bottom like a table of contents:

0. a no-op build is answered from file metadata alone (``kit.commands.build_noop``);
1. load the documents and hash what every page shares from its bytes (``build_run``);
2. decide, per document and locale, whether it is published: translation coverage and
   must-retranslate (``[publish]``) and the publish gate, ``kit check``'s link, contact,
   number and integrity checks with their suppressions (``kit.commands.gating``); cached by
   input hash, so an unchanged catalog is read and hashed but not parsed;
3. list the outputs, keep those this shard owns and whose fingerprint changed;
4. render them from the same localized document (each catalog is read once), one document
   per unit of work, in parallel worker processes when ``--jobs`` > 1 (``build_doc``);
5. remove outputs of withheld pages (a stale translation never stays online), write the
   index and the cache.

The caches (``.kit-cache/build.json``, ``.kit-cache/build-noop.json``) are safe to delete: the
next build redoes everything. This module stays light to import: the renderers are loaded
only when something is to be built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kit.commands import build_noop
from kit.commands.build_report import (
    FORMATS,
    BuildOptions,
    BuildReport,
    Progress,
    Withheld,
)
from kit.commands.heap import heap_set_aside
from kit.locales import load_cldr
from kit.project import Project
from kit.snapshot import snapshot

if TYPE_CHECKING:
    from kit.build.plan import Task
    from kit.model import Document

__all__ = ["FORMATS", "BuildOptions", "BuildReport", "Withheld", "output_dir", "output_paths"]
__all__ += ["run_build", "save"]


def run_build(
    project: Project, options: BuildOptions, progress: Progress | None = None
) -> BuildReport:
    replayed = build_noop.replay(project, options, progress)
    if replayed is not None:
        return replayed
    since = build_noop.started(project)
    build_noop.forget(project)
    # Parsing a locale loads none of its CLDR data (a no-op build needs none); a build does:
    # loaded now, it is set aside from the collector's walks, and workers forked later share it.
    load_cldr((project.config.source_locale, *project.locales(options.locales)))
    with snapshot(), heap_set_aside():
        from kit.commands.build_run import run_full  # the renderers: imported only to build

        report, stamp = run_full(project, options, progress)
    if not report.errors:
        build_noop.remember(project, options, since, stamp)
    return report


# Output files, for the commands that share them (kit issue, kit serve).


def output_dir(project: Project, locale_code: str) -> Path:
    return project.config.output_dir / locale_code


def output_paths(project: Project, doc: Document, task: Task) -> tuple[Path, ...]:
    from kit.commands.build_outputs import output_paths as paths

    return paths(project, doc, task)


def save(project: Project, path: Path, data: bytes, *, sync: bool = True) -> bool:
    """Write an output atomically; an unwritable folder or a full disk is a ``KitError``."""
    from kit.commands.build_outputs import save as save_output

    return save_output(project, path, data, sync=sync)
