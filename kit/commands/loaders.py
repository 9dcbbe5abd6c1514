"""What several commands load the same way: documents, catalogs with their review records,
glossaries, and a document localized for one locale.

Commands share these loaders instead of borrowing from each other's modules. Each returns
frozen values (or raises ``KitError`` naming the file); none writes anything.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kit.catalog.back import BackLog, back_path
from kit.catalog.back import loads as back_loads
from kit.catalog.localize import LocalizedDocument, PublishPolicy, localize, source_localized
from kit.catalog.review import ReviewLog, loads, review_path
from kit.checks.glossary import Glossary, parse_glossary
from kit.checks.inputs import LocaleRules
from kit.checks.numbers import decimal_symbol, normalize_number
from kit.commands.dates import creation_date as creation_date  # re-exported
from kit.commands.words import load_project_words, read_project_words
from kit.errors import CatalogError, KitError, SourceError
from kit.files import MAX_CATALOG_BYTES, MAX_TEXT_BYTES, read_project_bytes
from kit.locales import LocaleInfo, parse_locale
from kit.locales import likely_script as locale_script
from kit.model import Document
from kit.po import PoEntry, PoFile, read_po
from kit.project import Project
from kit.reading import seen_by_lstat
from kit.sheets import SAVE_AS_HINT, SheetError, sheet_text
from kit.source.read import read_document, read_source, source_slug
from kit.words.notice import set_unreadable

GLOSSARY = "glossary.csv"
GLOSSARY_TBX = "glossary.tbx"
MEMORY_DIR = "memory"  # locales/memory/*.tmx: agencies' translation memories (kit import tmx)


def load_documents(project: Project) -> tuple[tuple[Document, ...], tuple[KitError, ...]]:
    """Parse every source document; a broken one is reported and the rest still load."""
    errors: list[KitError] = []
    docs = tuple(iter_documents(project, errors))
    return docs, tuple(errors)


def iter_documents(project: Project, errors: list[KitError]) -> Iterator[Document]:
    """``load_documents`` one document at a time; what cannot be loaded is appended to
    ``errors``."""
    seen: dict[str, str] = {}
    for path in project.source_files():
        try:
            project.check_inside(path)
            doc = read_document(path, project.root)
        except KitError as exc:
            errors.append(exc)
            continue
        if taken := _slug_taken(seen, doc.slug, doc.path):
            errors.append(taken)
            continue
        yield doc


@dataclass(frozen=True)
class SourceFile:
    """A source document as ``kit build`` hands it to a worker: its bytes, read once, and the
    slug its front matter gives (the worker parses the body)."""

    path: str  # as shown: relative to the project
    data: bytes
    slug: str


def iter_sources(project: Project, paths: Iterable[Path]) -> Iterator[SourceFile | KitError]:
    """Every source file in ``paths`` (as ``project.source_files()`` lists them), in order,
    read and its front matter parsed, or the error that stops it (unreadable, a broken front
    matter, a slug an earlier file has)."""
    seen: dict[str, str] = {}
    for path in paths:
        try:
            project.check_inside(path)
            rel, data = read_source(path, project.root)
            slug = source_slug(data, rel)
        except KitError as exc:
            yield exc
            continue
        yield _slug_taken(seen, slug, rel) or SourceFile(rel, data, slug)


def _slug_taken(seen: dict[str, str], slug: str, path: str) -> SourceError | None:
    """The error for a slug an earlier document has; else none, and ``path`` has it now."""
    if slug in seen:
        return SourceError(
            f"slug {slug!r} is already used by {seen[slug]}",
            path=path,
            hint="give each document its own slug",
        )
    seen[slug] = path
    return None


def policy_for(project: Project, locale: LocaleInfo) -> PublishPolicy:
    pub = project.config.publish
    return PublishPolicy(
        threshold=project.config.threshold(locale.code),
        below_threshold=pub.below_threshold,
        must_retranslate=pub.must_retranslate,
        require_review=pub.require_review,
        require_stages=pub.require_stages,
    )


def present(path: Path) -> bool:
    """The file is there, or a link is (a dangling or outside link is an error, not absent):
    ``path.is_symlink() or path.exists()`` in one ``lstat``."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        if exc.errno in _ABSENT:
            return False
        raise
    except ValueError:  # a NUL in the name, as pathlib answers
        return False
    seen_by_lstat(str(path), info.st_mode)  # reading it will not ask again
    return True


_ABSENT = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def read_review(po_path: Path, project: Project) -> ReviewLog:
    path = review_path(po_path)
    if not present(path):
        return ReviewLog()
    return parse_review(read_review_bytes(path, project), path, project)


def read_review_bytes(path: Path, project: Project) -> bytes:
    """The bytes of the review record at ``path`` (``review_path`` of a catalog)."""
    rel = project.rel(path.parent) + "/" + path.name
    return read_project_bytes(path, project.root, MAX_TEXT_BYTES, error=CatalogError, shown=rel)


def parse_review(data: bytes, path: Path, project: Project) -> ReviewLog:
    """A review record read by ``read_review_bytes`` (``kit build`` reads once, then parses)."""
    rel = project.rel(path.parent) + "/" + path.name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KitError(f"cannot read review sign-off: {exc}", path=rel) from exc
    return loads(text, rel)


