"""Load what a build needs: every document in every locale, localized (``kit.catalog.localize``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.errors import KitError
from kit.locales import LocaleInfo
from kit.catalog.localize import LocalizedDocument, PublishPolicy, localize, source_localized
from kit.model import Document
from kit.po import PoEntry, PoFile, read_po
from kit.project import Project
from kit.catalog.review import SIDE_SUFFIX, ReviewLog, loads


@dataclass(frozen=True)
class Localized:
    documents: tuple[LocalizedDocument, ...]
    errors: tuple[KitError, ...]


def policy_for(project: Project, locale: LocaleInfo) -> PublishPolicy:
    pub = project.config.publish
    return PublishPolicy(
        threshold=project.config.threshold(locale.code),
        below_threshold=pub.below_threshold,
        must_retranslate=pub.must_retranslate,
        require_review=pub.require_review,
    )


def review_path(po_path: Path) -> Path:
    return po_path.with_name(po_path.stem + SIDE_SUFFIX)


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
    source = project.config.source_locale
    if locale.code == source.code:
        return source_localized(doc, source)
    path = project.po_path(locale, doc.slug)
    po = read_po(path) if path.exists() else PoFile(header=PoEntry(msgid=""))
    review = read_review(path, project) if path.exists() else ReviewLog()
    return localize(doc, po, locale, source, policy_for(project, locale), review, project.rel(path))


def localize_all(
    project: Project, docs: tuple[Document, ...], locales: tuple[LocaleInfo, ...]
) -> Localized:
    out: list[LocalizedDocument] = []
    errors: list[KitError] = []
    for doc in docs:
        for locale in locales:
            try:
                out.append(localize_one(project, doc, locale))
            except KitError as exc:
                errors.append(exc)
    return Localized(tuple(out), tuple(errors))
