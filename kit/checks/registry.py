"""Every check kit knows, as a plain tuple: id, default severity, what a finding means and how
to fix it. The tuple is the single list the README table, SARIF rules, ``checks.disable``,
``checks.severity`` and suppression comments are validated against.

Severity rules of thumb: **error** when a reader could be misinformed or locked out (a
changed dose or phone number, a broken link, a missing image description, content past its
review expiry); **warning** when a person should look (fuzzy or unreviewed text, a page
below its publish threshold, reading level above target); **info** for facts and style
(a locale not started yet, an alt text without final punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from kit.checks.finding import Severity
from kit.checks.spec import CheckSpec
from kit.checks.specs import CHECKS
from kit.errors import ConfigError, KitError, MultipleErrors

__all__ = ["CHECKS", "CheckSpec"]

BY_ID: Mapping[str, CheckSpec] = {spec.id: spec for spec in CHECKS}


def spec(check_id: str) -> CheckSpec:
    return BY_ID[check_id]


def default_severity(check_id: str) -> Severity:
    return BY_ID[check_id].severity


def validate_ids(ids: Iterable[str], key: str, config_path: Path, text: str) -> None:
    """Raise one ``ConfigError`` per unknown check id, with kit.toml's line."""
    problems: list[KitError] = [
        ConfigError(
            f"{key}: unknown check id {check_id!r}",
            path=config_path,
            line=_line_of(text, check_id),
            hint=_suggest(check_id),
        )
        for check_id in ids
        if check_id not in BY_ID
    ]
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise MultipleErrors(problems)


def _line_of(text: str, check_id: str) -> int | None:
    pattern = re.compile(r"""["']""" + re.escape(check_id) + r"""["']""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def _suggest(check_id: str) -> str:
    family = check_id.split(".", 1)[0]
    same = [s.id for s in CHECKS if s.id.startswith(family + ".")]
    return (
        "known ids in that family: " + ", ".join(same)
        if same
        else ("check ids look like translation.numbers or alt.missing; see the README table")
    )


def markdown_table() -> str:
    """The severity table for the README."""
    rows = ["| check | severity | what it means | how to fix |", "|---|---|---|---|"]
    rows += [f"| `{s.id}` | {s.severity} | {s.what} | {s.fix} |" for s in CHECKS]
    return "\n".join(rows) + "\n"
