"""``kit normalize``: rewrite catalogs into kit's canonical form (GNU msgcat's layout, one line
per comment, kit's header order, must-retranslate entries flagged fuzzy), content unchanged.
What another tool dropped and the file cannot give back is reported (``kit.catalog.tidy``)."""

from __future__ import annotations

from pathlib import Path

from kit.catalog.tidy import restore
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.errors import CatalogError, KitError
from kit.files import MAX_CATALOG_BYTES, FileChanged, read_project_bytes
from kit.po import PoFile, format_po, parse_po, read_po, replace_po_if_unchanged
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
            root = project.root if project is not None else None
            seen = read_project_bytes(
                path, root, MAX_CATALOG_BYTES, error=CatalogError, shown=shown
            )
            po, losses = restore(parse_po(seen, path), path.suffix == ".pot", _template(path))
            warnings.extend(f"{shown}:{loss.line}: {loss.message}" for loss in losses)
            if check:
                same = seen == format_po(po).encode("utf-8")
                action = Action.UNCHANGED if same else Action.WOULD_WRITE
                outcomes.append(Outcome(shown, action, "" if same else "not in kit's form"))
                continue
            written = replace_po_if_unchanged(path, po, seen)
        except FileChanged:
            errors.append(
                CatalogError(
                    "was saved by someone else while kit normalize ran; left as they saved it",
                    path=shown,
                    hint="run kit normalize again when the editor has saved",
                )
            )
            continue
        except KitError as exc:
            errors.append(exc)
            continue
        outcomes.append(Outcome(shown, Action.saved(written)))
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
