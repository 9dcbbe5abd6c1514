"""Reading level per document and locale, with ``kit.readability``'s formulas and targets.

What is measured: the summary, paragraphs, block quotes, table cells and the list items
that are complete sentences (they end with sentence punctuation); headings, image text and
one-word list items (a list of medicines) are left out, as reference §8 says. In a
translation only translated messages count, and a locale is measured once at least half of
the document's prose (in source words) is translated; the row says how much was.

Targets: ``kit.readability.default_target(lang)`` (English Flesch-Kincaid grade ≤ 8, Spanish
INFLESZ ≥ 55, ...), overridden per locale by ``[locale.LL] reading_level_max`` (for a
"lower is easier" formula) or ``reading_level_min`` (for "higher is easier"). A miss is
``reading.level``: a warning, or info when the target is provisional (proxy measures for
languages with no validated formula).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from kit.catalog.counts import source_words
from kit.catalog.localize import Key
from kit.checks.finding import Finding, Place, Severity
from kit.checks.markdown import plain_text, translation_plain_text
from kit.checks.per_document import per_document
from kit.checks.registry import default_severity, spec
from kit.model import Document, Segment, SegmentKind
from kit.readability import Readability, Target, default_target, measure, passes

PROSE = frozenset(
    {
        SegmentKind.SUMMARY,
        SegmentKind.PARAGRAPH,
        SegmentKind.QUOTE,
        SegmentKind.TABLE_CELL,
        SegmentKind.LIST_ITEM,
    }
)
MIN_COVERAGE = 50.0
_SENTENCE_END = tuple(".!?。！？؟…։।;:)\"'”»")


@dataclass(frozen=True)
class Hardest:
    text: str
    score: float


@dataclass(frozen=True)
class ReadabilityRow:
    document: str
    locale: str
    formula: str
    score: float | None
    grade: float | None
    band: str | None
    proxy: bool
    target: float | None
    direction: str | None
    target_basis: str
    passed: bool | None
    coverage: float  # percent of the document's prose words measured
    words: int
    sentences: int
    hardest: tuple[Hardest, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    row: ReadabilityRow | None
    findings: tuple[Finding, ...]


def prose(doc: Document) -> list[Segment]:
    return [s for s in doc.segments() if s.kind in PROSE and _counts(s)]


@per_document
def _prose_words(doc: Document) -> tuple[list[Segment], list[Key], list[int], int]:
    """The document's prose, each segment's message key and source words, and their sum
    (once per document)."""
    segments = prose(doc)
    words = [source_words(s.text) for s in segments]
    return segments, [s.key for s in segments], words, sum(words)


def _counts(seg: Segment) -> bool:
    if seg.kind is not SegmentKind.LIST_ITEM:
        return True
    return plain_text(seg.text).rstrip().endswith(_SENTENCE_END)


def target_for(locale: str, max_level: float | None, min_level: float | None) -> Target | None:
    target = default_target(locale)
    if target is None:
        return None
    if target.direction == "max" and max_level is not None:
        return replace(
            target, limit=max_level, basis="kit.toml reading_level_max", provisional=False
        )
    if target.direction == "min" and min_level is not None:
        return replace(
            target, limit=min_level, basis="kit.toml reading_level_min", provisional=False
        )
    return target


def assess(
    doc: Document,
    translations: Mapping[tuple[str | None, str], str] | None,
    locale: str,
    target: Target | None,
    place: Place,
    line: int,
) -> Assessment:
    """Measure one document in one locale. ``translations`` maps a segment key to its
    published translation (None: the source locale, measured as written)."""
    segments, keys, words, total = _prose_words(doc)
    if translations is None:
        blocks, done = [plain_text(s.text) for s in segments], total
    else:
        chosen = [i for i, key in enumerate(keys) if key in translations]
        blocks = [translation_plain_text(translations[keys[i]]) for i in chosen]
        done = sum(words[i] for i in chosen)
    coverage = 100.0 * done / total if total else 0.0
    if not blocks or coverage < MIN_COVERAGE:
        return Assessment(None, ())
    result = measure(blocks, locale)
    row = _row(doc.slug, locale, result, target, coverage)
    return Assessment(row, tuple(_findings(row, result, target, place, line)))


def _row(
    slug: str, locale: str, result: Readability, target: Target | None, coverage: float
) -> ReadabilityRow:
    primary = result.primary
    usable = (
        target
        if primary is not None and target is not None and target.formula == primary.formula
        else None
    )
    return ReadabilityRow(
        document=slug,
        locale=locale,
        formula=primary.formula if primary else "",
        score=round(primary.value, 2) if primary else None,
        grade=round(primary.grade, 2) if primary and primary.grade is not None else None,
        band=primary.band if primary else None,
        proxy=bool(primary and primary.is_proxy),
        target=usable.limit if usable else None,
        direction=usable.direction if usable else None,
        target_basis=usable.basis if usable else "",
        passed=passes(primary, usable) if primary is not None and usable is not None else None,
        coverage=round(coverage, 1),
        words=result.counts.words,
        sentences=result.counts.sentences,
        hardest=tuple(Hardest(h.text, round(h.value, 2)) for h in result.hardest),
        notes=result.notes,
    )


def _findings(
    row: ReadabilityRow, result: Readability, target: Target | None, place: Place, line: int
) -> Iterator[Finding]:
    if result.primary is None:
        note = "; ".join(result.notes) or f"no reading-level measure for {row.locale}"
        yield place.finding(
            "reading.not-measured",
            default_severity("reading.not-measured"),
            line,
            note,
            spec("reading.not-measured").fix,
        )
        return
    if row.passed is not False or target is None:
        return
    sign = "≤" if row.direction == "max" else "≥"
    message = (
        f"{row.formula} {row.score:g}; the target is {sign} {row.target:g} ({row.target_basis})"
    )
    hardest = " | ".join(h.text for h in row.hardest[:3])
    hint = (
        f"rewrite the hardest sentences first: {hardest}" if hardest else spec("reading.level").fix
    )
    severity = Severity.INFO if target.provisional else default_severity("reading.level")
    yield place.finding(
        "reading.level",
        severity,
        line,
        message + (" (provisional target)" if target.provisional else ""),
        hint,
    )
