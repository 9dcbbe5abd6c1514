"""``kit normalize``: rewrite catalogs into kit's canonical form (GNU msgcat's layout, one line
per comment, kit's header order, must-retranslate entries flagged fuzzy), content unchanged.
What another tool dropped and the file cannot give back is reported (``kit.catalog.tidy``)."""

from __future__ import annotations

from pathlib import Path

from kit.catalog.tidy import restore
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.errors import KitError
from kit.po import PoFile, format_po, read_po, write_po_if_changed
from kit.project import Project


def catalog_paths(project: Project) -> tuple[Path, ...]:
    folder = project.config.locales_dir
    return tuple(sorted([*folder.glob("*.pot"), *folder.glob("*/LC_MESSAGES/*.po")]))


def run_normalize(project: Project | None, paths: tuple[Path, ...], check: bool) -> Report:
    targets = paths or (catalog_paths(project) if project is not None else ())
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    warnings: list[str] = []
    for path in targets:
        shown = project.rel(path) if project is not None else str(path)
        try:
            po, losses = restore(
                read_po(path, project.root if project is not None else None),
                path.suffix == ".pot",
                _template(path),
            )
            warnings.extend(f"{shown}:{loss.line}: {loss.message}" for loss in losses)
            if check:
                same = path.read_bytes() == format_po(po).encode("utf-8")
                action = Action.UNCHANGED if same else Action.WOULD_WRITE
                outcomes.append(Outcome(shown, action, "" if same else "not in kit's form"))
                continue
            written = write_po_if_changed(path, po)
        except KitError as exc:
            errors.append(exc)
            continue
        outcomes.append(Outcome(shown, Action.WRITTEN if written else Action.UNCHANGED))
    return collect(outcomes, errors, warnings)


def _template(path: Path) -> PoFile | None:
    """``locales/<slug>.pot`` for ``locales/<ll>/LC_MESSAGES/<slug>.po``, when it is there."""
    pot = path.parent.parent.parent / f"{path.stem}.pot"
    if path.suffix != ".po" or path.parent.name != "LC_MESSAGES" or not pot.is_file():
        return None
    try:
        return read_po(pot)
    except KitError:
        return None  # reported when the template itself is normalized
