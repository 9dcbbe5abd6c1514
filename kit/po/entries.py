"""Group PO tokens into ``PoEntry`` objects (the grammar of GNU's ``po-gram.y``):

    entry := comment* previous* [msgctxt STR+] msgid STR+
             ( msgstr STR+ | msgid_plural STR+ (msgstr[N] STR+)+ )

with the comment dispatch of ``read-catalog-abstract.c`` (``#.`` extracted, ``#:``
references, ``#,``/``#!`` flags, anything else a translator comment minus one space).
As in gettext 0.21, every ``#,`` line replaces the flags of the lines before it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kit.errors import CatalogError
from kit.po.flags import canonical_flags
from kit.po.lex import Kind, Token
from kit.po.model import PoEntry
from kit.po.refs import parse_references

_ORDER = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}


@dataclass
class _Draft:
    """An entry being assembled."""

    comments: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    references: list[tuple[str, int | None]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)
    obsolete: bool | None = None
    line: int = 0


class _Parser:
    def __init__(self, tokens: list[Token], path: Path | str) -> None:
        self.tokens = tokens
        self.path = path
        self.pos = 0

    def error(self, message: str, line: int, hint: str) -> CatalogError:
        return CatalogError(message, path=self.path, line=line, hint=hint)

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def strings(self, keyword: Token) -> str:
        """The concatenated strings after ``keyword`` (at least one)."""
        parts: list[str] = []
        while (tok := self.peek()) is not None and tok.kind is Kind.STRING:
            if (tok.obsolete, tok.previous) != (keyword.obsolete, keyword.previous):
                raise self.error(
                    "continuation line marked differently from its keyword",
                    tok.line,
                    'obsolete strings all start with "#~", previous ones with "#|"',
                )
            parts.append(tok.value)
            self.pos += 1
        if not parts:
            raise self.error(
                f"{keyword.value} without a string", keyword.line, f'write {keyword.value} ""'
            )
        return "".join(parts)

    def entries(self) -> list[PoEntry]:
        result: list[PoEntry] = []
        draft = _Draft()
        while (tok := self.peek()) is not None:
            if tok.kind is Kind.COMMENT:
                self.pos += 1
                _dispatch_comment(draft, tok.value)
            elif tok.kind is Kind.KEYWORD:
                result.append(self.entry(draft, tok))
                draft = _Draft()
            else:
                raise self.error(
                    "string without a keyword",
                    tok.line,
                    "a string continues the msgid/msgstr above it; no blank line or comment "
                    "may come in between",
                )
        return result

    def entry(self, draft: _Draft, first: Token) -> PoEntry:
        while (tok := self.peek()) is not None and tok.kind is Kind.KEYWORD and tok.previous:
            self.previous(draft, tok)
        if draft.previous and "msgid" not in draft.previous:
            raise self.error(
                "#| msgctxt or #| msgid_plural without #| msgid",
                first.line,
                "previous strings always include the previous msgid",
            )
        tok = self.expect_keyword(draft, ("msgctxt", "msgid"), first)
        if tok.value == "msgctxt":
            draft.fields["msgctxt"] = self.strings(tok)
            tok = self.expect_keyword(draft, ("msgid",), tok)
        draft.line = tok.line
        draft.fields["msgid"] = self.strings(tok)
        tok = self.expect_keyword(draft, ("msgstr", "msgid_plural"), tok)
        if tok.value == "msgid_plural":
            draft.fields["msgid_plural"] = self.strings(tok)
            self.plural_forms(draft, tok)
        elif tok.form is not None:
            raise self.error(
                "msgstr[N] without msgid_plural",
                tok.line,
                "plural forms need a msgid_plural; a singular entry has a plain msgstr",
            )
        else:
            draft.fields["msgstr"] = self.strings(tok)
        return _finish(draft)

    def previous(self, draft: _Draft, tok: Token) -> None:
        rank = _ORDER.get(tok.value)
        if rank is None or tok.form is not None or any(_ORDER[k] >= rank for k in draft.previous):
            raise self.error(
                f"unexpected #| {tok.value}",
                tok.line,
                "previous strings are #| msgctxt, #| msgid, #| msgid_plural, in that order",
            )
        self.check_obsolete(draft, tok)
        self.pos += 1
        draft.previous[tok.value] = self.strings(tok)

    def expect_keyword(self, draft: _Draft, names: tuple[str, ...], after: Token) -> Token:
        tok = self.peek()
        if tok is None or tok.kind is not Kind.KEYWORD or tok.value not in names or tok.previous:
            line = after.line if tok is None else tok.line
            found = "end of file" if tok is None else repr(tok.value)
            raise self.error(
                f"expected {' or '.join(names)}, found {found}",
                line,
                "an entry is [msgctxt] msgid then msgstr, or msgid_plural and msgstr[N]",
            )
        self.check_obsolete(draft, tok)
        self.pos += 1
        return tok

    def check_obsolete(self, draft: _Draft, tok: Token) -> None:
        if draft.obsolete is None:
            draft.obsolete = tok.obsolete
        elif draft.obsolete != tok.obsolete:
            raise self.error(
                "inconsistent use of #~ within one entry",
                tok.line,
                'in an obsolete entry every keyword line starts with "#~"',
            )

    def plural_forms(self, draft: _Draft, after: Token) -> None:
        while (tok := self.peek()) is not None and tok.kind is Kind.KEYWORD:
            if tok.value != "msgstr" or tok.form is None or tok.previous:
                break
            if tok.form != len(draft.forms):
                raise self.error(
                    f"msgstr[{tok.form}] where msgstr[{len(draft.forms)}] was expected",
                    tok.line,
                    "number the plural forms msgstr[0], msgstr[1], ... in order",
                )
            self.check_obsolete(draft, tok)
            self.pos += 1
            draft.forms.append(self.strings(tok))
        if not draft.forms:
            raise self.error(
                "msgid_plural without msgstr[0]",
                after.line,
                "a plural entry has msgstr[0], msgstr[1], ... instead of msgstr",
            )


def build_entries(tokens: list[Token], path: Path | str) -> list[PoEntry]:
    """Entries in file order; untranslated obsolete entries are dropped (as msgcat does)."""
    entries = _Parser(tokens, path).entries()
    return [e for e in entries if not e.obsolete or _first_msgstr(e)]


def _first_msgstr(entry: PoEntry) -> str:
    return entry.msgstr_plural[0] if entry.msgid_plural is not None else entry.msgstr


def _dispatch_comment(draft: _Draft, text: str) -> None:
    if text.startswith("."):
        draft.extracted.append(text[2:] if text.startswith(". ") else text[1:])
    elif text.startswith(":"):
        for ref in parse_references(text[1:]):
            if ref not in draft.references:
                draft.references.append(ref)
    elif text.startswith((",", "!")):
        draft.flags = [text[1:]]  # GNU resets all flags on each "#," line: the last one wins
    else:
        draft.comments.append(text[1:] if text.startswith(" ") else text)


def _finish(draft: _Draft) -> PoEntry:
    plural = "msgid_plural" in draft.fields
    first = draft.forms[0] if plural and draft.forms else draft.fields.get("msgstr", "")
    obsolete = bool(draft.obsolete)
    return PoEntry(
        msgid=draft.fields["msgid"],
        msgstr=draft.fields.get("msgstr", ""),
        msgctxt=draft.fields.get("msgctxt"),
        msgid_plural=draft.fields.get("msgid_plural"),
        msgstr_plural=tuple(draft.forms),
        translator_comments=tuple(draft.comments),
        extracted_comments=tuple(draft.extracted),
        references=_references(draft.references),
        previous_msgctxt=draft.previous.get("msgctxt"),
        previous_msgid=draft.previous.get("msgid"),
        previous_msgid_plural=draft.previous.get("msgid_plural"),
        flags=canonical_flags(draft.flags, translated=bool(first), obsolete=obsolete),
        obsolete=obsolete,
        line=draft.line,
    )


def _references(refs: list[tuple[str, int | None]]) -> tuple[str, ...]:
    """``file:line`` strings without a leading ``./``; but where dropping it makes two
    references equal, both keep their spelling, because gettext (which compares them
    before dropping ``./``) writes both."""
    raw = [name if line is None else f"{name}:{line}" for name, line in refs]
    short = [
        _strip_dot_slash(name) if line is None else f"{_strip_dot_slash(name)}:{line}"
        for name, line in refs
    ]
    counts = Counter(short)
    return tuple(s if counts[s] == 1 else r for s, r in zip(short, raw, strict=True))


def _strip_dot_slash(name: str) -> str:
    while name.startswith("./"):
        name = name[2:]
    return name
