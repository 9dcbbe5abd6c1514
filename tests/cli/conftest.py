"""A small throw-away kit project for end-to-end command tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kit.cli import main
from kit.po import read_po, write_po_if_changed
from tests.conftest import ROOT

PAGE = """---
title: Fever after treatment
summary: What to do when your child has a fever.
slug: fever
reviewed: 2024-03-01
---

## When to call

Give 2 tablets after breakfast.

You should stop eating before the test.

Babies under 3 months need a check.

In an emergency, call 999.

Wash your hands before you touch the central line.
"""

OTHER = """---
title: Hand washing
summary: Clean hands keep infections away.
slug: hands
reviewed: 2024-03-01
---

Wash your hands before you touch the central line.

Use soap and warm water.
"""

Run = Callable[..., Result]


def translate_as_itself(project: Path, code: str, slug: str = "fever") -> None:
    """Every message "translated" as itself: numbers, links and contacts intact, so the
    publish gate lets the page through."""
    path = project / "locales" / code / "LC_MESSAGES" / f"{slug}.po"
    po = read_po(path)
    write_po_if_changed(
        path, po.with_entries(tuple(e.with_changes(msgstr=e.msgid) for e in po.entries))
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "kit.toml").write_text(
        '[project]\nname = "t"\nlocales = ["es", "ar"]\n[publish]\nbelow_threshold = "banner"\n',
        encoding="utf-8",
    )
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "fever.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "source" / "hands.md").write_text(OTHER, encoding="utf-8")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


@pytest.fixture
def kit(project: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")

    def run(*args: str, code: int = 0) -> Result:
        result = CliRunner().invoke(
            main, ["--project", str(project), *args], catch_exceptions=False
        )
        assert result.exit_code == code, result.output
        return result

    return run
