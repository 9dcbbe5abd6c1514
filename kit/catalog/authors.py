"""Who translated each entry of a catalog, so nobody signs off their own translation.

The translator of an entry is the author of the commit that last changed its ``msgstr``
lines (``git blame``, read by ``kit.commands.review``). Lines not committed yet, and catalogs
outside git, fall back to the header's ``Last-Translator``. A reviewer is the same person as
an author when their e-mail addresses match, or their names do (ignoring case and spacing).
Pure functions: the blame text comes in, a mapping from entry hash to authors goes out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parseaddr

from kit.catalog.review import entry_hash
from kit.catalog.states import State, state
from kit.po.model import PoFile

_UNCOMMITTED = "0" * 40
_HEADER = re.compile(r"^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$")


@dataclass(frozen=True)
class Author:
    name: str
    email: str

    @classmethod
    def parse(cls, text: str) -> Author:
        """``"Ana Ruiz <ana@example.org>"`` → Author("Ana Ruiz", "ana@example.org")."""
        name, email = parseaddr(text)
        if not email or "@" not in email:
            return cls(text.strip(), "")
        return cls(name.strip(), email.strip())

    @property
    def known(self) -> bool:
        return bool(self.name or self.email) and not self.name.startswith("FULL NAME")


def same_person(a: Author, b: Author) -> bool:
    if a.email and b.email and a.email.casefold() == b.email.casefold():
        return True
    return bool(a.name) and _fold(a.name) == _fold(b.name)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def parse_blame(porcelain: str) -> dict[int, Author]:
    """``git blame --line-porcelain`` → the author of each line (1-based); lines not
    committed yet are left out."""
    authors: dict[int, Author] = {}
    line = 0
    commit = ""
    name = email = ""
    for row in porcelain.splitlines():
        header = _HEADER.match(row)
        if header:
            commit, line = header.group(1), int(header.group(2))
        elif row.startswith("author "):
            name = row[len("author ") :]
        elif row.startswith("author-mail "):
            email = row[len("author-mail ") :].strip("<>")
        elif row.startswith("\t") and commit != _UNCOMMITTED:
            authors[line] = Author(name, email)
    return authors


def msgstr_lines(text: str, po: PoFile) -> dict[str, tuple[int, ...]]:
    """The 1-based lines holding each translated entry's msgstr (with continuations)."""
    lines = text.split("\n")
    found: dict[str, tuple[int, ...]] = {}
    for entry in po.active:
        if state(entry) is not State.TRANSLATED or not entry.line:
            continue
        at = entry.line - 1
        while at < len(lines) and not lines[at].startswith("msgstr"):
            at += 1
        block = []
        while at < len(lines) and (lines[at].startswith(("msgstr", '"'))):
            block.append(at + 1)
            at += 1
        found[entry_hash(entry)] = tuple(block)
    return found


def translators(
    po: PoFile, text: str, blame: Mapping[int, Author], fallback: Author
) -> dict[str, frozenset[Author]]:
    """Entry hash → who wrote its translation (``fallback`` for uncommitted lines)."""
    out: dict[str, frozenset[Author]] = {}
    for key, numbers in msgstr_lines(text, po).items():
        people = {blame.get(n, fallback) for n in numbers}
        out[key] = frozenset(p for p in people if p.known)
    return out
