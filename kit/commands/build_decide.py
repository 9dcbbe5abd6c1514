"""Step 2 of ``kit build`` (``kit.commands.build``): what is published, per document and
locale: translation coverage and must-retranslate (``[publish]``) and the publish gate
(``kit.commands.gating``). The decision is taken in ``kit.commands.build_doc`` (from the cache
when the inputs are the same); this module keeps its record and what the language switchers
and the index list.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.bundle.register import REGISTER, parse_register
from kit.catalog.localize import Decision, LocalizedDocument
from kit.errors import KitError
from kit.locales import LocaleInfo
from kit.model import Document
from kit.project import Project
from kit.site import Published, Site

# Decisions cached by a kit without the publish gate (or an older gate) are made again.
GATE = 1


def decision_record(ldoc: LocalizedDocument, input_hash: str) -> dict[str, object]:
    """What the build cache keeps of a publish decision (and the index needs: the title)."""
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


def published_of(
    doc: Document,
    locales: tuple[LocaleInfo, ...],
    records: Mapping[str, Mapping[str, object] | None],
    issued: frozenset[str] = frozenset(),
) -> Published:
    """The locales of ``doc`` that are published (or served by an issued version), from the
    decision records by locale code."""
    pairs = [
        (locale, str(record["title"]))
        for locale in locales
        if (record := records.get(locale.code))
        and (record["decision"] != Decision.WITHHOLD or locale.code in issued)
    ]
    return Published(
        doc.slug, doc.meta.title, tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)
    )


def published_locales(
    docs: tuple[Document, ...],
    site: Site,
    decisions: Mapping[str, Mapping[str, object]],
    issued: frozenset[tuple[str, str]] = frozenset(),
) -> dict[str, Published]:
    return {
        doc.slug: published_of(
            doc,
            site.locales,
            {loc.code: decisions.get(f"{doc.slug}/{loc.code}") for loc in site.locales},
            frozenset(code for slug, code in issued if slug == doc.slug),
        )
        for doc in docs
    }
