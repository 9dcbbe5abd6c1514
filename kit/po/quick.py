"""The usual PO syntax read line by line, without tokens: what ``parse_po`` tries first.

``quick_entries(text)`` returns exactly the entries that ``build_entries(tokenize(text))``
returns (``kit.po.lex`` and ``kit.po.entries``, the strict reader modelled on GNU's), or
None for anything outside the common form, and then the strict reader reads the file (and
reports the error, if there is one). The common form is what msgcat, msgmerge, Poedit,
Weblate and kit write: lines that start in the first column with ``#``, a keyword followed
by one space and one string, or a string alone; strings whose only escapes are the simple
ones (``\\n \\t \\" \\\\`` ...); no backslash-newline continuations. Anything else (an
error, octal escapes, indented lines, two strings on a line) returns None.

Why a second reader: reading was 40 % of ``kit update``; building a token for every line
and then walking the tokens cost about three times what this single pass costs.
``tests/po/test_po_quick.py`` checks, on random and damaged files, that both readers agree
whenever this one answers.

Before reading line by line, ``quick_entries`` reads whole entries with one regular
expression each (``kit.po.blocks``, about twice as fast again), as far as they have the
usual form; the line reader reads the rest of the file from there.
"""

from __future__ import annotations

import dataclasses
import re

from kit.po.blocks import block_entries
from kit.po.entries import _references
from kit.po.flags import canonical_flags
from kit.po.model import PoEntry
from kit.po.refs import parse_references

_WS = " \t\r\f\v"
_UNESCAPE = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_UNESCAPE |= {"\\": "\\", '"': '"'}
_VALID = re.compile(r'(?:[^"\\]|\\[ntbrfva\\"])*')
_ESCAPE = re.compile(r"\\(.)")
_ORDER = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2}

# Where an entry is: what the last keyword line was (strings continue its field).
_START, _PREVIOUS, _CONTEXT, _MSGID, _PLURAL, _MSGSTR, _FORMS = range(7)
_COMPLETE = (_MSGSTR, _FORMS)


class _Unusual(Exception):
    """Something the quick reader leaves to the strict one."""


def quick_entries(text: str) -> list[PoEntry] | None:
    """The entries of ``text`` (decoded, LF line ends), or None if the strict reader must
    read it. Untranslated obsolete entries are dropped, as in ``build_entries``.

    Whole entries are matched first (``kit.po.blocks``); from the first entry that is not of
    the usual form on, the file is read line by line."""
    if "\\\n" in text or text.endswith("\\"):  # backslash-newline joins lines
        return None
    if not text.endswith("\n"):
        text += "\n"  # one more empty line: nothing changes but every line now ends
    entries, pos = block_entries(text)
    if pos == len(text):
        return entries
    if entries and _continues(text[pos : text.find("\n", pos)]):
        entries, pos = [], 0  # the line reader reads the last entry again, with this line
    try:
        return entries + _Reader().read(text[pos:], text.count("\n", 0, pos))
    except _Unusual:
        return None


def _continues(line: str) -> bool:
    """Whether ``line``, after a complete entry and blank lines, could still belong to that
    entry for the line reader (a string, or ``msgstr[N]``); a fresh reader would refuse it."""
    if line.startswith(("#~", "#|")):
        line = line[3:] if line.startswith("#~|") else line[2:]
        line = line.lstrip(_WS)
    return line.startswith(('"', "msgstr"))


def _string(rest: str) -> str:
    """The value of ``"..."`` (the whole of ``rest``)."""
    if len(rest) < 2 or rest[-1] != '"':
        raise _Unusual
    inner = rest[1:-1]
    if '"' not in inner and "\\" not in inner:
        return inner
    if _VALID.fullmatch(inner) is None:
        raise _Unusual
    value = _ESCAPE.sub(lambda m: _UNESCAPE[m[1]], inner)
    try:
        value.encode("utf-8")  # the strict reader rejects escapes next to lone surrogates
    except UnicodeEncodeError:
        raise _Unusual from None
    return value


