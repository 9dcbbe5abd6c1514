"""What several commands load the same way: documents, catalogs with their review records,
glossaries, and a document localized for one locale.

Commands share these loaders instead of borrowing from each other's modules. Each returns
frozen values (or raises ``KitError`` naming the file); none writes anything.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from kit.catalog.localize import LocalizedDocument, PublishPolicy, localize, source_localized
from kit.catalog.review import ReviewLog, loads, review_path
from kit.checks.glossary import Glossary, parse_glossary
from kit.checks.tbx import parse_tbx
from kit.commands.words import load_project_words
from kit.errors import CatalogError, KitError, SourceError
from kit.locales import LocaleInfo, parse_locale
from kit.model import Document
from kit.po import PoEntry, PoFile, read_po
from kit.project import Project
from kit.source.parse import read_document

GLOSSARY = "glossary.csv"
GLOSSARY_TBX = "glossary.tbx"


def creation_date() -> str:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if epoch and epoch.isdigit()
        else dt.datetime.now(dt.UTC)
    )
    return when.strftime("%Y-%m-%d %H:%M+0000")


def load_documents(project: Project) -> tuple[tuple[Document, ...], tuple[KitError, ...]]:
    """Parse every source document; a broken one is reported and the rest still load."""
    docs: list[Document] = []
    errors: list[KitError] = []
    seen: dict[str, str] = {}
    for path in project.source_files():
        try:
            project.check_inside(path)
            doc = read_document(path, project.root)
        except KitError as exc:
            errors.append(exc)
            continue
        if doc.slug in seen:
            errors.append(
                SourceError(
                    f"slug {doc.slug!r} is already used by {seen[doc.slug]}",
                    path=doc.path,
                    hint="give each document its own slug",
                )
            )
            continue
        seen[doc.slug] = doc.path
        docs.append(doc)
    return tuple(docs), tuple(errors)


def policy_for(project: Project, locale: LocaleInfo) -> PublishPolicy:
    pub = project.config.publish
    return PublishPolicy(
        threshold=project.config.threshold(locale.code),
        below_threshold=pub.below_threshold,
        must_retranslate=pub.must_retranslate,
        require_review=pub.require_review,
    )


def read_review(po_path: Path, project: Project) -> ReviewLog:
    path = review_path(po_path)
    if not path.exists():
        return ReviewLog()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KitError(f"cannot read review sign-off: {exc}", path=project.rel(path)) from exc
    return loads(text, project.rel(path))


def localize_one(project: Project, doc: Document, locale: LocaleInfo) -> LocalizedDocument:
    for code in project.config.language_help.languages:  # each help line's own words
        load_project_words(project, parse_locale(code))
    source = project.config.source_locale
    if locale.code == source.code:
        return source_localized(doc, source)
    load_project_words(project, locale)  # the project's kit.po overrides kit's words
    path = project.po_path(locale, doc.slug)
    po = read_po(path) if path.exists() else PoFile(header=PoEntry(msgid=""))
    review = read_review(path, project) if path.exists() else ReviewLog()
    return localize(doc, po, locale, source, policy_for(project, locale), review, project.rel(path))


def load_glossary(project: Project, locale: LocaleInfo) -> Glossary:
    """``locales/<ll>/glossary.csv``, else ``glossary.tbx``, else none."""
    folder = project.config.locales_dir / locale.code
    for name in (GLOSSARY, GLOSSARY_TBX):
        path = folder / name
        if not path.is_file():
            continue
        rel = project.rel(path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CatalogError("glossary is not UTF-8", path=rel, hint="save it as UTF-8") from exc
        if name == GLOSSARY:
            return parse_glossary(text, rel)
        source = project.config.source_locale.language
        return parse_tbx(text, rel, source, locale.language)
    return Glossary()
