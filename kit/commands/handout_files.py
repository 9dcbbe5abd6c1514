"""The PDF handouts a page links to: the files ``kit build`` wrote into ``dist/<locale>/``
(in this build, an earlier one, or another shard's merged into ``dist/``), with their page
count (read with pikepdf, which is qpdf: about 2 ms a handout, ten times pypdf) and size. A handout that is not there is not offered.

``kit build`` renders the PDFs first and the pages after them, so a page always describes the
bytes next to it; the page's fingerprint includes these numbers, so a page is rebuilt when its
handouts change.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kit.commands.listed import Listed
from kit.config import Config
from kit.site import HandoutFile, handout_kinds, output_name

_SEEN: dict[tuple[str, int, int], int] = {}  # (path, size, mtime) → pages, in this process
_LISTED = Listed()  # the output folders, as the running build found them (``forget_listings``)


def forget_listings() -> None:
    """At the start of a build: output folders are listed again when first asked about."""
    _LISTED.clear()


def page_count(path: Path) -> int | None:
    """Pages of a PDF, or None when it cannot be read as one."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return _pages(str(path), info)


def _pages(path: str, info: os.stat_result) -> int | None:
    key = (path, info.st_size, info.st_mtime_ns)
    if key not in _SEEN:
        import pikepdf

        try:
            with pikepdf.open(path) as pdf:
                _SEEN[key] = len(pdf.pages)
        except (OSError, pikepdf.PdfError, ValueError):
            return None
    return _SEEN[key]


def handout_files(
    config: Config, slug: str, locale: str, *, listed: bool = False
) -> tuple[HandoutFile, ...]:
    """The handouts of one document in one locale that exist in ``dist/``, in kit.toml's order
    (one ``stat`` of each possible name: a build asks this for every page). ``listed``: no
    handout is written while this build runs (it makes no PDF), so a name missing from the
    folder's listing, taken once per build (``forget_listings``), is absent without a
    ``stat``: most pages of an HTML-only build have no handout next to them."""
    folder = os.path.join(config.output_dir, locale)
    is_source = locale == config.source_locale.code
    found: list[HandoutFile] = []
    for kind in handout_kinds(config.print, is_source):
        name = output_name(slug, kind)
        path = os.path.join(folder, name)
        if listed and not _LISTED.may_exist(path):
            continue
        try:
            info = os.stat(path)
        except OSError:
            continue
        pages = _pages(path, info) if stat.S_ISREG(info.st_mode) else None
        if pages:
            found.append(HandoutFile(kind, name, pages, info.st_size))
    return tuple(found)
