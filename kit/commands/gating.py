"""The build's publish gate: ``kit check``'s translation checks on one (document, locale), with
the same suppressions, ``checks.disable`` and ``checks.severity`` as ``kit check``, folded
into the publish decision (``kit.build.gate`` decides; this module only reads the files).

``kit build`` and ``kit bundle``/``kit report`` localize through ``gated_localize``, so a page
whose link dials another number than it shows is withheld by the build alone, whatever order
CI runs its jobs in, and the dashboard gives the same reason.
"""

from __future__ import annotations

import datetime as dt

from kit.build.gate import evaluate, gated, policy_from
from kit.catalog.localize import LocalizedDocument, PublishDecision
from kit.checks import translations
from kit.checks.inputs import Options
from kit.checks.suppressions import from_po
from kit.commands.check import finalize, load_catalog, load_source, locale_rules
from kit.commands.loaders import localize_one
from kit.locales import LocaleInfo
from kit.model import Document
from kit.project import Project

# The gate's checks do not depend on the date (freshness is not part of it).
_TODAY = dt.date(2000, 1, 1)


def gate_decision(project: Project, doc: Document, locale: LocaleInfo) -> PublishDecision:
    """The gate's decision for one output; the source locale has no catalog and always passes."""
    config = project.config
    source_code = config.source_locale.code
    if locale.code == source_code:
        return PublishDecision(evaluate((), policy_from({})).decision)
    source = load_source(project, doc, source_code)
    catalog = load_catalog(project, source, locale_rules(project, locale))
    found = list(translations.check_catalog(catalog, Options(_TODAY, source_code)))
    suppressions = list(source.suppressions)
    if catalog.po is not None:
        suppressions += from_po(catalog.po, catalog.po_path, locale.code, doc.slug)
    final = finalize(found, suppressions, frozenset(config.checks.disable), config.checks.severity)
    pub = config.publish
    policy = policy_from(
        {"on_error": pub.on_error, "on_warning": pub.on_warning, "on_info": pub.on_info}
    )
    return evaluate(final, policy)


def gated_localize(project: Project, doc: Document, locale: LocaleInfo) -> LocalizedDocument:
    """``localize_one`` with the publish gate's decision folded in."""
    return gated(localize_one(project, doc, locale), gate_decision(project, doc, locale))
