"""``kit init LOCALE...``: a new PO per document for each locale; never overwrites one."""

from __future__ import annotations

from kit.catalog.new import new_catalog
from kit.commands.loaders import creation_date
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.commands.words import init_words
from kit.errors import CatalogError, KitError
from kit.locales import parse_locale
from kit.po import read_po, write_po_if_changed
from kit.project import Project


def run_init(project: Project, codes: tuple[str, ...]) -> Report:
    locales = tuple(parse_locale(code) for code in codes)  # all codes valid before any write
    pots = project.pot_files()
    if not pots:
        raise CatalogError(
            "no templates (.pot) to start from",
            path=project.rel(project.config.locales_dir),
            hint="run 'kit extract' first",
        )
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    for locale in locales:
        for pot_path in pots:
            target = project.po_path(locale, pot_path.stem)
            if target.exists():
                outcomes.append(Outcome(project.rel(target), Action.EXISTS, "left as it is"))
                continue
            try:
                po = new_catalog(read_po(pot_path), locale, creation_date())
                target.parent.mkdir(parents=True, exist_ok=True)
                write_po_if_changed(target, po)
            except KitError as exc:
                errors.append(exc)
                continue
            outcomes.append(Outcome(project.rel(target), Action.WRITTEN, locale.english_name))
        try:
            outcomes.append(init_words(project, locale, creation_date()))
        except KitError as exc:
            errors.append(exc)
    return collect(outcomes, errors)
