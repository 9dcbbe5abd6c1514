"""``kit extract``: every ``source/<slug>.md`` → ``locales/<slug>.pot``, written only if its
messages changed (so the creation date stays put and git stays quiet)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from kit.catalog.extract import ExtractOptions, extract, pot_header
from kit.commands.dates import creation_date
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.commands.pool import WorkerPool
from kit.config import Config
from kit.errors import CatalogError, KitError, SourceError
from kit.files import (
    MAX_CATALOG_BYTES,
    clean_stale_temps,
    read_project_bytes,
    write_files_atomic,
)
from kit.model import Document
from kit.po import format_po
from kit.project import Project
from kit.source.read import read_document


def run_extract(project: Project, jobs: int = 1) -> Report:
    """Extract every document (in ``jobs`` worker processes when there are many), then write
    the templates that changed, all at once (``write_files_atomic``: one disk sync for all).
    Two documents with one slug: the second is an error."""
    paths = project.source_files()
    shown = project.rel(project.config.locales_dir)
    items = [_Item(project.config, path, shown) for path in paths]
    with WorkerPool(jobs if len(items) >= _PARALLEL_FROM else 1) as pool:
        results = pool.map(_extract_path, items)
    outcomes: dict[str, Outcome] = {}
    errors: list[KitError] = []
    seen: dict[str, str] = {}
    changed: list[tuple[Path, bytes]] = []
    for result in results:
        if result.error is not None:
            errors.append(result.error)
        elif result.slug in seen:
            errors.append(_duplicate(result.slug, result.source, seen[result.slug]))
        else:
            seen[result.slug] = result.source
            action = Action.UNCHANGED if result.data is None else Action.WRITTEN
            outcomes[result.slug] = Outcome(result.shown, action, f"{result.messages} messages")
            if result.data is not None:
                changed.append((project.pot_path(result.slug), result.data))
    for path, exc in _write(project, changed).items():
        errors.append(_write_error(path, exc))
        del outcomes[path.name.removesuffix(".pot")]
    return collect(list(outcomes.values()), errors)


_PARALLEL_FROM = 32  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class _Item:
    config: Config
    path: Path
    locales: str  # the locales folder as the user sees it (Project.rel)


@dataclass(frozen=True)
class _Extracted:
    source: str
    slug: str = ""
    data: bytes | None = None  # the new template, or None when it is unchanged
    messages: int = 0
    error: KitError | None = None
    shown: str = ""  # the template's path as the user sees it


def _duplicate(slug: str, source: str, first: str) -> KitError:
    return SourceError(
        f"slug {slug!r} is already used by {first}",
        path=source,
        hint="give each document its own slug",
    )


def _extract_path(item: _Item) -> _Extracted:
    """Parse one document and make its template (in a worker process); writes nothing."""
    project = Project(item.config)
    try:
        project.check_inside(item.path)
        doc = read_document(item.path, project.root, checked=True)
        path = project.pot_path(doc.slug)
        link = path.is_symlink()  # shown as where it leads, as Project.rel shows it
        shown = project.rel(path) if link else f"{item.locales}/{path.name}"
        data, messages = _template(project, doc, path, shown if link or path.exists() else None)
    except KitError as exc:
        return _Extracted(project.rel(item.path), error=exc)
    return _Extracted(doc.path, doc.slug, data, messages, shown=shown)


def _template(
    project: Project, doc: Document, path: Path, shown: str | None
) -> tuple[bytes | None, int]:
    """The new template's bytes, or None when its messages did not change (``shown``: the
    path of the old template, None if there is none). The comparison formats it with the old
    file's creation date, so the old file is never parsed."""
    old = None
    if shown is not None:
        old = read_project_bytes(
            path, project.root, MAX_CATALOG_BYTES, error=CatalogError, shown=shown
        )
    now = creation_date()
    date = _creation_date_of(old) if old is not None else None
    pot = extract(doc, options_for(project, date or now))
    text = format_po(pot).encode("utf-8")
    if old is not None and date is not None and text == old:
        return None, len(pot.entries)
    if date is not None and date != now:  # the messages changed: the template gets today's date
        pot = replace(pot, header=pot_header(doc, options_for(project, now)))
        text = format_po(pot).encode("utf-8")
    return text, len(pot.entries)


def _write(project: Project, changed: list[tuple[Path, bytes]]) -> dict[Path, OSError]:
    clean_stale_temps(project.config.locales_dir)  # a killed run's, even if nothing changed
    if not changed:
        return {}
    try:
        project.config.locales_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return dict.fromkeys((path for path, _ in changed), exc)
    return write_files_atomic(changed)


def _write_error(path: Path, exc: OSError) -> KitError:
    return CatalogError(
        f"cannot write template: {exc.strerror or exc}",
        path=path,
        hint="check that the locales folder is writable",
    )


def options_for(project: Project, date: str) -> ExtractOptions:
    cfg = project.config
    return ExtractOptions(
        references=cfg.extract.references,
        project_name=cfg.project.name,
        copyright_holder=cfg.extract.copyright_holder,
        bugs_address=cfg.extract.bugs_address,
        creation_date=date,
    )


_DATE = re.compile(rb'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.M)


def _creation_date_of(data: bytes) -> str | None:
    found = _DATE.search(data[:4096])
    return found.group(1).decode("utf-8", "replace") if found else None
