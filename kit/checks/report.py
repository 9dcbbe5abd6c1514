"""The result of ``kit check``: every finding (suppressed ones marked), the reading levels,
and the decision whether the run fails."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kit.checks.finding import Finding, Severity
from kit.checks.reading_level import ReadabilityRow


@dataclass(frozen=True)
class Unread:
    """A file ``kit check`` could not read (a PO syntax error): none of its findings are in the
    report, and the run exits 2. ``path`` is relative to the project folder."""

    path: str
    line: int  # 0: the file as a whole
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Finding, ...]
    readability: tuple[ReadabilityRow, ...]
    fail_on: Severity
    checked: tuple[tuple[str, str], ...] = ()  # (locale, document) pairs that were checked
    unread: tuple[Unread, ...] = ()  # files that could not be read: their findings are missing

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(
            f for f in self.findings if not f.suppressed and f.severity.reaches(self.fail_on)
        )

    @property
    def failed(self) -> bool:
        return bool(self.failing)

    def counts(self) -> dict[str, int]:
        """Unsuppressed findings per severity, plus ``suppressed``."""
        tally = Counter(f.severity.value for f in self.findings if not f.suppressed)
        out = {s.value: tally.get(s.value, 0) for s in Severity}
        out["suppressed"] = sum(1 for f in self.findings if f.suppressed)
        return out
