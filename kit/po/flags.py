"""The ``#,`` flags line as GNU gettext 0.21 reads and writes it.

GNU keeps only the flags it understands and writes them in a fixed order: ``fuzzy``, the
``*-format`` flags in the order of its format table, ``range: MIN..MAX``, ``no-wrap``.
``possible-X-format`` is written as ``X-format``; ``impossible-X-format``, ``wrap``, the
``*-check`` syntax flags and unknown flags are dropped. ``fuzzy`` is dropped from entries
without a translation (the first ``msgstr`` empty), except in obsolete entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Order of gettext 0.21's format_language[] table (format.c).
FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)
_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")
_RANGE = re.compile(r"([0-9]+)\.\.([0-9]+)")
_INT_MAX = 2**31 - 1


@dataclass(frozen=True)
class Flags:
    """What GNU remembers of a ``#,`` line."""

    fuzzy: bool = False
    formats: dict[str, str] = field(default_factory=dict)  # language -> yes/no/possible
    range: tuple[int, int] | None = None
    no_wrap: bool = False

    def format_language(self) -> str | None:
        """The first language whose directives the string (possibly) contains."""
        if not self.formats:
            return None
        for lang in FORMAT_LANGUAGES:
            if self.formats.get(lang) in ("yes", "possible"):
                return lang
        return None

    def render(self, *, fuzzy: bool, with_range: bool = True) -> tuple[str, ...]:
        """The flags as msgcat writes them, in its order."""
        out = ["fuzzy"] if fuzzy and self.fuzzy else []
        for lang in FORMAT_LANGUAGES:
            value = self.formats.get(lang)
            if value in ("yes", "possible"):
                out.append(f"{lang}-format")
            elif value == "no":
                out.append(f"no-{lang}-format")
        if with_range and self.range is not None:
            out.append(f"range: {self.range[0]}..{self.range[1]}")
        if self.no_wrap:
            out.append("no-wrap")
        return tuple(out)


def parse_flags(flags: Iterable[str]) -> Flags:
    """Interpret flag words (or whole ``#,`` lines without the ``#,``) like GNU does."""
    if not flags and isinstance(flags, tuple | list):
        return _NO_FLAGS
    tokens = [t for t in _SEPARATORS.split(",".join(flags)) if t]
    fuzzy = False
    no_wrap = False
    formats: dict[str, str] = {}
    rng: tuple[int, int] | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token == "fuzzy":
            fuzzy = True
        elif token.endswith("-format"):
            lang, value = _format_flag(token[: -len("-format")])
            if lang in FORMAT_LANGUAGES:
                formats[lang] = value
        elif token == "range:" and i < len(tokens):
            parsed = _parse_range(tokens[i])
            i += 1
            rng = parsed or rng
        elif token in ("wrap", "no-wrap"):
            no_wrap = token == "no-wrap"
    return Flags(fuzzy=fuzzy, formats=formats, range=rng, no_wrap=no_wrap)


_NO_FLAGS = Flags()


def canonical_flags(flags: Iterable[str], *, translated: bool, obsolete: bool) -> tuple[str, ...]:
    """``flags`` as they come out of ``msgcat``. ``translated``: the first msgstr is set."""
    if not flags:  # most entries have none (a list or tuple; an iterator goes the long way)
        return ()
    parsed = parse_flags(flags)
    return parsed.render(fuzzy=obsolete or translated, with_range=not obsolete)


def _format_flag(name: str) -> tuple[str, str]:
    for prefix, value in (("no-", "no"), ("possible-", "possible"), ("impossible-", "impossible")):
        if name.startswith(prefix):
            return name[len(prefix) :], value
    return name, "yes"


def _parse_range(token: str) -> tuple[int, int] | None:
    match = _RANGE.match(token)
    if match is None:
        return None
    low, high = (min(int(g), _INT_MAX) for g in match.groups())
    return (low, high) if low <= high else None
