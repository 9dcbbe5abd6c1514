"""After a build: a locale folder left with no page and no handout (every one withheld) loses
the assets kit copied there for them (stylesheet, logo, images), and then its empty folders,
so ``dist/`` holds nothing of a locale that publishes nothing. Files kit did not put there
are left alone."""

from __future__ import annotations

import contextlib
from pathlib import Path

from kit.errors import KitError
from kit.html.page import CSS_DEST
from kit.html.render import _image_dest, _logo_dest, document_images
from kit.model import Document
from kit.site import Site


def prune_unpublished_assets(output_dir: Path, site: Site, docs: tuple[Document, ...]) -> None:
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


def _asset_dests(site: Site, docs: tuple[Document, ...]) -> set[str]:
    dests = {CSS_DEST}
    if logo := _logo_dest(site):
        dests.add(logo)
    for doc in docs:
        for image in document_images(doc.blocks):
            with contextlib.suppress(KitError):
                dests.add(_image_dest(image, doc.path))
    return dests


def _remove_empty_folders(folder: Path) -> None:
    for path in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        with contextlib.suppress(OSError):
            path.rmdir()  # only empty ones go
    with contextlib.suppress(OSError):
        folder.rmdir()
