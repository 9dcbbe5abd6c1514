"""Atomic, change-only file writes: the file helpers every stage that writes shares.

A write goes to a temporary file in the target's folder, is flushed and fsynced, then
``os.replace``d over the target, so readers see either the old or the new file, never half
of one. The temporary file is removed on any failure. Writing only when the bytes differ
keeps mtimes (and so build caches and editors) quiet.

The data is fsynced before the rename, so after a power loss the name points at the whole
old or the whole new file (the folder is not fsynced: at worst the old file comes back).
Many files: ``write_files_atomic`` (one disk sync for all, then the renames, then each
folder), or ``sync=False`` writes followed by one ``sync_filesystem`` (``kit build``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import itertools
import os
import re
import stat
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kit.errors import KitError
from kit.reading import file_kind, read_open_file, resolved_under

NEW_FILE = -1  # a ``mode`` for a path known not to exist: the new file's own (umask) mode


def write_bytes_atomic(
    path: Path, data: bytes, *, sync: bool = True, mode: int | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically (same folder temp file, fsync, replace).
    ``sync=False``: no fsync (many outputs, then one ``sync_filesystem``); ``mode``: known
    (``NEW_FILE``: the path was just found missing), None: looked up."""
    tmp = _temp_file(path, data, sync, mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _temp_file(path: Path, data: bytes, sync: bool = True, mode: int | None = None) -> str:
    """``data`` in a new, fsynced (unless not ``sync``) ``.<name>.<pid>.<n>.tmp`` next to
    ``path``, with ``path``'s mode (a new file: what open() gives); stale temporary files of
    dead runs are removed first."""
    clean_stale_temps(path.parent)
    fd, tmp = _new_temp(path)
    try:
        try:
            written = 0
            while written < len(data):  # (a file object would cost an isatty and a seek)
                written += os.write(fd, memoryview(data)[written:])
            if sync:
                os.fsync(fd)
            if mode is None:
                with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                    mode = os.stat(path).st_mode & 0o7777
            if mode is not None and mode != NEW_FILE:
                os.fchmod(fd, mode)  # the file's own mode
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


_NUMBERS, _CREATE = itertools.count(), os.O_WRONLY | os.O_CREAT | os.O_EXCL


def _new_temp(path: Path) -> tuple[int, str]:
    """A new temporary file (``O_EXCL``), named by process id and a counter (no random name
    needed); a name left by a dead process of the same id is skipped."""
    prefix = f"{path.parent}{os.sep}.{path.name}.{os.getpid()}."
    for _ in range(1000):
        with contextlib.suppress(FileExistsError):
            tmp = f"{prefix}{next(_NUMBERS) % (1 << 32):08x}.tmp"
            return os.open(tmp, _CREATE, 0o666), tmp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", prefix)


def write_files_atomic(files: Sequence[tuple[Path, bytes]]) -> dict[Path, OSError]:
    """Replace each path with its bytes atomically, the disk syncs batched: all temporary
    files are written, made durable together (``_sync_all``), renamed, then each folder is
    fsynced once. A SIGKILL or a power loss at any moment leaves every target whole, old or
    new. Returns the files that could not be written, with their error."""
    failed: dict[Path, OSError] = {}
    temps: dict[Path, str] = {}
    try:
        for path, data in files:
            try:
                temps[path] = _temp_file(path, data, sync=False)
            except OSError as exc:
                failed[path] = exc
        try:
            _sync_all(list(temps.values()))
        except OSError as exc:  # nothing is renamed unless its data is on the disk
            failed.update(dict.fromkeys(temps, exc))
            return failed
        for path in list(temps):
            try:
                os.replace(temps.pop(path), path)
            except OSError as exc:
                failed[path] = exc
        for folder in {path.parent for path, _ in files if path not in failed}:
            with contextlib.suppress(OSError):  # the renames made durable (else each file is
                _fsync_name(str(folder))  # whole anyway)
    finally:
        for tmp in temps.values():  # those not renamed
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return failed


def _sync_all(names: list[str]) -> None:
    """Make these files' data durable: one ``syncfs(2)`` of their file system for many files
    (2,000 templates: 5.5 s of fsyncs, 0.2 s), else fsyncs, several at once."""
    syncfs = _libc_function("syncfs", (ctypes.c_int,))
    if syncfs is None or len(names) < 16:  # fewer: their own fsyncs cost less than a syncfs
        from concurrent.futures import ThreadPoolExecutor  # (and logging: not for every command)

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(_fsync_name, names))
        return
    for folder in {os.path.dirname(name) for name in names}:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(fd) != 0:
                code = ctypes.get_errno()
                raise OSError(code, os.strerror(code), folder)
        finally:
            os.close(fd)


