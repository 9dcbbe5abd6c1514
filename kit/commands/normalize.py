"""``kit normalize``: rewrite catalogs into the canonical (GNU msgcat) form, content unchanged."""

from __future__ import annotations

from pathlib import Path

from kit.commands.outcome import Action, Outcome, Report, collect
from kit.errors import KitError
from kit.po import format_po, read_po, write_po_if_changed
from kit.project import Project


def catalog_paths(project: Project) -> tuple[Path, ...]:
    folder = project.config.locales_dir
    return tuple(sorted([*folder.glob("*.pot"), *folder.glob("*/LC_MESSAGES/*.po")]))


def run_normalize(project: Project | None, paths: tuple[Path, ...], check: bool) -> Report:
    targets = paths or (catalog_paths(project) if project is not None else ())
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    for path in targets:
        shown = project.rel(path) if project is not None else str(path)
        try:
            po = read_po(path, project.root if project is not None else None)
            if check:
                same = path.read_bytes() == format_po(po).encode("utf-8")
                outcomes.append(
                    Outcome(
                        shown,
                        Action.UNCHANGED if same else Action.WRITTEN,
                        "" if same else "not canonical",
                    )
                )
                continue
            written = write_po_if_changed(path, po)
        except KitError as exc:
            errors.append(exc)
            continue
        outcomes.append(Outcome(shown, Action.WRITTEN if written else Action.UNCHANGED))
    return collect(outcomes, errors)
