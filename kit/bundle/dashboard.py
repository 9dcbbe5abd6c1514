"""The coordinators' dashboard ``dist/report.html``: ``LocaleBundle``s → a view → HTML.

``report_view`` is pure: it turns what the bundles know into the words each cell shows, so the
template (``templates/report.html.j2``, Jinja2 with autoescape) only lays them out. States are
written as words (an icon beside them is decoration), never as colour alone. The page has no
script and makes no external request. Its own wording is English (``lang="en"``); locale
names are in their own script and titles in their language, each marked with ``lang``/``dir``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kit.bundle.model import BundleState, CheckSummary, DocumentRecord, LocaleBundle
from kit.bundle.register import IssuedRow
from kit.catalog.localize import Decision, LocalizedDocument
from kit.errors import KitError
from kit.html.templates import render_template
from kit.locales import LocaleInfo

REPORT_TEMPLATE = "report.html.j2"

FILE_LABELS = {
    ".html": "Web page",
    ".pdf": "PDF handout",
    ".large-print.pdf": "Large-print PDF",
    ".bilingual.pdf": "Bilingual PDF",
}


@dataclass(frozen=True)
class Text:
    """Text in a language: ``lang``/``dir`` for the element that holds it."""

    text: str
    lang: str
    dir: str


@dataclass(frozen=True)
class Link:
    href: str
    label: str


@dataclass(frozen=True)
class LocaleView:
    code: str
    name: Text  # in its own script
    english_name: str
    is_source: bool
    state: str  # "ok", "warn" or "bad": a CSS class; the words are in ``status``
    status: str
    reasons: tuple[str, ...]
    zip: Link | None
    translated: str
    reviewed: str
    findings: str


@dataclass(frozen=True)
class Cell:
    locale: str  # English name, for the hidden context of links
    title: Text
    state: str
    status: str
    reasons: tuple[str, ...]
    translation: str
    review: str
    reading: str
    findings: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Row:
    slug: str
    title: Text
    reviewed: str
    next_review: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class ReportView:
    project: str
    kit_version: str
    revision: str
    as_of: str
    locales: tuple[LocaleView, ...]
    rows: tuple[Row, ...]
    issued: tuple[IssuedView, ...] = ()  # the register (kit.bundle.register), newest first


@dataclass(frozen=True)
class IssuedView:
    """One register row; ``online`` when dist/ holds exactly its files now (a withheld page
    served by its last issued version shows here as online while its cell says withheld)."""

    row: IssuedRow
    online: bool


def render_report(view: ReportView, templates_dir: Path, root: Path) -> str:
    return render_template(templates_dir, REPORT_TEMPLATE, {"report": view}, root)


def report_view(
    bundles: tuple[LocaleBundle, ...],
    problems: Mapping[str, tuple[KitError, ...]],
    zips: Mapping[str, str],
) -> ReportView:
    """``zips`` maps a locale code to its bundle's path relative to ``dist/`` (when linked)."""
    first = bundles[0] if bundles else None
    slugs = sorted({r.slug for b in bundles for r in b.documents})
    newest = max((b.stamp.when for b in bundles), default=None)
    return ReportView(
        project=first.project if first else "",
        kit_version=first.kit_version if first else "",
        revision=_revision(first),
        as_of=newest.strftime("%Y-%m-%d") if newest else "",
        locales=tuple(
            _locale_view(b, problems.get(b.locale.code, ()), zips.get(b.locale.code))
            for b in bundles
        ),
        rows=tuple(_row(slug, bundles) for slug in slugs),
    )


def _revision(bundle: LocaleBundle | None) -> str:
    if bundle is None or bundle.revision is None:
        return "not in git"
    rev = bundle.revision
    return f"{rev.commit[:12]}{' with uncommitted changes' if rev.dirty else ''}"


def _text(text: str, locale: LocaleInfo) -> Text:
    return Text(text, locale.bcp47, locale.direction)


