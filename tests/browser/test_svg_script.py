"""An SVG published by kit runs no script when a reader opens it directly (issue 12, item 6).

The hostile fixture goes through ``kit build``; Debian's Chromium then opens the source file
(the control: its script does run there, so the probe works) and the published copy, with
every non-file request blocked and recorded.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from kit.commands.build import BuildOptions, run_build
from kit.config import load_config
from kit.project import Project
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = """---
title: Phases
summary: The three phases of treatment.
slug: phases
reviewed: 2024-01-01
---

![Three phases of treatment](images/phases.svg "The three phases")
"""


def _open(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """Open ``path``; return what the probe recorded, requests leaving the disk, and dialogs."""
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    dialogs: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_timeout(300)
    page.mouse.move(10, 10)
    page.mouse.click(70, 30)
    page.wait_for_timeout(200)
    ran = page.evaluate("() => window.__ran || null")
    context.close()
    return ran, outside, dialogs


def test_published_svg_runs_no_script(tmp_path: Path, browser: Any) -> None:
    (tmp_path / "source" / "images").mkdir(parents=True)
    hostile = tmp_path / "source" / "images" / "phases.svg"
    shutil.copy(ROOT / "tests" / "fixtures" / "svg" / "hostile.svg", hostile)
    (tmp_path / "source" / "phases.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "kit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    project = Project(load_config(tmp_path))
    report = run_build(project, BuildOptions(formats=("html",)))
    assert not report.errors, [e.format() for e in report.errors]

    ran, _, _ = _open(browser, hostile)
    assert ran and "script" in ran, "control: the unsanitized file must run its script"

    published = tmp_path / "dist" / "en" / "images" / "phases.svg"
    ran, outside, dialogs = _open(browser, published)
    assert ran is None
    assert outside == [] and dialogs == []
