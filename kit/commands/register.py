"""``kit issue`` and ``kit reproduce``: the issued-version register (``kit.bundle.register``).

``kit issue`` builds the committed inputs with ``SOURCE_DATE_EPOCH`` set to the commit's time
(so the bytes depend on the commit alone), then appends one row per published (document,
locale) to ``register/issued.jsonl`` with the sha256 of its page and handouts. ``kit
reproduce`` extracts a registered commit with ``git archive`` into a temporary folder, builds
it with the same kit and epoch, and compares every file with the register's sha256.
A project that is not a git repository, or whose inputs have uncommitted changes, is a clear
error: a registered version must be rebuildable from its commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kit import __version__
from kit.build.plan import Task
from kit.bundle.dashboard import IssuedView
from kit.bundle.register import REGISTER, IssuedRow, new_rows, parse_register, to_line
from kit.bundle.revision import source_revision
from kit.commands.build import BuildOptions, output_paths, run_build
from kit.commands.gating import gated_localize
from kit.commands.loaders import load_documents
from kit.config import load_config
from kit.errors import KitError, MultipleErrors
from kit.files import write_text_atomic
from kit.model import Document
from kit.project import Project

NOT_GIT_HINT = "run git init, git add -A and git commit in the project first"


@dataclass(frozen=True)
class Reproduced:
    row: IssuedRow
    mismatched: tuple[str, ...]  # files whose bytes differ or that were not rebuilt

    @property
    def identical(self) -> bool:
        return not self.mismatched


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as exc:
        raise KitError(f"cannot run git: {exc}", hint="install git") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise KitError(
            f"git {args[0]} failed: {message[-1] if message else done.returncode}",
            path=str(root),
            hint=NOT_GIT_HINT,
        )
    return done.stdout


@contextmanager
def source_date_epoch(epoch: int) -> Iterator[None]:
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_register(project: Project) -> tuple[IssuedRow, ...]:
    path = project.root / REGISTER
    if not path.exists():
        return ()
    return parse_register(path.read_text(encoding="utf-8"), REGISTER)


def _committed(project: Project) -> tuple[str, int]:
    revision = source_revision(project.config)
    if revision is None:
        raise KitError(
            "the project is not a git repository (or has no commit): the register records "
            "the git commit each issued version is rebuilt from",
            path=str(project.root),
            hint=NOT_GIT_HINT,
        )
    if revision.dirty:
        raise KitError(
            "kit.toml, source, locales or templates have changes that are not committed",
            path=str(project.root),
            hint="commit them first: an issued version must be rebuildable from its commit",
        )
    epoch = int(_git(project.root, "log", "-1", "--format=%ct", revision.commit).strip())
    return revision.commit, epoch


def _build(project: Project, locales: tuple[str, ...], epoch: int, jobs: int) -> None:
    with source_date_epoch(epoch):
        report = run_build(project, BuildOptions(locales=locales, jobs=jobs))
    if report.errors:
        errors = list(report.errors)
        raise errors[0] if len(errors) == 1 else MultipleErrors(errors)


def _files(project: Project, doc: Document, locale: str) -> tuple[tuple[str, str], ...]:
    paths = [
        p
        for fmt in ("html", "pdf")
        for p in output_paths(project, doc, Task(doc.slug, locale, fmt))
    ]
    if not paths[0].exists():  # the page was withheld: nothing of it is issued
        return ()
    dist = project.config.output_dir
    return tuple(sorted((p.relative_to(dist).as_posix(), sha256(p)) for p in paths if p.exists()))


def _reviewers(project: Project, doc: Document, code: str) -> tuple[str, ...]:
    locale = next(loc for loc in project.config.target_locales if loc.code == code)
    ldoc = gated_localize(project, doc, locale)
    review = ldoc.provenance.review if ldoc.provenance else None
    return tuple(
        f"{s.reviewer} ({s.role}, {s.date.isoformat()})"
        for s in (review.reviewers if review else ())
    )


def run_issue(project: Project, jobs: int = 1) -> tuple[IssuedRow, ...]:
    """Build the committed inputs (every locale: the language switchers list them all) and
    register what was published; returns the new rows."""
    locales: tuple[str, ...] = ()
    commit, epoch = _committed(project)
    _build(project, locales, epoch, jobs)
    docs, _ = load_documents(project)
    source = project.config.source_locale.code
    today = dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
    rows = [
        IssuedRow(
            document=doc.slug,
            locale=code,
            version=doc.meta.version,
            source_reviewed=doc.meta.reviewed.isoformat(),
            reviewers=() if code == source else _reviewers(project, doc, code),
            commit=commit,
            epoch=epoch,
            issued=today,
            kit=__version__,
            files=files,
        )
        for code in (source, *(loc.code for loc in project.locales(locales)))
        for doc in docs
        if (files := _files(project, doc, code))
    ]
    added = new_rows(read_register(project), rows)
    if added:
        path = project.root / REGISTER
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, old + "".join(to_line(row) for row in added))
    return added


def _extract(project: Project, commit: str, folder: Path) -> Path:
    """The project as of ``commit`` (``git archive``: the repository is not touched)."""
    prefix = _git(project.root, "rev-parse", "--show-prefix").decode().strip()
    data = _git(project.root, "archive", "--format=tar", commit)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(folder, filter="data")
        else:  # Python 3.11.0-3.11.3 (Debian 12 ships 3.11.2): the same rule, by hand
            archive.extractall(folder, members=_data_members(archive))
    return folder / prefix


def _data_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """What tarfile's ``"data"`` filter (Python 3.11.4 and later) extracts: files, folders and
    symbolic links, each inside the destination; anything else is an error, as it is there."""
    members = archive.getmembers()
    for member in members:
        where = os.path.normpath(member.name)
        inside = not os.path.isabs(where) and where.split(os.sep)[0] != ".."
        if member.issym():
            target = os.path.normpath(os.path.join(os.path.dirname(where), member.linkname))
            inside = inside and not os.path.isabs(member.linkname)
            inside = inside and target.split(os.sep)[0] != ".."
        if not inside or not (member.isfile() or member.isdir() or member.issym()):
            raise KitError(
                f"git archive gave {member.name!r}, which is not a file, folder or link inside the project",
                hint="remove it from the commit, or use Python 3.11.4 or later",
            )
        member.mode &= 0o755  # the "data" filter's rule: no set-id bits, no writes by others
    return members


def reproduce(project: Project, rows: list[IssuedRow], jobs: int = 1) -> list[Reproduced]:
    """Rebuild one commit (every row of ``rows`` shares it) and compare each row's files."""
    with tempfile.TemporaryDirectory(prefix="kit-reproduce-") as tmp:
        root = _extract(project, rows[0].commit, Path(tmp))
        old = Project(load_config(root))
        _build(old, (), rows[0].epoch, jobs)  # every locale, as kit issue: switchers agree
        dist = old.config.output_dir
        return [
            Reproduced(
                row,
                tuple(
                    name
                    for name, digest in row.files
                    if not (dist / name).is_file() or sha256(dist / name) != digest
                ),
            )
            for row in rows
        ]