def _row(slug: str, bundles: tuple[LocaleBundle, ...]) -> Row:
    records = [next((r for r in b.documents if r.slug == slug), None) for b in bundles]
    first = next(r for r in records if r is not None)
    meta = first.ldoc.document.meta
    cells = tuple(_cell(b, r) for b, r in zip(bundles, records, strict=True))
    return Row(
        slug=slug,
        title=_text(meta.title, first.ldoc.source_locale),
        reviewed=meta.reviewed.isoformat(),
        next_review=meta.next_review.isoformat() if meta.next_review else "",
        cells=cells,
    )


def _cell(bundle: LocaleBundle, record: DocumentRecord | None) -> Cell:
    english = bundle.locale.english_name
    if record is None:
        none = Text("", bundle.locale.bcp47, bundle.locale.direction)
        return Cell(english, none, "bad", "Not available", (), "", "", "", "", ())
    ldoc = record.ldoc
    state, status = _decision(ldoc)
    return Cell(
        locale=english,
        title=_text(ldoc.text(ldoc.document.title).text, bundle.locale),
        state=state,
        status=status,
        reasons=ldoc.publish.reasons,
        translation=translation_text(ldoc),
        review=review_text(ldoc),
        reading=reading_text(record.checks),
        findings=f"Checks: {findings_text(record.checks).lower()}",
        links=tuple(
            Link(path, file_label(path, record.slug))
            for path in ordered_files(record.files, record.slug)
        ),
    )


def _decision(ldoc: LocalizedDocument) -> tuple[str, str]:
    decision = ldoc.publish.decision
    if decision is Decision.WITHHOLD:
        return "bad", "Withheld"
    if decision is Decision.BANNER:
        return "warn", "Published with a banner"
    return "ok", "Source" if ldoc.is_source else "Published"


def ordered_files(paths: tuple[str, ...], slug: str) -> tuple[str, ...]:
    """The page first, then the handouts as the pages and the index offer them: standard,
    large print, bilingual (any other file last, by name)."""
    kinds = list(FILE_LABELS)

    def rank(path: str) -> tuple[int, str]:
        suffix = path.rsplit("/", 1)[-1][len(slug) :]
        return (kinds.index(suffix) if suffix in kinds else len(kinds), path)

    return tuple(sorted(paths, key=rank))


def file_label(path: str, slug: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return FILE_LABELS.get(name[len(slug) :], name)


def translation_text(ldoc: LocalizedDocument) -> str:
    status = ldoc.status
    if status is None:
        return "Source text"
    parts = [f"{status.percent_words:.0f}% of words translated"]
    if status.fuzzy.messages:
        parts.append(f"{status.fuzzy.messages} fuzzy")
    if status.must_retranslate.messages:
        parts.append(f"{status.must_retranslate.messages} must be retranslated")
    if status.untranslated.messages:
        parts.append(f"{status.untranslated.messages} untranslated")
    return "; ".join(parts)


def review_text(ldoc: LocalizedDocument) -> str:
    if ldoc.is_source:
        return f"Source reviewed {ldoc.document.meta.reviewed.isoformat()}"
    review = ldoc.provenance.review if ldoc.provenance else None
    if review is None or review.latest is None:
        return "Not reviewed"
    last = review.latest
    stage = f", {last.stage} stage" if last.stage else ""
    who = f"{last.date.isoformat()} by {last.reviewer} ({last.role}{stage})"
    if review.complete:
        return f"Reviewed {who}"
    total = review.reviewed + review.unreviewed
    return f"{review.reviewed} of {total} messages reviewed; last {who}"


def reading_text(checks: CheckSummary | None) -> str:
    if checks is None:
        return "Reading level not checked"
    level = checks.reading_level
    if level is None or level.value is None:
        why = f": {level.note}" if level is not None and level.note else ""
        return f"Reading level not measured{why}"
    value = f"grade {level.grade:.1f}" if level.grade is not None else f"{level.value:.1f}"
    text = f"Reading level {value} ({level.formula})"
    if level.target and level.meets_target is not None:
        text += f"; target {level.target} {'met' if level.meets_target else 'missed'}"
    return text


def findings_text(checks: CheckSummary | None) -> str:
    if checks is None:
        return "Not checked"
    if not checks.total:
        return "No findings"
    counts = (
        (checks.error, "error", "errors"),
        (checks.warning, "warning", "warnings"),
        (checks.info, "note", "notes"),
    )
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)


