"""``kit bundle`` and ``kit report``: locale bundles and the coordinators' dashboard.

Reads ``dist/`` (after ``kit build``, or the merged ``dist/`` of sharded CI builds) and the
project; renders no page or handout, but writes ``dist/index.html`` for the merged ``dist/``
(``kit.commands.site_index``). Top to bottom: load the documents, localize them in every locale
(publish decisions, translation statistics, review sign-off), run ``kit check`` for the
summaries, survey each ``dist/<locale>/``, then write ``dist/bundles/<locale>.zip`` for the
chosen locales and ``dist/report.html`` for all of them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from kit import __version__
from kit.bundle.archive import (
    Member,
    list_files,
    review_dates,
    sha256_file,
    stamp_from,
    write_zip_atomic,
)
from kit.bundle.checks import CheckRunner, Key, reading_level, summarize
from kit.bundle.contents import Selection, select
from kit.bundle.gate import locale_gate
from kit.bundle.manifest import manifest_bytes
from kit.bundle.model import (
    MANIFEST_NAME,
    BundleState,
    CheckSummary,
    DocumentRecord,
    FileRecord,
    LocaleBundle,
    Revision,
)
from kit.bundle.revision import source_revision
from kit.catalog.localize import LocalizedDocument
from kit.checks.words import DOCUMENT as WORDS_DOCUMENT
from kit.commands.gating import gated_localize
from kit.commands.loaders import help_errors, load_documents
from kit.commands.outcome import Action, Outcome
from kit.commands.site_index import write_merged_index
from kit.errors import KitError, MultipleErrors
from kit.files import write_bytes_if_changed
from kit.locales import LocaleInfo, parse_locale
from kit.model import Document
from kit.project import Project
from kit.site import handout_names

BUNDLES_DIR = "bundles"
REPORT_NAME = "report.html"
NOT_BUILT_HINT = "run kit build first (in CI: download and merge every shard's dist/ artifact)"


@dataclass(frozen=True)
class BundleOutcome:
    locale: str
    state: BundleState
    path: str  # dist/bundles/<locale>.zip, as the user should see it
    action: Action | None  # None: no zip written (omitted, or failed)
    reasons: tuple[str, ...] = ()
    failed: bool = False  # dist/ was incomplete or the zip could not be written (see the errors)


@dataclass(frozen=True)
class BundleReport:
    bundles: tuple[BundleOutcome, ...] = ()
    dashboard: Outcome | None = None
    index: Outcome | None = None  # dist/index.html, written on the merged dist/
    notes: tuple[str, ...] = ()
    errors: tuple[KitError, ...] = ()


@dataclass(frozen=True)
class Surveyed:
    """One locale as ``dist/`` holds it; ``problems`` stop its zip from being written."""

    bundle: LocaleBundle
    left_out: tuple[tuple[str, str], ...]
    problems: tuple[KitError, ...]


def run_bundle(
    project: Project, selected: tuple[str, ...], checks: CheckRunner | None = None, jobs: int = 1
) -> BundleReport:
    """``jobs``: worker processes for ``kit check``'s layouts (most of a bundle's time)."""
    chosen = {loc.code for loc in chosen_locales(project, selected)}
    surveyed = survey(project, checks or default_checks(jobs))
    outcomes: list[BundleOutcome] = []
    errors: list[KitError] = []
    ldocs = tuple(r.ldoc for item in surveyed for r in item.bundle.documents)
    index = _try(lambda: write_merged_index(project, ldocs), errors)
    for item in surveyed:
        if item.bundle.locale.code not in chosen:
            continue
        errors.extend(item.problems)
        try:
            outcomes.append(write_bundle(project, item))
        except KitError as exc:
            errors.append(exc)
            outcomes.append(_failed(project, item, "the zip could not be written"))
    dashboard = _try(lambda: write_dashboard(project, surveyed, tuple(outcomes)), errors)
    notes = _notes(project, surveyed, chosen)
    known = {(e.path, e.line, e.message) for e in errors}
    errors.extend(e for e in help_errors(project) if (e.path, e.line, e.message) not in known)
    return BundleReport(tuple(outcomes), dashboard, index, notes, tuple(errors))


def run_report(
    project: Project, selected: tuple[str, ...], checks: CheckRunner | None = None, jobs: int = 1
) -> BundleReport:
    chosen = {loc.code for loc in chosen_locales(project, selected)}
    surveyed = tuple(
        s for s in survey(project, checks or default_checks(jobs)) if s.bundle.locale.code in chosen
    )
    dashboard = write_dashboard(project, surveyed, ())
    return BundleReport(dashboard=dashboard, notes=_notes(project, surveyed, chosen))


def _try(step: Callable[[], Outcome | None], errors: list[KitError]) -> Outcome | None:
    """The index and the dashboard: a failure is reported beside the bundles'."""
    try:
        return step()
    except KitError as exc:
        errors.append(exc)
        return None


