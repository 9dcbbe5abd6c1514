"""The README's table of checks is the registry's own (``registry.markdown_table``)."""

from __future__ import annotations

from pathlib import Path

from kit.checks.registry import CHECKS, markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_every_check_with_its_severity_and_fix() -> None:
    table = markdown_table()
    assert table in README.read_text(encoding="utf-8"), (
        "README's check table is out of date: paste kit.checks.registry.markdown_table()"
    )
    assert table.count("\n") == len(CHECKS) + 2
