"""The review packet's HTML (dist/review/<ll>/<slug>.html) passes the same browser gate as the
pages: axe-core (WCAG 2.0-2.2 A/AA and best practices), no external request, and no sideways
scrolling at 320 CSS pixels. Reuses the page gate's browser, tab and checks (test_axe.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kit.commands.review_packet import run_export_review
from kit.config import load_config
from kit.project import Project
from tests.browser.test_axe import ROOT, Tab, axe_source, browser, check_page, tab  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def packets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project_dir = tmp_path_factory.mktemp("sample-review")
    shutil.copy(ROOT / "kit.toml", project_dir / "kit.toml")
    for folder in ("source", "locales", "templates"):
        shutil.copytree(ROOT / folder, project_dir / folder)
    project = Project(load_config(project_dir))
    for code in ("es", "ar"):
        result = run_export_review(project, code, ("infant-all",), None)
        assert not result.errors, [e.format() for e in result.errors]
    return project.config.output_dir / "review"


@pytest.mark.parametrize("code", ["es", "ar"])
def test_review_packet_passes_axe_and_reflow(
    packets: Path,
    code: str,
    tab: Tab,  # noqa: F811
    axe_source: str,  # noqa: F811
) -> None:
    problems = check_page(tab, packets / code / "infant-all.html", axe_source)
    assert not problems, "\n".join(problems)
