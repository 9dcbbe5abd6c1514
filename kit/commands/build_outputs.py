"""Where ``kit build`` puts each output, and how it writes one: atomically, without a disk
sync each (the build makes them durable at once), a page's stylesheet and images once per
build (``kit.commands.build_doc``)."""

from __future__ import annotations

import os
from pathlib import Path

from kit.build.plan import Task
from kit.catalog.localize import Decision, LocalizedDocument
from kit.commands.outcome import Action, Outcome
from kit.errors import RenderError
from kit.files import write_bytes_if_changed
from kit.model import Document
from kit.project import Project
from kit.reading import file_identity
from kit.site import PAGE, handout_names, output_name
from kit.snapshot import holds_once, keep


def forget_folders() -> None:
    """Keep the shown names of output folders bounded (one process may build many times)."""
    if len(_FOLDERS) > 1024:
        _FOLDERS.clear()


def output_dir(project: Project, locale_code: str) -> Path:
    return project.config.output_dir / locale_code


def output_paths(project: Project, doc: Document, task: Task) -> tuple[Path, ...]:
    folder = output_dir(project, task.locale)
    if task.fmt == "html":
        return (folder / output_name(doc.slug, PAGE),)
    is_source = task.locale == project.config.source_locale.code
    return tuple(folder / n for n in handout_names(doc.slug, project.config.print, is_source))


def shown(project: Project, path: Path) -> str:
    """``project.rel`` of an output (written or to be: kit replaces a link with a file), its
    folder resolved once per process (a folder swapped for a link while kit runs shows under
    its old name: only what is shown depends on it) instead of twice per output."""
    key = (project.root, path.parent)
    folder = _FOLDERS.get(key)
    if folder is None:
        folder = _FOLDERS[key] = project.rel(path.parent)
    if os.path.isabs(folder):  # outside the project: shown as it is
        return str(path)
    return path.name if folder == "." else f"{folder}/{path.name}"


_FOLDERS: dict[tuple[Path, Path], str] = {}  # (root, output folder) → shown


def nonempty(path: Path) -> bool:
    """An output is there and not empty (no output of kit is: an empty one is a file a power
    loss cut short, and is made again)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def save(project: Project, path: Path, data: bytes, *, sync: bool = True) -> bool:
    """Write an output atomically; an unwritable folder or a full disk is a ``KitError``.
    The build saves with ``sync=False`` and makes everything durable at once at the end
    (``kit.files.sync_filesystem``), before its cache names the outputs."""
    try:
        try:
            return write_bytes_if_changed(path, data, sync=sync)
        except FileNotFoundError:  # its folder is not there yet (asked only then: cheaper)
            path.parent.mkdir(parents=True, exist_ok=True)
            return write_bytes_if_changed(path, data, sync=sync)
    except OSError as exc:
        raise RenderError(
            f"cannot write the output: {exc.strerror or exc}",
            path=project.rel(path),
            hint="check that the output folder (project.output_dir) is writable and the disk has room",
        ) from exc


def save_asset(project: Project, path: Path, data: bytes) -> None:
    """A stylesheet or image beside a page: every page of a locale names the same few, so
    one this process wrote is not read back while it is still as written (``stat``)."""
    known = _ASSETS.get(path)
    if known is not None and known[0] == data and _still(path, known[1]):
        return
    save(project, path, data, sync=False)
    identity = file_identity(str(path))
    if identity is not None and len(data) <= 1 << 20:  # large images are read again
        if len(_ASSETS) >= 4096:
            _ASSETS.clear()
        _ASSETS[path] = (data, identity)
        keep(("asset", path, identity), True)  # this build wrote it: no need to look again


def _still(path: Path, identity: tuple[int, ...]) -> bool:
    """The asset at ``path`` is the file written with ``identity`` (once per build)."""
    return holds_once(("asset", path, identity), lambda: file_identity(str(path)) == identity)


_ASSETS: dict[Path, tuple[bytes, tuple[int, ...]]] = {}  # path → bytes, file identity


def write_output(project: Project, path: Path, data: bytes, ldoc: LocalizedDocument) -> Outcome:
    written = save(project, path, data, sync=False)
    note = "; ".join(ldoc.publish.reasons) if ldoc.publish.decision is Decision.BANNER else ""
    return Outcome(shown(project, path), Action.saved(written), note)