def reproduce_files(
    project: Project, rows: list[IssuedRow], jobs: int = 1
) -> Iterator[tuple[IssuedRow, dict[str, Path]]]:
    """Each row with its files rebuilt from its commit (one build per commit), as paths that
    stay valid until the next row of another commit is asked for."""
    groups: dict[tuple[str, int], list[IssuedRow]] = {}
    for row in rows:
        groups.setdefault((row.commit, row.epoch), []).append(row)
    for (commit, epoch), group in groups.items():
        with tempfile.TemporaryDirectory(prefix="kit-reproduce-") as tmp:
            old = Project(load_config(_extract(project, commit, Path(tmp))))
            _build(old, (), epoch, jobs)
            dist = old.config.output_dir
            for row in group:
                yield row, {n: dist / n for n, _ in row.files if (dist / n).is_file()}


def run_reproduce(
    project: Project, document: str | None = None, locale: str | None = None, jobs: int = 1
) -> tuple[Reproduced, ...]:
    """Rebuild every registered row that matches, one build per (commit, epoch)."""
    rows = [
        row
        for row in read_register(project)
        if (document is None or row.document == document)
        and (locale is None or row.locale == locale)
    ]
    if not rows:
        raise KitError(
            "no registered version matches",
            path=REGISTER,
            hint="kit issue registers the published outputs; check --document and --locale",
        )
    groups: dict[tuple[str, int], list[IssuedRow]] = {}
    for row in rows:
        groups.setdefault((row.commit, row.epoch), []).append(row)
    return tuple(r for group in groups.values() for r in reproduce(project, group, jobs))


def issued_view(project: Project) -> tuple[IssuedView, ...]:
    """The register for the dashboard, newest first; an unreadable register shows empty."""
    try:
        rows = read_register(project)
    except (KitError, OSError, UnicodeDecodeError):
        return ()
    dist = project.config.output_dir

    def online(row: IssuedRow) -> bool:
        return all((dist / n).is_file() and sha256(dist / n) == d for n, d in row.files)

    return tuple(IssuedView(row, online(row)) for row in reversed(rows))