def default_checks(jobs: int = 1) -> CheckRunner:
    """``kit check`` as of SOURCE_DATE_EPOCH's day when set (so the summary is reproducible),
    else as of today (so content overdue for review shows up as such)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    today = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else None
    return kit_check(today, jobs)


def kit_check(today: dt.date | None = None, jobs: int = 1) -> CheckRunner:
    """The runner that calls ``kit check`` (``kit.commands.check.run_check``) once for the
    whole project. ``today`` is the date freshness checks compare review dates with; ``jobs``
    worker processes lay out the handouts' risky blocks (``render.overflow``), those not
    remembered in ``.kit-cache/`` (by ``kit check``, or the fragments of sharded checks that
    a CI bundle job downloads): read, never written (``kit.commands.check_cache``)."""

    def run(project: Project, ldocs: tuple[LocalizedDocument, ...]) -> Mapping[Key, CheckSummary]:
        from kit.commands.check import run_check
        from kit.commands.check_errors import CheckIncomplete

        try:
            report = run_check(project, today=today, jobs=jobs, recall=True)
        except CheckIncomplete as incomplete:  # a broken catalog: its locale's bundle fails
            report = incomplete.report  # on it (``_localize``); the others' summaries stand
        keys = {(ldoc.locale.code, ldoc.document.slug) for ldoc in ldocs} & set(report.checked)
        keys |= {(ldoc.locale.code, WORDS_DOCUMENT) for ldoc in ldocs if not ldoc.is_source}
        levels = {(row.locale, row.document): reading_level(row) for row in report.readability}
        return summarize(report.findings, sorted(keys), levels)

    return run


def chosen_locales(project: Project, selected: tuple[str, ...]) -> tuple[LocaleInfo, ...]:
    """The source locale and every target, or the selected ones (the source locale allowed)."""
    source = project.config.source_locale
    if not selected:
        return (source, *project.config.target_locales)
    targets = tuple(code for code in selected if parse_locale(code).code != source.code)
    with_source = len(targets) < len(selected)
    return ((source,) if with_source else ()) + (project.locales(targets) if targets else ())


def survey(project: Project, checks: CheckRunner) -> tuple[Surveyed, ...]:
    """Every locale of the project (source first) as dist/ holds it. A source document that
    does not load, or ``kit check`` failing on its input, stops everything (exit 2)."""
    docs, errors = load_documents(project)
    if errors:
        raise errors[0] if len(errors) == 1 else MultipleErrors(list(errors))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    revision = source_revision(project.config)
    locales = chosen_locales(project, ())
    localized = [_localize(project, docs, loc) for loc in locales]
    summaries = checks(project, tuple(ldoc for ldocs, _ in localized for ldoc in ldocs))
    return tuple(
        _survey_locale(project, locale, ldocs, problems, summaries, revision, epoch)
        for locale, (ldocs, problems) in zip(locales, localized, strict=True)
    )


def _localize(
    project: Project, docs: tuple[Document, ...], locale: LocaleInfo
) -> tuple[tuple[LocalizedDocument, ...], tuple[KitError, ...]]:
    ldocs: list[LocalizedDocument] = []
    problems: list[KitError] = []
    for doc in docs:
        try:
            ldocs.append(gated_localize(project, doc, locale))
        except KitError as exc:
            problems.append(exc)
    return tuple(ldocs), tuple(problems)


def _survey_locale(
    project: Project,
    locale: LocaleInfo,
    ldocs: tuple[LocalizedDocument, ...],
    problems: tuple[KitError, ...],
    summaries: Mapping[Key, CheckSummary],
    revision: Revision | None,
    epoch: str | None,
) -> Surveyed:
    out = project.config.output_dir
    folder = out / locale.code
    found = list_files(folder)
    selection = select(locale.code, found or (), ldocs, _handouts(project, ldocs, found or ()))
    if found is None and selection.documents:
        # Published documents but no folder at all: one error, not one per document.
        message = "the locale's build output folder does not exist"
        problems = (*problems, KitError(message, path=project.rel(folder), hint=NOT_BUILT_HINT))
    else:
        problems = (*problems, *_missing(project, selection))
    files = tuple(_record(out, path) for path in selection.included)
    records = tuple(
        DocumentRecord(
            ldoc,
            selection.files_of(ldoc.document.slug),
            summaries.get((locale.code, ldoc.document.slug)),
        )
        for ldoc in ldocs
    )
    bundle = LocaleBundle(
        project=project.config.project.name,
        kit_version=__version__,
        locale=locale,
        source_locale=project.config.source_locale,
        revision=revision,
        stamp=stamp_from(epoch, review_dates(ldocs)),
        gate=locale_gate(ldocs, project.config.bundle.failing),
        documents=records,
        files=files,
        words_checks=summaries.get((locale.code, WORDS_DOCUMENT)),
    )
    return Surveyed(bundle, selection.left_out, problems)


def _handouts(
    project: Project, ldocs: tuple[LocalizedDocument, ...], found: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    """Every PDF variant kit.toml asks for, per document, when PDFs were built."""
    if not any(name.endswith(".pdf") for name in found):
        return {}
    prints = project.config.print
    return {
        ldoc.document.slug: handout_names(ldoc.document.slug, prints, ldoc.is_source)
        for ldoc in ldocs
    }


def _missing(project: Project, selection: Selection) -> tuple[KitError, ...]:
    out = project.config.output_dir
    return tuple(
        KitError("missing from the build output", path=project.rel(out / path), hint=NOT_BUILT_HINT)
        for path in selection.missing
    )


def _record(out: Path, path: str) -> FileRecord:
    full = out / path
    return FileRecord(path, sha256_file(full), full.stat().st_size)


def bundle_path(project: Project, bundle: LocaleBundle) -> Path:
    return project.config.output_dir / BUNDLES_DIR / bundle.zip_name


def _failed(project: Project, item: Surveyed, why: str) -> BundleOutcome:
    shown = project.rel(bundle_path(project, item.bundle))
    return BundleOutcome(
        item.bundle.locale.code, item.bundle.gate.state, shown, None, (why,), failed=True
    )


def write_bundle(project: Project, item: Surveyed) -> BundleOutcome:
    """Write (or for an omitted locale, remove) one locale's zip; nothing if dist/ is incomplete."""
    bundle = item.bundle
    dest = bundle_path(project, bundle)
    shown = project.rel(dest)
    state = bundle.gate.state
    if item.problems:
        return _failed(project, item, "not bundled: " + _why_not(project, item.problems))
    if state is BundleState.OMITTED:
        _remove(dest, shown)
        return BundleOutcome(bundle.locale.code, state, shown, None, bundle.gate.reasons)
    manifest = Member(f"{bundle.folder}/{MANIFEST_NAME}", data=manifest_bytes(bundle))
    members = [Member(f.path, path=project.config.output_dir / f.path) for f in bundle.files]
    written = write_zip_atomic(dest, (*members, manifest), bundle.stamp, shown)
    action = Action.saved(written)
    return BundleOutcome(bundle.locale.code, state, shown, action, bundle.gate.reasons)


