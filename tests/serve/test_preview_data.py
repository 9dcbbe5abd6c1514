"""What the overlay says about each segment, read from a real catalog on disk: fuzzy with its
previous source, must-retranslate with its reason, untranslated, reviewed; and the page's
publish decision (withheld and why)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kit.catalog.review import ReviewLog, dumps, review_path, sign_off
from kit.catalog.states import msgstr_hash
from kit.commands.serve import Preview
from kit.config import load_config
from kit.po import PoEntry, read_po
from kit.project import Project
from kit.serve.watch import Scope
from tests.serve.support import sample_copy

PO = "locales/es/LC_MESSAGES/infant-all-handout.po"
KEY = ("infant-all-handout", "es")


def test_segment_states_reasons_and_places(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "project")
    po_path = root / PO
    log = sign_off(ReviewLog(), read_po(po_path), "Ana", "reviewer", "read", dt.date(2026, 1, 2))
    review_path(po_path).write_text(dumps(log), encoding="utf-8")
    text = po_path.read_text(encoding="utf-8")
    stale = msgstr_hash(PoEntry(msgid="", msgstr="¿Qué es la LLA en bebés?"))
    text = text.replace(
        'msgid "What is infant ALL?"',
        f"# kit: must-retranslate: number 2 → 3 [stale {stale}]\n#, fuzzy\n"
        'msgid "What is infant ALL?"',
        1,
    )
    text = text.replace(
        'msgid "About infant ALL"',
        '#, fuzzy\n#| msgid "About ALL"\nmsgid "About infant ALL"',
        1,
    )
    text = text.replace(
        'msgstr "Información sobre la LLA en bebés"', 'msgstr ""', 1
    )  # untranslated now (and no longer fuzzy in effect: an empty msgstr)
    po_path.write_text(text, encoding="utf-8")

    preview = Preview(Project(load_config(root)), ("es",), tmp_path / "cache")
    preview.rebuild(Scope(everything=True))
    data = preview.page_data(KEY)
    by_source = {s.source: s for s in data.segments}

    title = by_source["What is infant ALL?"]
    assert title.state == "must-retranslate" and title.reason == "number 2 → 3"
    assert title.text == "What is infant ALL?"  # falls back to the source
    lines = po_path.read_text(encoding="utf-8").splitlines()
    assert lines[int(title.po.rsplit(":", 1)[1]) - 1] == 'msgid "What is infant ALL?"'
    assert title.source_at.startswith("source/infant-all-handout.md:")

    heading = by_source["About infant ALL"]
    assert heading.state == "untranslated" and heading.previous == "About ALL"
    assert "Section heading (level 2). Keep it short." in heading.notes

    reviewed = [s for s in data.segments if s.reviewed]
    assert reviewed and all(s.state == "translated" for s in reviewed)
    assert data.decision == "withhold"
    assert any("must be retranslated" in r for r in data.reasons)
    assert data.progress < 100
