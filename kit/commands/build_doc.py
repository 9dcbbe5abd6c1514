"""Steps 2 to 4 of ``kit build`` (``kit.commands.build``) for one document, in one worker
process: the unit of work is a document in every locale of the build.

Each catalog (and its review record) is read once: its bytes are hashed for the cache and,
only when something must be decided or rendered, parsed once. The publish decision of each
locale comes from the cache when its inputs are the same, else from localizing with the
publish gate (``kit.commands.gating``); the language switcher needs every locale's decision,
which is why a document is one unit. Then the outputs this shard owns whose fingerprint
changed are rendered from the same localized document, PDFs before pages (a page links to its
handouts). Only small values go back to the parent: decision records, fingerprints, outcomes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from kit import __version__
from kit.build.inputs import DocumentFiles, hash_document, page_hash
from kit.build.plan import Task, fingerprint
from kit.catalog.localize import (
    Decision,
    LocalizedDocument,
    PublishDecision,
    localize,
    source_localized,
)
from kit.catalog.review import ReviewLog, review_path
from kit.commands import gating
from kit.commands.build_decide import GATE, decision_record, published_of
from kit.commands.build_job import DocJob, DocResult, LoadFailure
from kit.commands.build_outputs import (
    forget_folders,
    nonempty,
    output_dir,
    output_paths,
    save_asset,
    shown,
    write_output,
)
from kit.commands.build_removal import remove_outdated, withhold
from kit.commands.build_report import Withheld
from kit.commands.handout_files import handout_files
from kit.commands.loaders import load_words, parse_review, policy_for, present, read_review_bytes
from kit.commands.outcome import Outcome
from kit.commands.preflight import output_label, refuse_unrenderable, unexpected_error
from kit.errors import CatalogError, KitError
from kit.files import MAX_CATALOG_BYTES, read_project_bytes
from kit.locales import LocaleInfo
from kit.model import Document
from kit.po import PoEntry, PoFile, parse_po
from kit.project import Project
from kit.site import PAGE, HandoutFile, Published, Site, output_name
from kit.source.inline_tokens import kept_readings
from kit.source.read import parse_source

PHASES = ("pdf", "html")  # pages link to their handouts: PDFs first


@dataclass
class _Page:
    """One locale of the document: its catalog's bytes, read once, and what came of them."""

    locale: LocaleInfo
    hash: str = ""
    catalog: bytes | None = None  # None: no catalog (or it could not be read: error)
    review: bytes | None = None
    error: KitError | None = None
    record: dict[str, object] | None = None
    ldoc: LocalizedDocument | None = None