def _why_not(project: Project, problems: tuple[KitError, ...]) -> str:
    """What keeps a locale out of the bundles, in a few words (the errors say the rest)."""
    out = project.config.output_dir.resolve()
    if all(Path(project.root, p.path or "").resolve().is_relative_to(out) for p in problems):
        return "its dist/ folder is incomplete (see the errors)"
    return "a file it is made from cannot be read (see the errors)"


def _remove(dest: Path, shown: str) -> None:
    """An omitted locale's earlier bundle goes, so no stale zip is handed out."""
    try:
        dest.unlink(missing_ok=True)
    except OSError as exc:
        raise KitError(
            f"cannot remove the omitted locale's old bundle: {exc.strerror}", path=shown
        ) from exc


def write_dashboard(
    project: Project, surveyed: tuple[Surveyed, ...], outcomes: tuple[BundleOutcome, ...]
) -> Outcome:
    from kit.bundle.dashboard import render_report, report_view
    from kit.commands.register import issued_view

    out = project.config.output_dir
    dest = out / REPORT_NAME
    shown = project.rel(dest)
    bundles = tuple(s.bundle for s in surveyed)
    problems = {s.bundle.locale.code: s.problems for s in surveyed}
    view = report_view(bundles, problems, _zip_links(project, surveyed, outcomes))
    view = replace(view, issued=issued_view(project))
    html = render_report(view, project.config.templates_dir, project.root)
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = write_bytes_if_changed(dest, html.encode("utf-8"))
    except OSError as exc:
        raise KitError(
            f"cannot write the dashboard: {exc.strerror or exc}",
            path=shown,
            hint="make the folder writable, or set project.output_dir in kit.toml to one that is",
        ) from exc
    return Outcome(shown, Action.saved(written))


