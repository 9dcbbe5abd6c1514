"""The publish gate of one output (document × locale): the findings of ``kit check`` that
decide whether it may go online, and what ``[publish]`` in kit.toml does with them.

``kit build`` runs the same checks as ``kit check`` on each catalog, with the same
suppressions, ``checks.disable`` and ``checks.severity`` (``kit.commands.gating`` does the IO).
Only the checks in ``GATE_CHECKS`` decide publication: those where a published page could
send a family to the wrong number, dose or address, or show text that is not what the source
says. Must-retranslate segments, coverage and review are decided by ``kit.catalog.localize.decide``
(``[publish]`` ``must_retranslate``, ``threshold``, ``require_review``, in the build as well);
reading level, alt-text style and unpaired emphasis markers are advice (``kit check``). Each finding's severity maps to an action:
``on_error`` (default ``withhold``), ``on_warning`` and ``on_info`` (default ``publish``).
The worst action wins: withhold > banner > publish. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from kit.catalog.localize import Decision, LocalizedDocument, PublishDecision
from kit.checks.finding import Finding, Severity

GATE_CHECKS = frozenset(
    {
        "translation.links",
        "translation.contacts",
        "translation.numbers",
        "translation.images",
        "translation.code",
        "translation.html",
        "translation.control-characters",
    }
)

MAX_REASONS = 3
_RANK = {Decision.PUBLISH: 0, Decision.BANNER: 1, Decision.WITHHOLD: 2}


@dataclass(frozen=True)
class GatePolicy:
    """What a gate finding of each severity does to its output."""

    on_error: Decision = Decision.WITHHOLD
    on_warning: Decision = Decision.PUBLISH
    on_info: Decision = Decision.PUBLISH

    def action(self, severity: Severity) -> Decision:
        return {
            Severity.ERROR: self.on_error,
            Severity.WARNING: self.on_warning,
            Severity.INFO: self.on_info,
        }[severity]


def gate_reason(finding: Finding) -> str:
    """One line for the build summary and the dashboard: check id, file:line, message."""
    return f"{finding.check} at {finding.path}:{finding.line}: {finding.message}"


def evaluate(findings: Iterable[Finding], policy: GatePolicy) -> PublishDecision:
    """The gate's own decision from the (already suppressed and ranked) findings of one output."""
    worst = Decision.PUBLISH
    reasons: list[str] = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        if finding.suppressed or finding.check not in GATE_CHECKS:
            continue
        action = policy.action(finding.severity)
        if action is Decision.PUBLISH:
            continue
        reasons.append(gate_reason(finding))
        worst = max(worst, action, key=_RANK.__getitem__)
    return PublishDecision(worst, _capped(tuple(dict.fromkeys(reasons))))


def _capped(reasons: tuple[str, ...], limit: int = MAX_REASONS) -> tuple[str, ...]:
    """The first ``limit`` reasons and how many more (``kit check`` lists them all)."""
    if len(reasons) <= limit:
        return reasons
    return (*reasons[:limit], f"and {len(reasons) - limit} more gate finding(s): run kit check")


def combine(first: PublishDecision, second: PublishDecision) -> PublishDecision:
    """The worse decision of the two, with the reasons of both that lead to it or above."""
    worst = max(first.decision, second.decision, key=_RANK.__getitem__)
    if worst is Decision.PUBLISH:
        return PublishDecision(worst)
    reasons = tuple(
        dict.fromkeys(
            r for d in (first, second) if d.decision is not Decision.PUBLISH for r in d.reasons
        )
    )
    return PublishDecision(worst, reasons)


def gated(ldoc: LocalizedDocument, gate: PublishDecision) -> LocalizedDocument:
    """``ldoc`` with the gate's decision folded into its own publish decision."""
    merged = combine(ldoc.publish, gate)
    return ldoc if merged == ldoc.publish else replace(ldoc, publish=merged)


def policy_from(values: Mapping[str, str]) -> GatePolicy:
    """``{"on_error": "withhold", ...}`` (kit.toml's ``[publish]`` keys) → ``GatePolicy``."""
    return GatePolicy(**{k: Decision(v) for k, v in values.items()})
