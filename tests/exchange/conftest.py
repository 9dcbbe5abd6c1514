"""A kit project whose Spanish catalog has every state an exchange must carry: reviewed,
translated, fuzzy, must-retranslate, untranslated, obsolete and plural entries, and
messages with links, emphasis and inline code."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.po import PoEntry, read_po, write_po_if_changed
from tests.cli.conftest import Run, kit, project  # noqa: F401  (fixtures)

PAGE = """---
title: Fever after treatment
summary: What to do when your child has a fever.
slug: fever
reviewed: 2024-03-01
version: "2.0"
---

## When to call

Give 2 tablets after breakfast.

Call [the ward](tel:+15551234567) if the fever is **over 38 °C**.

Read the [leaflet](https://example.org/fever) before the `first dose`.

Wash your hands before you touch the central line.

Use soap and warm water.
"""

SPANISH = {
    "Fever after treatment": "Fiebre después del tratamiento",
    "What to do when your child has a fever.": "Qué hacer cuando su hijo tiene fiebre.",
    "When to call": "Cuándo llamar",
    "Give 2 tablets after breakfast.": "Dé 2 tabletas después del desayuno.",
    "Call [the ward](tel:+15551234567) if the fever is **over 38 °C**.": "Llame a [la sala](tel:+15551234567) si la fiebre es **de más de 38 °C**.",
    "Read the [leaflet](https://example.org/fever) before the `first dose`.": "Lea el [folleto](https://example.org/fever) antes de la `first dose`.",
    "Wash your hands before you touch the central line.": "Lávese las manos antes de tocar la vía central.",
    "Use soap and warm water.": "Use agua tibia y jabón.",
}

EDITS = {
    "Give 2 tablets after breakfast.": "Give 3 tablets after breakfast.",  # must retranslate
    "Use soap and warm water.": "Use soap and warm running water.",  # fuzzy
    "Wash your hands before you touch the central line.\n\n": "",  # obsolete
}
PLURAL = PoEntry(
    msgid="{n} tablet",
    msgid_plural="{n} tablets",
    msgstr_plural=("{n} tableta", "{n} de tabletas", "{n} tabletas"),
    extracted_comments=("Added by hand: a plural message.",),
)


def po_path(root: Path) -> Path:
    return root / "locales" / "es" / "LC_MESSAGES" / "fever.po"


@pytest.fixture
def states(project: Path, kit: Run) -> Path:  # noqa: F811
    """The Spanish fever catalog in every state; returns the project."""
    (project / "source" / "fever.md").write_text(PAGE, encoding="utf-8")
    (project / "source" / "hands.md").unlink()
    kit("extract")
    kit("init", "es")
    path = po_path(project)
    po = read_po(path)
    po = po.with_entries(
        tuple(e.with_changes(msgstr=SPANISH.get(e.msgid, e.msgstr)) for e in po.entries)
    )
    write_po_if_changed(path, po)
    kit("review", "--locale", "es", "--reviewer", "Dr. Ana Ruiz", "--role", "clinician")
    text = PAGE
    for old, new in EDITS.items():
        text = text.replace(old, new)
    text += "\nKeep this page.\n"  # untranslated
    (project / "source" / "fever.md").write_text(text, encoding="utf-8")
    kit("extract")
    kit("update")
    po = read_po(path)
    write_po_if_changed(path, po.with_entries((*po.active, PLURAL, *po.obsolete)))
    return project
