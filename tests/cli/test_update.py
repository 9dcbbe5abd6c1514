"""kit update end to end: clinical edits, malformed catalogs, tidy files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from kit.catalog.states import State, state
from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run
from tests.conftest import require_tool

TRANSLATIONS = {
    "Give 2 tablets after breakfast.": "Dé 2 tabletas después del desayuno.",
    "You should stop eating before the test.": "Debe dejar de comer antes de la prueba.",
    "Babies under 3 months need a check.": "Los bebés menores de 3 meses necesitan un control.",
    "In an emergency, call 999.": "En una emergencia, llame al 999.",
    "Wash your hands before you touch the central line.": "Lávese las manos antes de tocar la vía central.",
}
EDITS = {
    "Give 2 tablets after breakfast.": "Give 3 tablets after breakfast.",
    "You should stop eating before the test.": "You should not stop eating before the test.",
    "Babies under 3 months need a check.": "Babies under 6 months need a check.",
    "In an emergency, call 999.": "In an emergency, call 111.",
}


def translate(project: Path, locale: str, slug: str) -> Path:
    path = project / "locales" / locale / "LC_MESSAGES" / f"{slug}.po"
    po = read_po(path)
    po = po.with_entries(
        tuple(e.with_changes(msgstr=TRANSLATIONS.get(e.msgid, e.msgstr)) for e in po.entries)
    )
    write_po_if_changed(path, po)
    return path


def edit_source(project: Path) -> None:
    source = project / "source" / "fever.md"
    text = source.read_text(encoding="utf-8")
    for old, new in EDITS.items():
        text = text.replace(old, new)
    source.write_text(text, encoding="utf-8")


def test_the_four_clinical_edits_are_never_counted_as_translated(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    po_path = translate(project, "es", "fever")
    edit_source(project)
    kit("extract")
    kit("update")
    po = read_po(po_path)
    for old, new in EDITS.items():
        entry = next(e for e in po.active if e.msgid == new)
        assert state(entry) is State.MUST_RETRANSLATE, new
        assert entry.previous_msgid == old
    row = next(
        r
        for r in json.loads(kit("status", "--format", "json", "--locale", "es").output)["catalogs"]
        if r["document"] == "fever"
    )
    assert row["must_retranslate"]["messages"] == 4
    assert row["translated"]["messages"] == 1  # the hand-washing sentence


def test_translation_memory_prefills_from_the_other_document(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    translate(project, "es", "fever")
    (project / "locales" / "es" / "LC_MESSAGES" / "hands.po").unlink()
    kit("update", "--locale", "es")
    hands = read_po(project / "locales" / "es" / "LC_MESSAGES" / "hands.po")
    entry = next(e for e in hands.active if e.msgid.startswith("Wash your hands"))
    assert entry.msgstr == TRANSLATIONS[entry.msgid] and entry.fuzzy
    assert entry.translator_comments == (
        "kit: from translation memory: locales/es/LC_MESSAGES/fever.po",
    )


def test_second_update_changes_nothing_and_gnu_tools_agree(kit: Run, project: Path) -> None:
    msgcat, msgmerge = require_tool("msgcat"), require_tool("msgmerge")
    kit("extract")
    kit("init", "es")
    po_path = translate(project, "es", "fever")
    edit_source(project)
    kit("extract")
    kit("update")
    once = po_path.read_bytes()
    result = kit("update")
    assert po_path.read_bytes() == once
    assert "unchanged  locales/es/LC_MESSAGES/fever.po" in result.output
    assert subprocess.run([msgcat, str(po_path)], capture_output=True, check=True).stdout == once
    pot = project / "locales" / "fever.pot"
    merged = subprocess.run(
        [msgmerge, "-q", "--previous", "-o", "-", str(po_path), str(pot)],
        capture_output=True,
        check=True,
    ).stdout
    assert merged == once


def test_malformed_catalog_is_reported_left_untouched_and_others_still_update(
    kit: Run, project: Path
) -> None:
    kit("extract")
    kit("init", "es", "ar")
    bad = project / "locales" / "es" / "LC_MESSAGES" / "fever.po"
    text = bad.read_text(encoding="utf-8")
    lines = text.split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith('msgid "Give'))
    lines[target] = 'msgid "Give 2 tablets after breakfast.'  # unterminated string
    bad.write_text("\n".join(lines), encoding="utf-8")
    before = bad.read_bytes()
    (project / "source" / "fever.md").write_text(
        (project / "source" / "fever.md").read_text() + "\nA new sentence.\n", encoding="utf-8"
    )
    kit("extract")
    result = kit("update", code=2)
    assert f"Error: locales/es/LC_MESSAGES/fever.po:{target + 1}:" in result.output
    assert "Traceback" not in result.output
    assert bad.read_bytes() == before
    ar = read_po(project / "locales" / "ar" / "LC_MESSAGES" / "fever.po")
    assert any(e.msgid == "A new sentence." for e in ar.active)


def test_prune_obsolete(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    po_path = translate(project, "es", "fever")
    source = project / "source" / "fever.md"
    source.write_text(
        source.read_text().replace("Wash your hands before you touch the central line.\n", ""),
        encoding="utf-8",
    )
    kit("extract")
    kit("update")
    assert any(e.obsolete for e in read_po(po_path).entries)
    kit("update", "--prune-obsolete")
    assert not any(e.obsolete for e in read_po(po_path).entries)


def test_a_changed_glossary_term_must_be_retranslated(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    translate(project, "es", "fever")
    (project / "locales" / "es" / "glossary.csv").write_text(
        "source,target\ncentral line,vía central\nport,puerto\n", encoding="utf-8"
    )
    source = project / "source" / "fever.md"
    source.write_text(
        source.read_text().replace("the central line.", "the port."), encoding="utf-8"
    )
    kit("extract")
    kit("update")
    po = read_po(project / "locales" / "es" / "LC_MESSAGES" / "fever.po")
    entry = next(e for e in po.active if e.msgid.startswith("Wash your hands"))
    assert state(entry) is State.MUST_RETRANSLATE
    assert "glossary term" in " ".join(entry.translator_comments)
