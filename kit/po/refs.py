"""``#:`` reference lines as GNU gettext 0.21 parses them (``po_parse_comment_filepos``).

A line holds references separated by blanks; each is ``FILE:LINE``, ``FILE : LINE``,
``FILE: LINE`` or ``FILE`` alone (formats without line numbers). gettext 0.21 has no way to
write a file name containing spaces (0.22 added U+2068/U+2069 quoting); such a name reads
back as two references, so kit's sources should not have spaces in their paths.
"""

from __future__ import annotations

_BLANKS = " \t\n"


def parse_references(text: str) -> list[tuple[str, int | None]]:
    """``(file, line)`` pairs of a ``#:`` line (without the ``#:``)."""
    refs: list[tuple[str, int | None]] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos] in _BLANKS:
            pos += 1
        if pos >= len(text):
            return refs
        name, pos = _file_name(text, pos)
        number, after = _spaced_number(text, pos)
        if number is None and text[pos - 1] == ":":  # "FILE: N"
            number, after = _number(text, _skip_blanks(text, pos))
            name = name[:-1] if number is not None else name
        if number is not None:
            refs.append((name, number))
            pos = after
        else:
            refs.append(_split_digits(name))


def _file_name(text: str, pos: int) -> tuple[str, int]:
    """The file name at ``pos`` and the position after it."""
    end = pos + 1
    while end < len(text) and text[end] not in _BLANKS:
        end += 1
    return text[pos:end], end


def _spaced_number(text: str, pos: int) -> tuple[int | None, int]:
    """``FILE : N`` / ``FILE :N``: a colon after blanks, then the number."""
    p = _skip_blanks(text, pos)
    if p < len(text) and text[p] == ":":
        return _number(text, _skip_blanks(text, p + 1))
    return None, pos


def _number(text: str, pos: int) -> tuple[int | None, int]:
    """Digits at ``pos`` followed by a blank or the end."""
    end = pos
    while end < len(text) and "0" <= text[end] <= "9":
        end += 1
    if end == pos or (end < len(text) and text[end] not in _BLANKS):
        return None, pos
    return int(text[pos:end]), end


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _BLANKS:
        pos += 1
    return pos


def _split_digits(token: str) -> tuple[str, int | None]:
    """``FILE:N`` without blanks; otherwise a file name without line number."""
    start = len(token)
    while start > 0 and "0" <= token[start - 1] <= "9":
        start -= 1
    if start < len(token) and start > 1 and token[start - 1] == ":":
        return token[: start - 1], int(token[start:])
    return token, None
