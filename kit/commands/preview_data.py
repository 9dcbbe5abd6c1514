"""What the preview overlay shows about one page: each segment's state, source, previous
source, notes, PO ``path:line`` and findings; the page's progress and publish decision.

Built from the same ``LocalizedDocument`` the page is rendered from, plus the PO entries and
review sign-off read beside it. Reads nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from kit.catalog.localize import LocalizedDocument
from kit.catalog.review import ReviewLog, entry_hash
from kit.catalog.states import State, must_retranslate_mark, without_mark
from kit.checks.finding import Finding
from kit.errors import KitError
from kit.po import PoEntry, PoFile
from kit.serve.markers import wrap
from kit.serve.overlay import Handout, PageData, Problem, SegmentInfo
from kit.site import output_name

Key = tuple[str | None, str]


def segment_ids(ldoc: LocalizedDocument) -> dict[Key, int]:
    """One number per distinct segment, in reading order."""
    ids: dict[Key, int] = {}
    for segment in ldoc.document.segments():
        ids.setdefault(segment.key, len(ids) + 1)
    return ids


def marked(ldoc: LocalizedDocument, ids: Mapping[Key, int]) -> LocalizedDocument:
    """The same document with every segment's text wrapped in its marks."""
    texts = {key: replace(t, text=wrap(ids[key], t.text)) for key, t in ldoc.texts.items()}
    return replace(ldoc, texts=texts)


def problem(finding: Finding) -> Problem:
    where = f"{finding.path}:{finding.line}" if finding.line else finding.path
    return Problem(where, finding.message, finding.hint, finding.severity.value, finding.check)


def error_problem(error: KitError, root: Path) -> Problem:
    path = error.path or ""
    if path and Path(path).is_absolute() and Path(path).resolve().is_relative_to(root.resolve()):
        path = Path(path).resolve().relative_to(root.resolve()).as_posix()
    where = f"{path}:{error.line}" if path and error.line else path
    return Problem(where, error.message, error.hint or "")


def page_data(
    ldoc: LocalizedDocument,
    po: PoFile | None,
    review: ReviewLog,
    findings: Iterable[Finding],
    handouts: tuple[str, ...],
) -> PageData:
    ids = segment_ids(ldoc)
    entries = {e.key: e for e in po.active} if po is not None else {}
    covered = frozenset().union(*(s.entries for s in review.signoffs))
    by_place: dict[tuple[str, int], list[Problem]] = {}
    for finding in findings:
        if not finding.suppressed:
            by_place.setdefault((finding.path, finding.line), []).append(problem(finding))
    segments = []
    used: set[tuple[str, int]] = set()
    for key, number in ids.items():
        info = _segment(ldoc, key, number, entries.get(key), covered)
        places = {(ldoc.po_path, info_line(info.po)), (ldoc.document.path, _line(ldoc, key))}
        places = {p for p in places if p[1]}
        used |= places
        found = tuple(p for place in sorted(places) for p in by_place.get(place, ()))
        segments.append(replace(info, findings=found))
    rest = tuple(p for place, ps in sorted(by_place.items()) if place not in used for p in ps)
    status = ldoc.status
    fallback = ldoc.text(ldoc.document.title).fallback and not ldoc.is_source
    title_locale = ldoc.source_locale if fallback else ldoc.locale  # the title's own language
    return PageData(
        page=f"{ldoc.locale.code}/{output_name(ldoc.document.slug, 'page')}",
        slug=ldoc.document.slug,
        locale=ldoc.locale.code,
        language=ldoc.locale.english_name,
        title=ldoc.text(ldoc.document.title).text,
        decision=ldoc.publish.decision.value,
        reasons=ldoc.publish.reasons,
        progress=100.0 if status is None else status.percent_words,
        po=ldoc.po_path,
        segments=tuple(segments),
        handouts=tuple(Handout(_kind(ldoc.document.slug, name), name) for name in handouts),
        findings=rest,
        lang=title_locale.bcp47,
        dir=title_locale.direction,
    )


def info_line(where: str) -> int:
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _line(ldoc: LocalizedDocument, key: Key) -> int:
    localized = ldoc.texts.get(key)
    return localized.segment.line if localized is not None else 0


def _kind(slug: str, name: str) -> str:
    middle = name[len(slug) : -len(".pdf")].strip(".")
    return middle or "standard"


def _segment(
    ldoc: LocalizedDocument, key: Key, number: int, entry: PoEntry | None, covered: frozenset[str]
) -> SegmentInfo:
    localized = ldoc.texts[key]
    segment = localized.segment
    mark = must_retranslate_mark(entry) if entry is not None else None
    notes = [segment.note] if segment.note else []
    if entry is not None:
        notes += [c for c in entry.extracted_comments if c.strip()]
        notes += without_mark(entry.translator_comments)
    state = localized.state
    return SegmentInfo(
        id=number,
        kind=segment.kind.value,
        state=state.value,
        reason=mark.reason if mark is not None and state is State.MUST_RETRANSLATE else "",
        reviewed=entry is not None and state is State.TRANSLATED and entry_hash(entry) in covered,
        source=segment.text,
        text=localized.text,
        previous=(entry.previous_msgid or "") if entry is not None else "",
        notes=tuple(notes),
        po=f"{ldoc.po_path}:{entry.line}" if entry is not None and ldoc.po_path else "",
        source_at=f"{ldoc.document.path}:{segment.line}",
    )
