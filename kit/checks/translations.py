"""Translation checks for one document in one locale: how much is translated (against the
locale's publish threshold), which entries are fuzzy or must be retranslated, and whether
each translated entry kept its source's links, images, emphasis, code, numbers and contacts.

Coverage is measured against the *current source document* (not the PO file, which may be
stale), in source words, as ``kit status`` and the publish decision do.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from kit.catalog.counts import source_words
from kit.catalog.states import State, first_msgstr, must_retranslate_mark, state
from kit.checks import characters
from kit.checks.finding import Finding, Place, quoted
from kit.checks.glossary import Matcher, matcher
from kit.checks.inputs import CatalogUnit, LocaleRules, Options, SourceUnit
from kit.checks.markdown import Inline, analyze, parse_inline
from kit.checks.number_diffs import diff_counts, numbers_finding, same_digits
from kit.checks.number_units import source_quantities, units_finding
from kit.checks.numbers import Critical, critical, find_critical
from kit.checks.numeric_dates import date_facts, date_order, source_dates
from kit.checks.per_document import per_document
from kit.checks.prose import has_words, plain_prose, plain_source, same_words
from kit.checks.registry import default_severity, spec
from kit.model import Document, SegmentKind
from kit.po.model import PoEntry

Key = tuple[str | None, str]


def check_catalog(unit: CatalogUnit, options: Options) -> Iterator[Finding]:
    place = Place(unit.rules.code, unit.document.slug, unit.po_path)
    yield from coverage(unit, place)
    if unit.po is None:
        return
    terms = glossary_matcher(unit.rules, options.source_locale)
    alts = _alt_keys(unit.document)
    for entry, current in unit.states:
        if current is State.TRANSLATED:
            found = entry_findings(entry, unit.rules, options.source_locale, place, terms)
            # An alt text left as in the source is alt.identical (an error), reported by alt_text.
            for f in found:
                if f.check != "translation.identical" or entry.key not in alts:
                    yield f
        elif current is State.FUZZY:
            yield _f(
                place,
                "translation.fuzzy",
                entry.line,
                f"fuzzy translation of {_short(entry.msgid)}",
            )
        elif current is State.MUST_RETRANSLATE:
            mark = must_retranslate_mark(entry)
            why = f" ({mark.reason})" if mark else ""
            yield _f(
                place,
                "translation.must-retranslate",
                entry.line,
                f"source changed in meaning{why}: {_short(entry.msgid)}",
            )


@per_document
def _alt_keys(doc: Document) -> frozenset[Key]:
    return frozenset(s.key for s in doc.segments() if s.kind is SegmentKind.IMAGE_ALT)


def coverage(unit: CatalogUnit, place: Place) -> Iterator[Finding]:
    keys, words, total = _source_keys(unit.document)
    present, translated = unit.by_key, unit.translated_texts
    done = sum(n for k, n in zip(keys, words, strict=True) if k in translated)
    absent = [k for k in keys if k not in present]
    header_line = unit.po.header.line if unit.po is not None else 0
    percent = 100.0 * done / total if total else 100.0
    if unit.po is None:
        yield _f(
            place,
            "translation.not-started",
            0,
            f"no catalog for {unit.document.slug} in {unit.rules.code}",
            f"run `kit init {unit.rules.code}`",
        )
        return
    if absent:
        yield _f(
            place,
            "translation.outdated",
            header_line,
            f"catalog lacks {len(absent)} message(s) of the current source, e.g. {_short(absent[0][1])}",
        )
    code = unit.rules.code
    preview = f"`kit serve --locale {code}` shows the page as you translate"
    if done == 0 and total:
        yield _f(
            place,
            "translation.not-started",
            header_line,
            f"nothing translated yet ({len(keys)} messages)",
            f"translate this catalog in Poedit, Weblate or a text editor; {preview}",
        )
    elif percent < unit.rules.threshold:
        yield _f(
            place,
            "translation.missing",
            header_line,
            f"{percent:.0f}% of source words translated; the publish threshold is {unit.rules.threshold}%",
            f"translate the rest ({preview}), or lower `[locale.{code}] threshold` in kit.toml",
        )


@per_document
def _source_keys(doc: Document) -> tuple[list[Key], list[int], int]:
    """The document's message keys (once each), their source words and the total."""
    seen: dict[Key, None] = {}
    for seg in doc.segments():
        if seg.text.strip():
            seen.setdefault(seg.key, None)
    keys = list(seen)
    words = [source_words(text) for _, text in keys]
    return keys, words, sum(words)


