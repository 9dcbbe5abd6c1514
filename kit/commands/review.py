"""``kit review``: append a sign-off to each catalog's ``.review.json`` sidecar."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kit.catalog.authors import Author, parse_blame, same_person, translators
from kit.catalog.review import INDEPENDENT_STAGES, dumps, review_path, sign_off
from kit.catalog.states import State, state
from kit.commands.loaders import read_review
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.commands.words import words_slugs
from kit.errors import CatalogError, KitError
from kit.files import MAX_CATALOG_BYTES, read_project_bytes, write_text_atomic
from kit.locales import parse_locale
from kit.po import PoFile, parse_po
from kit.project import Project


def run_review(
    project: Project,
    code: str,
    reviewer: str,
    role: str,
    method: str,
    documents: tuple[str, ...],
    date: str | None,
    stage: str = "",
) -> Report:
    locale = project.locales((code,))[0] if code else parse_locale(code)
    when = _date(date)
    words = () if documents else words_slugs(project, locale)
    slugs = documents or tuple(p.stem for p in project.pot_files()) + words
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    empty: list[KitError] = []  # kit's own words, where nothing is translated yet
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
            data = read_project_bytes(
                po_path, project.root, MAX_CATALOG_BYTES, error=CatalogError, shown=str(po_path)
            )
            po = parse_po(data, po_path)
            if not any(state(e) is State.TRANSLATED for e in po.active):
                refusal = KitError(
                    "nothing translated to review: a sign-off would cover no translation",
                    path=project.rel(po_path),
                    hint="translate the catalog (fuzzy entries do not count) before signing it off",
                )
                if slug not in words:
                    raise refusal
                empty.append(refusal)
                continue
            own = (
                _own_entries(project, po_path, po, data.decode("utf-8"), reviewer)
                if stage in INDEPENDENT_STAGES
                else None
            )
            excluded = own.hashes if own else frozenset()
            log = sign_off(
                read_review(po_path, project),
                po,
                reviewer,
                role,
                method,
                when,
                stage=stage,
                excluded=excluded,
            )
            if not log.signoffs[-1].entries:
                raise KitError(
                    f"{reviewer} translated every entry of this catalog ({own.how if own else ''}),"
                    f" so cannot sign it off as {stage} review",
                    path=project.rel(po_path),
                    hint="a second person signs off revision and clinical review (ISO 17100)",
                )
            write_text_atomic(review_path(po_path), dumps(log))
        except KitError as exc:
            errors.append(exc)
            continue
        detail = f"signed by {reviewer}" + (f", {stage}" if stage else "")
        if excluded:
            detail += f"; {len(excluded)} entries they translated left unsigned ({own.how if own else ''})"
        outcomes.append(Outcome(project.rel(review_path(po_path)), Action.WRITTEN, detail))
    if not outcomes:  # nothing at all to sign: refused
        return collect(outcomes, [*errors, *empty])
    # kit's own words not translated yet (a new locale), in a review of the whole locale: left
    # unsigned and said so; the sign-offs of the pages stand.
    return collect(outcomes, errors, [f"{e.path}: {e.message}; left unsigned" for e in empty])


@dataclass(frozen=True)
class _Own:
    hashes: frozenset[str]  # entries the reviewer translated
    how: str  # how that was decided, for the report


def _own_entries(project: Project, po_path: Path, po: PoFile, text: str, reviewer: str) -> _Own:
    """The entries ``reviewer`` translated: from ``git blame`` of their msgstr lines, else
    (outside git, or lines not committed yet) from the header's Last-Translator."""
    blame = _git_blame(project, po_path)
    fallback = Author.parse(po.meta("Last-Translator"))
    owners = translators(po, text, blame, fallback)
    me = Author.parse(reviewer)
    mine = frozenset(h for h, people in owners.items() if any(same_person(me, a) for a in people))
    how = "git blame of the msgstr lines" if blame else "the catalog's Last-Translator"
    return _Own(mine, how)


def _git_blame(project: Project, po_path: Path) -> dict[int, Author]:
    """Authors of the committed lines of ``po_path``; empty outside git or when untracked."""
    try:
        result = subprocess.run(
            ["git", "-C", str(project.root), "blame", "--line-porcelain", "--", str(po_path)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    return parse_blame(result.stdout) if result.returncode == 0 else {}


def _date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise KitError(f"--date {text!r} is not a date", hint="use YYYY-MM-DD") from exc
