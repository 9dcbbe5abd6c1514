"""``LocaleBundle`` → ``manifest.json`` (the shape is documented in the README).

Pure and deterministic: keys in a fixed order, documents in slug order, files in path order,
no "generated at" time other than the bundle's fixed ``Stamp``. The manifest does not list
itself (it cannot hold its own hash).
"""

from __future__ import annotations

import json
from typing import Any

from kit.bundle.model import (
    MANIFEST_FORMAT,
    BundleState,
    CheckSummary,
    DocumentRecord,
    LocaleBundle,
    ReadingLevel,
)
from kit.catalog.counts import CatalogStatus, StateCounts
from kit.catalog.review import ReviewStatus, signoff_data
from kit.locales import LocaleInfo

STATE_NAMES = ("translated", "fuzzy", "must_retranslate", "untranslated", "obsolete")


def manifest_bytes(bundle: LocaleBundle) -> bytes:
    text = json.dumps(manifest_data(bundle), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def manifest_data(bundle: LocaleBundle) -> dict[str, Any]:
    revision = bundle.revision
    draft = bundle.gate.state is BundleState.DRAFT
    commit = None if revision is None else {"commit": revision.commit, "dirty": revision.dirty}
    documents = sorted(bundle.documents, key=lambda r: r.slug)
    words = bundle.words_checks
    return {
        "format": MANIFEST_FORMAT,
        "kit_version": bundle.kit_version,
        "project": bundle.project,
        "locale": locale_data(bundle.locale),
        "source_locale": locale_data(bundle.source_locale),
        "status": "draft" if draft else "published",
        "draft_reasons": list(bundle.gate.reasons) if draft else [],
        "source_revision": commit,
        "timestamp": bundle.stamp.when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "timestamp_from": bundle.stamp.origin,
        "documents": [document_data(record) for record in documents],
        "words_checks": None if words is None else counts_data(words),
        "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in bundle.files],
    }


def locale_data(locale: LocaleInfo) -> dict[str, str]:
    return {
        "code": locale.code,
        "bcp47": locale.bcp47,
        "name": locale.native_name,
        "english_name": locale.english_name,
        "direction": locale.direction,
    }


def document_data(record: DocumentRecord) -> dict[str, Any]:
    ldoc = record.ldoc
    doc = ldoc.document
    provenance = ldoc.provenance
    return {
        "slug": doc.slug,
        "source": doc.path,
        "catalog": ldoc.po_path or None,
        "title": doc.meta.title,
        "localized_title": ldoc.text(doc.title).text,
        "version": doc.meta.version,
        "source_reviewed": doc.meta.reviewed.isoformat(),
        "next_review": doc.meta.next_review.isoformat() if doc.meta.next_review else None,
        "publish": {"decision": ldoc.publish.decision.value, "reasons": list(ldoc.publish.reasons)},
        "translation": None if ldoc.status is None else translation_data(ldoc.status),
        "translator": (provenance.translator or None) if provenance else None,
        "machine_draft": (provenance.machine_draft or None) if provenance else None,
        "review": review_data(provenance.review) if provenance and provenance.review else None,
        "checks": None if record.checks is None else checks_data(record.checks),
        "files": list(record.files),
    }


def _counts(counts: StateCounts) -> dict[str, int]:
    return {"messages": counts.messages, "words": counts.words}


def translation_data(status: CatalogStatus) -> dict[str, Any]:
    """The same keys as one catalog of ``kit status --format json``."""
    data: dict[str, Any] = {name: _counts(getattr(status, name)) for name in STATE_NAMES}
    data["total"] = _counts(status.total)
    data["percent_translated"] = round(status.percent_messages, 1)
    data["percent_words_translated"] = round(status.percent_words, 1)
    return data


def review_data(review: ReviewStatus) -> dict[str, Any]:
    return {
        "complete": review.complete,
        "reviewed": review.reviewed,
        "unreviewed": review.unreviewed,
        "signoffs": [signoff_data(s) for s in review.reviewers],
    }


def checks_data(checks: CheckSummary) -> dict[str, Any]:
    level = checks.reading_level
    reading = None if level is None else reading_level_data(level)
    return {**counts_data(checks), "reading_level": reading}


def counts_data(checks: CheckSummary) -> dict[str, Any]:
    return {"error": checks.error, "warning": checks.warning, "info": checks.info}


def reading_level_data(level: ReadingLevel) -> dict[str, Any]:
    return {
        "formula": level.formula,
        "value": None if level.value is None else round(level.value, 1),
        "grade": None if level.grade is None else round(level.grade, 1),
        "target": level.target or None,
        "meets_target": level.meets_target,
        "note": level.note or None,
    }
