"""``kit update``: merge each template into each locale's catalog (``kit.catalog.merge``).

A malformed PO stops only that catalog (reported with file and line, left untouched); the
others are still updated. A PO whose content did not change is not rewritten.

Catalogs are merged in worker processes (``--jobs``). Translation memory is only needed for
a message that is new and matches nothing in its own catalog; a catalog with such messages is
merged again afterwards, in this process, with the memory of its locale (built once per
locale from every other catalog of that locale, as they are after the first pass).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from kit.catalog.merge import Memory, MergeOptions, merge
from kit.catalog.new import new_catalog
from kit.catalog.states import State, state
from kit.commands.loaders import (
    agency_memory_files,
    creation_date,
    load_agency_memory,
    load_glossary,
)
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.commands.po_records import load_records, save_records
from kit.commands.pool import WorkerPool
from kit.commands.words import update_words
from kit.config import Config
from kit.errors import CatalogError, KitError
from kit.files import MAX_CATALOG_BYTES, FileChanged, read_project_bytes
from kit.locales import LocaleInfo
from kit.po import PoFile, parse_po, read_po
from kit.po.canonical import digest, with_raw_text
from kit.po.save import replace_po_data_if_unchanged
from kit.po.write import format_po
from kit.project import Project

_PARALLEL_FROM = 8  # catalogs; below this, worker processes cost more than they save


@dataclass(frozen=True)
class _Task:
    config: Config
    locale: LocaleInfo
    pot: Path
    options: MergeOptions
    memory_wanted: bool
    agency_wanted: bool = False  # an agency memory is stored (kit import tmx)
    recorded: str | None = None  # digest of the catalog as kit last wrote it


@dataclass(frozen=True)
class _Result:
    task: _Task
    outcome: Outcome | None = None
    error: KitError | None = None
    needs_memory: bool = False
    digest: str | None = None  # of the catalog as written (or found unchanged)


def run_update(
    project: Project, selected: tuple[str, ...] = (), prune_obsolete: bool = False, jobs: int = 1
) -> Report:
    cfg = project.config
    options = MergeOptions(
        source_lang=cfg.source_locale.language,
        carry_over_trivial=cfg.update.carry_over_trivial_changes,
        trust_exact_memory=cfg.update.trust_exact_matches,
        critical_terms=cfg.update.critical_terms,
        prune_obsolete=prune_obsolete,
    )
    pots = project.pot_files()
    wanted = cfg.update.translation_memory and len(pots) > 1
    agency = bool(agency_memory_files(project))  # kit import tmx
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    tasks = []
    records = load_records(cfg.root)
    for loc in project.locales(selected):
        try:
            terms = (*options.critical_terms, *glossary_terms(project, loc))
        except KitError as exc:
            errors.append(exc)
            continue
        loc_options = replace(options, critical_terms=terms)
        tasks += [
            _Task(cfg, loc, pot, loc_options, wanted, agency, records.get(_rel(project, loc, pot)))
            for pot in pots
        ]
    with WorkerPool(jobs if len(tasks) >= _PARALLEL_FROM else 1) as pool:
        results = pool.map(_update_task, tasks)
    memories: dict[str, _LocaleMemory] = {}
    for result in results:
        if result.needs_memory:
            code = result.task.locale.code
            if code not in memories:
                try:
                    memories[code] = _LocaleMemory.build(project, result.task.locale, pots)
                except KitError as exc:  # a broken agency memory
                    memories[code] = _LocaleMemory({})
                    errors.append(exc)
            result = _update_task(result.task, memories[code])
        key = _rel(project, result.task.locale, result.task.pot)
        if result.digest:
            records[key] = result.digest
        else:
            records.pop(key, None)
        if result.outcome is not None:
            outcomes.append(result.outcome)
        if result.error is not None and not _reported(result.error, errors):
            errors.append(result.error)
    save_records(cfg.root, records)
    _update_words(project, project.locales(selected), options, outcomes, errors)
    return collect(outcomes, errors)


def _update_words(
    project: Project,
    locales: tuple[LocaleInfo, ...],
    options: MergeOptions,
    outcomes: list[Outcome],
    errors: list[KitError],
) -> None:
    """kit's own words: its template merged into each locale's kit.po (kit.commands.words)."""
    for loc in locales:
        try:
            outcome = update_words(project, loc, options)
        except KitError as exc:
            errors.append(exc)
            continue
        if outcome is not None:
            outcomes.append(outcome)


def _rel(project: Project, locale: LocaleInfo, pot: Path) -> str:
    return project.rel(project.po_path(locale, pot.stem))


def glossary_terms(project: Project, locale: LocaleInfo) -> tuple[str, ...]:
    """Source terms of the locale's glossary: a change to one forces must-retranslate."""
    return tuple(term.source for term in load_glossary(project, locale).terms)


