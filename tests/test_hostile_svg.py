"""An entity-expansion bomb ("billion laughs") in an SVG the page uses, and in a translation:
the build finishes in bounded time, and nothing expands into a page or a handout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

BOMB = """<?xml version="1.0"?>
<!DOCTYPE svg [
<!ENTITY a "lol">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&h;</text></svg>
"""

PAGE = """---
title: Bomb
summary: A page with a hostile image.
slug: bomb
reviewed: 2024-01-01
---

![A small square](images/bomb.svg "A caption")

Text with <!ENTITY x "&y;"> in it.
"""


def test_entity_bomb_is_bounded(tmp_path: Path) -> None:
    (tmp_path / "source" / "images").mkdir(parents=True)
    (tmp_path / "source" / "images" / "bomb.svg").write_text(BOMB, encoding="utf-8")
    (tmp_path / "source" / "bomb.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "kit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714521600"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kit", "--project", str(tmp_path), "build", "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert time.perf_counter() - start < 120
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    # kit.html.svg refuses the image (the page is not written) at the line that uses it
    assert "Error: source/bomb.md:8: image 'images/bomb.svg' cannot be published" in result.stderr
    assert not (tmp_path / "dist" / "en" / "images" / "bomb.svg").exists()
    assert not (tmp_path / "dist" / "en" / "bomb.html").exists()
    pdf = tmp_path / "dist" / "en" / "bomb.pdf"
    if pdf.exists():
        assert len(pdf.read_bytes()) < 2_000_000
    else:
        assert "Error:" in result.stderr
