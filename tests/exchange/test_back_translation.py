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


def back_translate(path: Path, delimiter: str = ",") -> str:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(rows[0]), lineterminator="\r\n", delimiter=delimiter
    )
    writer.writeheader()
    for row in rows:
        row["back-translation"] = BACK.get(row["translation"], "")
        writer.writerow(row)
    return out.getvalue()


def test_back_translations_are_checked_and_shown_to_the_reviewer(kit: Run, states: Path) -> None:
    out = kit("export", "back-translation", "--locale", "es").output
    assert "written  dist/back-translation/es/fever.csv (6 translations)" in out
    exported = states / "dist" / "back-translation" / "es" / "fever.csv"
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")  # the mark Excel needs for UTF-8
    text = exported.read_text(encoding="utf-8-sig")
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


def test_a_back_translation_saved_by_a_spreadsheet_is_read(kit: Run, states: Path) -> None:
    """Excel saves with the computer's list separator (";" in most of Europe), or as "Unicode
    Text" (UTF-16, tabs); both come back whole."""
    kit("export", "back-translation", "--locale", "es")
    exported = states / "dist" / "back-translation" / "es" / "fever.csv"
    semicolons = states / "semicolons.csv"
    semicolons.write_bytes(b"\xef\xbb\xbf" + back_translate(exported, ";").encode("utf-8"))
    out = kit("import", "back-translation", "--locale", "es", str(semicolons)).output
    assert "written  locales/es/LC_MESSAGES/fever.back.json (3 back-translations)" in out
    unicode_text = states / "unicode.txt"
    unicode_text.write_bytes(back_translate(exported, "\t").encode("utf-16"))
    out = kit("import", "back-translation", "--locale", "es", str(unicode_text)).output
    assert "unchanged  locales/es/LC_MESSAGES/fever.back.json (3 back-translations)" in out


def test_a_back_translation_saved_in_a_code_page_is_refused_with_its_line(
    kit: Run, states: Path
) -> None:
    """Excel's plain "CSV (Comma delimited)" writes the computer's code page: "á" is one byte,
    and letters the code page lacks are already "?". Nothing is stored."""
    kit("export", "back-translation", "--locale", "es")
    exported = states / "dist" / "back-translation" / "es" / "fever.csv"
    saved = states / "saved.csv"
    text = back_translate(exported)
    saved.write_bytes(text.encode("cp1252"))
    first = next(i for i, ch in enumerate(text) if not ch.isascii())
    line, byte = text[:first].count("\n") + 1, text[first].encode("cp1252")[0]
    out = kit("import", "back-translation", "--locale", "es", str(saved), code=2).output
    assert f"Error: saved.csv:{line}: not UTF-8 text (byte 0x{byte:02x} on this line is not)" in out
    assert "'CSV UTF-8 (Comma delimited)'" in out
    assert not po_path(states).with_name("fever.back.json").exists()
