"""Tokens of a PO file, following GNU gettext's ``po-lex.c``.

Each line yields comment or keyword/string tokens carrying their 1-based line number and
whether they were marked obsolete (``#~``) or previous (``#|``, ``#~|``). Strings are
unescaped here with GNU's rules: ``\\n \\t \\b \\r \\f \\v \\a \\\\ \\"``, octal ``\\ooo``
and hex ``\\xhh`` byte escapes; anything else is an error. Errors are ``CatalogError`` with
the path and line.

As in GNU's ``lex_getc``, a backslash right before a line end joins the two lines (in
comments too); the joined line keeps the number of its first line.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from kit.errors import CatalogError

KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "b": "\b",
    "r": "\r",
    "f": "\f",
    "v": "\v",
    "a": "\a",
    "\\": "\\",
    '"': '"',
}
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"[0-9a-fA-F]+")
_WS = "[ \t\r\f\v]*"
_TOKEN = re.compile(
    rf'{_WS}(?:(")|msgstr{_WS}\[{_WS}([0-9]+){_WS}\]|([A-Za-z_][A-Za-z0-9_]*)|([^ \t\r\f\v]))'
)


class Kind(Enum):
    COMMENT = "comment"  # value: the text after "#" (e.g. ". note", ": ref.md:3", ", fuzzy")
    KEYWORD = "keyword"  # value: msgctxt, msgid, msgid_plural, msgstr; index for msgstr[N]
    STRING = "string"  # value: the unescaped string


class Token(NamedTuple):  # a named tuple: built ~70,000 times for 40 catalogs, and cheaply
    kind: Kind
    value: str
    line: int
    obsolete: bool = False
    previous: bool = False
    form: int | None = None  # N of msgstr[N]


def tokenize(text: str, path: Path | str) -> list[Token]:
    """All tokens of ``text`` (already decoded, with LF line ends)."""
    tokens: list[Token] = []
    for number, line in _logical_lines(text):
        stripped = line.lstrip(" \t\r\f\v")
        obsolete = previous = False
        if stripped.startswith("#~"):
            obsolete = True
            stripped = stripped[2:]
            if stripped.startswith("|"):
                previous, stripped = True, stripped[1:]
        elif stripped.startswith("#|"):
            previous, stripped = True, stripped[2:]
        elif stripped.startswith("#"):
            tokens.append(Token(Kind.COMMENT, stripped[1:], number))
            continue
        if _simple(stripped, tokens, number, obsolete, previous):
            continue
        tokens += _line_tokens(stripped, number, obsolete, previous, path)
    return tokens


def _simple(line: str, tokens: list[Token], number: int, obsolete: bool, previous: bool) -> bool:
    """Fast path for the usual lines, ``"text"`` and ``msgid "text"`` (no escapes, no other
    quote, nothing after): their tokens are appended and True returned; anything else is
    left to ``_line_tokens``."""
    line = line.lstrip(" \t\r\f\v")
    if not line.endswith('"') or "\\" in line or line.count('"') != 2:
        return False
    word, space, rest = line.partition(" ")
    if line.startswith('"'):
        tokens.append(Token(Kind.STRING, line[1:-1], number, obsolete, previous))
        return True
    if space and word in KEYWORDS and rest.startswith('"'):
        tokens.append(Token(Kind.KEYWORD, word, number, obsolete, previous))
        tokens.append(Token(Kind.STRING, rest[1:-1], number, obsolete, previous))
        return True
    return False


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """``(first line number, text)`` after joining backslash-newline continuations."""
    lines: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw
        if pending is not None:
            number, line = pending[0], pending[1] + raw
        if raw.endswith("\\"):  # only a backslash of this physical line continues it
            pending = (number, line[:-1])
        else:
            pending = None
            lines.append((number, line))
    if pending is not None:
        lines.append(pending)
    return lines


def _line_tokens(
    line: str, number: int, obsolete: bool, previous: bool, path: Path | str
) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while True:
        match = _TOKEN.match(line, pos)
        if match is None:  # only whitespace is left
            return tokens
        quote, index, word, other = match.groups()
        if quote:
            value, pos = read_string(line, match.end(), number, path)
            tokens.append(Token(Kind.STRING, value, number, obsolete, previous))
            continue
        pos = match.end()
        if index is not None:
            tokens.append(Token(Kind.KEYWORD, "msgstr", number, obsolete, previous, int(index)))
        elif word in KEYWORDS:
            tokens.append(Token(Kind.KEYWORD, word, number, obsolete, previous))
        else:
            found = word or other
            raise CatalogError(
                f"syntax error: unexpected {found!r}",
                path=path,
                line=number,
                hint='lines hold a keyword (msgid, msgstr, ...) and/or a "quoted string"; '
                "comments start the line with #",
            )


def read_string(line: str, pos: int, number: int, path: Path | str) -> tuple[str, int]:
    """Unescape the string starting after the quote at ``pos - 1``; return it and the
    position after the closing quote."""
    end = line.find('"', pos)
    if end != -1 and line.find("\\", pos, end) == -1:  # fast path: no escapes
        return line[pos:end], end + 1
    out = bytearray()
    start = pos
    while pos < len(line):
        ch = line[pos]
        if ch == '"':
            out += line[start:pos].encode("utf-8", "surrogatepass")
            return _decode(bytes(out), number, path), pos + 1
        if ch == "\\":
            out += line[start:pos].encode("utf-8", "surrogatepass")
            value, pos = _escape(line, pos + 1, number, path)
            out += value
            start = pos
        else:
            pos += 1
    raise CatalogError(
        "unterminated string",
        path=path,
        line=number,
        hint='close the string with " on the same line; continue it on the next line '
        'with a new "..." string',
    )


def _escape(line: str, pos: int, number: int, path: Path | str) -> tuple[bytes, int]:
    ch = line[pos] if pos < len(line) else ""
    if ch in _SIMPLE_ESCAPES and ch:
        return _SIMPLE_ESCAPES[ch].encode(), pos + 1
    octal = _OCTAL.match(line, pos)
    if octal:
        return _byte(int(octal.group(), 8), number, path), octal.end()
    if ch == "x":
        hexa = _HEX.match(line, pos + 1)
        if hexa:
            return _byte(int(hexa.group(), 16), number, path), hexa.end()
    raise CatalogError(
        f"invalid escape sequence \\{ch}" if ch else "backslash at the end of the line",
        path=path,
        line=number,
        hint='valid escapes: \\n \\t \\" \\\\ (and \\a \\b \\f \\r \\v, octal \\ooo, hex \\xhh); '
        "write a backslash as \\\\",
    )


def _byte(value: int, number: int, path: Path | str) -> bytes:
    value &= 0xFF  # GNU stores the value in a char
    if value == 0:
        raise CatalogError(
            "escape sequence for a NUL byte",
            path=path,
            line=number,
            hint="PO strings cannot contain NUL; GNU tools would silently cut the string here",
        )
    return bytes([value])


def _decode(data: bytes, number: int, path: Path | str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(
            "octal or hex escapes produce invalid UTF-8",
            path=path,
            line=number,
            hint="write the characters themselves instead of byte escapes",
        ) from exc
