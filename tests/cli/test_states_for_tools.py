"""A must-retranslate entry whose fuzzy flag a translator cleared by hand: kit status warns,
and the next kit update flags it fuzzy again with its #| text, so msgfmt agrees with kit."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.cli.conftest import Run
from tests.conftest import require_tool


def msgfmt_counts(path: Path) -> dict[str, int]:
    stats = subprocess.run(
        [require_tool("msgfmt"), "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    return {k: int(n) for n, k in re.findall(r"(\d+) (translated|fuzzy|untranslated)", stats)}


def test_a_hand_cleared_flag_comes_back_and_status_equals_msgfmt(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    po = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgid "Give 2 tablets after breakfast."\nmsgstr ""',
            'msgid "Give 2 tablets after breakfast."\nmsgstr "Dé 2 tabletas después del desayuno."',
        ),
        encoding="utf-8",
    )
    source = project / "source" / "fever.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Give 2", "Give 3"), "utf-8")
    kit("extract")
    kit("update")
    merged = po.read_text(encoding="utf-8")
    assert "# kit: must-retranslate: number 2 → 3 [stale " in merged
    assert '#, fuzzy\n#| msgid "Give 2 tablets after breakfast."' in merged

    po.write_text(merged.replace("#, fuzzy\n#| msgid", "#| msgid"), encoding="utf-8")  # by hand
    status = kit("status", "--format", "json", "--locale", "es")
    assert "warning: locales/es/LC_MESSAGES/fever.po: 1 must-retranslate entry has no fuzzy" in (
        status.output
    )
    assert msgfmt_counts(po)["translated"] == 1  # other tools count it as done ...

    kit("update")  # ... until kit writes the catalog again
    assert po.read_text(encoding="utf-8") == merged
    row = next(
        r
        for r in json.loads(kit("status", "--format", "json", "--locale", "es").stdout)["catalogs"]
        if r["document"] == "fever"
    )
    counts = msgfmt_counts(po)
    assert row["unflagged_must_retranslate"] == 0
    assert row["must_retranslate"]["messages"] == 1
    assert row["translated"]["messages"] == counts.get("translated", 0) == 0
    assert row["fuzzy"]["messages"] + row["must_retranslate"]["messages"] == counts["fuzzy"]
    assert row["untranslated"]["messages"] == counts["untranslated"]
