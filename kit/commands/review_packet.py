"""``kit export review`` and ``kit import review``: bilingual review packets for clinicians.

Export writes ``dist/review/<ll>/<slug>.docx`` and ``.html`` per document: every message with
its translation, back-translation (``kit import back-translation``) and what the translation
checks find. Import reads the reviewer's decisions from the Word file: approvals become a
sign-off in ``<slug>.review.json`` (the record ``kit review`` writes, covering only the approved
entries), "change" marks the entry fuzzy, comments become translator comments; a row whose text
changed since the export is refused and reported.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from kit.catalog.review import ReviewLog, SignOff, dumps, entry_hash, review_path
from kit.catalog.states import State, first_msgstr, state
from kit.checks.back_translation import divergences
from kit.checks.finding import Place
from kit.checks.translations import entry_findings, glossary_matcher
from kit.commands.loaders import load_documents, locale_rules, read_back, read_review
from kit.commands.outcome import Action, Outcome
from kit.errors import KitError
from kit.exchange.packet import Packet, decision, packet_rows
from kit.exchange.review_docx import ReturnedPacket, ReturnedRow, read_docx, write_docx
from kit.exchange.review_html import write_html
from kit.exchange.units import unit_id
from kit.files import write_bytes_if_changed
from kit.locales import LocaleInfo
from kit.model import Document
from kit.po import PoEntry, PoFile, read_po, write_po_if_changed
from kit.project import Project

REVIEW_PREFIX = "review:"


@dataclass(frozen=True)
class PacketResult:
    outcomes: tuple[Outcome, ...] = ()
    refused: tuple[str, ...] = ()  # "path: row N: why"
    errors: tuple[KitError, ...] = ()


def run_export_review(
    project: Project, code: str, documents: tuple[str, ...], out: Path | None
) -> PacketResult:
    locale = project.locales((code,))[0]
    folder = (out if out is not None else project.config.output_dir / "review") / locale.code
    docs, errors = load_documents(project)
    by_slug = {d.slug: d for d in docs}
    outcomes: list[Outcome] = []
    failed = list(errors)
    for slug in documents or tuple(p.stem for p in project.pot_files()):
        po_path = project.po_path(locale, slug)
        if not po_path.exists():
            failed.append(KitError("no catalog to review", path=project.rel(po_path)))
            continue
        try:
            packet = _packet(project, locale, slug, by_slug.get(slug), po_path)
            folder.mkdir(parents=True, exist_ok=True)
            when = _when(read_po(po_path))
            for name, data in (
                (f"{slug}.docx", write_docx(packet, when)),
                (f"{slug}.html", write_html(packet).encode("utf-8")),
            ):
                written = write_bytes_if_changed(folder / name, data)
                action = Action.saved(written)
                outcomes.append(
                    Outcome(project.rel(folder / name), action, f"{len(packet.rows)} rows")
                )
        except KitError as exc:
            failed.append(exc)
        except OSError as exc:
            failed.append(KitError(f"cannot write: {exc.strerror or exc}", path=str(folder)))
    return PacketResult(tuple(outcomes), (), tuple(failed))


def _packet(
    project: Project, locale: LocaleInfo, slug: str, doc: Document | None, po_path: Path
) -> Packet:
    po = read_po(po_path)
    rules = locale_rules(project, locale)
    source = project.config.source_locale
    terms = glossary_matcher(rules, source.language)
    place = Place(locale.code, slug, project.rel(po_path))
    findings = {
        e.key: tuple(
            f"{f.severity.value}: {f.message}"
            for f in entry_findings(e, rules, source.code, place, terms)
        )
        for e in po.active
        if state(e) is State.TRANSLATED
    }
    back: dict[str, str] = {}
    log = read_back(po_path, project)
    for entry in po.active:
        record = log.current(entry)
        if record is not None:
            back[unit_id(entry)] = record.back
            found = divergences(entry.msgid, record.back, source.language)
            if found:
                extra = "error: back-translation differs from the source: " + "; ".join(found)
                findings[entry.key] = (*findings.get(entry.key, ()), extra)
    title, version = (doc.title.text, doc.meta.version) if doc is not None else (slug, "")
    return Packet(
        slug,
        title,
        version,
        locale.code,
        locale.bcp47,
        locale.english_name,
        source.bcp47,
        locale.direction,
        project.rel(po_path),
        packet_rows(po, read_review(po_path, project), findings, back),
    )


def _when(po: PoFile | None) -> dt.datetime:
    """The packet's date: SOURCE_DATE_EPOCH, else the catalog's PO-Revision-Date, so the same
    catalog gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    text = po.meta("PO-Revision-Date") if po is not None else ""
    try:
        return dt.datetime.strptime(text[:16], "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC)
    except ValueError:
        return dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


def run_import_review(
    project: Project, files: tuple[Path, ...], who: dict[str, str | None]
) -> PacketResult:
    outcomes: list[Outcome] = []
    refused: list[str] = []
    errors: list[KitError] = []
    for path in files:
        rel = project.rel(path)
        try:
            returned = read_docx(path.read_bytes(), rel)
            done, why = _import_packet(project, returned, rel, who)
        except KitError as exc:
            errors.append(exc)
            continue
        except OSError as exc:
            errors.append(KitError(f"cannot read: {exc.strerror or exc}", path=rel))
            continue
        outcomes.extend(done)
        refused.extend(why)
    return PacketResult(tuple(outcomes), tuple(refused), tuple(errors))


@dataclass(frozen=True)
class _Reviewer:
    name: str
    role: str
    method: str
    date: dt.date


def _import_packet(
    project: Project, returned: ReturnedPacket, rel: str, who: dict[str, str | None]
) -> tuple[list[Outcome], list[str]]:
    locale = project.locales((returned.locale,))[0]
    po_path = project.po_path(locale, returned.slug)
    if not po_path.exists():
        raise KitError(f"no catalog {project.rel(po_path)} for this packet", path=rel)
    po = read_po(po_path)
    reviewer = _reviewer(returned.reviewer, who, rel)
    by_id = {unit_id(e): e for e in po.active}
    changed: dict[int, PoEntry] = {}
    approved: set[str] = set()
    refused: list[str] = []
    for row in returned.rows:
        if not row.decision and not row.comment:
            continue
        entry = by_id.get(row.reference.split(" ")[0])
        problem = _problem(row, entry)
        if problem is not None or entry is None:
            refused.append(f"{rel}: row {row.row}: {problem}; not imported")
            continue
        new, approval, refusal = _decide(row, entry, reviewer)
        if refusal:
            refused.append(f"{rel}: row {row.row}: {refusal}")
        if approval:
            approved.add(approval)
        if new != entry:
            changed[id(entry)] = new
    if approved and not reviewer.name:
        raise KitError(
            "the packet approves entries but names no reviewer",
            path=rel,
            hint="fill in Reviewer and Role in the packet, or pass --reviewer and --role",
        )
    outcomes = []
    written = write_po_if_changed(
        po_path, po.with_entries(tuple(changed.get(id(e), e) for e in po.entries))
    )
    outcomes.append(
        Outcome(
            project.rel(po_path),
            Action.saved(written),
            f"{len(changed)} entries noted",
        )
    )
    if approved:
        outcomes.append(_sign(project, po_path, reviewer, frozenset(approved)))
    return outcomes, refused


def _decide(row: ReturnedRow, entry: PoEntry, reviewer: _Reviewer) -> tuple[PoEntry, str, str]:
    """The entry after the row's decision and comment, the hash it approves ("" for none),
    and why the decision was not taken ("" when it was)."""
    try:
        verdict = decision(row.decision)
    except ValueError:
        return entry, "", f"decision {row.decision!r} is not approve or change; not imported"
    current = state(entry) is State.TRANSLATED
    new, approval, refusal = entry, "", ""
    if verdict == "approve" and current:
        approval = entry_hash(entry)
    elif verdict == "approve":
        refusal = f"approved, but the entry is {state(entry).value}: not signed off"
    elif verdict == "change" and current:
        new = entry.with_changes(flags=("fuzzy", *entry.flags))
    if row.comment:
        words = " ".join(row.comment.split())
        note = f"{REVIEW_PREFIX} {words} ({reviewer.name}, {reviewer.date.isoformat()})"
        if note not in new.translator_comments:
            new = new.with_changes(translator_comments=(*new.translator_comments, note))
    return new, approval, refusal


def _problem(row: ReturnedRow, entry: PoEntry | None) -> str | None:
    if entry is None:
        return "the message is no longer in the catalog"
    fingerprint = row.reference.split(" ")[-1]
    if entry_hash(entry) != fingerprint:
        return "the catalog's text changed since the export"
    if row.source != entry.msgid or row.translation != first_msgstr(entry):
        return "the source or translation was edited in the packet (put corrections in the Comment column)"
    return None


def _reviewer(fields: dict[str, str], who: dict[str, str | None], rel: str) -> _Reviewer:
    def pick(key: str) -> str:
        return (who.get(key.lower()) or fields.get(key, "")).strip()

    text = pick("Date")
    try:
        date = dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError as exc:
        raise KitError(
            f"reviewer date {text!r} is not a date", path=rel, hint="write it as YYYY-MM-DD"
        ) from exc
    return _Reviewer(pick("Reviewer"), pick("Role"), pick("Method"), date)


def _sign(project: Project, po_path: Path, reviewer: _Reviewer, hashes: frozenset[str]) -> Outcome:
    log = read_review(po_path, project)
    signoff = SignOff(reviewer.name, reviewer.role, reviewer.method, reviewer.date, hashes)
    path = review_path(po_path)
    if signoff in log.signoffs:
        return Outcome(project.rel(path), Action.UNCHANGED, f"already signed by {reviewer.name}")
    write_bytes_if_changed(path, dumps(ReviewLog((*log.signoffs, signoff))).encode("utf-8"))
    return Outcome(
        project.rel(path), Action.WRITTEN, f"{len(hashes)} entries signed by {reviewer.name}"
    )
