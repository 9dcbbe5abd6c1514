"""Step 2 of ``kit build`` (``kit.commands.build``): decide, per document and locale, whether
it is published: translation coverage and must-retranslate (``[publish]``) and the publish
gate (``kit.commands.gating``), from the cache when the inputs are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.build.inputs import Inputs
from kit.build.plan import Cache
from kit.bundle.register import REGISTER, parse_register
from kit.catalog.localize import Decision, LocalizedDocument
from kit.commands.gating import gated_localize
from kit.commands.pool import WorkerPool
from kit.commands.preflight import unexpected_error
from kit.config import Config
from kit.errors import KitError
from kit.locales import LocaleInfo
from kit.model import Document
from kit.project import Project
from kit.site import Published, Site

# Decisions cached by a kit without the publish gate (or an older gate) are made again.
GATE = 1


def decide(
    project: Project,
    docs: tuple[Document, ...],
    site: Site,
    inputs: Inputs,
    cache: Cache,
    pool: WorkerPool,
) -> tuple[dict[str, dict[str, object]], list[KitError]]:
    """Publish decision per (document, locale): from the cache when the inputs are the same,
    otherwise by localizing (in the worker processes: parsing catalogs is the slow part)."""
    decisions: dict[str, dict[str, object]] = {}
    pending: list[_DecideItem] = []
    for doc in docs:
        for locale in site.locales:
            key = f"{doc.slug}/{locale.code}"
            input_hash = inputs.page(doc.slug, locale.code)
            cached = cache.decisions.get(key)
            if cached is not None and (cached.get("hash"), cached.get("gate")) == (
                input_hash,
                GATE,
            ):
                decisions[key] = dict(cached)
            else:
                pending.append(_DecideItem(key, site.config, doc, locale, input_hash))
    errors: list[KitError] = []
    for key, record, error in pool.map(_decide_one, pending):
        if error is not None:
            errors.append(error)
        else:
            decisions[key] = record
    return decisions, errors


@dataclass(frozen=True)
class _DecideItem:
    key: str
    config: Config
    document: Document
    locale: LocaleInfo
    input_hash: str


def _decide_one(item: _DecideItem) -> tuple[str, dict[str, object], KitError | None]:
    try:
        ldoc = gated_localize(Project(item.config), item.document, item.locale)
    except KitError as exc:
        return item.key, {}, exc
    except Exception as exc:  # a bug while deciding fails this page only
        return item.key, {}, unexpected_error(exc, item.key, None)
    return item.key, _decision_record(ldoc, item.input_hash), None


def _decision_record(ldoc: LocalizedDocument, input_hash: str) -> dict[str, object]:
    return {
        "hash": input_hash,
        "gate": GATE,
        "decision": ldoc.publish.decision.value,
        "reasons": list(ldoc.publish.reasons),
        "title": ldoc.text(ldoc.document.title).text,
    }


def issued_keys(project: Project) -> frozenset[tuple[str, str]]:
    """(slug, locale) of every output in the issued-version register: a withheld one is served
    by its last issued version (``kit.commands.fallback``), so switchers and the index list it."""
    try:
        text = (project.root / REGISTER).read_text(encoding="utf-8")
        return frozenset((row.document, row.locale) for row in parse_register(text))
    except (OSError, UnicodeDecodeError, KitError):
        return frozenset()


def published_locales(
    docs: tuple[Document, ...],
    site: Site,
    decisions: dict[str, dict[str, object]],
    issued: frozenset[tuple[str, str]] = frozenset(),
) -> dict[str, Published]:
    result: dict[str, Published] = {}
    for doc in docs:
        pairs = [
            (locale, str(record["title"]))
            for locale in site.locales
            if (record := decisions.get(f"{doc.slug}/{locale.code}"))
            and (record["decision"] != Decision.WITHHOLD or (doc.slug, locale.code) in issued)
        ]
        result[doc.slug] = Published(
            doc.slug, doc.meta.title, tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)
        )
    return result