def load_words(project: Project, locale: LocaleInfo) -> None:
    """Before rendering ``locale``: the project's own words (kit.po) override kit's, for the
    locale and for each language-help line. A help line whose language's kit.po cannot be
    read is left out (``kit build`` reports the error once: ``help_errors``); the page's own
    locale's raises."""
    for code in project.config.language_help.languages:  # each help line's own words
        help_locale = parse_locale(code)
        try:
            load_project_words(project, help_locale)
        except KitError:
            set_unreadable(help_locale.code, True)
        else:
            set_unreadable(help_locale.code, False)
    if locale.code != project.config.source_locale.code:
        load_project_words(project, locale)  # the project's kit.po overrides kit's words


def help_errors(project: Project) -> list[KitError]:
    """Why the project's kit.po of a ``[language_help]`` language cannot be read, for each
    such language: its line is left out of every page until it can."""
    errors: list[KitError] = []
    for code in project.config.language_help.languages:
        try:
            read_project_words(project, parse_locale(code))
        except KitError as exc:
            errors.append(exc)
    return errors


def localize_one(project: Project, doc: Document, locale: LocaleInfo) -> LocalizedDocument:
    load_words(project, locale)
    source = project.config.source_locale
    if locale.code == source.code:
        return source_localized(doc, source)
    path = project.po_path(locale, doc.slug)
    po = read_po(path, project.root) if present(path) else PoFile(header=PoEntry(msgid=""))
    review = read_review(path, project) if present(path) else ReviewLog()
    return localize(doc, po, locale, source, policy_for(project, locale), review, project.rel(path))


def load_glossary(project: Project, locale: LocaleInfo) -> Glossary:
    """``locales/<ll>/glossary.csv``, else ``glossary.tbx``, else none."""
    folder = project.config.locales_dir / locale.code
    for name in (GLOSSARY, GLOSSARY_TBX):
        path = folder / name
        if not present(path):
            continue
        rel = project.rel(path.parent) + "/" + path.name
        data = read_project_bytes(path, project.root, MAX_TEXT_BYTES, error=CatalogError, shown=rel)
        try:
            text = sheet_text(data) if name == GLOSSARY else data.decode("utf-8-sig")
        except SheetError as exc:
            raise CatalogError(
                f"glossary is {exc.message}", path=rel, line=exc.line, hint=SAVE_AS_HINT
            ) from exc
        except UnicodeDecodeError as exc:
            raise CatalogError("glossary is not UTF-8", path=rel, hint="save it as UTF-8") from exc
        if name == GLOSSARY:
            return parse_glossary(text, rel)
        from kit.checks.tbx import parse_tbx  # XML: loaded only for a TBX glossary

        source = project.config.source_locale.language
        return parse_tbx(text, rel, source, locale.language)
    return Glossary()


def agency_memory_files(project: Project) -> tuple[Path, ...]:
    return tuple(sorted((project.config.locales_dir / MEMORY_DIR).glob("*.tmx")))


def load_agency_memory(project: Project, locale: LocaleInfo) -> dict[str, tuple[str, str]]:
    """Source text → (translation, origin) from every stored agency memory for this locale;
    the first file (by name) that has a source wins."""
    from kit.exchange.tmx import pairs, read_tmx

    memory: dict[str, tuple[str, str]] = {}
    source = project.config.source_locale.bcp47
    for path in agency_memory_files(project):
        rel = project.rel(path)
        data = read_project_bytes(
            path, project.root, MAX_CATALOG_BYTES, error=CatalogError, shown=rel
        )
        for src, tgt in pairs(read_tmx(data, rel), source, locale.bcp47).items():
            memory.setdefault(src, (tgt, f"agency memory {rel}"))
    return memory


def read_back(po_path: Path, project: Project) -> BackLog:
    """The catalog's back-translations (``<slug>.back.json``), or none."""
    path = back_path(po_path)
    if not present(path):
        return BackLog()
    rel = project.rel(path)
    data = read_project_bytes(path, project.root, MAX_TEXT_BYTES, error=CatalogError, shown=rel)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError("back-translations are not UTF-8", path=rel) from exc
    return back_loads(text, rel)


def locale_rules(project: Project, locale: LocaleInfo, *, glossary: bool = True) -> LocaleRules:
    """``glossary=False`` leaves the glossary unread (the build's gate does not use it)."""
    config = project.config
    over = config.overrides(locale.code)
    terms = load_glossary(project, locale) if glossary else Glossary()
    decimal = over.decimal_mark or decimal_symbol(locale.code)
    return LocaleRules(
        code=locale.code,
        language=locale.language,
        script=locale.script or likely_script(locale.code),
        threshold=config.threshold(locale.code),
        allowed_numbers=frozenset(
            normalize_number(n, decimal) for n in over.allowed_numbers if "=" not in n
        ),
        number_swaps=frozenset(_swap(n, decimal) for n in over.allowed_numbers if "=" in n),
        localized_urls=over.localized_urls,
        decimal=over.decimal_mark,
        group=over.group_mark,
        identical_allowed=frozenset(t.casefold() for t in over.identical_allowed),
        require_review=config.publish.require_review,
        require_stages=config.publish.require_stages,
        glossary=terms,
    )


def _swap(item: str, decimal: str) -> tuple[str, str]:
    """``"911=112"``: the source's 911 may be 112 in this locale."""
    before, _, after = item.partition("=")
    return normalize_number(before.strip(), "."), normalize_number(after.strip(), decimal)


def likely_script(code: str) -> str:
    """The likely script of the locale's language (Latin when CLDR has none)."""
    return locale_script(code.split("_")[0]) or "Latn"
