"""After a build: a locale folder left with no page and no handout (every one withheld) loses
the assets kit copied there for them (stylesheet, logo, images), and then its empty folders,
so ``dist/`` holds nothing of a locale that publishes nothing. Files kit did not put there
are left alone."""

from __future__ import annotations

import contextlib
from pathlib import Path

from kit.build.inputs import DocumentFiles
from kit.html.inline import safe_image_src
from kit.html.page import CSS_DEST
from kit.html.render import _logo_dest, image_dest
from kit.site import Site


def prune_unpublished_assets(output_dir: Path, site: Site, docs: tuple[DocumentFiles, ...]) -> None:
    for locale in site.locales:
        folder = output_dir / locale.code
        if not folder.is_dir() or _has_outputs(folder):
            continue
        for dest in _asset_dests(site, docs):
            with contextlib.suppress(OSError):
                (folder / dest).unlink(missing_ok=True)
        _remove_empty_folders(folder)


def _has_outputs(folder: Path) -> bool:
    return any(p.suffix in (".html", ".pdf") for p in folder.iterdir() if p.is_file())


def _asset_dests(site: Site, docs: tuple[DocumentFiles, ...]) -> set[str]:
    dests = {CSS_DEST}
    if logo := _logo_dest(site):
        dests.add(logo)
    for doc in docs:
        dests.update(image_dest(src) for src in doc.images if safe_image_src(src))
    return dests


def _remove_empty_folders(folder: Path) -> None:
    for path in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        with contextlib.suppress(OSError):
            path.rmdir()  # only empty ones go
    with contextlib.suppress(OSError):
        folder.rmdir()
