"""Golden fixtures: tests/fixtures/extract/<case>.md → <case>.pot, byte for byte.

Each .pot file documents what kit extracts from one kind of Markdown. To regenerate after an
intended change: ``KIT_REGENERATE=1 pytest tests/test_extract_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kit.catalog.extract import ExtractOptions, extract
from kit.po import format_po
from kit.source.parse import decode_source, parse_document
from tests.conftest import FIXTURES, require_tool

CASES = sorted((FIXTURES / "extract").glob("*.md"))
OPTIONS = ExtractOptions(
    project_name="kit tests",
    copyright_holder="kit contributors",
    creation_date="2024-05-01 00:00+0000",
)


def pot_text(md: Path) -> str:
    doc = parse_document(decode_source(md.read_bytes(), md.name), f"source/{md.name}")
    return format_po(extract(doc, OPTIONS))


@pytest.mark.parametrize("md", CASES, ids=lambda p: p.stem)
def test_golden_pot(md: Path) -> None:
    expected_path = md.with_suffix(".pot")
    actual = pot_text(md)
    if os.environ.get("KIT_REGENERATE"):
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("md", CASES, ids=lambda p: p.stem)
def test_golden_pot_is_what_msgcat_writes_and_msgfmt_accepts(md: Path, tmp_path: Path) -> None:
    msgcat = require_tool("msgcat")
    msgfmt = require_tool("msgfmt")
    path = tmp_path / "x.pot"
    path.write_text(pot_text(md), encoding="utf-8")
    canonical = subprocess.run([msgcat, str(path)], capture_output=True, check=True).stdout
    assert canonical == path.read_bytes()
    subprocess.run(
        [msgfmt, "--check-format", "--check-domain", "-o", os.devnull, str(path)], check=True
    )


def test_no_format_flags_on_prose() -> None:
    text = pot_text(FIXTURES / "extract" / "inline-and-escapes.md")
    assert "python-format" not in text and "brace-format" not in text and "c-format" not in text
