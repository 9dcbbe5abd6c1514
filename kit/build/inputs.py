"""Hash every input of a build from its bytes (no parsing), for ``kit.build.plan``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kit import __version__
from kit.build.plan import digest
from kit.errors import KitError
from kit.files import MAX_CATALOG_BYTES, read_project_bytes
from kit.locales import LocaleInfo
from kit.model import Block, Document, Figure, ListBlock, Paragraph, Quote
from kit.project import Project
from kit.words.lookup import DOMAIN, SHIPPED


@dataclass(frozen=True)
class Inputs:
    """What every page shares, hashed once per build; a page's own catalog and review record
    are hashed where they are read (``page_hash``), so each is read only once."""

    templates: str
    documents: dict[str, str]  # slug → hash of the document, its images, kit.toml, kit version
    words: dict[str, str]  # locale code → hash of kit's words for that locale


def page_hash(document: str, code: str, catalog: bytes, review: bytes, words: str) -> str:
    """The hash of one page's inputs (document × locale)."""
    return digest((document, code, catalog, review, words))


def _read(path: Path) -> bytes:
    """Bytes for hashing; a file kit refuses (a pipe, a device, too large) hashes as such and
    is reported by the stage that reads it."""
    try:
        return read_project_bytes(path, None, MAX_CATALOG_BYTES)
    except KitError:
        return b"<missing>"


def tree_hash(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return digest(part for p in files for part in (p.relative_to(folder).as_posix(), _read(p)))


def image_sources(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Figure):
            yield block.image.src
        elif isinstance(block, Paragraph):
            yield from (img.src for img in block.images)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from image_sources(item.blocks)
        elif isinstance(block, Quote):
            yield from image_sources(block.blocks)


def hash_inputs(
    project: Project, docs: tuple[Document, ...], locales: tuple[LocaleInfo, ...]
) -> Inputs:
    config = _read(project.config.path)
    documents: dict[str, str] = {}
    for doc in docs:
        source = project.root / doc.path
        images = [_read(source.parent / src) for src in sorted(set(image_sources(doc.blocks)))]
        documents[doc.slug] = digest((_read(source), *images, config, __version__))
    words = {locale.code: digest(_words(project, locale)) for locale in locales}
    return Inputs(tree_hash(project.config.templates_dir), documents, words)


def _words(project: Project, locale: LocaleInfo) -> tuple[bytes, ...]:
    """kit's own words for the locale: the project's kit.po and kit's shipped catalogs."""
    shipped = (
        SHIPPED / code / "LC_MESSAGES" / f"{DOMAIN}.po" for code in (locale.code, locale.language)
    )
    return (_read(project.po_path(locale, DOMAIN)), *(_read(p) for p in shipped))
