"""``kit export back-translation`` and ``kit import back-translation``.

Export writes ``dist/back-translation/<ll>/<slug>.csv`` with the current translations and an
empty ``back-translation`` column, and no source text, so the back-translation is independent.
The CSV is for a spreadsheet: UTF-8 with the mark Excel needs, read back as spreadsheets save
it (``kit.sheets``).
Import stores each back-translation beside the catalog (``<slug>.back.json``) with the source
and translation it was made from; ``kit check`` and the review packets compare it with the
source. A row whose translation changed since the export is refused and reported.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kit.catalog.back import BackTranslation, back_path, dumps
from kit.catalog.states import State, first_msgstr, state
from kit.commands.loaders import read_back
from kit.commands.outcome import Action, Outcome
from kit.commands.review_packet import PacketResult
from kit.errors import KitError
from kit.exchange.units import unit_id
from kit.files import write_bytes_if_changed
from kit.po import read_po
from kit.project import Project
from kit.sheets import SAVE_AS_HINT, SheetError, separator, sheet_bytes, sheet_text

COLUMNS = ("document", "id", "translation", "back-translation")


def run_export_back(
    project: Project, code: str, documents: tuple[str, ...], out: Path | None
) -> PacketResult:
    locale = project.locales((code,))[0]
    folder = (
        out if out is not None else project.config.output_dir / "back-translation"
    ) / locale.code
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    for slug in documents or tuple(p.stem for p in project.pot_files()):
        po_path = project.po_path(locale, slug)
        try:
            po = read_po(po_path)
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(COLUMNS)
            rows = [e for e in po.active if state(e) is State.TRANSLATED]
            for entry in rows:
                writer.writerow((slug, unit_id(entry), first_msgstr(entry), ""))
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{slug}.csv"
            written = write_bytes_if_changed(target, sheet_bytes(buffer.getvalue()))
        except KitError as exc:
            errors.append(exc)
            continue
        except OSError as exc:
            errors.append(
                KitError(f"cannot read or write: {exc.strerror or exc}", path=project.rel(po_path))
            )
            continue
        action = Action.saved(written)
        outcomes.append(Outcome(project.rel(target), action, f"{len(rows)} translations"))
    return PacketResult(tuple(outcomes), (), tuple(errors))


def run_import_back(project: Project, code: str, files: tuple[Path, ...]) -> PacketResult:
    locale = project.locales((code,))[0]
    outcomes: list[Outcome] = []
    refused: list[str] = []
    errors: list[KitError] = []
    for path in files:
        rel = project.rel(path)
        try:
            rows = _rows(path, rel)
            by_slug: dict[str, list[tuple[int, dict[str, str]]]] = {}
            for number, row in rows:
                by_slug.setdefault(row["document"], []).append((number, row))
            for slug, items in sorted(by_slug.items()):
                po_path = project.po_path(locale, slug)
                if not po_path.exists() or "/" in slug or "\\" in slug:
                    refused.append(f"{rel}: line {items[0][0]}: no catalog for document {slug!r}")
                    continue
                outcomes.append(_store(project, po_path, items, rel, refused))
        except KitError as exc:
            errors.append(exc)
    return PacketResult(tuple(outcomes), tuple(refused), tuple(errors))


def _rows(path: Path, rel: str) -> list[tuple[int, dict[str, str]]]:
    try:
        text = sheet_text(path.read_bytes())
    except OSError as exc:
        raise KitError(f"cannot read: {exc.strerror or exc}", path=rel) from exc
    except SheetError as exc:
        raise KitError(exc.message, path=rel, line=exc.line, hint=SAVE_AS_HINT) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=separator(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise KitError(
            f"missing column(s) {', '.join(missing)}",
            path=rel,
            line=1,
            hint="start from the CSV 'kit export back-translation' wrote",
        )
    return [(reader.line_num, {k: v or "" for k, v in row.items() if k}) for row in reader]


def _store(
    project: Project,
    po_path: Path,
    items: list[tuple[int, dict[str, str]]],
    rel: str,
    refused: list[str],
) -> Outcome:
    po = read_po(po_path)
    by_id = {unit_id(e): e for e in po.active}
    log = read_back(po_path, project)
    stored = 0
    for number, row in items:
        back = row["back-translation"].strip()
        if not back:
            continue
        entry = by_id.get(row["id"].strip())
        if entry is None:
            refused.append(
                f"{rel}: line {number}: message {row['id']!r} is no longer in the catalog"
            )
        elif row["translation"] != first_msgstr(entry):
            refused.append(
                f"{rel}: line {number}: the translation changed since the export; not stored"
            )
        else:
            log = log.with_record(
                BackTranslation(entry.msgctxt, entry.msgid, first_msgstr(entry), back)
            )
            stored += 1
    path = back_path(po_path)
    written = write_bytes_if_changed(path, dumps(log).encode("utf-8"))
    action = Action.saved(written)
    return Outcome(project.rel(path), action, f"{stored} back-translations")
