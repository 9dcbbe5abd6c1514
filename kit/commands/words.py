"""kit's own words in a project: ``locales/<ll>/LC_MESSAGES/kit.po`` through the workflow.

Small functions the commands call next to their per-document work: ``kit init`` starts the
catalog from kit's template (with kit's draft translation for that locale, when it ships
one), ``kit update`` merges kit's template into it (a word whose English changed becomes
fuzzy: translate it again), ``kit status`` counts it, ``kit review`` signs it off, ``kit
check`` reports what is missing (``kit.checks.words``), and a build reads it so that the
project's words override kit's (``kit.words.lookup.install_project_words``).
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from kit.catalog.merge import MergeOptions, merge
from kit.catalog.new import new_catalog, parent_code, seeded
from kit.commands.outcome import Action, Outcome
from kit.locales import LocaleInfo, parse_locale
from kit.po import PoFile, read_po, write_po_if_changed
from kit.project import Project
from kit.reading import file_identity
from kit.snapshot import once
from kit.words.lookup import (
    DOMAIN,
    SHIPPED,
    fallback_codes,
    install_project_words,
    translations,
)

WORDS_POT = SHIPPED / f"{DOMAIN}.pot"


def words_po_path(project: Project, locale: LocaleInfo) -> Path:
    return project.po_path(locale, DOMAIN)


def words_pot() -> PoFile:
    return read_po(WORDS_POT)


def shipped_po(locale: LocaleInfo) -> PoFile | None:
    for code in dict.fromkeys((locale.code, locale.language)):
        path = SHIPPED / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        if path.is_file():
            return read_po(path)
    return None


def init_words(project: Project, locale: LocaleInfo, date: str) -> Outcome:
    """``kit init``: the locale's words catalog, never overwriting one."""
    target = words_po_path(project, locale)
    if target.exists():
        return Outcome(project.rel(target), Action.EXISTS, "left as it is")
    po = new_catalog(words_pot(), locale, date)
    parent = parent_code(locale)
    parent_path = project.po_path(parse_locale(parent), DOMAIN) if parent else None
    drafts = shipped_po(locale)
    if parent and parent_path is not None and parent_path.is_file():
        # a regional variant starts from the project's own words for its language, as its
        # page catalogs do: fuzzy, so pages show the parent's (perhaps customized) words
        # until someone reviews them for the region, never kit's generic draft instead
        po = seeded(po, read_po(parent_path), parent, locale)
        note = f"kit's words (seeded from {parent}, fuzzy until reviewed)"
    elif drafts is not None:  # kit's draft words: translated, still to be reviewed
        known = translations(drafts)
        po = po.with_entries(
            tuple(e.with_changes(msgstr=known.get(e.msgid, "")) for e in po.entries)
        )
        note = "kit's words (draft translation)"
    else:
        note = "kit's words (to translate)"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_po_if_changed(target, po)
    return Outcome(project.rel(target), Action.WRITTEN, note)


def update_words(project: Project, locale: LocaleInfo, options: MergeOptions) -> Outcome | None:
    """``kit update``: kit's template merged into the locale's words catalog, if it has one."""
    path = words_po_path(project, locale)
    if not path.exists():
        return None
    written = write_po_if_changed(path, merge(read_po(path), words_pot(), options))
    action = Action.saved(written)
    return Outcome(project.rel(path), action, locale.code)


def words_slugs(project: Project, locale: LocaleInfo) -> tuple[str, ...]:
    """``kit review`` and ``kit status``: the words catalog, when the locale has one."""
    return (DOMAIN,) if words_po_path(project, locale).exists() else ()


def read_project_words(project: Project, locale: LocaleInfo) -> dict[str, str]:
    """The translations of the project's kit.po for ``locale`` ({} without one)."""
    return _read_words(words_po_path(project, locale))


def load_project_words(project: Project, locale: LocaleInfo) -> None:
    """Before rendering: the project's own words for ``locale`` and for its language (the
    fallback rule's second step: ``es`` for ``es_MX``) override kit's. Both are installed
    every time, so what a page shows never depends on which pages a process built before.
    A build asks before every page, so a catalog is parsed again only when it changed (one
    ``stat`` says so: ``_read_words``), not 200 times for a locale of 200 pages."""
    for code in fallback_codes(locale):
        path = project.po_path(parse_locale(code), DOMAIN)
        install_project_words(code, once(("words", path), partial(_read_words, path)))


_WORDS: dict[str, tuple[tuple[int, int, int, int, int], dict[str, str]]] = {}
_SETTLED_NS = 2_000_000_000  # a file older than this is not changed again in its mtime tick


def _read_words(path: Path) -> dict[str, str]:
    """The translations of the words catalog at ``path`` ({} when there is none), remembered
    by its identity (device, inode, size, mtime, ctime). A file changed in the last two
    seconds is read each time: a second change in the same clock tick could keep its size
    and times ("racily clean", as git says)."""
    key = str(path)
    identity = file_identity(key)
    if identity is None:
        _WORDS.pop(key, None)
        return {}
    known = _WORDS.get(key)
    if known is not None and known[0] == identity:
        return known[1]
    words = translations(read_po(path))
    if time.time_ns() - max(identity[3], identity[4]) > _SETTLED_NS:
        _WORDS[key] = (identity, words)
    return words