def _locale_view(
    bundle: LocaleBundle, problems: tuple[KitError, ...], zip_path: str | None
) -> LocaleView:
    locale = bundle.locale
    state, status = _bundle_status(bundle, problems)
    records = bundle.documents
    is_source = locale.code == bundle.source_locale.code
    reviewed = sum(
        1 for r in records if r.ldoc.provenance is not None and r.ldoc.provenance.reviewed
    )
    return LocaleView(
        code=locale.code,
        name=_text(locale.native_name, locale),
        english_name=locale.english_name,
        is_source=is_source,
        state=state,
        status=status,
        reasons=problem_lines(problems) or bundle.gate.reasons,
        zip=Link(zip_path, f"{locale.code}.zip") if zip_path else None,
        translated="Source text" if is_source else f"{words_percent(records):.0f}% of words",
        reviewed="Source" if is_source else f"{reviewed} of {len(records)} documents",
        findings=_locale_findings(total_checks(records), bundle.words_checks),
    )


def _locale_findings(documents: CheckSummary | None, words: CheckSummary | None) -> str:
    """The documents' findings and those on the locale's kit.po (the frame's words), which
    ``kit check`` reports as the "document" ``kit``: "2 warnings (1 on kit's words, kit.po)"."""
    if words is None or not words.total:
        return findings_text(documents)
    return f"{findings_text(added((documents, words)))} ({findings_text(words)} on kit's words, kit.po)"


def problem_lines(problems: tuple[KitError, ...]) -> tuple[str, ...]:
    """Each problem as "where: what", then each distinct hint once."""
    lines = [f"{p.location}: {p.message}" if p.location else p.message for p in problems]
    hints = dict.fromkeys(p.hint for p in problems if p.hint)
    return (*lines, *(f"What to do: {hint}" for hint in hints))


def words_percent(records: tuple[DocumentRecord, ...]) -> float:
    """Translated source words over all source words of the locale's documents."""
    statuses = [r.ldoc.status for r in records if r.ldoc.status is not None]
    words = sum(s.total.words for s in statuses)
    return 100.0 * sum(s.translated.words for s in statuses) / words if words else 100.0


def total_checks(records: tuple[DocumentRecord, ...]) -> CheckSummary | None:
    return added(r.checks for r in records)


def added(summaries: Iterable[CheckSummary | None]) -> CheckSummary | None:
    """The counts of the summaries that there are, added; None when there is none."""
    checked = [c for c in summaries if c is not None]
    if not checked:
        return None
    return CheckSummary(
        error=sum(c.error for c in checked),
        warning=sum(c.warning for c in checked),
        info=sum(c.info for c in checked),
    )


def _bundle_status(bundle: LocaleBundle, problems: tuple[KitError, ...]) -> tuple[str, str]:
    if problems:
        return "bad", "Not bundled: build output incomplete"
    state = bundle.gate.state
    if state is BundleState.OMITTED:
        return "bad", "Omitted: fails its publish gate"
    if state is BundleState.DRAFT:
        return "warn", "Draft: fails its publish gate"
    banners = sum(1 for r in bundle.documents if r.ldoc.publish.decision is Decision.BANNER)
    if banners:
        return "warn", f"Ready; {banners} of {len(bundle.documents)} pages show a banner"
    return "ok", "Ready"
