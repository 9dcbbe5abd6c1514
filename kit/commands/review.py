"""``kit review``: append a sign-off to each catalog's ``.review.json`` sidecar."""

from __future__ import annotations

import datetime as dt

from kit.catalog.review import dumps, review_path, sign_off
from kit.catalog.states import State, state
from kit.commands.loaders import read_review
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.commands.words import words_slugs
from kit.errors import KitError
from kit.files import write_text_atomic
from kit.locales import parse_locale
from kit.po import read_po
from kit.project import Project


def run_review(
    project: Project,
    code: str,
    reviewer: str,
    role: str,
    method: str,
    documents: tuple[str, ...],
    date: str | None,
) -> Report:
    locale = project.locales((code,))[0] if code else parse_locale(code)
    when = _date(date)
    slugs = documents or tuple(p.stem for p in project.pot_files()) + words_slugs(project, locale)
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    for slug in slugs:
        po_path = project.po_path(locale, slug)
        if not po_path.exists():
            errors.append(
                KitError(
                    "no catalog to review",
                    path=project.rel(po_path),
                    hint=f"check the slug; run 'kit init {locale.code}' first",
                )
            )
            continue
        try:
            po = read_po(po_path, project.root)
            if not any(state(e) is State.TRANSLATED for e in po.active):
                raise KitError(
                    "nothing translated to review: a sign-off would cover no translation",
                    path=project.rel(po_path),
                    hint="translate the catalog (fuzzy entries do not count) before signing it off",
                )
            log = sign_off(read_review(po_path, project), po, reviewer, role, method, when)
            write_text_atomic(review_path(po_path), dumps(log))
        except KitError as exc:
            errors.append(exc)
            continue
        outcomes.append(
            Outcome(project.rel(review_path(po_path)), Action.WRITTEN, f"signed by {reviewer}")
        )
    return collect(outcomes, errors)


def _date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise KitError(f"--date {text!r} is not a date", hint="use YYYY-MM-DD") from exc
