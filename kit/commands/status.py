"""``kit status``: where every locale stands, per document."""

from __future__ import annotations

from dataclasses import dataclass

from kit.catalog.counts import CatalogStatus, catalog_status
from kit.catalog.new import new_catalog
from kit.catalog.review import ReviewStatus, review_status, signoff_data
from kit.catalog.states import unmarked
from kit.commands.loaders import read_review
from kit.commands.words import WORDS_POT, words_slugs
from kit.errors import KitError
from kit.locales import LocaleInfo
from kit.po import read_po
from kit.project import Project


@dataclass(frozen=True)
class StatusRow:
    locale: LocaleInfo
    document: str
    path: str
    exists: bool
    status: CatalogStatus
    review: ReviewStatus
    # Must-retranslate entries whose fuzzy flag was cleared by hand: msgfmt, Poedit and Weblate
    # count them as translated until `kit update` or `kit normalize` flags them again.
    unflagged: int = 0


@dataclass(frozen=True)
class StatusReport:
    rows: tuple[StatusRow, ...]
    errors: tuple[KitError, ...]


def run_status(project: Project, selected: tuple[str, ...] = ()) -> StatusReport:
    rows: list[StatusRow] = []
    errors: list[KitError] = []
    pots = {p.stem: p for p in project.pot_files()}
    for locale in project.locales(selected):
        words = {slug: WORDS_POT for slug in words_slugs(project, locale)}  # kit's own words
        for slug, pot_path in [*sorted(pots.items()), *words.items()]:
            path = project.po_path(locale, slug)
            try:
                po = (
                    read_po(path, project.root)
                    if path.exists()
                    else new_catalog(read_po(pot_path, project.root), locale, "")
                )
                review = review_status(read_review(path, project), po)
            except KitError as exc:
                errors.append(exc)
                continue
            rows.append(
                StatusRow(
                    locale,
                    slug,
                    project.rel(path),
                    path.exists(),
                    catalog_status(po),
                    review,
                    unmarked(po),
                )
            )
    return StatusReport(tuple(rows), tuple(errors))


def status_json(report: StatusReport) -> dict[str, object]:
    """The documented JSON shape of ``kit status --format json``."""
    return {
        "catalogs": [
            {
                "locale": row.locale.code,
                "bcp47": row.locale.bcp47,
                "document": row.document,
                "path": row.path,
                "exists": row.exists,
                **{
                    name: {
                        "messages": getattr(row.status, name).messages,
                        "words": getattr(row.status, name).words,
                    }
                    for name in (
                        "translated",
                        "fuzzy",
                        "must_retranslate",
                        "untranslated",
                        "obsolete",
                    )
                },
                "unflagged_must_retranslate": row.unflagged,
                "total": {"messages": row.status.total.messages, "words": row.status.total.words},
                "review": {
                    "reviewed": row.review.reviewed,
                    "unreviewed": row.review.unreviewed,
                    "signoffs": [signoff_data(s) for s in row.review.reviewers],
                },
                "percent_translated": round(row.status.percent_messages, 1),
                "percent_words_translated": round(row.status.percent_words, 1),
            }
            for row in report.rows
        ],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in report.errors],
    }
