"""``kit export xliff`` and ``kit import xliff``: files for translation agencies' CAT tools,
and their work back into the catalogs, checked.

Export writes ``dist/xliff/<ll>/<slug>.xlf`` per document and locale (only when the bytes
change). Import finds each file's catalog from its ``original`` name and target language,
applies what ``kit.exchange.apply`` allows, runs the translation checks of ``kit check`` on
every changed entry (a target that fails an error-level check is imported as fuzzy), and
writes the catalog atomically, only if it changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.catalog.states import State, state
from kit.checks.finding import Finding, Place, Severity
from kit.checks.translations import entry_findings, glossary_matcher
from kit.commands.loaders import load_documents, locale_rules, read_review
from kit.commands.outcome import Action, Outcome
from kit.errors import KitError
from kit.exchange.apply import Change, apply, demote, plan_import
from kit.exchange.units import ExchangeFile, Note, to_units
from kit.exchange.xliff_read import ReturnedFile, read_xliff
from kit.exchange.xliff_write import write_xliff
from kit.files import write_bytes_if_changed
from kit.locales import LocaleInfo, normalize_code, parse_locale
from kit.po import read_po, write_po_if_changed
from kit.project import Project

_SEVERITY = {
    "xliff.stale": Severity.WARNING,
    "xliff.still-stale": Severity.WARNING,
    "xliff.codes": Severity.ERROR,
    "xliff.reviewed": Severity.INFO,
}


@dataclass(frozen=True)
class ImportResult:
    outcomes: tuple[Outcome, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[KitError, ...] = field(default_factory=tuple)


def run_export_xliff(
    project: Project, locales: tuple[str, ...], version: str, out: Path | None
) -> tuple[tuple[Outcome, ...], tuple[KitError, ...]]:
    folder = out if out is not None else project.config.output_dir / "xliff"
    docs, errors = load_documents(project)
    versions = {d.slug: d for d in docs}
    outcomes: list[Outcome] = []
    failed = list(errors)
    source = project.config.source_locale
    for locale in project.locales(locales):
        for pot in project.pot_files():
            slug = pot.stem
            po_path = project.po_path(locale, slug)
            if not po_path.exists():
                continue
            try:
                po = read_po(po_path)
                doc = versions.get(slug)
                notes = (Note("kit", _about(doc.title.text, doc.meta.version)),) if doc else ()
                exchange = ExchangeFile(
                    slug,
                    project.rel(po_path),
                    source.bcp47,
                    locale.bcp47,
                    to_units(po, read_review(po_path, project), locale.nplurals),
                    notes,
                )
                target = folder / locale.code / f"{slug}.xlf"
                target.parent.mkdir(parents=True, exist_ok=True)
                written = write_bytes_if_changed(target, write_xliff(exchange, version))
            except KitError as exc:
                failed.append(exc)
                continue
            except OSError as exc:
                failed.append(KitError(f"cannot write: {exc.strerror or exc}", path=str(folder)))
                continue
            action = Action.saved(written)
            outcomes.append(Outcome(project.rel(target), action, f"XLIFF {version}"))
    return tuple(outcomes), tuple(failed)


def _about(title: str, version: str | None) -> str:
    return f"Document: {title}" + (f", version {version}" if version else "")


def run_import_xliff(project: Project, files: tuple[Path, ...]) -> ImportResult:
    outcomes: list[Outcome] = []
    findings: list[Finding] = []
    errors: list[KitError] = []
    for path in files:
        rel = project.rel(path)
        try:
            returned = read_xliff(_read(path, rel), rel)
            for item in returned:
                outcome, found = _import_file(project, item, rel)
                outcomes.append(outcome)
                findings.extend(found)
        except KitError as exc:
            errors.append(exc)
    return ImportResult(tuple(outcomes), tuple(findings), tuple(errors))


def _read(path: Path, rel: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KitError(f"cannot read: {exc.strerror or exc}", path=rel) from exc


def _import_file(project: Project, item: ReturnedFile, rel: str) -> tuple[Outcome, list[Finding]]:
    locale = _locale(project, item, rel)
    po_path = project.po_path(locale, item.slug)
    if not project.pot_path(item.slug).exists() or not po_path.exists():
        raise KitError(
            f"no catalog {project.rel(po_path)} for this file",
            path=rel,
            line=item.line,
            hint="import into the project the file was exported from; run 'kit init' first",
        )
    po = read_po(po_path)
    plan = plan_import(po, item.units)
    place = Place(locale.code, item.slug, rel)
    findings = [
        place.finding(n.check, _SEVERITY[n.check], n.line, n.message, _HINTS[n.check])
        for n in plan.notices
    ]
    checked: list[Change] = []
    rules = locale_rules(project, locale)
    terms = glossary_matcher(rules, project.config.source_locale.language)
    for change in plan.changes:
        entry = change.new.with_changes(line=change.line)
        found = list(entry_findings(entry, rules, project.config.source_locale.code, place, terms))
        findings.extend(found)
        if state(change.new) is State.TRANSLATED and any(
            f.severity is Severity.ERROR for f in found
        ):
            change = demote(change)
            findings.append(
                place.finding(
                    "xliff.demoted",
                    Severity.WARNING,
                    change.line,
                    "imported as fuzzy because of the error(s) above",
                    "fix the translation in the CAT tool and export again, or in the catalog",
                )
            )
        checked.append(change)
    written = write_po_if_changed(po_path, apply(po, tuple(checked)))
    stale = sum(1 for n in plan.notices if n.check == "xliff.stale")
    detail = f"{len(checked)} updated, {plan.unchanged} unchanged, {stale} stale"
    return Outcome(project.rel(po_path), Action.saved(written), detail), findings


def _locale(project: Project, item: ReturnedFile, rel: str) -> LocaleInfo:
    code = normalize_code(item.target_lang)
    known = {loc.code: loc for loc in project.config.target_locales}
    try:
        wanted = parse_locale(code).code if code else ""
    except KitError:
        wanted = code
    if wanted not in known:
        raise KitError(
            f"target language {item.target_lang!r} is not one of the project's locales",
            path=rel,
            line=item.line,
            hint=f"the project translates into {', '.join(sorted(known)) or 'nothing yet'}",
        )
    return known[wanted]


_HINTS = {
    "xliff.stale": "the source changed since the export: run 'kit export xliff' again and have the new text translated",
    "xliff.still-stale": "translate the message again from the new source text",
    "xliff.codes": "keep every inline code (tag) of the source in the target; the entry was imported as fuzzy",
    "xliff.reviewed": "record the clinical review with 'kit review' or a review packet",
}
