"""A throw-away project, built as HTML, ready to bundle.

``es`` is fully translated and reviewed (it passes its publish gate); ``ar`` is not
translated and kit.toml withholds pages below the threshold (it fails its gate).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run, kit, project  # noqa: F401  (fixtures used by these tests)

KIT_TOML = """[project]
name = "t"
locales = ["es", "ar"]

[publish]
below_threshold = "withhold"
"""
REVIEW_DATE = "2024-04-15"  # newer than the documents' source review date (2024-03-01)


def untranslated_reason() -> str:
    """Why kit.catalog.localize withholds a page with nothing translated (its wording, not ours)."""
    import datetime as dt

    from kit.catalog.counts import CatalogStatus, StateCounts
    from kit.catalog.localize import Provenance, PublishPolicy, decide

    none = StateCounts()
    status = CatalogStatus(none, none, none, StateCounts(3, 9), none)
    provenance = Provenance("", "", None, dt.date(2024, 3, 1))
    return decide(status, {}, PublishPolicy(below_threshold="withhold"), provenance).reasons[0]


def translate_all(root: Path, locale: str, slug: str) -> None:
    path = root / "locales" / locale / "LC_MESSAGES" / f"{slug}.po"
    po = read_po(path)
    po = po.with_entries(tuple(e.with_changes(msgstr=f"[{locale}] {e.msgid}") for e in po.entries))
    write_po_if_changed(path, po)


def set_config(root: Path, extra: str) -> None:
    (root / "kit.toml").write_text(KIT_TOML + extra, encoding="utf-8")


@pytest.fixture
def built(kit: Run, project: Path) -> Path:  # noqa: F811
    set_config(project, "")
    kit("extract")
    kit("init", "es", "ar")
    for slug in ("fever", "hands"):
        translate_all(project, "es", slug)
    kit(
        "review",
        "--locale",
        "es",
        "--reviewer",
        "Dr. Ana Ruiz",
        "--role",
        "clinical reviewer",
        "--method",
        "TEP",
        "--date",
        REVIEW_DATE,
    )
    kit("build", "--format", "html", "--jobs", "1")
    return project


def manifest(zip_path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(zip_path) as archive:
        name = next(n for n in archive.namelist() if n.endswith("/manifest.json"))
        data: dict[str, Any] = json.loads(archive.read(name))
    return data
