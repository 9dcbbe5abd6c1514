"""``kit export tmx`` and ``kit import tmx``: translation memories to and from agencies.

Export writes ``dist/tmx/<source>-<target>.tmx`` per locale: the current translations that a
``kit review`` sign-off covers (every current translation with ``--unreviewed``), of every
document. Import checks an agency's TMX and stores it, as it is, in ``locales/memory/``, where
``kit update`` finds it and offers its translations of new messages as fuzzy suggestions.
"""

from __future__ import annotations

from pathlib import Path

from kit import __version__
from kit.catalog.review import entry_hash
from kit.catalog.states import State, state
from kit.commands.loaders import MEMORY_DIR, read_review
from kit.commands.outcome import Action, Outcome, Report, collect
from kit.errors import KitError
from kit.exchange.tmx import Pair, matches, pairs, read_tmx, source_lang, write_tmx
from kit.exchange.units import reviewed_hashes
from kit.files import write_bytes_if_changed
from kit.locales import LocaleInfo
from kit.po import read_po
from kit.project import Project


def run_export_tmx(
    project: Project, locales: tuple[str, ...], out: Path | None, unreviewed: bool
) -> Report:
    folder = out if out is not None else project.config.output_dir / "tmx"
    source = project.config.source_locale.bcp47
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    for locale in project.locales(locales):
        try:
            found = _pairs(project, locale, unreviewed)
            target = folder / f"{source}-{locale.bcp47}.tmx"
            target.parent.mkdir(parents=True, exist_ok=True)
            data = write_tmx(found, source, locale.bcp47, __version__)
            written = write_bytes_if_changed(target, data)
        except KitError as exc:
            errors.append(exc)
            continue
        except OSError as exc:
            errors.append(KitError(f"cannot write: {exc.strerror or exc}", path=str(folder)))
            continue
        action = Action.saved(written)
        outcomes.append(Outcome(project.rel(target), action, f"{len(found)} units"))
    return collect(outcomes, errors)


def _pairs(project: Project, locale: LocaleInfo, unreviewed: bool) -> list[Pair]:
    found: dict[tuple[str | None, str, str], list[str]] = {}
    for pot in project.pot_files():
        path = project.po_path(locale, pot.stem)
        if not path.exists():
            continue
        po = read_po(path)
        reviewed = reviewed_hashes(read_review(path, project))
        for entry in po.active:
            if entry.msgid_plural is not None or state(entry) is not State.TRANSLATED:
                continue
            if unreviewed or entry_hash(entry) in reviewed:
                found.setdefault((entry.msgctxt, entry.msgid, entry.msgstr), []).append(pot.stem)
    return [Pair(s, t, c, tuple(docs)) for (c, s, t), docs in found.items()]


def run_import_tmx(project: Project, files: tuple[Path, ...]) -> Report:
    outcomes: list[Outcome] = []
    errors: list[KitError] = []
    folder = project.config.locales_dir / MEMORY_DIR
    for path in files:
        rel = project.rel(path)
        try:
            data = path.read_bytes()
            detail = _describe(project, data, rel)
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / path.name
            written = write_bytes_if_changed(target, data)
        except KitError as exc:
            errors.append(exc)
            continue
        except OSError as exc:
            errors.append(KitError(f"cannot read or store: {exc.strerror or exc}", path=rel))
            continue
        action = Action.saved(written)
        outcomes.append(Outcome(project.rel(target), action, detail))
    return collect(outcomes, errors)


def _describe(project: Project, data: bytes, rel: str) -> str:
    """What the memory offers each locale; an error if it offers nothing usable."""
    source = project.config.source_locale.bcp47
    declared = source_lang(data, rel)
    if declared and declared != "*all*" and not matches(declared, source):
        raise KitError(
            f"the memory's source language is {declared}, the project's is {source}",
            path=rel,
            hint="ask the agency for a memory from the project's source language",
        )
    variants = read_tmx(data, rel)
    counts = {
        loc.code: len(pairs(variants, source, loc.bcp47)) for loc in project.config.target_locales
    }
    if not any(counts.values()):
        raise KitError(
            f"no translation units from {source} into the project's locales",
            path=rel,
            hint=f"the project translates into {', '.join(counts) or 'nothing yet'}",
        )
    offered = ", ".join(f"{code}: {n}" for code, n in counts.items() if n)
    return f"{offered} units; kit update offers them as fuzzy suggestions"
