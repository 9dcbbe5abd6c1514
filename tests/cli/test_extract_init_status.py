"""kit extract, kit init and kit status, end to end on a small project."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from kit.po import read_po
from tests.cli.conftest import Run
from tests.conftest import require_tool


def test_extract_writes_one_pot_per_document(kit: Run, project: Path) -> None:
    kit("extract")
    pot = read_po(project / "locales" / "fever.pot")
    assert [e.msgid for e in pot.entries][:3] == [
        "Fever after treatment",
        "What to do when your child has a fever.",
        "When to call",
    ]
    assert pot.entries[3].references == ("source/fever.md",)
    assert (project / "locales" / "hands.pot").exists()


def test_extract_does_not_rewrite_unchanged_messages(kit: Run, project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    kit("extract")
    pot = project / "locales" / "fever.pot"
    before = pot.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    source = project / "source" / "fever.md"
    # re-wrap a paragraph and add blank lines: the messages stay the same
    source.write_text(
        source.read_text().replace(
            "Give 2 tablets after breakfast.", "Give 2 tablets\nafter breakfast.\n\n"
        ),
        encoding="utf-8",
    )
    result = kit("extract")
    assert pot.read_bytes() == before
    assert "unchanged  locales/fever.pot" in result.output


def test_a_broken_document_stops_only_itself(kit: Run, project: Path) -> None:
    (project / "source" / "broken.md").write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
    result = kit("extract", code=2)
    assert re.search(r"Error: source/broken\.md:2: front matter is not valid YAML", result.output)
    assert "hint:" in result.output and "Traceback" not in result.output
    assert (project / "locales" / "fever.pot").exists()
    assert not (project / "locales" / "broken.pot").exists()


def test_init_creates_catalogs_with_plural_forms_and_never_overwrites(
    kit: Run, project: Path
) -> None:
    kit("extract")
    kit("init", "ar")
    po_path = project / "locales" / "ar" / "LC_MESSAGES" / "fever.po"
    po = read_po(po_path)
    assert po.meta("Language") == "ar"
    assert po.meta("Plural-Forms").startswith("nplurals=6;")
    assert "charset=UTF-8" in po.meta("Content-Type")
    po_path.write_text(po_path.read_text() + "\n# my note\n", encoding="utf-8")
    before = po_path.read_bytes()
    result = kit("init", "ar")
    assert "exists" in result.output and po_path.read_bytes() == before


def test_init_refuses_bad_locales(kit: Run, project: Path) -> None:
    kit("extract")
    for bad in ("xx", "../etc"):
        result = kit("init", bad, code=2)
        assert "Error:" in result.output and "hint:" in result.output
    assert not (project / "locales" / "xx").exists()


def test_init_without_templates_says_what_to_do(kit: Run) -> None:
    result = kit("init", "es", code=2)
    assert "kit extract" in result.output


def _translate(po_path: Path, how_many: int, fuzzy: int) -> None:
    text = po_path.read_text(encoding="utf-8")
    parts = text.split('\nmsgstr ""\n')
    out = [parts[0]]
    for i, part in enumerate(parts[1:], start=1):
        if i <= how_many:
            out.append(f'\nmsgstr "traducción {i}"\n{part}')
        else:
            out.append(f'\nmsgstr ""\n{part}')
    text = "".join(out)
    for _ in range(fuzzy):
        text = text.replace(
            "\n#: source/fever.md\nmsgid", "\n#: source/fever.md\n#, fuzzy\nmsgid", 1
        )
    po_path.write_text(text, encoding="utf-8")


def test_status_counts_equal_msgfmt_statistics(kit: Run, project: Path) -> None:
    msgfmt = require_tool("msgfmt")
    kit("extract")
    kit("init", "es")
    po_path = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    _translate(po_path, how_many=5, fuzzy=0)
    text = po_path.read_text(encoding="utf-8")
    po_path.write_text(
        text.replace(
            '#: source/fever.md\nmsgid "When', '#: source/fever.md\n#, fuzzy\nmsgid "When'
        ),
        encoding="utf-8",
    )
    data = json.loads(kit("status", "--format", "json", "--locale", "es").output)
    row = next(r for r in data["catalogs"] if r["document"] == "fever")
    stats = subprocess.run(
        [msgfmt, "--statistics", "-o", "/dev/null", str(po_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    numbers = dict(
        (kind, int(n)) for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", stats)
    )
    assert row["translated"]["messages"] == numbers.get("translated", 0)
    assert row["fuzzy"]["messages"] + row["must_retranslate"]["messages"] == numbers.get("fuzzy", 0)
    assert row["untranslated"]["messages"] == numbers.get("untranslated", 0)
    assert row["total"]["words"] > row["translated"]["words"] > 0


def test_status_table_lists_every_locale_and_document(kit: Run) -> None:
    kit("extract")
    kit("init", "es")
    out = kit("status").output
    assert "es" in out and "ar" in out and "fever" in out and "hands" in out and "(no PO)" in out
