"""Format directives that msgcat never breaks a line inside.

When an entry carries a ``*-format`` flag, GNU gettext parses each string with that
language's format-string parser and forbids line breaks inside every well-formed directive
(``%-5d``, ``%(patient name)s``, ``{dose.unit}``). Parsing stops at the first error;
directives after it are unprotected. This module ports the parsers of gettext 0.21 for the
languages kit meets in practice: ``c`` and ``objc`` (printf), ``python`` (``%``) and
``python-brace`` (``str.format``). For other languages no directive is protected, which
only matters if a directive of that language contains a break opportunity (a space, or a
``-``, ``/`` or ``.`` before a letter) near the end of a line.

gettext's python-brace parser records directive positions relative to the directive's own
``{`` instead of the string start (``format_start`` is shadowed in ``parse_directive``), so
msgcat protects the *first bytes of the string* instead of the directive. That is
reproduced on purpose: the goal is msgcat's bytes.
"""

from __future__ import annotations

from collections.abc import Callable

_C_FLAGS = " +-#0'"
_C_SIZES = "hlLqjzZt"
_C_CONVERSIONS = "%mcCsSidouxXeEfFgGaApn"
_PY_FLAGS = "-+ #0"
_PY_CONVERSIONS = "%csridouxXeEfgG"
_BRACE_TYPES = "bcdoxXneEfFgG%"

Span = tuple[int, int]  # first and last position of a directive (characters or bytes)


def protected_positions(language: str | None, text: str, *, is_msgstr: bool) -> frozenset[int]:
    """Indices of ``text`` before which msgcat will not break (inside directives). The
    parsers give byte offsets, as gettext's do: a character is protected when its first
    byte lies after a directive's first byte and not after its last one."""
    parser = _PARSERS.get(language or "")
    if parser is None or not text:
        return frozenset()
    spans = parser(text, is_msgstr, language == "objc")
    if not spans:
        return frozenset()
    protected: set[int] = set()
    offset = 0
    for index, ch in enumerate(text):
        if any(start < offset <= end for start, end in spans):
            protected.add(index)
        offset += len(ch.encode("utf-8", "surrogatepass"))
    return frozenset(protected)


def _char_spans(text: str, spans: list[tuple[int, int]]) -> list[Span]:
    """Character index spans -> the byte offsets of their first and last characters."""

    def offset(i: int) -> int:
        return len(text[:i].encode("utf-8", "surrogatepass"))

    return [(offset(start), offset(end)) for start, end in spans]


