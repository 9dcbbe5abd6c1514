"""A must-retranslate entry whose fuzzy flag a translator cleared by hand: kit status warns,
and the next kit update flags it fuzzy again with its #| text, so msgfmt agrees with kit."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import polib

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


def test_a_mark_a_tool_wrapped_still_holds_the_entry_back(kit: Run, project: Path) -> None:
    """polib (and Django's Rosetta, which uses it) wraps comments at 78 columns, Babel at 76:
    a long must-retranslate record comes back on two lines. Read as one, it keeps a reviewer's
    "done" tick on the old translation from publishing it, and leaves no half behind when a
    new translation makes the entry current."""
    with (project / "kit.toml").open("a", encoding="utf-8") as toml:
        toml.write('[update]\ncritical_terms = ["blood test", "scan"]\n')
    kit("extract")
    kit("init", "es")
    po = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    old = "Debe dejar de comer antes de la prueba."
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgid "You should stop eating before the test."\nmsgstr ""',
            f'msgid "You should stop eating before the test."\nmsgstr "{old}"',
        ),
        encoding="utf-8",
    )
    source = project / "source" / "fever.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            "You should stop eating before the test.",
            "You should not stop eating before the blood test or the scan.",
        ),
        encoding="utf-8",
    )
    kit("extract")
    kit("update")
    reason = "negation added: not; glossary term added: blood test, scan"
    assert f"# kit: must-retranslate: {reason} [stale " in po.read_text(encoding="utf-8")

    catalog = polib.pofile(str(po))  # a reviewer ticks it done, the translation unchanged
    catalog.find("You should not stop eating before the blood test or the scan.").flags = []
    catalog.save()
    wrapped = po.read_text(encoding="utf-8")
    assert f"# kit: must-retranslate: {reason} [stale " not in wrapped  # on two lines now
    mark = re.search(r"^# kit: must-retranslate: .*\n# .*\[stale [0-9a-f]{12}\]$", wrapped, re.M)
    assert mark is not None

    row = next(
        r
        for r in json.loads(kit("status", "--format", "json", "--locale", "es").stdout)["catalogs"]
        if r["document"] == "fever"
    )
    assert row["must_retranslate"]["messages"] == row["unflagged_must_retranslate"] == 1
    built = kit("build", "--format", "html", "--jobs", "1").output
    assert "withheld  dist/es/fever.html: 1 segment(s) must be retranslated" in built
    assert not (project / "dist" / "es" / "fever.html").exists()

    kit("update")  # the flag comes back; the record's line break is left as it is
    merged = po.read_text(encoding="utf-8")
    assert mark[0] in merged
    assert '#, fuzzy\n#| msgid "You should stop eating before the test."' in merged

    catalog = polib.pofile(str(po))  # translated again, in the same tool
    entry = catalog.find("You should not stop eating before the blood test or the scan.")
    entry.msgstr = "No deje de comer antes del análisis de sangre ni de la exploración."
    entry.flags = []
    catalog.save()
    kit("update")
    current = po.read_text(encoding="utf-8")
    assert "must-retranslate" not in current and "[stale" not in current
