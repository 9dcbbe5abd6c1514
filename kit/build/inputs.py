"""Hash every input of a build from its bytes (no parsing), for ``kit.build.plan``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kit import __version__
from kit.build.plan import digest
from kit.errors import KitError
from kit.files import MAX_CATALOG_BYTES, read_project_bytes
from kit.locales import LocaleInfo, parse_locale
from kit.model import Block, Document, Figure, ListBlock, Paragraph, Quote
from kit.project import Project
from kit.words.lookup import DOMAIN, SHIPPED, fallback_codes


@dataclass(frozen=True)
class Shared:
    """What every page shares, hashed once per build: kit.toml's bytes, the templates and
    kit's words for each locale (a page's document is hashed by ``hash_document``, its own
    catalog and review record where they are read: ``page_hash``)."""

    config: bytes
    templates: str
    words: dict[str, str]


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


@dataclass(frozen=True)
class DocumentFiles:
    """What the end of a build needs of a parsed document: its slug, its source path and the
    images it shows (``src`` as written, each once, sorted), which the no-op stamp watches and
    pruning removes. A worker sends this back, not the document: unpickling 200 parsed
    documents cost the parent 20-35 ms of a 2.2 s ``--jobs 2`` build, CPU the workers lacked."""

    slug: str
    path: str
    images: tuple[str, ...]

    @classmethod
    def of(cls, doc: Document) -> DocumentFiles:
        return cls(doc.slug, doc.path, tuple(sorted(set(image_sources(doc.blocks)))))


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


def hash_shared(project: Project, locales: tuple[LocaleInfo, ...]) -> Shared:
    """What every page's hash holds besides its document: kit.toml, templates, words. A
    page's words are its locale's and every notice line's (``[language_help]``): editing
    the Somali line in ``so/kit.po`` changes every page that prints it."""
    helps = [parse_locale(code) for code in project.config.language_help.languages]
    notice = tuple(part for locale in helps for part in _words(project, locale))
    words = {locale.code: digest((*_words(project, locale), *notice)) for locale in locales}
    return Shared(_read(project.config.path), tree_hash(project.config.templates_dir), words)


def hash_document(project: Project, doc: Document, shared: Shared, data: bytes) -> str:
    """One document's hash: its bytes (``data``, as read for parsing), its images', kit.toml's
    and kit's version."""
    source = project.root / doc.path
    images = [_read(source.parent / src) for src in sorted(set(image_sources(doc.blocks)))]
    return digest((data, *images, shared.config, __version__))


def _words(project: Project, locale: LocaleInfo) -> tuple[bytes, ...]:
    """kit's own words a page in ``locale`` may show, as ``kit.words.lookup.translate`` looks
    them up: the project's kit.po and kit's shipped one, for the locale and its language."""
    out: list[bytes] = []
    for code in fallback_codes(locale):
        out.append(_read(project.po_path(parse_locale(code), DOMAIN)))
        out.append(_read(SHIPPED / code / "LC_MESSAGES" / f"{DOMAIN}.po"))
    return tuple(out)
