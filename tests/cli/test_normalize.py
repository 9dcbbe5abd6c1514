"""kit normalize: catalogs an editor re-wrapped come back to the canonical (msgcat) form,
with the same content."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from babel.messages.pofile import read_po as babel_read
from babel.messages.pofile import write_po as babel_write

from kit.po import read_po
from tests.cli.conftest import Run
from tests.conftest import FIXTURES, require_tool

SAMPLE = FIXTURES / "po" / "es-patient-education.po"


def content(path: Path) -> list[tuple[object, ...]]:
    return [
        (e.msgctxt, e.msgid, e.msgstr, e.flags, e.translator_comments, e.obsolete)
        for e in read_po(path).entries
    ]


def test_babel_rewrapped_catalog_is_normalized(kit: Run, tmp_path: Path) -> None:
    msgcat = require_tool("msgcat")
    catalog = babel_read(io.BytesIO(SAMPLE.read_bytes()))
    out = io.BytesIO()
    babel_write(out, catalog, width=60)  # an editor that wraps at 60 columns
    path = tmp_path / "es.po"
    path.write_bytes(out.getvalue())
    before = content(path)
    assert kit("normalize", "--check", str(path), code=1).output
    kit("normalize", str(path))
    assert content(path) == before
    assert (
        subprocess.run([msgcat, str(path)], capture_output=True, check=True).stdout
        == path.read_bytes()
    )
    assert "unchanged" in kit("normalize", "--check", str(path)).output


def test_unwrapped_catalog_is_normalized(kit: Run, tmp_path: Path) -> None:
    msgcat = require_tool("msgcat")
    path = tmp_path / "es.po"
    path.write_bytes(
        subprocess.run([msgcat, "--no-wrap", str(SAMPLE)], capture_output=True, check=True).stdout
    )
    kit("normalize", str(path))
    assert (
        path.read_bytes()
        == subprocess.run([msgcat, str(SAMPLE)], capture_output=True, check=True).stdout
    )


def test_normalize_without_paths_does_the_whole_project(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    po = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr ""\n"Project', 'msgstr "Project', 1),
        encoding="utf-8",
    )
    out = kit("normalize").output
    assert "written  locales/es/LC_MESSAGES/fever.po" in out
