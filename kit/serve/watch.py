"""What a saved file means for the preview, and the watcher that reports saves (watchfiles).

``scope_of`` is pure: a changed path → which pages to redo. ``watch_project`` yields the
scopes of each batch of saves until ``stop`` is set.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kit.words.lookup import DOMAIN

EDITOR_LITTER = (".swp", ".swx", ".tmp", "~", ".part", ".kate-swp")


@dataclass(frozen=True)
class Scope:
    """Pages to redo: every page, or these (slug or "*", locale or "*") pairs."""

    everything: bool = False
    config: bool = False  # kit.toml changed: reload it first
    pages: frozenset[tuple[str, str]] = frozenset()

    def __or__(self, other: Scope) -> Scope:
        return Scope(
            self.everything or other.everything,
            self.config or other.config,
            self.pages | other.pages,
        )

    @property
    def empty(self) -> bool:
        return not (self.everything or self.config or self.pages)


@dataclass(frozen=True)
class Folders:
    config: Path
    source: Path
    locales: Path
    templates: Path

    def existing(self) -> list[Path]:
        return [p for p in (self.config, self.source, self.locales, self.templates) if p.exists()]


def scope_of(path: Path, folders: Folders) -> Scope:
    """``locales/es/LC_MESSAGES/x.po`` (or its review file) → page x in es; ``locales/es/…``
    (a glossary) → every page in es; ``source/x.md`` → x in every locale; other source files
    (images), templates → everything; kit.toml → reload it, then everything."""
    if path.name.endswith(EDITOR_LITTER) or path.name.startswith(".#"):
        return Scope()
    if path == folders.config:
        return Scope(everything=True, config=True)
    for base, kind in ((folders.locales, "locales"), (folders.source, "source")):
        if path.is_relative_to(base):
            return _scope_in(path.relative_to(base).parts, kind)
    if path.is_relative_to(folders.templates):
        return Scope(everything=True)
    return Scope()


# A locale's kit.po (kit's own words) is no page's catalog: its pages show its words, a
# regional locale's pages fall back to them (es_MX → es), and every page prints the notice
# line of each [language_help] language from that language's kit.po. So a save redoes every
# page, as ``kit build`` does through its hash of the words (``kit.build.inputs``).
_WORDS_PO = f"{DOMAIN}.po"


def _scope_in(parts: tuple[str, ...], kind: str) -> Scope:
    if kind == "source":
        if len(parts) == 1 and parts[0].endswith(".md"):
            return Scope(pages=frozenset({(parts[0][: -len(".md")], "*")}))
        return Scope(everything=True)
    if len(parts) == 3 and parts[1] == "LC_MESSAGES":
        name = parts[2]
        if name == _WORDS_PO:  # kit's words: every page may show them (see above)
            return Scope(everything=True)
        for suffix in (".review.json", ".po"):
            if name.endswith(suffix):
                return Scope(pages=frozenset({(name[: -len(suffix)], parts[0])}))
        return Scope()
    if len(parts) >= 2:
        return Scope(pages=frozenset({("*", parts[0])}))
    return Scope()  # a .pot: catalogs change only through the PO files


def combined(paths: Iterable[Path], folders: Folders) -> Scope:
    scope = Scope()
    for path in paths:
        scope = scope | scope_of(path, folders)
    return scope


def watch_project(folders: Folders, stop: threading.Event) -> Iterator[Scope]:
    """Each batch of saves (grouped over 50 ms of quiet) as a scope, until ``stop`` is set."""
    import watchfiles

    for changes in watchfiles.watch(
        *folders.existing(),
        stop_event=stop,
        step=50,
        debounce=800,
        rust_timeout=500,
        yield_on_timeout=False,
        raise_interrupt=False,
    ):
        scope = combined((Path(p).absolute() for _, p in changes), folders)
        if not scope.empty:
            yield scope
