"""What every check returns: frozen ``Finding`` values with a check id, a severity, a place
(locale, document, file and line) and words for a person (message and hint)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: info 0, warning 1, error 2."""
        return _RANK[self]

    def reaches(self, threshold: Severity) -> bool:
        return self.rank >= threshold.rank


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Finding:
    """One problem. ``path``/``line`` point at what to edit: the PO entry for a translation
    finding, the source line for a source finding; ``line`` 0 means the file as a whole."""

    check: str
    severity: Severity
    locale: str
    document: str
    path: str
    line: int
    message: str
    hint: str = ""
    suppressed_reason: str | None = None

    @property
    def suppressed(self) -> bool:
        return self.suppressed_reason is not None

    def suppress(self, reason: str) -> Finding:
        return replace(self, suppressed_reason=reason)

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[str, int, str, str, str]:
        return (self.path, self.line, self.check, self.locale, self.message)


@dataclass(frozen=True)
class Place:
    """Where findings of one unit go: saves repeating four fields at every call."""

    locale: str
    document: str
    path: str

    def finding(
        self, check: str, severity: Severity, line: int, message: str, hint: str = ""
    ) -> Finding:
        return Finding(check, severity, self.locale, self.document, self.path, line, message, hint)


_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs", "Co", "Cn"})


def quoted(text: str) -> str:
    """``text`` in quotes as a reader should see it in a report: characters that show nothing
    (controls, format characters such as U+200C, separators other than the space) are named,
    ``⟨U+200C ZERO WIDTH NON-JOINER⟩``, instead of printed as ``\\u200c`` or not at all. A
    joiner where its script spells with it (ZWNJ in Persian ``می‌گیرد``, ZWJ in Devanagari or
    Sinhala) is part of the word and stays as it is; between Latin letters it is named."""
    shown = "".join(ch if _spelled(text, i) else _shown(ch) for i, ch in enumerate(text))
    quote = '"' if "'" in shown and '"' not in shown else "'"
    return f"{quote}{shown}{quote}"


_JOINERS = frozenset("\u200c\u200d")
# Scripts whose spelling uses ZWNJ and ZWJ: Arabic (with its presentation forms), Syriac,
# Thaana, the Indic scripts from Devanagari to Sinhala, Myanmar, Khmer, Mongolian.
_JOINING_SCRIPTS = (
    (0x0600, 0x07BF),
    (0x0860, 0x08FF),
    (0x0900, 0x0DFF),
    (0x1000, 0x109F),
    (0x1780, 0x18AF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


def _spelled(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a joiner between two letters (or marks) of a script that
    spells with it."""
    if text[i] not in _JOINERS or i == 0 or i + 1 == len(text):
        return False
    return _joining(text[i - 1]) and _joining(text[i + 1])


def _joining(ch: str) -> bool:
    code = ord(ch)
    return unicodedata.category(ch)[0] in "LM" and any(
        low <= code <= high for low, high in _JOINING_SCRIPTS
    )


def _shown(ch: str) -> str:
    if ch == " " or unicodedata.category(ch) not in _INVISIBLE:
        return ch
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "")
    return f"⟨U+{ord(ch):04X}{' ' + name if name else ''}⟩"


_CONTROL_NAMES = {"\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\x00": "NULL"}
