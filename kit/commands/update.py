"""``kit update``: merge each template into each locale's catalog (``kit.merge``).

A malformed PO stops only that catalog (reported with file and line, left untouched); the
others are still updated. A PO whose content did not change is not rewritten.
"""

from __future__ import annotations

from pathlib import Path

from kit.commands.extract import creation_date
from kit.commands.init import new_catalog
from kit.commands.report import Action, Outcome, Report, collect
from kit.errors import KitError
from kit.locales import LocaleInfo
from kit.merge import Memory, MergeOptions, merge
from kit.po import PoFile, read_po, write_po_if_changed
from kit.project import Project
from kit.states import State, state


def run_update(
    project: Project, selected: tuple[str, ...] = (), prune_obsolete: bool = False
) -> Report:
    cfg = project.config
    options = MergeOptions(
        source_lang=cfg.source_locale.language,
        carry_over_trivial=cfg.update.carry_over_trivial_changes,
        trust_exact_memory=cfg.update.trust_exact_matches,
        critical_terms=cfg.update.critical_terms,
        prune_obsolete=prune_obsolete,
    )
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    pots: dict[str, PoFile] = {}
    for pot_path in project.pot_files():
        try:
            pots[pot_path.stem] = read_po(pot_path)
        except KitError as exc:
            errors.append(exc)
    for locale in project.locales(selected):
        catalogs, load_errors = _load_locale(project, locale, tuple(pots))
        errors.extend(load_errors)
        for slug, pot in pots.items():
            if slug not in catalogs:
                continue
            memory = (
                _memory(project, locale, catalogs, slug) if cfg.update.translation_memory else None
            )
            outcomes.append(
                _update_one(project, locale, slug, catalogs[slug], pot, options, memory)
            )
    return collect(outcomes, errors)


def _load_locale(
    project: Project, locale: LocaleInfo, slugs: tuple[str, ...]
) -> tuple[dict[str, PoFile | None], list[KitError]]:
    """Every catalog of one locale; ``None`` for one that does not exist yet."""
    catalogs: dict[str, PoFile | None] = {}
    errors: list[KitError] = []
    for slug in slugs:
        path = project.po_path(locale, slug)
        try:
            catalogs[slug] = read_po(path) if path.exists() else None
        except KitError as exc:
            errors.append(exc)
    return catalogs, errors


def _memory(
    project: Project, locale: LocaleInfo, catalogs: dict[str, PoFile | None], slug: str
) -> Memory:
    entries: dict[str, tuple[str, str]] = {}
    for other, po in sorted(catalogs.items()):
        if other == slug or po is None:
            continue
        origin = project.rel(project.po_path(locale, other))
        for entry in po.active:
            if (
                entry.msgctxt is None
                and state(entry) is State.TRANSLATED
                and entry.msgid_plural is None
            ):
                entries.setdefault(entry.msgid, (entry.msgstr, origin))
    return Memory(entries)


def _update_one(
    project: Project,
    locale: LocaleInfo,
    slug: str,
    old: PoFile | None,
    pot: PoFile,
    options: MergeOptions,
    memory: Memory | None,
) -> Outcome:
    path: Path = project.po_path(locale, slug)
    base = old if old is not None else new_catalog(pot, locale, creation_date()).with_entries(())
    merged = merge(base, pot, options, memory)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = write_po_if_changed(path, merged)
    return Outcome(project.rel(path), Action.WRITTEN if written else Action.UNCHANGED, locale.code)
