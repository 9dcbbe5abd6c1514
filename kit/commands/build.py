"""``kit build``: HTML pages and PDF handouts for every document and locale.

Reads top to bottom like a table of contents:

1. load the documents and hash every input from its bytes;
2. decide, per document and locale, whether it is published: translation coverage and
   must-retranslate (``[publish]``) and the publish gate, ``kit check``'s link, contact,
   number and integrity checks with their suppressions (``kit.commands.gating``); cached by
   input hash, so an unchanged catalog is not even parsed;
3. list the outputs, keep those this shard owns and whose fingerprint changed;
4. render them, in parallel worker processes when ``--jobs`` > 1, writing atomically;
5. remove outputs of withheld pages (a stale translation never stays online), write the
   index and the cache.

The cache (``.kit-cache/build.json``) is safe to delete: the next build redoes everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kit import __version__
from kit.build.inputs import Inputs, hash_inputs
from kit.build.plan import ALL, Cache, Shard, Task, cache_from_json, fingerprint
from kit.catalog.localize import Decision, LocalizedDocument, PublishDecision
from kit.commands.build_decide import decide, issued_keys, published_locales
from kit.commands.handout_files import handout_files
from kit.commands.loaders import load_documents, localize_one
from kit.commands.outcome import Action, Outcome
from kit.commands.pool import WorkerPool
from kit.commands.preflight import output_label, refuse_unrenderable, unexpected_error
from kit.commands.prune import prune_unpublished_assets
from kit.errors import KitError, RenderError
from kit.files import read_project_bytes, write_bytes_if_changed, write_text_atomic
from kit.model import Document
from kit.project import Project
from kit.site import PAGE, HandoutFile, Published, Site, handout_names, output_name

FORMATS = ("html", "pdf")
CACHE_FILE = Path(".kit-cache") / "build.json"


@dataclass(frozen=True)
class Withheld:
    path: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class BuildReport:
    outcomes: tuple[Outcome, ...]
    withheld: tuple[Withheld, ...]
    errors: tuple[KitError, ...]
    skipped: int = 0  # outputs already up to date


@dataclass(frozen=True)
class BuildOptions:
    locales: tuple[str, ...] = ()
    formats: tuple[str, ...] = FORMATS
    jobs: int = 1
    shard: Shard = ALL


@dataclass(frozen=True)
class WorkItem:
    """One task and everything a worker process needs to render it."""

    task: Task
    document: Document
    site: Site
    published: Published
    publish: PublishDecision | None = None  # decided in step 2 (with the gate): not redone
    handouts: tuple[HandoutFile, ...] = ()  # the PDFs a page links to (built before it)


@dataclass
class _Plan:
    work: list[WorkItem] = field(default_factory=list)
    withheld: list[Withheld] = field(default_factory=list)
    skipped: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    errors: list[KitError] = field(default_factory=list)

    def merge(self, other: _Plan) -> None:
        self.work += other.work
        self.withheld += other.withheld
        self.skipped += other.skipped
        self.outputs.update(other.outputs)
        self.errors += other.errors


Progress = Callable[[int, int, Outcome], None]


def run_build(
    project: Project, options: BuildOptions, progress: Progress | None = None
) -> BuildReport:
    docs, load_errors = load_documents(project)
    site = Site(
        project.config,
        project.config.source_locale,
        (project.config.source_locale, *project.locales(options.locales)),
        __version__,
    )
    cache = read_cache(project)
    inputs = hash_inputs(project, docs, site.locales)
    with WorkerPool(options.jobs) as pool:
        decisions, errors = decide(project, docs, site, inputs, cache, pool)
        published = published_locales(docs, site, decisions, issued_keys(project))
        plan = _Plan()
        outcomes: list[Outcome] = []
        render_errors: list[KitError] = []
        failed: set[str] = set()
        for phase in [(f,) for f in ("pdf", "html") if f in options.formats]:  # pages need PDFs
            step = _plan(
                project,
                docs,
                site,
                inputs,
                decisions,
                published,
                cache,
                replace(options, formats=phase),
            )
            done = _render_all(step.work, pool, progress)
            plan.merge(step)
            outcomes, render_errors, failed = (
                outcomes + done[0],
                render_errors + done[1],
                failed | done[2],
            )
        outcomes.sort(key=lambda o: o.path)
    outputs = {k: v for k, v in {**cache.outputs, **plan.outputs}.items() if k not in failed}
    if "html" in options.formats and options.shard.count == 1:  # sharded: kit bundle writes it
        try:
            index = write_index(project, site, tuple(published.values()))
        except KitError as exc:
            render_errors.append(exc)
        else:
            outcomes.append(index)
            if progress is not None:
                progress(len(plan.work), len(plan.work), index)
    if "html" in options.formats and options.shard.index == 1:
        prune_unpublished_assets(project.config.output_dir, site, docs)
    _write_cache(project, Cache({**decisions}, outputs))
    all_errors = (*load_errors, *errors, *plan.errors, *render_errors)
    return BuildReport(tuple(outcomes), tuple(plan.withheld), all_errors, plan.skipped)


# -- 2. decide what is published: kit.commands.build_decide


# -- 3. plan the outputs ------------------------------------------------------------------


def _plan(
    project: Project,
    docs: tuple[Document, ...],
    site: Site,
    inputs: Inputs,
    decisions: dict[str, dict[str, object]],
    published: dict[str, Published],
    cache: Cache,
    options: BuildOptions,
) -> _Plan:
    plan = _Plan()
    for doc in docs:
        for locale in site.locales:
            record = decisions.get(f"{doc.slug}/{locale.code}")
            if record is None:
                continue
            for fmt in options.formats:
                task = Task(doc.slug, locale.code, fmt)
                if options.shard.owns(task.shard_key):
                    _plan_task(
                        project, plan, task, doc, site, inputs, record, published[doc.slug], cache
                    )
    plan.work.sort(key=lambda item: (item.task.fmt != "pdf", item.task))  # heavy PDFs first
    return plan


def _plan_task(
    project: Project,
    plan: _Plan,
    task: Task,
    doc: Document,
    site: Site,
    inputs: Inputs,
    record: dict[str, object],
    published: Published,
    cache: Cache,
) -> None:
    paths = output_paths(project, doc, task)
    if record["decision"] == Decision.WITHHOLD:
        reasons = tuple(str(r) for r in record["reasons"])  # type: ignore[attr-defined]
        plan.withheld.extend(Withheld(project.rel(p), reasons) for p in paths)
        for path in paths:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                plan.errors.append(
                    RenderError(
                        f"cannot remove the withheld output: {exc.strerror or exc}",
                        path=project.rel(path),
                        hint="remove it by hand",
                    )
                )
        return
    handouts = handout_files(project.config, doc.slug, task.locale) if task.fmt == "html" else ()
    codes = (
        *(loc.code for loc in published.locales),
        *(f"{h.name}:{h.pages}:{h.size}" for h in handouts),
    )
    stamp = fingerprint(
        inputs.page(doc.slug, task.locale), inputs.templates, codes, task, __version__
    )
    plan.outputs[task.key] = stamp
    if cache.outputs.get(task.key) == stamp and all(p.exists() for p in paths):
        plan.skipped += 1
        return
    reasons = tuple(str(r) for r in record["reasons"])  # type: ignore[attr-defined]
    decided = PublishDecision(Decision(str(record["decision"])), reasons)
    plan.work.append(WorkItem(task, doc, site, published, decided, handouts))


def output_dir(project: Project, locale_code: str) -> Path:
    return project.config.output_dir / locale_code


def output_paths(project: Project, doc: Document, task: Task) -> tuple[Path, ...]:
    folder = output_dir(project, task.locale)
    if task.fmt == "html":
        return (folder / output_name(doc.slug, PAGE),)
    is_source = task.locale == project.config.source_locale.code
    return tuple(folder / n for n in handout_names(doc.slug, project.config.print, is_source))


# -- 4. render ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemResult:
    key: str
    outcomes: tuple[Outcome, ...] = ()
    error: KitError | None = None


def _render_all(
    work: list[WorkItem], pool: WorkerPool, progress: Progress | None
) -> tuple[list[Outcome], list[KitError], set[str]]:
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    failed: set[str] = set()
    total = len(work)
    for finished, result in enumerate(pool.imap_unordered(render_item, work), start=1):
        outcomes.extend(result.outcomes)
        if result.error is not None:
            errors.append(result.error)
            failed.add(result.key)
        if progress is not None:
            for outcome in result.outcomes or (Outcome(result.key, Action.FAILED),):
                progress(finished, total, outcome)
    outcomes.sort(key=lambda o: o.path)
    return outcomes, errors, failed


def render_item(item: WorkItem) -> ItemResult:
    """Render one task (in a worker process or in this one); errors are returned, not raised."""
    project = Project(item.site.config)
    locale = next(loc for loc in item.site.locales if loc.code == item.task.locale)
    ldoc: LocalizedDocument | None = None
    output = output_label([project.rel(p) for p in output_paths(project, item.document, item.task)])
    try:
        ldoc = localize_one(project, item.document, locale)
        if item.publish is not None:
            ldoc = replace(ldoc, publish=item.publish)
        refuse_unrenderable(ldoc, output)
        if item.task.fmt == "html":
            return ItemResult(item.task.key, (_render_html(project, item, ldoc),))
        return ItemResult(item.task.key, tuple(_render_pdf(project, item, ldoc)))
    except KitError as exc:
        return ItemResult(item.task.key, error=exc)
    except Exception as exc:  # an engine crash fails this output only; the build goes on
        return ItemResult(item.task.key, error=unexpected_error(exc, output, ldoc))


def _render_html(project: Project, item: WorkItem, ldoc: LocalizedDocument) -> Outcome:
    from kit.html.render import page_assets, render_page

    folder = output_dir(project, item.task.locale)
    html = render_page(ldoc, item.site, item.published, item.handouts)
    for asset in page_assets(ldoc, item.site):
        save(project, folder / asset.dest, asset.data)
    return _write(
        project, folder / output_name(item.document.slug, PAGE), html.encode("utf-8"), ldoc
    )


def _render_pdf(project: Project, item: WorkItem, ldoc: LocalizedDocument) -> list[Outcome]:
    from kit.pdf.render import render_handouts

    folder = output_dir(project, item.task.locale)
    return [
        _write(project, folder / h.name, h.data, ldoc)
        for h in render_handouts(ldoc, item.site, item.published)
    ]


def _ensure(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def save(project: Project, path: Path, data: bytes) -> bool:
    """Write an output atomically; an unwritable folder or a full disk is a ``KitError``."""
    try:
        return write_bytes_if_changed(_ensure(path), data)
    except OSError as exc:
        raise RenderError(
            f"cannot write the output: {exc.strerror or exc}",
            path=project.rel(path),
            hint="check that the output folder (project.output_dir) is writable and the disk has room",
        ) from exc


def _write(project: Project, path: Path, data: bytes, ldoc: LocalizedDocument) -> Outcome:
    written = save(project, path, data)
    note = "; ".join(ldoc.publish.reasons) if ldoc.publish.decision is Decision.BANNER else ""
    return Outcome(project.rel(path), Action.saved(written), note)


# -- 5. index and cache -----------------------------------------------------------------------


def write_index(project: Project, site: Site, published: tuple[Published, ...]) -> Outcome:
    """``dist/index.html``: every published page, with the handouts ``dist/`` holds."""
    from kit.html.render import render_index

    path = project.config.output_dir / "index.html"
    pdfs = {
        (p.slug, loc.code): handout_files(project.config, p.slug, loc.code)
        for p in published
        for loc in p.locales
    }
    written = save(project, path, render_index(site, published, pdfs).encode("utf-8"))
    return Outcome(project.rel(path), Action.saved(written))


def read_cache(project: Project) -> Cache:
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