def _reported(error: KitError, errors: list[KitError]) -> bool:
    """A broken template is reported once, not once per locale."""
    return any(
        (e.path, e.line, e.message) == (error.path, error.line, error.message) for e in errors
    )


_ATTEMPTS = 5  # a catalog saved by its translator during the merge is read and merged again


def _update_task(task: _Task, memory: _LocaleMemory | None = None) -> _Result:
    project = Project(task.config)
    path = project.po_path(task.locale, task.pot.stem)
    for _ in range(_ATTEMPTS):
        try:
            return _merge_once(task, memory, project, path)
        except FileChanged:
            continue  # the translator's save is kept; merge it again
        except KitError as exc:
            return _Result(task, error=exc)
    error = CatalogError(
        f"changed {_ATTEMPTS} times while kit update was merging it; left as last saved",
        path=project.rel(path),
        hint="save and close the catalog in the editor, then run kit update again",
    )
    return _Result(task, error=error)


def _merge_once(task: _Task, memory: _LocaleMemory | None, project: Project, path: Path) -> _Result:
    """Read, merge and write one catalog; ``FileChanged`` if it was saved meanwhile."""
    slug = task.pot.stem
    pot = read_po(task.pot, project.root)
    seen = None
    if path.exists() or path.is_symlink():
        seen = read_project_bytes(
            path, project.root, MAX_CATALOG_BYTES, error=CatalogError, shown=project.rel(path)
        )
    old = parse_po(seen, path) if seen is not None else None
    if old is not None and seen is not None and task.recorded and task.recorded == digest(seen):
        old = with_raw_text(
            old, seen.decode("utf-8")
        )  # kit wrote it: unchanged entries keep their text
    base = (
        old if old is not None else new_catalog(pot, task.locale, creation_date()).with_entries(())
    )
    merged = merge(base, pot, task.options, memory.for_document(slug) if memory else None)
    if memory is None and _needs_memory(task, base, merged):
        return _Result(task, needs_memory=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = format_po(merged).encode("utf-8")
    written = replace_po_data_if_unchanged(path, data, seen)
    digest_written = digest(data)
    action = Action.saved(written)
    return _Result(
        task, Outcome(project.rel(path), action, task.locale.code), digest=digest_written
    )


def _needs_memory(task: _Task, base: PoFile, merged: PoFile) -> bool:
    if task.agency_wanted and any(not e.has_translation for e in merged.active):
        return True
    return task.memory_wanted and _has_new_messages(base, merged)


def _has_new_messages(old: PoFile, merged: PoFile) -> bool:
    known = {e.key for e in old.entries}
    return any(not e.has_translation and e.key not in known for e in merged.active)


@dataclass(frozen=True)
class _LocaleMemory:
    """Every translated message of one locale: msgid → [(document, translation, origin)]."""

    index: Mapping[str, tuple[tuple[str, str, str], ...]]
    agency: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def build(cls, project: Project, locale: LocaleInfo, pots: tuple[Path, ...]) -> _LocaleMemory:
        index: dict[str, list[tuple[str, str, str]]] = {}
        wanted = project.config.update.translation_memory and len(pots) > 1
        for pot in (
            pots if wanted else ()
        ):  # sorted, so the first document that has a translation wins
            path = project.po_path(locale, pot.stem)
            try:
                po = read_po(path, project.root) if path.exists() else None
            except KitError:
                continue  # reported by its own task
            for entry in po.active if po is not None else ():
                if (
                    entry.msgctxt is None
                    and entry.msgid_plural is None
                    and state(entry) is State.TRANSLATED
                ):
                    index.setdefault(entry.msgid, []).append(
                        (pot.stem, entry.msgstr, project.rel(path))
                    )
        return cls({k: tuple(v) for k, v in index.items()}, load_agency_memory(project, locale))

    def for_document(self, slug: str) -> Memory:
        return Memory(_OtherDocuments(self.index, slug), self.agency)


class _OtherDocuments(Mapping[str, tuple[str, str]]):
    """The memory as one document sees it: translations from the *other* documents only."""

    def __init__(self, index: Mapping[str, tuple[tuple[str, str, str], ...]], slug: str) -> None:
        self.index = index
        self.slug = slug

    def __getitem__(self, msgid: str) -> tuple[str, str]:
        for slug, translation, origin in self.index.get(msgid, ()):
            if slug != self.slug:
                return translation, origin
        raise KeyError(msgid)

    def __contains__(self, msgid: object) -> bool:
        return isinstance(msgid, str) and any(
            s != self.slug for s, _, _ in self.index.get(msgid, ())
        )

    def __iter__(self) -> Iterator[str]:
        return (m for m in self.index if m in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)
