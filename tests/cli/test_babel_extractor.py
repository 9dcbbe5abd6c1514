"""``pybabel extract`` with kit's extractor gives the same messages as ``kit extract``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kit.po import read_po
from tests.cli.conftest import Run


def test_pybabel_extract_matches_kit_extract(kit: Run, project: Path) -> None:
    (project / "source" / "fever.md").write_text(
        (project / "source" / "fever.md").read_text()
        + "\n<!-- kit-context: verb -->\nCall us.\n\n<!-- kit-note: Keep it short. -->\nCall us.\n",
        encoding="utf-8",
    )
    kit("extract")
    (project / "babel.cfg").write_text("[kit_markdown: source/**.md]\n", encoding="utf-8")
    pybabel = Path(sys.executable).with_name("pybabel")
    for slug in ("fever", "hands"):
        out = project / f"{slug}.babel.pot"
        subprocess.run(
            [str(pybabel), "-q", "extract", "-F", "babel.cfg", "-o", str(out), f"source/{slug}.md"],
            cwd=project,
            check=True,
        )
        ours = read_po(project / "locales" / f"{slug}.pot")
        theirs = list(read_po(out).entries)
        assert [(e.msgctxt, e.msgid) for e in theirs] == [
            (e.msgctxt, e.msgid) for e in ours.entries
        ]
        for a, b in zip(ours.entries, theirs, strict=True):
            # Babel wraps long comments over several #. lines
            assert " ".join(a.extracted_comments) == " ".join(b.extracted_comments), a.msgid
