"""Never empty for a family: when ``kit build`` withholds a page, the last registered version
of it (``register/issued.jsonl``, see ``kit.commands.register``) is published instead.

The registered files are rebuilt from their commit (once per commit) and copied into
``dist/`` only when every sha256 matches the register, so what a family gets is exactly what
was issued, with its own version and review date printed on it. They are kept in
``.kit-cache/issued/`` by sha256, so the next build copies them without rebuilding. An output
that was never issued stays absent.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from kit.bundle.register import IssuedRow
from kit.commands.build import BuildReport
from kit.commands.register import read_register, reproduce_files, sha256
from kit.errors import KitError
from kit.project import Project

STORE = Path(".kit-cache") / "issued"


@dataclass(frozen=True)
class Restored:
    row: IssuedRow
    reasons: tuple[str, ...]  # why the current version is withheld


def _withheld_keys(project: Project, report: BuildReport) -> dict[str, tuple[str, ...]]:
    """``"es/infant-all.html"`` (path inside dist/) → reasons, for every withheld file."""
    dist = project.config.output_dir
    keys: dict[str, tuple[str, ...]] = {}
    for item in report.withheld:
        path = (project.root / item.path).resolve()
        try:
            keys[path.relative_to(dist.resolve()).as_posix()] = item.reasons
        except ValueError:
            continue
    return keys


def _latest(rows: tuple[IssuedRow, ...], withheld: dict[str, tuple[str, ...]]) -> list[IssuedRow]:
    """The last registered row of each (document, locale) whose page is withheld now."""
    latest: dict[tuple[str, str], IssuedRow] = {}
    for row in rows:
        if any(name in withheld for name, _ in row.files):
            latest[(row.document, row.locale)] = row
    return list(latest.values())


def _from_store(project: Project, row: IssuedRow) -> bool:
    store = project.root / STORE
    if not all((store / digest).is_file() for _, digest in row.files):
        return False
    for name, digest in row.files:
        _place(project, name, store / digest)
    return True


def _place(project: Project, name: str, source: Path) -> None:
    target = project.config.output_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def serve_registered(project: Project, report: BuildReport, jobs: int = 1) -> tuple[Restored, ...]:
    """Publish the last registered version of every withheld page that was ever issued."""
    withheld = _withheld_keys(project, report)
    if not withheld or not (project.root / "register").is_dir():
        return ()
    rows = _latest(read_register(project), withheld)
    pending = [row for row in rows if not _from_store(project, row)]
    store = project.root / STORE
    store.mkdir(parents=True, exist_ok=True)
    for row, files in reproduce_files(project, pending, jobs):
        bad = [
            name for name, digest in row.files if name not in files or sha256(files[name]) != digest
        ]
        if bad:
            raise KitError(
                f"the registered version of {row.locale}/{row.document} ({row.commit[:12]}) "
                f"cannot be rebuilt identically: {', '.join(bad)}",
                path="register/issued.jsonl",
                hint="run kit reproduce to see why; is this the kit version in the row?",
            )
        for name, digest in row.files:
            shutil.copyfile(files[name], store / digest)
            _place(project, name, store / digest)
    return tuple(
        Restored(row, next((withheld[n] for n, _ in row.files if n in withheld), ()))
        for row in rows
    )
