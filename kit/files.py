"""Atomic, change-only file writes: the file helpers every stage that writes shares.

A write goes to a temporary file in the target's folder, is flushed and fsynced, then
``os.replace``d over the target, so readers see either the old or the new file, never half
of one. The temporary file is removed on any failure. Writing only when the bytes differ
keeps mtimes (and so build caches and editors) quiet.

The file's data is fsynced before the rename, so even after a power loss the name points at
either the complete old file or the complete new one. The folder itself is not fsynced after
the rename: that would only make the *rename* durable, at a cost that dominated writing many
small files (2,000 templates: 29 s with it, 14 s without), and losing it means at worst
seeing the complete old file again.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from kit.errors import KitError


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (same folder temp file, fsync, replace)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())  # what open() would have given
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` encoded as UTF-8, atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless ``path`` already holds exactly these bytes.
    Returns True when the file was written."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_bytes_atomic(path, data)
    return True


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


# -- reading project files safely ---------------------------------------------------------

MAX_CATALOG_BYTES = 20_000_000  # a catalog of one patient-education document is ~100 KB
MAX_SOURCE_BYTES = 2_000_000
MAX_TEXT_BYTES = 5_000_000  # templates, glossaries, review records, kit.toml
MAX_IMAGE_BYTES = 50_000_000


def read_project_bytes(
    path: Path,
    root: Path | None,
    limit: int,
    *,
    error: type[KitError] = KitError,
    shown: str | None = None,
) -> bytes:
    """The bytes of ``path``, refused with ``error`` unless it is a regular file inside
    ``root`` (after following links) of at most ``limit`` bytes.

    Opens with ``O_NONBLOCK`` so a named pipe cannot hang the run, checks the opened file
    (``fstat``, so what is checked is what is read), and reads at most ``limit + 1`` bytes
    so a device such as ``/dev/zero`` cannot grow memory. ``root`` None skips the inside rule
    (a file the user named on the command line)."""
    name = shown or str(path)
    if root is not None:
        real = path.resolve()
        if not real.is_relative_to(root.resolve()):
            raise error(
                f"is a link to a file outside the project ({real})",
                path=name,
                hint="copy the file into the project instead of linking to it",
            )
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise error(
            f"cannot read: {exc.strerror or exc}",
            path=name,
            hint="check that the file exists and is readable",
        ) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(
                f"is not a regular file ({_kind(info.st_mode)})",
                path=name,
                hint="kit reads only ordinary files; replace it with the file itself",
            )
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise error(
            f"is larger than kit accepts ({limit:,} bytes)",
            path=name,
            hint="check that the file is the right one and was not damaged or pasted into",
        )
    return data


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not an ordinary file"