def _fsync_name(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- temporary files of killed runs ---------------------------------------------------------

_TEMP = re.compile(r"^\..+?\.(?:(\d+)\.)?[a-z0-9_]{8}\.tmp$")
_LEGACY_TEMP_AGE = 3600.0  # seconds; a temp file without a process id is removed when older
_cleaned: set[str] = set()


def clean_stale_temps(folder: Path) -> list[str]:
    """Remove the temporary files a killed kit left in ``folder`` (once per folder and process):
    those whose process is gone, and old ones without a process id. Returns the names removed."""
    key = str(folder)
    if key in _cleaned:
        return []
    _cleaned.add(key)
    removed: list[str] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for match in filter(None, map(_TEMP.match, names)):
        name = match.group(0)
        path = folder / name
        try:
            if match.group(1) is not None:
                stale = not _alive(int(match.group(1)))
            else:
                stale = now - path.lstat().st_mtime > _LEGACY_TEMP_AGE
            if stale and not path.is_dir():
                path.unlink()
                removed.append(name)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    try:
        if pid != os.getpid():
            os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        pass  # someone else's process, or not a pid: keep its files
    return True


def write_text_atomic(path: Path, text: str) -> None:  # as UTF-8
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_if_changed(path: Path, data: bytes, *, sync: bool = True) -> bool:
    """Write ``data`` atomically unless ``path`` already holds exactly these bytes (True)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        mode = NEW_FILE  # (its folder may be missing too: then the temporary file says so)
    else:
        try:
            info = os.fstat(fd)
            if info.st_size == len(data) and os.read(fd, len(data) + 1) == data:
                return False  # (a short read is taken as a difference: written again)
            mode = info.st_mode & 0o7777
        finally:
            os.close(fd)
    write_bytes_atomic(path, data, sync=sync, mode=mode)
    return True


def sync_filesystem(folder: Path) -> None:
    """One ``syncfs`` of the file system holding ``folder`` (``os.sync`` without it) after
    many ``sync=False`` writes: 2,200 fsyncs took 11 s on a busy disk, one syncfs 0.03 s."""
    syncfs = _libc_function("syncfs", (ctypes.c_int,))
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs is not None and syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    os.sync()


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
        real, inside = resolved_under(os.fspath(path), os.fspath(root))
        if real != inside and not real.startswith(os.path.join(inside, "")):
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
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise error(
            f"is not a regular file ({file_kind(info.st_mode)})",
            path=name,
            hint="kit reads only ordinary files; replace it with the file itself",
        )
    try:
        data = read_open_file(fd, limit + 1, info.st_size)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(
            f"is larger than kit accepts ({limit:,} bytes)",
            path=name,
            hint="check that the file is the right one and was not damaged or pasted into",
        )
    return data


# -- replacing a file only if nobody changed it since it was read ---------------------------


class FileChanged(Exception):
    """The file no longer holds what was read: someone saved it meanwhile (it is left as is)."""


class LinkRefused(Exception):
    """The file is a symbolic link; kit never replaces a link with content."""


def replace_if_unchanged(path: Path, data: bytes, seen: bytes | None) -> bool:
    """Write ``data`` over ``path`` atomically, but only if ``path`` still holds ``seen``
    (``None``: it did not exist). Returns False when it already holds ``data``.

    An editor saves by writing a temporary file and renaming it over the catalog, and may do
    so at any moment. On Linux the final step is ``renameat2(RENAME_EXCHANGE)``: the new file
    and the current one swap names in one step, so what was current is still there to be
    compared with ``seen``; if an editor's save landed, it is swapped back and ``FileChanged``
    is raised. A new file is placed with ``RENAME_NOREPLACE``. Elsewhere the check runs just
    before ``os.replace`` (a window of microseconds)."""
    if path.is_symlink():
        raise LinkRefused(str(path))
    if _current(path) != seen:
        raise FileChanged(str(path))
    if seen == data:
        return False
    tmp = _temp_file(path, data)
    try:
        _swap_in(tmp, path, seen)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return True


def _current(path: Path) -> bytes | None:
    try:
        return read_project_bytes(path, None, MAX_CATALOG_BYTES * 2)
    except KitError:
        if path.exists() or path.is_symlink():
            raise FileChanged(str(path)) from None
        return None


def _swap_in(tmp: str, path: Path, seen: bytes | None) -> None:
    flags = _RENAME_NOREPLACE if seen is None else _RENAME_EXCHANGE
    if not _renameat2(tmp, str(path), flags):
        if _current(path) != seen:  # no atomic exchange here: check as late as possible
            raise FileChanged(str(path))
        os.replace(tmp, path)
        return
    if seen is None:
        return  # NOREPLACE succeeded: nobody created the file meanwhile
    try:
        previous = read_project_bytes(Path(tmp), None, MAX_CATALOG_BYTES * 2)
    except KitError:
        previous = None
    if previous != seen:  # an editor saved between our check and the swap: give it back
        _renameat2(tmp, str(path), _RENAME_EXCHANGE)
        raise FileChanged(str(path))


_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2(source: str, target: str, flags: int) -> bool:
    """``renameat2(2)``; False when the system or file system does not offer it. A file that
    appeared under ``target`` (NOREPLACE) is ``FileChanged``."""
    function = _libc_renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code == errno.EEXIST:
        raise FileChanged(target)
    if code == errno.ENOENT and flags == _RENAME_EXCHANGE:
        raise FileChanged(target)  # the catalog was removed meanwhile
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), target)


_LIBC: dict[str, Any] = {}


def _libc_function(name: str, argtypes: tuple[Any, ...]) -> Any:
    """The C library's ``name`` (returning int, setting errno), or None where it has none."""
    if name not in _LIBC:
        try:
            function = getattr(ctypes.CDLL(None, use_errno=True), name)
            function.argtypes = argtypes
            function.restype = ctypes.c_int
            _LIBC[name] = function
        except (AttributeError, OSError):
            _LIBC[name] = None
    return _LIBC[name]


def _libc_renameat2() -> Any:
    args = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    return _libc_function("renameat2", args)