def entry_findings(
    entry: PoEntry,
    rules: LocaleRules,
    source_locale: str,
    place: Place,
    terms: Matcher | None = None,
) -> list[Finding]:
    """Every check on one translated entry (a list: one is made for every translated entry,
    and most have no finding)."""
    source, target = entry.msgid, first_msgstr(entry)
    src, tgt = analyze(source), parse_inline(target)
    line = entry.line
    found = _faithful(entry, rules, source_locale, place, (src, tgt))
    dates = source_dates(source, source_locale)
    if dates:
        found.extend(date_order(dates, target, source_locale, rules.code, place, line))
    if _identical(source, target, src, rules):
        same = f"translation is the same as the source: {_short(source)}"
        found.append(_f(place, "translation.identical", line, same))
    if terms is None and rules.glossary.terms:
        terms = glossary_matcher(rules, source_locale)
    if terms is not None:
        for term in terms.missing(src.text, tgt.text):
            found.append(
                _f(
                    place,
                    "glossary.term",
                    line,
                    f"source has {term.source!r}; use {' or '.join(map(repr, term.targets))}",
                    f"approved in {rules.glossary.path}:{term.line}"
                    + (f" ({term.note})" if term.note else ""),
                )
            )
    return found


def gate_findings(unit: CatalogUnit, options: Options) -> Iterator[Finding]:
    """What the build's publish gate decides by, for each translated entry: links, images,
    code and HTML as in the source, the same numbers and contacts, no control characters
    (``entry_findings`` without the advice the gate does not act on: coverage, an identical
    translation, glossary terms, emphasis counts are still found, as ``_structure`` does)."""
    if unit.po is None:
        return
    place = Place(unit.rules.code, unit.document.slug, unit.po_path)
    for entry in unit.po.active:
        if state(entry) is State.TRANSLATED:
            yield from _faithful(entry, unit.rules, options.source_locale, place)


def _faithful(
    entry: PoEntry,
    rules: LocaleRules,
    source_locale: str,
    place: Place,
    parsed: tuple[Inline, Inline] | None = None,
) -> list[Finding]:
    """Markup, characters, numbers and contacts of a translated entry against its source
    (nothing to compare when both are plain prose: the short path, held to the long one by
    ``tests/checks/test_gate_findings.py``)."""
    source, target = entry.msgid, first_msgstr(entry)
    if plain_prose(target) and plain_source(source):
        return []
    return _compared(entry, source, target, rules, source_locale, place, parsed)


def _compared(
    entry: PoEntry,
    source: str,
    target: str,
    rules: LocaleRules,
    source_locale: str,
    place: Place,
    parsed: tuple[Inline, Inline] | None = None,
) -> list[Finding]:
    """Each comparison runs only where the two sides differ in what it compares (most
    translations keep everything, and a generator per comparison per entry added up).
    ``parsed``: the two texts' ``analyze`` and ``parse_inline``, when the caller has them."""
    src, tgt = parsed if parsed is not None else (analyze(source), parse_inline(target))
    line = entry.line
    found: list[Finding] = []
    if src[1:7] != tgt[1:7]:  # links, images, code, HTML, emphasis or stray markers
        found.extend(_structure(src, tgt, rules, place, line))
    if characters.suspect(target):
        found.extend(characters.check_entry(source, target, place, line))
    theirs = find_critical(tgt.text, rules.code, rules.decimal, rules.group)
    ours = critical(src.text, source_locale)
    if ours[:4] != theirs[:4]:  # numbers, phones, e-mails or URLs
        dates = date_facts(source, source_locale)
        found.extend(_critical(ours, theirs, tgt.text, rules, place, line, dates))
    elif ours.numbers and ours.numbers[0] != ours.numbers[-1]:  # two numbers: which is which
        units = source_quantities(ours.rest, source_locale)
        moved = units_finding(units, theirs.rest, rules, place, line) if units else None
        if moved is not None:
            found.append(moved)
    return found


def glossary_matcher(rules: LocaleRules, source_locale: str) -> Matcher | None:
    if not rules.glossary.terms:
        return None
    return matcher(rules.glossary, source_locale.split("_")[0], rules.language)


