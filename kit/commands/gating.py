"""The build's publish gate: ``kit check``'s translation checks on one (document, locale), with
the same suppressions, ``checks.disable`` and ``checks.severity`` as ``kit check``, folded
into the publish decision (``kit.build.gate`` decides; this module only reads the files).

``kit build`` and ``kit bundle``/``kit report`` localize through ``gated_localize``, so a page
whose link dials another number than it shows is withheld by the build alone, whatever order
CI runs its jobs in, and the dashboard gives the same reason.

Cheap by construction: the catalog is read once for both the page and the gate; the source
document is not scanned again (source suppressions cover source lines only) and the glossary
is not loaded (``glossary.term`` is advice, not a gate check).
"""

from __future__ import annotations

import datetime as dt

from kit.build.gate import evaluate, gated, policy_from
from kit.catalog.localize import LocalizedDocument, PublishDecision, localize, source_localized
from kit.catalog.review import ReviewLog
from kit.checks import translations
from kit.checks.inputs import CatalogUnit, Options, SourceUnit
from kit.checks.suppressions import finalize, from_po
from kit.commands.loaders import locale_rules, policy_for, read_review
from kit.locales import LocaleInfo
from kit.model import Document
from kit.po import PoEntry, PoFile, read_po
from kit.project import Project

# The gate's checks do not depend on the date (freshness is not part of it).
_TODAY = dt.date(2000, 1, 1)


def gate_decision(project: Project, unit: CatalogUnit) -> PublishDecision:
    """The gate's decision for one catalog (document × locale)."""
    config = project.config
    options = Options(_TODAY, config.source_locale.code)
    found = list(translations.gate_findings(unit, options))  # the checks it decides by
    po = unit.po
    suppressions = (
        () if po is None else from_po(po, unit.po_path, unit.rules.code, unit.document.slug)
    )
    final = finalize(found, suppressions, frozenset(config.checks.disable), config.checks.severity)
    pub = config.publish
    policy = policy_from(
        {"on_error": pub.on_error, "on_warning": pub.on_warning, "on_info": pub.on_info}
    )
    return evaluate(final, policy)


def gated_localize(project: Project, doc: Document, locale: LocaleInfo) -> LocalizedDocument:
    """``localize_one`` with the publish gate's decision folded in (the source locale has no
    catalog and always passes)."""
    source = project.config.source_locale
    if locale.code == source.code:
        return source_localized(doc, source)
    path = project.po_path(locale, doc.slug)
    exists = path.exists()
    po = read_po(path) if exists else None
    review = read_review(path, project) if exists else ReviewLog()
    return localize_gated(project, doc, locale, po, review)


def localize_gated(
    project: Project, doc: Document, locale: LocaleInfo, po: PoFile | None, review: ReviewLog
) -> LocalizedDocument:
    """A catalog already read (``None``: the locale has none) localized with the gate's
    decision folded in (``kit build`` reads each catalog once for deciding and rendering)."""
    source = project.config.source_locale
    if locale.code == source.code:
        return source_localized(doc, source)
    rel = project.rel(project.po_path(locale, doc.slug))
    read = po if po is not None else PoFile(header=PoEntry(msgid=""))
    ldoc = localize(doc, read, locale, source, policy_for(project, locale), review, rel)
    rules = locale_rules(project, locale, glossary=False)
    unit = CatalogUnit(SourceUnit(doc), rules, po, rel, review)
    return gated(ldoc, gate_decision(project, unit))