def _zip_links(
    project: Project, surveyed: tuple[Surveyed, ...], outcomes: tuple[BundleOutcome, ...]
) -> dict[str, str]:
    """Links to the bundles that are current: not failed or omitted in this run, not failing
    their gate, and on disk. An older zip of a locale whose dist/ is now incomplete is not linked."""
    failed = {o.locale for o in outcomes if o.action is None}
    return {
        item.bundle.locale.code: f"{BUNDLES_DIR}/{item.bundle.zip_name}"
        for item in surveyed
        if item.bundle.locale.code not in failed
        and not item.problems
        and item.bundle.gate.state is not BundleState.OMITTED
        and bundle_path(project, item.bundle).is_file()
    }


def _notes(project: Project, surveyed: tuple[Surveyed, ...], chosen: set[str]) -> tuple[str, ...]:
    out = project.config.output_dir
    return tuple(
        f"left out {project.rel(out / path)}: {why}"
        for item in surveyed
        if item.bundle.locale.code in chosen
        for path, why in item.left_out
    )


def summary_lines(report: BundleReport) -> tuple[str, ...]:
    """What the CLI prints on stderr: one line per bundle, the reasons, notes, a summary."""
    lines: list[str] = []
    for b in report.bundles:
        label = "failed" if b.failed else b.action.value if b.action is not None else "omitted"
        draft = " (draft)" if b.state is BundleState.DRAFT and b.action is not None else ""
        lines.append(f"{label:>9}  {b.path}{draft}")
        lines.extend(f"           {reason}" for reason in b.reasons)
    lines.extend(f"     note  {note}" for note in report.notes)
    for page in (report.index, report.dashboard):
        if page is not None:
            lines.append(f"{page.action.value:>9}  {page.path}")
    if report.bundles:
        lines.append(_summary(report.bundles, len(report.errors)))
    return tuple(lines)


def _summary(bundles: tuple[BundleOutcome, ...], errors: int) -> str:
    made = [b for b in bundles if b.action is not None]
    drafts = sum(1 for b in made if b.state is BundleState.DRAFT)
    failed = sum(1 for b in bundles if b.failed)
    omitted = len(bundles) - len(made) - failed
    written = sum(1 for b in made if b.action is Action.WRITTEN)
    return (
        f"summary: {len(made)} bundled ({written} written, {len(made) - written} unchanged, "
        f"{drafts} draft), {omitted} omitted, {failed} failed, {errors} error(s)"
    )
