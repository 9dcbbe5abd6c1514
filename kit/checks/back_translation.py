"""Back-translation checks: does the independent back-translation of each translation say
what the source says, in the parts that carry clinical meaning? Numbers, units, negation,
phone numbers, URLs and e-mail addresses are compared (``kit.catalog.meaning``) on the text a
reader sees; link targets are compared when the back-translation kept the Markdown."""

from __future__ import annotations

from collections.abc import Iterator

from kit.catalog.meaning import meaning_changes
from kit.catalog.states import State, state
from kit.checks.finding import Finding, Place
from kit.checks.inputs import CatalogUnit, Options
from kit.checks.markdown import analyze, has_markup, plain_text
from kit.checks.registry import default_severity, spec


def divergences(source: str, back: str, language: str) -> tuple[str, ...]:
    """What the back-translation changed, e.g. ``("number 38 → 39", "negation not → nothing")``."""
    found = [c.describe() for c in meaning_changes(plain_text(source), plain_text(back), language)]
    if has_markup(back) and analyze(source).links != analyze(back).links:
        found.append(
            f"link {', '.join(analyze(source).links)} → {', '.join(analyze(back).links) or 'nothing'}"
        )
    return tuple(found)


def check_catalog(unit: CatalogUnit, options: Options) -> Iterator[Finding]:
    if unit.po is None or not unit.back.records:
        return
    place = Place(unit.rules.code, unit.document.slug, unit.po_path)
    language = options.source_locale.split("_")[0]
    for entry in unit.po.active:
        if state(entry) is not State.TRANSLATED:
            continue
        record = unit.back.current(entry)
        if record is None:
            continue
        found = divergences(entry.msgid, record.back, language)
        if found:
            check = "back-translation.divergence"
            message = "back-translation differs from the source: " + "; ".join(found)
            yield place.finding(
                check, default_severity(check), entry.line, message, spec(check).fix
            )