@dataclass
class _Result:
    outcomes: list[Outcome] = field(default_factory=list)
    withheld: list[tuple[str, Withheld]] = field(default_factory=list)
    decide_errors: list[KitError] = field(default_factory=list)
    plan_errors: list[KitError] = field(default_factory=list)
    render_errors: list[tuple[Task, KitError]] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)
    skipped: int = 0
    tasks: int = 0
    handouts: dict[str, tuple[HandoutFile, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Work:
    """A job with its document parsed here, and the hash of the document's inputs."""

    job: DocJob
    doc: Document
    base: str  # hash of the document's bytes, its images, kit.toml and kit's version


def build_document(job: DocJob) -> DocResult | LoadFailure:
    """Parse one document, decide every locale of it and render what changed; errors are
    returned. The inline Markdown the publish gate reads is kept for the renderer until the
    document is done (``kit.source.inline_tokens.kept_readings``)."""
    with kept_readings():
        return _build_document(job)


def _build_document(job: DocJob) -> DocResult | LoadFailure:
    project = Project(job.site.config)
    try:
        doc = parse_source(job.source.data, job.source.path)
    except KitError as exc:
        return LoadFailure(job.source.slug, exc)
    work = _Work(job, doc, hash_document(project, doc, job.shared, job.source.data))
    result = _Result()
    forget_folders()
    pages = [_read_page(project, work, locale) for locale in job.site.locales]
    for page in pages:
        _decide(project, work, page, result)
    records = {p.locale.code: p.record for p in pages if p.record is not None}
    published = published_of(doc, job.site.locales, records, job.issued)
    for fmt in PHASES:
        for page in pages:
            task = Task(doc.slug, page.locale.code, fmt)
            if page.record is None or not job.shard.owns(task.shard_key):
                continue
            if fmt in job.formats:
                result.tasks += 1
                _plan_and_render(project, work, page, page.record, task, published, result)
            elif page.record["decision"] == Decision.WITHHOLD:  # its earlier outputs go too
                reasons = tuple(map(str, page.record["reasons"]))  # type: ignore[call-overload]
                paths = output_paths(project, doc, task)
                _withhold(project, paths, task, reasons, result, present_only=True)
    return DocResult(
        DocumentFiles.of(doc),
        published,
        {f"{doc.slug}/{code}": record for code, record in records.items()},
        result.outputs,
        tuple(result.outcomes),
        tuple(result.withheld),
        tuple(result.decide_errors),
        tuple(result.plan_errors),
        tuple(result.render_errors),
        frozenset(result.failed),
        result.skipped,
        result.tasks,
        result.handouts,
    )


# -- reading: once per catalog ----------------------------------------------------------------


def _read_page(project: Project, work: _Work, locale: LocaleInfo) -> _Page:
    page = _Page(locale)
    po_path = project.po_path(locale, work.doc.slug)
    try:
        if present(po_path):
            shown = str(po_path)
            page.catalog = read_project_bytes(
                po_path, project.root, MAX_CATALOG_BYTES, error=CatalogError, shown=shown
            )
        path = review_path(po_path)
        if present(path):
            page.review = read_review_bytes(path, project)
    except KitError as exc:
        page.error = exc
    unreadable = f"<unreadable: {page.error}>".encode() if page.error else b"<missing>"
    page.hash = page_hash(
        work.base,
        locale.code,
        unreadable if page.catalog is None else page.catalog,
        unreadable if page.review is None else page.review,
        work.job.shared.words[locale.code],
    )
    return page


def _localized(project: Project, doc: Document, page: _Page, *, gate: bool) -> LocalizedDocument:
    """The page's localized document from the bytes already read (with the gate: deciding)."""
    locale = page.locale
    is_source = locale.code == project.config.source_locale.code
    if page.error is not None and not is_source:
        raise page.error
    po_path = project.po_path(locale, doc.slug)
    po = None if page.catalog is None or is_source else parse_po(page.catalog, po_path)
    review = ReviewLog()
    if po is not None and page.review is not None:
        review = parse_review(page.review, review_path(po_path), project)
    if gate:
        return gating.localize_gated(project, doc, locale, po, review)
    source = project.config.source_locale
    if is_source:
        return source_localized(doc, source)
    read = po if po is not None else PoFile(header=PoEntry(msgid=""))
    policy = policy_for(project, locale)
    return localize(doc, read, locale, source, policy, review, project.rel(po_path))


# -- deciding ---------------------------------------------------------------------------------


def _decide(project: Project, work: _Work, page: _Page, result: _Result) -> None:
    key = f"{work.doc.slug}/{page.locale.code}"
    cached = work.job.decisions.get(key)
    if cached is not None and (cached.get("hash"), cached.get("gate")) == (page.hash, GATE):
        page.record = dict(cached)
        return
    try:
        page.ldoc = _localized(project, work.doc, page, gate=True)
    except KitError as exc:
        result.decide_errors.append(exc)
        return
    except Exception as exc:  # a bug while deciding fails this page only
        result.decide_errors.append(unexpected_error(exc, key, None))
        return
    page.record = decision_record(page.ldoc, page.hash)


# -- planning and rendering -------------------------------------------------------------------


def _plan_and_render(
    project: Project,
    work: _Work,
    page: _Page,
    record: Mapping[str, object],
    task: Task,
    published: Published,
    result: _Result,
) -> None:
    paths = output_paths(project, work.doc, task)
    reasons = tuple(str(r) for r in record["reasons"])  # type: ignore[attr-defined]
    if record["decision"] == Decision.WITHHOLD:
        _withhold(project, paths, task, reasons, result, present_only=False)
        return
    handouts: tuple[HandoutFile, ...] = ()
    if task.fmt == "html":  # what the page links to; the index reuses it
        handouts = _handouts(project, work, page, task, published, result)
    stamp = _fingerprint(work, page, task, published, handouts)
    result.outputs[task.key] = stamp
    if work.job.outputs.get(task.key) == stamp and all(nonempty(p) for p in paths):
        result.skipped += 1
        return
    decided = PublishDecision(Decision(str(record["decision"])), reasons)
    outcomes, error = _render(project, work, page, task, decided, published, handouts)
    result.outcomes.extend(outcomes)
    if error is not None:
        result.render_errors.append((task, error))
        result.failed.add(task.key)


def _fingerprint(
    work: _Work,
    page: _Page,
    task: Task,
    published: Published,
    handouts: tuple[HandoutFile, ...] = (),
) -> str:
    """What an output is made from: the page's inputs, the templates, the languages it is
    published in and the handouts it links to (the cache keeps it for each output)."""
    codes = (
        *(loc.code for loc in published.locales),
        *(f"{h.name}:{h.pages}:{h.size}" for h in handouts),
    )
    return fingerprint(page.hash, work.job.shared.templates, codes, task, __version__)


def _withhold(
    project: Project,
    paths: tuple[Path, ...],
    task: Task,
    reasons: tuple[str, ...],
    result: _Result,
    *,
    present_only: bool,
) -> None:
    withheld, errors = withhold(project, paths, reasons, present_only=present_only)
    result.withheld.extend((task.fmt, item) for item in withheld)
    result.plan_errors.extend(errors)


def _handouts(
    project: Project, work: _Work, page: _Page, task: Task, published: Published, result: _Result
) -> tuple[HandoutFile, ...]:
    """The handouts the page offers: in a build that makes no PDF, only those made from the
    page's current inputs (``kit.commands.build_removal``)."""
    making = "pdf" in work.job.formats
    found = handout_files(project.config, task.slug, task.locale, listed=not making)
    pdf = Task(task.slug, task.locale, "pdf")
    if (
        found
        and not making
        and work.job.outputs.get(pdf.key) != _fingerprint(work, page, pdf, published)
    ):  # made from other inputs (or not by a build this cache knows of)
        outcomes, errors = remove_outdated(project, output_dir(project, task.locale), found)
        result.outcomes.extend(outcomes)
        result.plan_errors.extend(errors)
        found = ()
    result.handouts[task.locale] = found
    return found


def _render(
    project: Project,
    work: _Work,
    page: _Page,
    task: Task,
    decided: PublishDecision,
    published: Published,
    handouts: tuple[HandoutFile, ...],
) -> tuple[list[Outcome], KitError | None]:
    """Render one task; an error fails this output only and is returned, not raised."""
    output = output_label([shown(project, p) for p in output_paths(project, work.doc, task)])
    ldoc: LocalizedDocument | None = None
    try:
        load_words(project, page.locale)
        if page.ldoc is None:
            page.ldoc = _localized(project, work.doc, page, gate=False)
        ldoc = replace(page.ldoc, publish=decided)
        refuse_unrenderable(ldoc, output)
        if task.fmt == "html":
            return [_render_html(project, work.job.site, task, ldoc, published, handouts)], None
        return _render_pdf(project, work.job.site, task, ldoc, published), None
    except KitError as exc:
        return [], exc
    except Exception as exc:  # an engine crash fails this output only; the build goes on
        return [], unexpected_error(exc, output, ldoc)


def _render_html(
    project: Project,
    site: Site,
    task: Task,
    ldoc: LocalizedDocument,
    published: Published,
    handouts: tuple[HandoutFile, ...],
) -> Outcome:
    from kit.html.render import page_assets, render_page

    folder = output_dir(project, task.locale)
    html = render_page(ldoc, site, published, handouts)
    for asset in page_assets(ldoc, site):
        save_asset(project, folder / asset.dest, asset.data)
    return write_output(project, folder / output_name(task.slug, PAGE), html.encode("utf-8"), ldoc)


def _render_pdf(
    project: Project, site: Site, task: Task, ldoc: LocalizedDocument, published: Published
) -> list[Outcome]:
    from kit.pdf.render import render_handouts

    folder = output_dir(project, task.locale)
    return [
        write_output(project, folder / h.name, h.data, ldoc)
        for h in render_handouts(ldoc, site, published)
    ]
