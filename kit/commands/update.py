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
from dataclasses import dataclass, replace
from pathlib import Path

from kit.catalog.merge import Memory, MergeOptions, merge
from kit.catalog.new import new_catalog
from kit.catalog.states import State, state
from kit.commands.loaders import creation_date, load_glossary
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.commands.po_records import load_records, save_records
from kit.commands.pool import WorkerPool
from kit.config import Config
from kit.errors import KitError
from kit.locales import LocaleInfo
from kit.po import PoFile, read_po
from kit.po.canonical import read_po_recorded, write_po_recorded
from kit.project import Project

_PARALLEL_FROM = 8  # catalogs; below this, worker processes cost more than they save


@dataclass(frozen=True)
class _Task:
    config: Config
    locale: LocaleInfo
    pot: Path
    options: MergeOptions
    memory_wanted: bool
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
            _Task(cfg, loc, pot, loc_options, wanted, records.get(_rel(project, loc, pot)))
            for pot in pots
        ]
    with WorkerPool(jobs if len(tasks) >= _PARALLEL_FROM else 1) as pool:
        results = pool.map(_update_task, tasks)
    memories: dict[str, _LocaleMemory] = {}
    for result in results:
        if result.needs_memory:
            code = result.task.locale.code
            if code not in memories:
                memories[code] = _LocaleMemory.build(project, result.task.locale, pots)
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
    return collect(outcomes, errors)


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


def _update_task(task: _Task, memory: _LocaleMemory | None = None) -> _Result:
    project = Project(task.config)
    slug = task.pot.stem
    path = project.po_path(task.locale, slug)
    try:
        pot = read_po(task.pot)
        old = read_po_recorded(path, task.recorded)[0] if path.exists() else None
        base = (
            old
            if old is not None
            else new_catalog(pot, task.locale, creation_date()).with_entries(())
        )
        merged = merge(base, pot, task.options, memory.for_document(slug) if memory else None)
        if memory is None and task.memory_wanted and _has_new_messages(base, merged):
            return _Result(task, needs_memory=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        written, digest = write_po_recorded(path, merged)
    except KitError as exc:
        return _Result(task, error=exc)
    action = Action.WRITTEN if written else Action.UNCHANGED
    return _Result(task, Outcome(project.rel(path), action, task.locale.code), digest=digest)


def _has_new_messages(old: PoFile, merged: PoFile) -> bool:
    known = {e.key for e in old.entries}
    return any(not e.has_translation and e.key not in known for e in merged.active)


@dataclass(frozen=True)
class _LocaleMemory:
    """Every translated message of one locale: msgid → [(document, translation, origin)]."""

    index: Mapping[str, tuple[tuple[str, str, str], ...]]

    @classmethod
    def build(cls, project: Project, locale: LocaleInfo, pots: tuple[Path, ...]) -> _LocaleMemory:
        index: dict[str, list[tuple[str, str, str]]] = {}
        for pot in pots:  # sorted, so the first document that has a translation wins
            path = project.po_path(locale, pot.stem)
            try:
                po = read_po(path) if path.exists() else None
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
        return cls({k: tuple(v) for k, v in index.items()})

    def for_document(self, slug: str) -> Memory:
        return Memory(_OtherDocuments(self.index, slug))


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