class _Scanner:
    """A cursor over ``text``; reading past the end gives "" (C's terminating NUL)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def peek(self, offset: int = 0) -> str:
        i = self.pos + offset
        return self.text[i] if i < len(self.text) else ""

    def skip(self, chars: str) -> None:
        while self.peek() and self.peek() in chars:
            self.pos += 1

    def digits(self) -> str:
        start = self.pos
        while self.peek().isascii() and self.peek().isdigit():
            self.pos += 1
        return self.text[start : self.pos]

    def argument_number(self) -> int | None:
        """``N$`` if present (consumed), else None; 0 for ``0$``."""
        start = self.pos
        number = self.digits()
        if number and self.peek() == "$":
            self.pos += 1
            return int(number)
        self.pos = start
        return None


def _c_char_spans(text: str, is_msgstr: bool, objc: bool) -> list[Span]:
    """Directives of a C/ObjC format string, as character index spans."""
    spans: list[Span] = []
    numbered = unnumbered = False
    s = _Scanner(text)
    while s.pos < len(text):
        start = s.pos
        s.pos += 1
        if text[start] != "%":
            continue
        kinds: list[bool] = []  # True: numbered argument, False: unnumbered
        number = s.argument_number()
        if number == 0:
            return spans
        while s.peek() and (s.peek() in _C_FLAGS or (is_msgstr and s.peek() == "I")):
            s.pos += 1
        for is_width in (True, False):
            if not is_width:
                if s.peek() != ".":
                    break
                s.pos += 1
            if s.peek() == "*":
                s.pos += 1
                star = s.argument_number()
                if star == 0:
                    return spans
                kinds.append(star is not None)
            else:
                s.digits()
        conversion_ok = _c_conversion(s, objc)
        if conversion_ok is None:
            return spans
        if conversion_ok:
            kinds.append(number is not None)
        for kind in kinds:
            if (kind and unnumbered) or (not kind and numbered):
                return spans  # numbered and unnumbered arguments mixed
            numbered, unnumbered = numbered or kind, unnumbered or not kind
        spans.append((start, s.pos))
        s.pos += 1
    return spans


def _c_conversion(s: _Scanner, objc: bool) -> bool | None:
    """Parse the conversion; leaves the cursor on its last character. Returns whether it
    takes an argument, or None if invalid."""
    if s.peek() == "<":
        return _c99_macro(s)
    s.skip(_C_SIZES)
    ch = s.peek()
    if ch and (ch in _C_CONVERSIONS or (objc and ch == "@")):
        return ch not in "%m"
    return None


def _c99_macro(s: _Scanner) -> bool | None:
    """``<PRIdMAX>``, ``<PRIu64>``, ``<PRIxLEAST16>``...; the cursor ends on ``>``."""
    s.pos += 1
    rest = s.text[s.pos :]
    if not (rest.startswith("PRI") and len(rest) > 3 and rest[3] in "diouxX"):
        return None
    s.pos += 4
    for word in ("MAX", "PTR", "LEAST", "FAST", ""):
        if s.text.startswith(word, s.pos):
            s.pos += len(word)
            if word in ("MAX", "PTR"):
                break
            for bits in ("8", "16", "32", "64"):
                if s.text.startswith(bits, s.pos):
                    s.pos += len(bits)
                    break
            else:
                return None
            break
    return True if s.peek() == ">" else None


def _python_char_spans(text: str, is_msgstr: bool, objc: bool) -> list[Span]:
    """Directives of a Python %-format string, as character index spans."""
    spans: list[Span] = []
    named = unnamed = False
    s = _Scanner(text)
    while s.pos < len(text):
        start = s.pos
        s.pos += 1
        if text[start] != "%":
            continue
        has_name = s.peek() == "("
        if has_name and not _skip_parenthesized(s):
            return spans
        s.skip(_PY_FLAGS)
        stars = 0
        for is_width in (True, False):
            if not is_width:
                if s.peek() != ".":
                    break
                s.pos += 1
            if s.peek() == "*":
                s.pos += 1
                stars += 1
                if named:
                    return spans
                unnamed = True
            else:
                s.digits()
        if s.peek() and s.peek() in "hlL":
            s.pos += 1
        if not s.peek() or s.peek() not in _PY_CONVERSIONS:
            return spans
        if has_name:
            if unnamed:
                return spans
            named = True
        elif s.peek() != "%":
            if named:
                return spans
            unnamed = True
        spans.append((start, s.pos))
        s.pos += 1
    return spans


def _skip_parenthesized(s: _Scanner) -> bool:
    depth = 0
    s.pos += 1
    while s.peek():
        if s.peek() == "(":
            depth += 1
        elif s.peek() == ")":
            if depth == 0:
                s.pos += 1
                return True
            depth -= 1
        s.pos += 1
    return False


def _brace_directives(text: str, is_msgstr: bool, objc: bool) -> list[Span]:
    """What gettext marks for python-brace: every directive's START at offset 0 and its END
    (or the parse error) at its offset *relative to its own brace*, so the protected span
    is ``[0, first end]`` of the string, or nothing if the parse failed first."""
    ends: list[int] = []
    s = _Scanner(text)
    while s.pos < len(text):
        if s.peek() != "{":
            s.pos += 1
            continue
        start = s.pos
        error = _brace_directive(s, toplevel=True)
        if error is not None:
            if ends and error > min(ends):
                return [(0, min(ends))]
            return []
        if text[start + 1] != "{":  # "{{" is an escaped brace, not a directive
            ends.append(_nbytes(text, start, s.pos - 1))
    return [(0, min(ends))] if ends else []


def _nbytes(text: str, start: int, end: int) -> int:
    return len(text[start:end].encode("utf-8", "surrogatepass"))


def _brace_directive(s: _Scanner, *, toplevel: bool) -> int | None:
    """Parse ``{...}`` at the cursor. On success the cursor is after the ``}`` and the
    result is None; on error, the byte offset of the error from this ``{``."""
    start = s.pos
    s.pos += 1
    if s.peek() == "{":
        s.pos += 1
        return None
    if not (_brace_name(s) or s.digits()):
        return _nbytes(s.text, start, s.pos)
    while s.peek() in (".", "["):
        bracket = s.peek() == "["
        s.pos += 1
        if not (_brace_name(s) or (bracket and s.digits())):
            return _nbytes(s.text, start, s.pos)
        if bracket:
            if s.peek() != "]":
                return _nbytes(s.text, start, s.pos)
            s.pos += 1
    if s.peek() == ":":
        if not toplevel:
            return _nbytes(s.text, start, s.pos)
        s.pos += 1
        if s.peek() == "{":
            nested_error = _brace_directive(s, toplevel=False)
            if nested_error is not None:
                return nested_error  # relative to the nested brace, as in gettext
        elif not _brace_spec(s):
            return _nbytes(s.text, start, s.pos)
    if s.peek() != "}":
        return _nbytes(s.text, start, s.pos)
    s.pos += 1
    return None


def _brace_name(s: _Scanner) -> bool:
    ch = s.peek()
    if not (ch.isascii() and (ch.isalpha() or ch == "_")):
        return False
    while s.peek().isascii() and (s.peek().isalnum() or s.peek() == "_"):
        s.pos += 1
    return True


def _brace_spec(s: _Scanner) -> bool:
    """``[[fill]align][sign][#][0][width][.precision][type]``."""
    if not s.peek():
        return False
    if s.peek().isascii() and s.peek(1) and s.peek(1) in "<>=^":
        s.pos += 2  # gettext looks at the next *byte*: only an ASCII fill character works
    elif s.peek() in "<>=^":
        s.pos += 1
    for optional in ("+- ", "#", "0"):
        if s.peek() and s.peek() in optional:
            s.pos += 1
    s.digits()
    if s.peek() == "." and s.peek(1).isascii() and s.peek(1).isdigit():
        s.pos += 1
        s.digits()
    if s.peek() and s.peek() in _BRACE_TYPES:
        s.pos += 1
    return True


def _c_directives(text: str, is_msgstr: bool, objc: bool) -> list[Span]:
    return _char_spans(text, _c_char_spans(text, is_msgstr, objc))


def _python_directives(text: str, is_msgstr: bool, objc: bool) -> list[Span]:
    return _char_spans(text, _python_char_spans(text, is_msgstr, objc))


_PARSERS: dict[str, Callable[[str, bool, bool], list[Span]]] = {
    "c": _c_directives,
    "objc": _c_directives,
    "python": _python_directives,
    "python-brace": _brace_directives,
}
