"""In-memory form of a PO or POT file: frozen dataclasses, no IO.

Everything that reads or writes catalogs goes through these types; ``kit.po.read`` parses
them (a strict parser with GNU semantics; its docstring says why not polib), and
``kit.po.write`` serializes them exactly as GNU ``msgcat`` would.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cached_property


@dataclass(frozen=True)
class PoEntry:
    """One message. ``msgstr_plural`` is used instead of ``msgstr`` when ``msgid_plural`` is set."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    translator_comments: tuple[str, ...] = ()  # "# ..." lines, without the "# " prefix
    extracted_comments: tuple[str, ...] = ()  # "#. ..." lines, without the "#. " prefix
    references: tuple[str, ...] = ()  # "#: ..." items, one per reference
    previous_msgctxt: str | None = None  # "#| msgctxt"
    previous_msgid: str | None = None  # "#| msgid"
    previous_msgid_plural: str | None = None  # "#| msgid_plural"
    obsolete: bool = False
    line: int = 0  # 1-based line of the entry's msgid in the file it was read from (0: not read)
    # The exact text ``format_entry`` would write for this entry (lines with their newlines),
    # set only by ``kit.po.canonical`` for a file kit itself wrote. Not an argument of
    # ``__init__``, so every constructor and ``dataclasses.replace`` leave it None; only
    # ``with_changes`` keeps it, and only when the written fields are all unchanged.
    raw: str | None = field(default=None, init=False, compare=False, repr=False)

    @property
    def key(self) -> tuple[str | None, str]:
        """Identity of a message inside one catalog: (msgctxt, msgid)."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Translated in GNU gettext's sense: not fuzzy, not obsolete, every msgstr non-empty."""
        if self.fuzzy or self.obsolete:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)

    @property
    def has_translation(self) -> bool:
        """Some translation text exists (fuzzy or not)."""
        if self.msgid_plural is not None:
            return any(self.msgstr_plural)
        return bool(self.msgstr)

    def with_changes(self, **changes: object) -> PoEntry:
        """``dataclasses.replace`` (keeping ``raw`` when nothing written changed), without
        its cost: ``kit update`` calls this for every message, and nothing in ``__init__``
        checks or derives a field, so the fields are copied as they are."""
        unknown = changes.keys() - _FIELDS
        if unknown:
            raise TypeError(f"PoEntry has no field {sorted(unknown)[0]!r}")
        changed: PoEntry = object.__new__(PoEntry)
        changed.__dict__.update(self.__dict__, **changes, raw=None)
        if self.raw is not None and all(  # only the changed fields can differ
            name == "line" or getattr(self, name) == value for name, value in changes.items()
        ):
            changed.__dict__["raw"] = self.raw
        return changed


@dataclass(frozen=True)
class PoFile:
    """A whole catalog. ``header`` is the entry with the empty msgid (its msgstr holds the
    "Key: value\\n" fields in file order; its translator comments are the header comment)."""

    header: PoEntry
    entries: tuple[PoEntry, ...] = field(default_factory=tuple)

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """Header fields in file order."""
        return parse_header(self.header.msgstr)

    def meta(self, name: str, default: str = "") -> str:
        for key, value in self.metadata:
            if key.lower() == name.lower():
                return value
        return default

    def with_meta(self, name: str, value: str) -> PoFile:
        """Set a header field, keeping the position of an existing one (appended otherwise)."""
        fields = list(self.metadata)
        for i, (key, _) in enumerate(fields):
            if key.lower() == name.lower():
                fields[i] = (key, value)
                break
        else:
            fields.append((name, value))
        return replace(self, header=replace(self.header, msgstr=format_header(fields)))

    def with_entries(self, entries: tuple[PoEntry, ...]) -> PoFile:
        return replace(self, entries=entries)

    @cached_property
    def active(self) -> tuple[PoEntry, ...]:
        """The entries that are not obsolete (worked out once: every check reads them)."""
        return tuple(e for e in self.entries if not e.obsolete)

    @cached_property
    def obsolete(self) -> tuple[PoEntry, ...]:
        return tuple(e for e in self.entries if e.obsolete)


_FIELDS = frozenset(f.name for f in fields(PoEntry) if f.init)


def parse_header(text: str) -> tuple[tuple[str, str], ...]:
    fields: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if sep:
            fields.append((key.strip(), value.strip()))
    return tuple(fields)


def format_header(fields: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in fields)
