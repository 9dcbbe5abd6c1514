"""Back-translations: exported without the source, stored beside the catalog, compared with
the source by kit check, shown in the review packet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx

from tests.cli.conftest import Run
from tests.exchange.conftest import po_path

CALL = "Call [the ward](tel:+15551234567) if the fever is **over 38 °C**."
BACK = {
    "Llame a [la sala](tel:+15551234567) si la fiebre es **de más de 38 °C**.": "Call the ward if the fever is above 39 °C.",
    "Lea el [folleto](https://example.org/fever) antes de la `first dose`.": "Do not read the leaflet before the first dose.",
    "Cuándo llamar": "When to call",
}


def back_translate(path: Path) -> str:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        row["back-translation"] = BACK.get(row["translation"], "")
        writer.writerow(row)
    return out.getvalue()


def test_back_translations_are_checked_and_shown_to_the_reviewer(kit: Run, states: Path) -> None:
    out = kit("export", "back-translation", "--locale", "es").output
    assert "written  dist/back-translation/es/fever.csv (6 translations)" in out
    exported = states / "dist" / "back-translation" / "es" / "fever.csv"
    text = exported.read_text(encoding="utf-8")
    assert text.startswith("document,id,translation,back-translation\n")
    assert "Cuándo llamar" in text and "When to call" not in text  # no source: independent
    exported.write_text(back_translate(exported), encoding="utf-8")
    out = kit("import", "back-translation", "--locale", "es", str(exported)).output
    assert "written  locales/es/LC_MESSAGES/fever.back.json (3 back-translations)" in out
    stored = json.loads(po_path(states).with_name("fever.back.json").read_text(encoding="utf-8"))
    assert {r["back"] for r in stored["records"]} == set(BACK.values())
    report = json.loads(kit("check", "--locale", "es", "--format", "json", code=1).output)
    found = {
        f["message"] for f in report["findings"] if f["check"] == "back-translation.divergence"
    }
    assert found == {
        "back-translation differs from the source: number 38 → 39",
        "back-translation differs from the source: negation added: not",
    }
    kit("export", "review", "--locale", "es")
    document = docx.Document(str(states / "dist" / "review" / "es" / "fever.docx"))
    row = next(r for r in document.tables[1].rows if r.cells[1].text == CALL)
    assert row.cells[3].text == "Call the ward if the fever is above 39 °C."
    assert row.cells[4].text == "error: back-translation differs from the source: number 38 → 39"


def test_a_back_translation_of_a_changed_translation_is_refused(kit: Run, states: Path) -> None:
    kit("export", "back-translation", "--locale", "es")
    exported = states / "dist" / "back-translation" / "es" / "fever.csv"
    exported.write_text(
        back_translate(exported).replace("Cuándo llamar", "Cuándo llamarnos"), encoding="utf-8"
    )
    out = kit("import", "back-translation", "--locale", "es", str(exported), code=1).output
    assert "fever.csv: line 4: the translation changed since the export; not stored" in out
    assert "(2 back-translations)" in out
