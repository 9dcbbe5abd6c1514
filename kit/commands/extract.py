"""``kit extract``: every ``source/<slug>.md`` → ``locales/<slug>.pot``, written only if its
messages changed (so the creation date stays put and git stays quiet)."""

from __future__ import annotations

import datetime as dt
import os
import re

from kit.commands.report import Action, Outcome, Report, collect
from kit.errors import KitError, SourceError
from kit.extract import ExtractOptions, extract
from kit.model import Document
from kit.po import format_po, write_po_if_changed
from kit.project import Project
from kit.source import read_document


def creation_date() -> str:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if epoch and epoch.isdigit()
        else dt.datetime.now(dt.UTC)
    )
    return when.strftime("%Y-%m-%d %H:%M+0000")


def load_documents(project: Project) -> tuple[tuple[Document, ...], tuple[KitError, ...]]:
    """Parse every source document; a broken one is reported and the rest still load."""
    docs: list[Document] = []
    errors: list[KitError] = []
    seen: dict[str, str] = {}
    for path in project.source_files():
        try:
            project.check_inside(path)
            doc = read_document(path, project.root)
        except KitError as exc:
            errors.append(exc)
            continue
        if doc.slug in seen:
            errors.append(
                SourceError(
                    f"slug {doc.slug!r} is already used by {seen[doc.slug]}",
                    path=doc.path,
                    hint="give each document its own slug",
                )
            )
            continue
        seen[doc.slug] = doc.path
        docs.append(doc)
    return tuple(docs), tuple(errors)


def run_extract(project: Project) -> Report:
    docs, load_errors = load_documents(project)
    outcomes: list[Outcome] = []
    errors: list[KitError] = list(load_errors)
    for doc in docs:
        try:
            outcomes.append(_extract_one(project, doc))
        except KitError as exc:
            errors.append(exc)
    return collect(outcomes, errors)


def options_for(project: Project, date: str) -> ExtractOptions:
    cfg = project.config
    return ExtractOptions(
        references=cfg.extract.references,
        project_name=cfg.project.name,
        copyright_holder=cfg.extract.copyright_holder,
        bugs_address=cfg.extract.bugs_address,
        creation_date=date,
    )


def _extract_one(project: Project, doc: Document) -> Outcome:
    """Write the POT only when its messages changed. The comparison formats the new template
    with the old file's creation date and compares bytes, so the old file is never parsed."""
    path = project.pot_path(doc.slug)
    old = path.read_bytes() if path.exists() else None
    date = _creation_date_of(old) if old is not None else None
    pot = extract(doc, options_for(project, date or creation_date()))
    detail = f"{len(pot.entries)} messages"
    if old is not None and date is not None and format_po(pot).encode("utf-8") == old:
        return Outcome(project.rel(path), Action.UNCHANGED, detail)
    if date is not None:
        pot = extract(doc, options_for(project, creation_date()))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_po_if_changed(path, pot)
    return Outcome(project.rel(path), Action.WRITTEN, detail)


_DATE = re.compile(rb'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.M)


def _creation_date_of(data: bytes) -> str | None:
    found = _DATE.search(data[:4096])
    return found.group(1).decode("utf-8", "replace") if found else None
