"""The parts of reading a project's file safely (``kit.files.read_project_bytes``) that every
file a build reads goes through: where the file really is (links followed), looked up
cheaply, what kind of file it is, and its bytes read without a file object."""

from __future__ import annotations

import functools
import os
import stat

from kit.snapshot import holds_once, keep


def resolved_under(path: str, root: str) -> tuple[str, str]:
    """``(os.path.realpath(path), os.path.realpath(root))``, cheaper for a path written under
    ``root``: only its own components below ``root`` are looked at (one ``lstat`` each), not
    the folders above the project, whose resolution is remembered (a build reads thousands
    of files; realpath looks at every component of each). Any link below ``root`` is
    resolved by realpath itself, so a link pointing out of the project is seen as one."""
    inside = real_folder(root)
    below = os.path.relpath(path, root) if os.path.isabs(path) == os.path.isabs(root) else ".."
    parts = below.split(os.sep)
    if below == "." or ".." in parts or ".." in path.split(os.sep):  # (``a/link/..``)
        return os.path.realpath(path), inside
    current = root
    for part in parts:
        current = os.path.join(current, part)
        if not not_link(current):
            return os.path.realpath(path), inside
    return os.path.join(inside, below), inside


def not_link(path: str) -> bool:
    """``path`` is there and is not a symbolic link (one ``lstat``, asked once per build:
    ``kit.snapshot``; a build reads every catalog below the same three folders)."""
    return holds_once(("not a link", path), lambda: _not_link(path))


def seen_by_lstat(path: str, mode: int) -> None:
    """What an ``lstat`` of ``path`` made elsewhere found: a file that is not a link need
    not be asked about again in this build (a build asks whether each catalog is there)."""
    if not stat.S_ISLNK(mode):
        keep(("not a link", path), True)


def _not_link(path: str) -> bool:
    try:
        return not stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


@functools.lru_cache(maxsize=512)
def real_folder(folder: str) -> str:
    """``os.path.realpath`` of a project's own folder (its root, its source folder), worked
    out once per process: what the project's files are checked to be inside."""
    return os.path.realpath(folder)


def read_open_file(fd: int, most: int, size: int) -> bytes:
    """Up to ``most`` bytes of an open file whose size was ``size`` (it may have grown): raw
    reads, without a file object's ``isatty`` and ``seek``."""
    chunks: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(fd, min(left, max(size + 1, 1 << 16)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket"}
_KINDS |= {stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


def file_kind(mode: int) -> str:
    """What a file that is not an ordinary one is, as a refusal names it."""
    return _KINDS.get(stat.S_IFMT(mode), "not an ordinary file")


def file_identity(path: str) -> tuple[int, int, int, int, int] | None:
    """A file's device, inode, size and modification and change times (any write changes its
    ctime), or None when it is not there: what says a file is still the one seen before."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
