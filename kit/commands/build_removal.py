"""Outputs ``kit build`` takes out of ``dist/``, so that no page or handout stays online that
its current inputs would not make (``kit.commands.build_doc``):

* every output of a withheld page, in every format, also those the build does not make
  (``--format html`` removes a withheld page's earlier handouts too): a translation withheld
  because its source changed a dose never stays online as a PDF;
* in a build that makes no PDF, handouts made from other inputs than the page's current
  ones (an earlier translation, template or kit): the page would offer them as its own. The
  build cache says what each output was made from (``build_doc`` compares); a handout it
  has no record of is taken out too. ``kit build --format pdf`` makes them again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kit.commands.build_report import Withheld
from kit.commands.outcome import Action, Outcome
from kit.errors import KitError, RenderError
from kit.project import Project
from kit.site import HandoutFile

OUTDATED = "made from other inputs than this page's; `kit build --format pdf` makes it again"


def withhold(
    project: Project, paths: Iterable[Path], reasons: tuple[str, ...], *, present_only: bool
) -> tuple[list[Withheld], list[KitError]]:
    """Remove a withheld page's outputs; those of a format this build does not make
    (``present_only``) are reported only when there was one to remove."""
    withheld: list[Withheld] = []
    errors: list[KitError] = []
    for path in paths:
        if present_only and not (path.is_file() or path.is_symlink()):
            continue
        withheld.append(Withheld(project.rel(path), reasons))
        error = _remove(project, path, "withheld")
        if error is not None:
            errors.append(error)
    return withheld, errors


def remove_outdated(
    project: Project, folder: Path, handouts: tuple[HandoutFile, ...]
) -> tuple[list[Outcome], list[KitError]]:
    """Take out handouts that are not the page's own any more."""
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    for handout in handouts:
        path = folder / handout.name
        error = _remove(project, path, "outdated")
        if error is None:
            outcomes.append(Outcome(project.rel(path), Action.REMOVED, OUTDATED))
        else:
            errors.append(error)
    return outcomes, errors


def _remove(project: Project, path: Path, why: str) -> KitError | None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        return RenderError(
            f"cannot remove the {why} output: {exc.strerror or exc}",
            path=project.rel(path),
            hint="remove it by hand",
        )
    return None
