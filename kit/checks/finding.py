"""What every check returns: frozen ``Finding`` values with a check id, a severity, a place
(locale, document, file and line) and words for a person (message and hint)."""

from __future__ import annotations

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
