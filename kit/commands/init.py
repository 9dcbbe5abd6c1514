"""``kit init LOCALE...``: a new PO per document for each locale (never overwrites one), the
locale added to kit.toml's ``project.locales`` with the file's comments and layout kept
(tomlkit), and a regional variant seeded from its parent (``es_MX`` from ``es``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomlkit

from kit.catalog.new import new_catalog, parent_code, seeded
from kit.commands.loaders import creation_date
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.commands.words import init_words
from kit.config import parse_config
from kit.errors import CatalogError, ConfigError, KitError
from kit.files import write_text_atomic
from kit.locales import LocaleInfo, parse_locale
from kit.po import PoFile, read_po, write_po_if_changed
from kit.project import Project


def run_init(project: Project, codes: tuple[str, ...]) -> Report:
    locales = tuple(parse_locale(code) for code in codes)  # all codes valid before any write
    _refuse_source(project, locales)
    pots = project.pot_files()
    if not pots:
        raise CatalogError(
            "no templates (.pot) to start from",
            path=project.rel(project.config.locales_dir),
            hint="run 'kit extract' first",
        )
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    added = add_locales(project, locales)
    if added:
        outcomes.append(Outcome(project.rel(project.config.path), Action.WRITTEN, added))
    for locale in locales:
        for pot_path in pots:
            target = project.po_path(locale, pot_path.stem)
            if target.exists():
                outcomes.append(Outcome(project.rel(target), Action.EXISTS, "left as it is"))
                continue
            try:
                po, detail = _start(project, locale, pot_path)
                target.parent.mkdir(parents=True, exist_ok=True)
                write_po_if_changed(target, po)
            except KitError as exc:
                errors.append(exc)
                continue
            outcomes.append(Outcome(project.rel(target), Action.WRITTEN, detail))
        try:
            outcomes.append(init_words(project, locale, creation_date()))
        except KitError as exc:
            errors.append(exc)
    return collect(outcomes, errors)


def _refuse_source(project: Project, locales: tuple[LocaleInfo, ...]) -> None:
    source = project.config.source_locale
    for locale in locales:
        if locale.code == source.code:
            raise ConfigError(
                f"{locale.code} is the source locale: its text is source/*.md, not a catalog",
                path=project.rel(project.config.path),
                hint="kit init takes the locales you translate into (project.source_locale "
                "is the language the documents are written in)",
            )


def _start(project: Project, locale: LocaleInfo, pot_path: Path) -> tuple[PoFile, str]:
    po = new_catalog(read_po(pot_path, project.root), locale, creation_date())
    parent = parent_code(locale)
    if parent is None:
        return po, locale.english_name
    parent_path = project.po_path(parse_locale(parent), pot_path.stem)
    if not parent_path.is_file():
        return po, locale.english_name
    seeded_po = seeded(po, read_po(parent_path, project.root), parent, locale)
    count = sum(1 for e in seeded_po.entries if e.fuzzy)
    return seeded_po, f"{locale.english_name}; {count} seeded from {parent}, fuzzy until reviewed"


def add_locales(project: Project, locales: tuple[LocaleInfo, ...]) -> str:
    """Add the locales kit.toml lacks to ``project.locales``, keeping the file's comments and
    layout; "" when none was missing. The new file is validated before it is written."""
    configured = {loc.code for loc in project.config.target_locales}  # es-MX is es_MX
    missing = [loc.code for loc in locales if loc.code not in configured]
    if not missing:
        return ""
    path = project.config.path
    document = tomlkit.parse(path.read_text(encoding="utf-8"))
    table = document.setdefault("project", tomlkit.table())
    array = table.setdefault("locales", tomlkit.array())
    for code in missing:
        array.append(code)
    text = tomlkit.dumps(document)
    parse_config(tomllib.loads(text), project.root, text)  # raises if it would not load
    write_text_atomic(path, text)
    return f"added {', '.join(missing)} to project.locales"
