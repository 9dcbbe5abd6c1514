"""End to end on a copy of the sample kept in a temporary git repository: a hostile link in a
translation (a Cyrillic look-alike letter in the domain) is withheld by ``kit build`` alone,
and the dashboard says why."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.cli import main
from tests.conftest import ROOT

GOOD = '[ClinicalTrials.gov](https://clinicaltrials."\n"gov/).'
LOOKALIKE = '[ClinicalTrials.gov](https://clinic\u0430ltrials."\n"gov/).'  # Cyrillic а


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "kit.toml", tmp_path / "kit.toml")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "sample"], check=True)
    return tmp_path


def kit(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_lookalike_domain_in_a_translation_is_withheld_by_build_alone(sample: Path) -> None:
    po = sample / "locales" / "es" / "LC_MESSAGES" / "infant-all.po"
    text = po.read_text(encoding="utf-8")
    assert GOOD in text
    po.write_text(text.replace(GOOD, LOOKALIKE), encoding="utf-8")
    out = kit(sample, "build", "--format", "html", "--locale", "es")
    assert not (sample / "dist" / "es" / "infant-all.html").exists()
    assert (sample / "dist" / "es" / "infant-all-handout.html").exists()  # the other page is fine
    assert " withheld  dist/es/infant-all.html: translation.links at " in out
    assert "added https://xn--clinicltrials-" in out  # the punycode shows the look-alike
    kit(sample, "report", "--locale", "es")
    report = (sample / "dist" / "report.html").read_text(encoding="utf-8")
    assert "translation.links at locales/es/LC_MESSAGES/infant-all.po:" in report
