"""Suppressions: a finding is muted only by a note next to the unit, and only with a reason.

In a PO file, a translator comment on the entry (Poedit, Weblate and Crowdin all show and
keep translator comments)::

    # kit: ignore translation.numbers -- 112 is the emergency number in Spain
    msgid "In an emergency, call 911."

A comment on the PO header entry applies to the whole catalog (for example
``reading.level`` of that document in that locale).

In a source document, an HTML comment right before the block (before any ``kit-note``)::

    <!-- kit-ignore: alt.caption -- the text right below the image is its caption -->

At the top of the body, before the first block, it applies to the whole document, including
front-matter findings such as ``freshness.source-expired``. Source comments cover source
findings only; a translation's findings are suppressed in its PO file.

A suppression with no reason, or naming an unknown check, suppresses nothing and is itself
an error finding. One that matches no finding is reported as ``suppression.unused`` (info).
Suppressed findings stay in every report, marked with their reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from kit.checks.finding import Finding, Severity
from kit.checks.registry import BY_ID, default_severity
from kit.po.model import PoFile

_PO = re.compile(r"^kit:\s*ignore\b\s*(?P<id>[^\s]*)\s*(?:(?:--|—)\s*(?P<reason>.*?))?\s*$")
_HTML = re.compile(
    r"<!--\s*kit-ignore\s*:?\s*(?P<id>[^\s>]*?)\s*(?:(?:--|—)\s*(?P<reason>.*?))?\s*-->", re.S
)
WHOLE_FILE = 10**9


@dataclass(frozen=True)
class Suppression:
    check: str
    reason: str
    path: str
    first_line: int  # findings on lines first_line..last_line of path are covered
    last_line: int
    line: int  # where the suppression itself is written
    locale: str
    document: str

    def covers(self, finding: Finding) -> bool:
        return (
            finding.check == self.check
            and finding.path == self.path
            and self.first_line <= finding.line <= self.last_line
        )


def parse_po_comment(comment: str) -> tuple[str, str] | None:
    """``"kit: ignore numbers -- reason"`` → ``("numbers", "reason")``; None if not a suppression."""
    match = _PO.match(comment.strip())
    if match is None:
        return None
    return match["id"], " ".join((match["reason"] or "").split())


def parse_html_comments(html: str) -> list[tuple[str, str]]:
    return [(m["id"], " ".join((m["reason"] or "").split())) for m in _HTML.finditer(html)]


def from_po(po: PoFile, path: str, locale: str, document: str) -> tuple[Suppression, ...]:
    found: list[Suppression] = []
    for entry in (po.header, *po.active):
        is_header = entry is po.header
        for comment in entry.translator_comments:
            parsed = parse_po_comment(comment)
            if parsed is None:
                continue
            check, reason = parsed
            first, last = (0, WHOLE_FILE) if is_header else (entry.line, entry.line)
            found.append(
                Suppression(check, reason, path, first, last, entry.line, locale, document)
            )
    return tuple(found)


@dataclass(frozen=True)
class Applied:
    findings: tuple[
        Finding, ...
    ]  # every finding, suppressed ones marked, plus suppression findings


def apply(
    findings: Iterable[Finding],
    suppressions: Iterable[Suppression],
    disabled: frozenset[str] = frozenset(),
) -> Applied:
    valid: list[Suppression] = []
    out: list[Finding] = []
    for sup in suppressions:
        problem = _problem(sup)
        if problem is None:
            valid.append(sup)
        else:
            out.append(problem)
    used: set[int] = set()
    for finding in findings:
        match = next((i for i, s in enumerate(valid) if s.covers(finding)), None)
        if match is None:
            out.append(finding)
        else:
            used.add(match)
            out.append(finding.suppress(valid[match].reason))
    out.extend(_unused(valid, used, disabled))
    return Applied(tuple(out))


def _problem(sup: Suppression) -> Finding | None:
    if sup.check not in BY_ID:
        return _finding(
            sup, "suppression.unknown-check", f"suppression names unknown check {sup.check!r}"
        )
    if not sup.reason:
        return _finding(
            sup,
            "suppression.no-reason",
            f"suppression of {sup.check} gives no reason, so it has no effect",
        )
    return None


def _unused(
    valid: list[Suppression], used: set[int], disabled: frozenset[str]
) -> Iterator[Finding]:
    for i, sup in enumerate(valid):
        if i not in used and sup.check not in disabled:
            yield _finding(
                sup,
                "suppression.unused",
                f"suppression of {sup.check} matched no finding ({sup.reason})",
            )


def _finding(sup: Suppression, check: str, message: str) -> Finding:
    hint = "write it as `kit: ignore CHECK-ID -- reason`" if check != "suppression.unused" else ""
    return Finding(
        check, default_severity(check), sup.locale, sup.document, sup.path, sup.line, message, hint
    )


def finalize(
    findings: Iterable[Finding],
    suppressions: Iterable[Suppression],
    disabled: frozenset[str],
    severity: Mapping[str, str],
) -> tuple[Finding, ...]:
    kept = [f for f in findings if f.check not in disabled]
    applied = apply(kept, suppressions, disabled).findings
    ranked = [
        f.with_severity(Severity(severity[f.check])) if f.check in severity else f for f in applied
    ]
    return tuple(sorted((f for f in ranked if f.check not in disabled), key=lambda f: f.sort_key))