def _keyword(rest: str) -> tuple[str, int | None, str]:
    """``(keyword, N of msgstr[N], string)`` of a keyword line."""
    word, space, value = rest.partition(" ")
    if not space or not value.startswith('"'):
        raise _Unusual
    if word in _ORDER or word == "msgstr":
        return word, None, _string(value)
    if word.startswith("msgstr[") and word.endswith("]"):
        digits = word[7:-1]
        if digits.isascii() and digits.isdigit():
            return "msgstr", int(digits), _string(value)
    raise _Unusual


class _Reader:
    def __init__(self) -> None:
        self.entries: list[PoEntry] = []
        self.new_draft()

    def new_draft(self) -> None:
        self.comments: list[str] = []
        self.extracted: list[str] = []
        self.refs: list[tuple[str, int | None]] = []
        self.flags: list[str] = []
        self.previous: dict[str, str] = {}
        self.fields: dict[str, str] = {}
        self.forms: list[str] = []
        self.obsolete: bool | None = None
        self.line = 0
        self.state = _START
        self.parts: list[str] = []  # strings of the field being read
        self.target = ""  # where they go: "#|msgid", "msgid", "msgstr[]" ...
        self.marks = (False, False)  # (obsolete, previous) of its keyword

    def read(self, text: str, number: int = 0) -> list[PoEntry]:
        """The entries of ``text``, whose first line is line ``number + 1`` of the file."""
        for line in text.split("\n"):
            number += 1
            if not line:
                continue
            first = line[0]
            if first == '"':
                self.string(line, (False, False))
            elif first == "#":
                second = line[1:2]
                if second == "~":
                    if line[2:3] == "|":
                        self.marked(line[3:].lstrip(_WS), number, (True, True))
                    else:
                        self.marked(line[2:].lstrip(_WS), number, (True, False))
                elif second == "|":
                    self.marked(line[2:].lstrip(_WS), number, (False, True))
                else:
                    self.comment(line[1:])
            elif first in _WS:
                raise _Unusual
            else:
                self.keyword(*_keyword(line), number, (False, False))
        if self.state in _COMPLETE:
            self.finish()
        elif self.state != _START:
            raise _Unusual  # an entry cut short: the strict reader says where
        return [e for e in self.entries if not e.obsolete or _first_msgstr(e)]

    def marked(self, rest: str, number: int, marks: tuple[bool, bool]) -> None:
        if rest.startswith('"'):
            self.string(rest, marks)
        else:
            self.keyword(*_keyword(rest), number, marks)

    def string(self, rest: str, marks: tuple[bool, bool]) -> None:
        if self.state == _START or marks != self.marks:
            raise _Unusual
        self.parts.append(_string(rest))

    def comment(self, text: str) -> None:
        if self.state in _COMPLETE:
            self.finish()
        elif self.state != _START:
            raise _Unusual  # a comment inside an entry
        if text.startswith(":"):
            self.references(text[1:])
        elif text.startswith("."):
            self.extracted.append(text[2:] if text.startswith(". ") else text[1:])
        elif text.startswith((",", "!")):
            self.flags = [text[1:]]  # the last "#," line wins, as in GNU
        else:
            self.comments.append(text[1:] if text.startswith(" ") else text)

    def references(self, text: str) -> None:
        if "\t" in text or " :" in text or ": " in text or text[:1] == ":" or text[-1:] == ":":
            found = parse_references(text)  # "FILE : N" and other rare spellings
        else:
            found = [_split_digits(p) for p in text.split(" ") if p]
        for ref in found:
            if ref not in self.refs:
                self.refs.append(ref)

    def keyword(
        self, word: str, form: int | None, value: str, number: int, marks: tuple[bool, bool]
    ) -> None:
        state = self.state
        if marks[1]:  # "#| msgid": a previous string, before the entry's own keywords
            if state in _COMPLETE:
                self.finish()
            elif state not in (_START, _PREVIOUS):
                raise _Unusual
            rank = _ORDER.get(word)
            if rank is None or form is not None:
                raise _Unusual
            self.store()
            if any(_ORDER[k] >= rank for k in self.previous):
                raise _Unusual
            self.begin("#|" + word, _PREVIOUS, value, marks)
            return
        if word == "msgctxt" or word == "msgid":
            if state in _COMPLETE:
                self.finish()
                state = _START
            if not (state in (_START, _PREVIOUS) or (state == _CONTEXT and word == "msgid")):
                raise _Unusual
            self.store()
            if state == _PREVIOUS and "msgid" not in self.previous:
                raise _Unusual
            if word == "msgid":
                self.line = number
            self.begin(word, _CONTEXT if word == "msgctxt" else _MSGID, value, marks)
        elif word == "msgid_plural" and state == _MSGID:
            self.store()
            self.begin(word, _PLURAL, value, marks)
        elif form is None and word == "msgstr" and state == _MSGID:
            self.store()
            self.begin(word, _MSGSTR, value, marks)
        elif form is not None and (
            (state == _PLURAL and form == 0)
            or (state == _FORMS and form == len(self.forms) + 1)  # the last form is not stored yet
        ):
            self.store()
            self.begin("msgstr[]", _FORMS, value, marks)
        else:
            raise _Unusual

    def begin(self, target: str, state: int, value: str, marks: tuple[bool, bool]) -> None:
        if self.obsolete is None:
            self.obsolete = marks[0]
        elif self.obsolete != marks[0]:
            raise _Unusual  # "#~" on some keyword lines of the entry only
        self.target, self.state, self.parts, self.marks = target, state, [value], marks

    def store(self) -> None:
        """Put the strings read so far where they belong."""
        target = self.target
        if not target:
            return
        value = "".join(self.parts) if len(self.parts) > 1 else self.parts[0]
        if target == "msgstr[]":
            self.forms.append(value)
        elif target.startswith("#|"):
            self.previous[target[2:]] = value
        else:
            self.fields[target] = value
        self.target = ""

    def finish(self) -> None:
        self.store()
        fields = self.fields
        plural = "msgid_plural" in fields
        first = self.forms[0] if plural else fields.get("msgstr", "")
        obsolete = bool(self.obsolete)
        previous = self.previous
        refs = self.refs
        if not refs:
            references: tuple[str, ...] = ()
        elif any(name.startswith("./") for name, _ in refs):
            references = _references(refs)
        else:
            references = tuple([name if n is None else f"{name}:{n}" for name, n in refs])
        self.entries.append(
            _entry(
                msgid=fields["msgid"],
                msgstr=fields.get("msgstr", ""),
                msgctxt=fields.get("msgctxt"),
                msgid_plural=fields.get("msgid_plural"),
                msgstr_plural=tuple(self.forms),
                translator_comments=tuple(self.comments),
                extracted_comments=tuple(self.extracted),
                references=references,
                previous_msgctxt=previous.get("msgctxt"),
                previous_msgid=previous.get("msgid"),
                previous_msgid_plural=previous.get("msgid_plural"),
                flags=canonical_flags(self.flags, translated=bool(first), obsolete=obsolete),
                obsolete=obsolete,
                line=self.line,
            )
        )
        self.new_draft()


_DEFAULTS = {f.name: f.default for f in dataclasses.fields(PoEntry)}


def _entry(**values: object) -> PoEntry:
    """``PoEntry(**values)`` at a third of the cost (a frozen dataclass's ``__init__`` sets
    each field through ``object.__setattr__``; nothing in it checks or derives a value)."""
    entry: PoEntry = object.__new__(PoEntry)
    entry.__dict__.update(_DEFAULTS, **values)
    return entry


def _first_msgstr(entry: PoEntry) -> str:
    return entry.msgstr_plural[0] if entry.msgid_plural is not None else entry.msgstr


def _split_digits(token: str) -> tuple[str, int | None]:
    """``FILE:N`` -> ``(FILE, N)``; otherwise the name without a line number (as
    ``kit.po.refs``)."""
    name, colon, digits = token.rpartition(":")
    if colon and name and digits.isascii() and digits.isdigit():
        return name, int(digits)
    return token, None
