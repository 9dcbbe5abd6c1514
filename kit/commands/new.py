"""``kit new DIR``: a project that builds at once, from kit's own defaults
(``kit/data/project``): kit.toml, an example page in source/, a .gitignore for dist/. The
templates stay kit's own (the project has no templates/ folder, so kit uses its defaults)
unless ``--templates`` copies them in to be changed."""

from __future__ import annotations

from pathlib import Path

import tomlkit

from kit.commands.outcome import Action, Outcome, Report, collect
from kit.config import CONFIG_NAME, DEFAULT_PROJECT
from kit.errors import KitError
from kit.files import write_bytes_atomic, write_text_atomic


def run_new(target: Path, name: str | None = None, templates: bool = False) -> Report:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise KitError(
            f"{target} already exists and is not empty",
            path=target,
            hint="give a new folder name; kit new never writes into an existing project",
        )
    plan = _plan(templates)
    outcomes: list[Outcome] = []
    for relative, source in plan:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if relative == CONFIG_NAME:
            write_text_atomic(destination, _config(source, name or _title(target)))
        else:
            write_bytes_atomic(destination, source.read_bytes())
        outcomes.append(Outcome(str(destination), Action.WRITTEN))
    return collect(outcomes, [])


def _plan(templates: bool) -> list[tuple[str, Path]]:
    """(path in the new project, file of kit's defaults), in a stable order."""
    plan = [
        (CONFIG_NAME, DEFAULT_PROJECT / CONFIG_NAME),
        (".gitignore", DEFAULT_PROJECT / "gitignore"),
    ]
    folders = ("source", "templates") if templates else ("source",)
    for folder in folders:
        for path in sorted((DEFAULT_PROJECT / folder).rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                plan.append((path.relative_to(DEFAULT_PROJECT).as_posix(), path))
    return plan


def _config(source: Path, name: str) -> str:
    """kit's default kit.toml with the project's name, comments and layout kept."""
    document = tomlkit.parse(source.read_text(encoding="utf-8"))
    project = document["project"]
    assert isinstance(project, tomlkit.items.Table)
    project["name"] = name
    return tomlkit.dumps(document)


def _title(target: Path) -> str:
    return target.resolve().name.replace("-", " ").replace("_", " ").strip() or "kit project"
