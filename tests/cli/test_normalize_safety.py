"""kit normalize follows the same file rules as kit update: no link replaced, no save lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.commands import normalize
from kit.commands.normalize import run_normalize
from kit.config import load_config
from kit.po import read_po
from kit.project import Project
from tests.cli.conftest import Run


def test_a_linked_catalog_is_refused_and_the_link_kept(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    po = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    outside = project.parent / "outside.po"
    outside.write_text(po.read_text().replace("\n#:", "\n#:  "), encoding="utf-8")
    po.unlink()
    po.symlink_to(outside)
    out = kit("normalize", code=2).output
    assert "locales/es/LC_MESSAGES/fever.po" in out
    assert po.is_symlink() and "#:  " in outside.read_text()


def test_a_save_during_normalize_is_kept(
    kit: Run, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit("extract")
    kit("init", "es")
    po = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    po.write_text(po.read_text().replace("\n#:", "\n#:  "), encoding="utf-8")  # not kit's form
    saved = po.read_text().replace('msgstr ""\n\n', 'msgstr "Fiebre"\n\n', 1)
    real = normalize.replace_po_if_unchanged

    def editor_saves_first(path: Path, new: object, seen: bytes | None) -> bool:
        if path == po:
            po.write_text(saved, encoding="utf-8")  # the translator's editor saves meanwhile
        return real(path, new, seen)  # type: ignore[arg-type]

    monkeypatch.setattr(normalize, "replace_po_if_unchanged", editor_saves_first)
    report = run_normalize(Project(load_config(project)), (po,), check=False)
    assert report.errors and "saved by someone else" in report.errors[0].message
    assert po.read_text() == saved and read_po(po).active
