"""One check's entry in the table of checks (``kit.checks.specs``)."""

from __future__ import annotations

from dataclasses import dataclass

from kit.checks.finding import Severity


@dataclass(frozen=True)
class CheckSpec:
    id: str
    severity: Severity
    what: str  # what a finding means
    fix: str  # how to fix it
