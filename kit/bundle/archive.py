"""Byte-reproducible zip archives, written atomically.

The same members give the same bytes: entries sorted by name, no directory entries, one fixed
timestamp (``Stamp``), permissions 0644, no extra fields, no comment. Pages, stylesheets and
the manifest are deflated at level 9; files that are compressed already (PDF handouts, whose
streams are deflated by WeasyPrint, and PNG, JPEG, WebP, fonts) are stored as they are:
deflating them again gained about 5 % of their size for most of the zip's CPU time. Which
members are stored depends only on their names, so the bytes stay reproducible. (Deflate
output is zlib's; zlib has produced the same bytes for a given level for many years, but a
future zlib could differ. The manifest's sha256 of every member stays comparable.)

The zip is written to a temporary file beside the destination, flushed to disk and renamed
over it, so a full disk, an unwritable folder or an interrupted run never leaves a partial
zip: the old one (if any) stays or nothing is there. A zip whose bytes would not change is not
replaced, so its modification time stays put.
"""

from __future__ import annotations

import datetime as dt
import errno
import filecmp
import hashlib
import os
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kit.bundle.model import Stamp
from kit.catalog.localize import LocalizedDocument
from kit.errors import KitError

COMPRESSION = zipfile.ZIP_DEFLATED
COMPRESS_LEVEL = 9
STORED_SUFFIXES = frozenset(  # compressed already: stored as they are (see above)
    (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".zip", ".gz")
)
FILE_MODE = 0o100644  # regular file, rw-r--r--
DOS_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest time a zip entry can carry
DOS_LAST = dt.datetime(2107, 12, 31, 23, 59, 58, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Member:
    """One zip entry: its bytes come from ``path`` when given, else from ``data``."""

    name: str
    path: Path | None = None
    data: bytes = b""

    def read(self) -> bytes:
        return self.path.read_bytes() if self.path is not None else self.data


def stamp_from(source_date_epoch: str | None, dates: Iterable[dt.date]) -> Stamp:
    """``SOURCE_DATE_EPOCH`` when set, else midnight UTC of the newest of ``dates``."""
    if source_date_epoch:
        value = source_date_epoch.strip()
        if not value.isdigit():
            raise KitError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}",
                hint="set it to the commit time, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it",
            )
        return Stamp(dt.datetime.fromtimestamp(int(value), dt.UTC), "SOURCE_DATE_EPOCH")
    newest = max(dates, default=DOS_EPOCH.date())
    return Stamp(
        dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC), "newest review date"
    )


def zip_time(stamp: Stamp) -> tuple[int, int, int, int, int, int]:
    """The stamp as a zip entry's date and time (clamped to what a zip can hold)."""
    when = min(max(stamp.when, DOS_EPOCH), DOS_LAST)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def review_dates(ldocs: Iterable[LocalizedDocument]) -> tuple[dt.date, ...]:
    """The source review dates and the dates of sign-offs that still cover translations."""
    dates: list[dt.date] = []
    for ldoc in ldocs:
        dates.append(ldoc.document.meta.reviewed)
        review = ldoc.provenance.review if ldoc.provenance else None
        if review is not None:
            dates.extend(s.date for s in review.reviewers)
    return tuple(dates)


def list_files(folder: Path) -> tuple[str, ...] | None:
    """Regular files under ``folder``, relative to it with forward slashes; None if no folder."""
    if not folder.is_dir():
        return None
    names: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        base = Path(dirpath)
        for name in filenames:
            path = base / name
            if path.is_file() and not path.is_symlink():
                names.append(path.relative_to(folder).as_posix())
    return tuple(sorted(names))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def compression_for(name: str) -> int:
    """Deflate, or store for a format that is compressed already (by name only)."""
    stored = PurePosixPath(name).suffix.lower() in STORED_SUFFIXES
    return zipfile.ZIP_STORED if stored else COMPRESSION


def zip_info(name: str, stamp: Stamp) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=zip_time(stamp))
    info.compress_type = compression_for(name)
    info.create_system = 3  # Unix, so external_attr means the mode below on every platform
    info.external_attr = FILE_MODE << 16
    return info


def write_members(handle: zipfile.ZipFile, members: Iterable[Member], stamp: Stamp) -> None:
    seen: set[str] = set()
    for member in sorted(members, key=lambda m: m.name):
        if member.name in seen:
            raise ValueError(f"duplicate zip member {member.name!r}")
        seen.add(member.name)
        handle.writestr(zip_info(member.name, stamp), member.read(), compresslevel=COMPRESS_LEVEL)


def write_zip_atomic(dest: Path, members: Iterable[Member], stamp: Stamp, shown: str) -> bool:
    """Write the zip to ``dest``; True if written, False if identical bytes were already there.

    ``shown`` is how the user sees ``dest`` (for error messages).
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    except OSError as exc:
        raise _write_error(shown, exc) from exc
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=COMPRESSION, allowZip64=True) as archive:
                write_members(archive, members, stamp)
            raw.flush()
            os.fsync(raw.fileno())
        if dest.is_file() and filecmp.cmp(temp, dest, shallow=False):
            temp.unlink()
            return False
        os.chmod(temp, 0o644)
        os.replace(temp, dest)
        _fsync_dir(dest.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _write_error(shown, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return True


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable where the platform allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_error(shown: str, exc: OSError) -> KitError:
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        hint = (
            "free some disk space (or point project.output_dir elsewhere) and run kit bundle again"
        )
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "make the folder writable, or set project.output_dir in kit.toml to one that is"
    else:
        hint = "check the output folder and run kit bundle again; no partial zip was left behind"
    return KitError(f"cannot write the bundle: {reason}", path=shown, hint=hint)