def _structure(
    src: Inline, tgt: Inline, rules: LocaleRules, place: Place, line: int
) -> Iterator[Finding]:
    if src.plain and tgt.plain:
        return
    if src.links != tgt.links and not (rules.localized_urls and _same_local_links(src, tgt)):
        yield _f(place, "translation.links", line, "links differ: " + _diff(src.links, tgt.links))
    if src.images != tgt.images:
        yield _f(
            place, "translation.images", line, "images differ: " + _diff(src.images, tgt.images)
        )
    extra = _added(src.stray, tgt.stray) if tgt.stray != src.stray else ()
    if extra:
        markers = " ".join(extra)
        yield _f(
            place,
            "translation.emphasis",
            line,
            f"unpaired Markdown marker(s) {markers} would show as text",
        )
    elif src.emphasis != tgt.emphasis:
        message = f"{tgt.emphasis} bold/italic span(s); the source has {src.emphasis}"
        yield _f(place, "translation.emphasis-count", line, message)
    if src.code != tgt.code:
        yield _f(
            place, "translation.code", line, "inline code differs: " + _diff(src.code, tgt.code)
        )
    added_html = Counter(tgt.html) - Counter(src.html) if tgt.html else None
    if added_html:
        yield _f(place, "translation.html", line, "raw HTML " + ", ".join(sorted(added_html)))


def _added(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The multiset ``b - a`` of sorted tuples, sorted (``a`` is most often empty)."""
    return tuple(sorted((Counter(b) - Counter(a)).elements())) if a else b


def _same_local_links(src: Inline, tgt: Inline) -> bool:
    """With localized URLs, web addresses may differ but their number and every local target may not."""

    def local(links: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(k for k in links if not k.lower().startswith(("http://", "https://")))

    return len(src.links) == len(tgt.links) and local(src.links) == local(tgt.links)


def _critical(
    src: Critical,
    tgt: Critical,
    text: str,
    rules: LocaleRules,
    place: Place,
    line: int,
    dates: tuple[frozenset[int], frozenset[tuple[str, str, int]]] = (frozenset(), frozenset()),
) -> Iterator[Finding]:
    """``dates``: the months and years of the source's numeric dates (``numbers_finding``)."""
    src, tgt = same_digits(src, tgt)
    if src.numbers != tgt.numbers:
        finding = numbers_finding(src.numbers, tgt.numbers, text, rules, place, line, *dates)
        if finding is not None:
            yield finding
    parts: list[str] = []
    hints: list[str] = []
    code = rules.code
    if src.phones != tgt.phones:
        allowed = {re.sub(r"\D", "", n) for n in rules.allowed_numbers}
        a, b = Counter(src.phones), Counter(tgt.phones)
        lost = Counter({p: c for p, c in (a - b).items() if p not in allowed})
        added = Counter({p: c for p, c in (b - a).items() if p not in allowed})
        if lost or added:
            parts.append("phone " + diff_counts(lost, added))
            hints.append(
                "Copy the phone number digit for digit. If this locale must call another "
                f'number, list it in `[locale.{code}] allowed_numbers` (e.g. "{_phone_example(added)}").'
            )
    if src.emails != tgt.emails:
        parts.append("e-mail " + _diff(src.emails, tgt.emails))
        hints.append("Copy the e-mail address unchanged.")
    if src.urls != tgt.urls and not (rules.localized_urls and len(src.urls) == len(tgt.urls)):
        parts.append("URL " + _diff(src.urls, tgt.urls))
        hints.append(
            "Copy the web address unchanged, or set "
            f"`[locale.{code}] localized_urls = true` if this locale has its own pages."
        )
    if parts:
        yield _f(place, "translation.contacts", line, "; ".join(parts), " ".join(hints))


def _phone_example(added: Counter[str]) -> str:
    return min(added) if added else "5550142"


def _identical(source: str, target: str, src: Inline, rules: LocaleRules) -> bool:
    if source != target and not same_words(source, target):
        return False
    folded = src.text.casefold().strip()
    if folded in rules.identical_allowed or folded in rules.glossary.identical:
        return False
    return has_words(src.text)


def check_source(unit: SourceUnit, locale: str) -> Iterator[Finding]:
    place = Place(locale, unit.document.slug, unit.document.path)
    for line, html in unit.raw_html:
        yield _f(place, "source.raw-html", line, f"raw HTML is never published: {_short(html)}")
    for line, tag in unit.inline_html:
        yield _f(place, "source.inline-html", line, f"raw HTML inside text: {_short(tag)}")


def _f(place: Place, check: str, line: int, message: str, hint: str | None = None) -> Finding:
    return place.finding(
        check, default_severity(check), line, message, spec(check).fix if hint is None else hint
    )


def _diff(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    x, y = Counter(a), Counter(b)
    return diff_counts(x - y, y - x)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return quoted(flat if len(flat) <= limit else flat[: limit - 1] + "…")
