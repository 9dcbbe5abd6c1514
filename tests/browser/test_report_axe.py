"""The coordinators' dashboard (dist/report.html) passes the same browser gate as the pages:
axe-core (WCAG 2.0-2.2 A/AA and best practices) with no external request, and no sideways
scrolling at 320 CSS pixels. Reuses the page gate's browser, tab and checks (test_axe.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.commands.build import BuildOptions, run_build
from kit.commands.bundle import run_bundle
from kit.config import load_config
from kit.project import Project
from tests.browser.test_axe import ROOT, Tab, axe_source, browser, check_page, tab  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project built as HTML and bundled: published, banner and omitted locales."""
    project_dir = tmp_path_factory.mktemp("sample-report")
    shutil.copy(ROOT / "kit.toml", project_dir / "kit.toml")
    for folder in ("source", "locales", "templates"):
        shutil.copytree(ROOT / folder, project_dir / folder)
    project = Project(load_config(project_dir))
    built = run_build(project, BuildOptions(formats=("html",)))
    assert not built.errors, [e.format() for e in built.errors]
    bundled = run_bundle(project, ())
    assert not bundled.errors, [e.format() for e in bundled.errors]
    return project.config.output_dir / "report.html"


def test_report_passes_axe_and_reflow(report: Path, tab: Tab, axe_source: str) -> None:  # noqa: F811
    problems = check_page(tab, report, axe_source)
    assert not problems, "\n".join(problems)
