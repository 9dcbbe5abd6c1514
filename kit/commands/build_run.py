"""The full ``kit build`` (``kit.commands.build`` runs it when the build is not a no-op):
documents loaded and hashed, one unit of work per document (``kit.commands.build_doc``) in
the worker pool, then the index, the assets of locales that publish nothing, the cache and the
report.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import TypeVar

from kit import __version__
from kit.build.inputs import DocumentFiles, Shared, hash_shared
from kit.build.plan import Cache, Task, cache_from_json
from kit.commands.build_decide import issued_keys
from kit.commands.build_doc import PHASES, build_document
from kit.commands.build_job import DocJob, DocResult, LoadFailure, share_site
from kit.commands.build_noop import BUILD_CACHE, Stamp, watched_inputs, watched_outputs
from kit.commands.build_outputs import save
from kit.commands.build_report import FORMATS, BuildOptions, BuildReport, Progress
from kit.commands.handout_files import forget_listings, handout_files
from kit.commands.loaders import SourceFile, help_errors, iter_sources
from kit.commands.outcome import Action, Outcome
from kit.commands.pool import WorkerPool
from kit.errors import KitError
from kit.files import read_project_bytes, sync_filesystem, write_text_atomic
from kit.project import Project
from kit.site import HandoutFile, Published, Site

CACHE_FILE = BUILD_CACHE


V = TypeVar("V")


def run_full(
    project: Project, options: BuildOptions, progress: Progress | None = None
) -> tuple[BuildReport, Stamp]:
    """The build; with what ``kit.commands.build_noop`` keeps to know the next one is a no-op.
    With workers, each document goes to them as soon as its file is read (they parse it)."""
    site = Site(
        project.config,
        project.config.source_locale,
        (project.config.source_locale, *project.locales(options.locales)),
        __version__,
    )
    cache = _read_cache(project)
    forget_listings()  # before the workers start: they begin with none either
    shared = hash_shared(project, site.locales)
    issued = issued_keys(project)
    read: list[SourceFile | KitError] = []  # every source file in order, or why it was not
    paths = project.source_files()
    per_doc = len(site.locales) * sum(f in options.formats for f in PHASES)
    # The progress lines' total, known before any document is read, so that they show while
    # the workers build; a file that cannot be read counts as done when it is found.
    total = per_doc * len(paths)
    done = 0

    def jobs() -> Iterator[DocJob]:
        nonlocal done
        for source in iter_sources(project, paths):
            read.append(source)
            if isinstance(source, SourceFile):
                yield _job(source, site, shared, cache, issued, options)
            else:
                done += per_doc

    results: dict[str, DocResult | LoadFailure] = {}
    if options.jobs > 1:
        _before_workers(site, options)
    with WorkerPool(options.jobs, setup=(share_site, (site,))) as pool:
        work = jobs() if options.jobs > 1 else iter(list(jobs()))
        for result in pool.stream(build_document, work):  # as they come, while jobs are sent
            results[result.slug] = result
            done += per_doc
            if progress is not None and isinstance(result, DocResult):
                _progress(progress, min(done, total), total, result)
    ordered = [results[s.slug] if isinstance(s, SourceFile) else s for s in read]
    built = [r for r in ordered if isinstance(r, DocResult)]
    load_errors = tuple(_load_error(r) for r in ordered if not isinstance(r, DocResult))
    docs = tuple(r.document for r in built)
    last = None if progress is None else partial(progress, total, total)  # the index: last step
    return _finish(project, options, site, docs, cache, built, load_errors, last, total)


def _load_error(item: LoadFailure | KitError) -> KitError:
    """Why a source file was not built: found reading it (here) or parsing it (in the job)."""
    return item.error if isinstance(item, LoadFailure) else item


def _before_workers(site: Site, options: BuildOptions) -> None:
    """What every worker would do first, done once here: workers start as copies of this
    process (fork), or are sent the site once (``share_site``). The page renderer is
    imported here (the index needs it anyway); WeasyPrint is not, as only the workers use it.
    (The locales' CLDR data is loaded before, by ``run_build``.)"""
    share_site(site)
    if "html" in options.formats:
        import kit.html.render  # noqa: F401


def _job(
    source: SourceFile,
    site: Site,
    shared: Shared,
    cache: Cache,
    issued: frozenset[tuple[str, str]],
    options: BuildOptions,
) -> DocJob:
    slug = source.slug
    return DocJob(
        source,
        site,
        shared,
        _cached(cache.decisions, [f"{slug}/{loc.code}" for loc in site.locales]),
        _cached(
            cache.outputs,
            [Task(slug, loc.code, fmt).key for loc in site.locales for fmt in FORMATS],
        ),
        frozenset(code for doc, code in issued if doc == slug),
        options.formats,
        options.shard,
    )


def _progress(progress: Progress, done: int, total: int, result: DocResult) -> None:
    failed = [Outcome(task.key, Action.FAILED) for task, _ in result.render_errors]
    progress(done, total, (*result.outcomes, *failed))


def _finish(
    project: Project,
    options: BuildOptions,
    site: Site,
    docs: tuple[DocumentFiles, ...],
    cache: Cache,
    results: list[DocResult],
    load_errors: tuple[KitError, ...],
    last_step: Callable[[Sequence[Outcome]], None] | None,
    steps: int,
) -> tuple[BuildReport, Stamp]:
    """Step 5: the index, assets of locales that publish nothing, the cache and the report
    (``steps``: the progress lines' total, kept for a no-op build to show the same)."""
    failed = {key for r in results for key in r.failed}
    planned = {k: v for r in results for k, v in r.outputs.items()}
    outputs = {k: v for k, v in {**cache.outputs, **planned}.items() if k not in failed}
    outcomes = sorted((o for r in results for o in r.outcomes), key=lambda o: o.path)
    render_errors = [
        e for _, e in sorted((te for r in results for te in r.render_errors), key=_phase_order)
    ]
    # Outputs are saved without an fsync each and made durable at once; the pages' sync runs
    # beside the index (``syncfs`` waits on the disk, not on Python), the index's after it.
    syncing = _syncing(project) if any(r.outcomes for r in results) else None
    index: Outcome | None = None
    if "html" in options.formats and options.shard.count == 1:  # sharded: kit bundle writes it
        published = tuple(r.published for r in results)
        try:
            known = {(r.slug, code): h for r in results for code, h in r.handouts.items()}
            index = write_index(project, site, published, known)
        except KitError as exc:
            render_errors.append(exc)
        else:
            outcomes.append(index)
            if last_step is not None:
                last_step((index,))
    if "html" in options.formats and options.shard.index == 1:
        from kit.commands.prune import prune_unpublished_assets

        prune_unpublished_assets(project.config.output_dir, site, docs)
    decisions = {k: v for r in results for k, v in r.decisions.items()}
    if syncing is not None:
        syncing.join()
    if outcomes:  # before the cache names them: only durable outputs are recorded as built
        sync_filesystem(project.config.output_dir)
    _write_cache(project, Cache(decisions, outputs))
    withheld = [w for fmt in PHASES for r in results for f, w in r.withheld if f == fmt]
    all_errors = (
        *load_errors,
        *(e for r in results for e in r.decide_errors),
        *(e for r in results for e in r.plan_errors),
        *render_errors,
    )
    all_errors += _new(help_errors(project), all_errors)  # each help line left out, said once
    skipped = sum(r.skipped for r in results)
    stamp = Stamp(
        tuple(watched_inputs(project, docs, site.locales)),
        tuple(watched_outputs(project, planned, index is not None)),
        tuple(withheld),
        len(planned),
        index.path if index is not None else None,
        steps,
    )
    return BuildReport(tuple(outcomes), tuple(withheld), all_errors, skipped), stamp


def _new(errors: Sequence[KitError], known: Sequence[KitError]) -> tuple[KitError, ...]:
    """``errors`` not in ``known`` (a language's pages fail with its kit.po's error too)."""
    seen = {(e.path, e.line, e.message) for e in known}
    return tuple(e for e in errors if (e.path, e.line, e.message) not in seen)


def _syncing(project: Project) -> threading.Thread:
    """``sync_filesystem`` of the output folder, started in a thread."""
    folder = project.config.output_dir
    thread = threading.Thread(target=sync_filesystem, args=(folder,), name="kit-syncfs")
    thread.start()
    return thread


def _cached(entries: Mapping[str, V], keys: list[str]) -> dict[str, V]:
    """The cache's entries for one document (a worker gets only those)."""
    return {key: entries[key] for key in keys if key in entries}


def _phase_order(item: tuple[Task, KitError]) -> tuple[bool, Task]:
    """Errors in the order the outputs were once rendered one by one: PDFs first."""
    return item[0].fmt != "pdf", item[0]


# -- 5. index and cache -----------------------------------------------------------------------


def write_index(
    project: Project,
    site: Site,
    published: tuple[Published, ...],
    known: Mapping[tuple[str, str], tuple[HandoutFile, ...]] | None = None,
) -> Outcome:
    """``dist/index.html``: every published page, with the handouts ``dist/`` holds
    (``known``: those the pages' own lookups found, by (slug, locale))."""
    from kit.html.render import render_index

    path = project.config.output_dir / "index.html"
    known = known or {}
    pdfs = {
        key: known[key] if key in known else handout_files(project.config, *key)
        for key in ((p.slug, loc.code) for p in published for loc in p.locales)
    }
    written = save(project, path, render_index(site, published, pdfs).encode("utf-8"), sync=False)
    return Outcome(project.rel(path), Action.saved(written))


def _read_cache(project: Project) -> Cache:
    path = project.root / CACHE_FILE
    try:
        return cache_from_json(read_project_bytes(path, project.root, 1 << 28).decode("utf-8"))
    except (KitError, UnicodeDecodeError):
        return Cache({}, {})


def _write_cache(project: Project, cache: Cache) -> None:
    path = project.root / CACHE_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, cache.to_json())
    except OSError:
        pass  # the cache only saves time; a build never fails because it cannot be kept
