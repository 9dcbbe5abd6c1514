"""Review packets: a bilingual Word document and an accessible HTML page per document; the
reviewer's decisions come back as sign-offs and translator comments, even from a document
Word saved with tracked changes."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml import parse_xml

from kit.catalog.states import State, state
from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run
from tests.exchange.conftest import po_path

CALL = "Call [the ward](tel:+15551234567) if the fever is **over 38 °C**."
READ = "Read the [leaflet](https://example.org/fever) before the `first dose`."
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def packet(project: Path, ext: str = "docx") -> Path:
    return project / "dist" / "review" / "es" / f"fever.{ext}"


def translate_keep(project: Path) -> None:
    path = po_path(project)
    po = read_po(path)
    write_po_if_changed(
        path,
        po.with_entries(
            tuple(
                e.with_changes(msgstr="Guarde esta página.") if e.msgid == "Keep this page." else e
                for e in po.entries
            )
        ),
    )


def rows(document: docx.document.Document) -> dict[str, list[docx.table._Cell]]:
    table = document.tables[1]
    return {r.cells[1].text: list(r.cells) for r in table.rows[1:]}


def test_the_packet_shows_ids_version_texts_and_findings(kit: Run, states: Path) -> None:
    out = kit("export", "review", "--locale", "es").output
    assert "written  dist/review/es/fever.docx (9 rows)" in out
    document = docx.Document(str(packet(states)))
    assert document.paragraphs[0].text == "Review: Fever after treatment"
    assert (
        "Document fever, version 2.0. Translation into Spanish (es)" in document.paragraphs[1].text
    )
    header = [c.text for c in document.tables[1].rows[0].cells]
    assert header == [
        "ID",
        "Source (en)",
        "Translation (es)",
        "Back-translation",
        "Findings",
        "Decision",
        "Comment",
    ]
    table = rows(document)
    give = table["Give 3 tablets after breakfast."]
    assert give[2].text == "Dé 2 tabletas después del desayuno."
    assert give[4].text == "source changed in meaning: must be translated again (number 2 → 3)"
    assert table["Use soap and warm running water."][4].text == "draft (fuzzy): not published"
    assert table[CALL][0].text.startswith("m") and len(table[CALL][0].text.split()) == 2
    assert "Wash your hands before you touch the central line." not in table  # obsolete
    html = packet(states, "html").read_text(encoding="utf-8")
    assert (
        '<th scope="col">Translation (es)</th>' in html
        and '<td lang="es">Cuándo llamar</td>' in html
    )
    again = kit("export", "review", "--locale", "es").output
    assert (
        "unchanged  dist/review/es/fever.docx" in again
        and "unchanged  dist/review/es/fever.html" in again
    )


def fill_in(path: Path) -> None:
    """What a clinician does in Word: name and role, decisions, comments, one edit they should
    not have made, and (Track Changes on) a decision typed as a tracked insertion."""
    document = docx.Document(str(path))
    reviewer = document.tables[0]
    for row, value in zip(
        reviewer.rows, ("Dr. Lena Ortiz", "pediatric oncologist", "TEP", "2026-11-30"), strict=True
    ):
        row.cells[1].text = value
    table = rows(document)
    table["Keep this page."][5].text = "Approve"
    table["Give 3 tablets after breakfast."][5].text = "approve"
    table[CALL][5].text = "change"
    table[CALL][6].text = "Say 'la unidad', not 'la sala'."
    table[READ][2].text = "Lea el folleto."
    table[READ][5].text = "approve"
    table["When to call"][5].text = "approve"
    tracked = table["What to do when your child has a fever."][5].paragraphs[0]._p
    tracked.append(
        parse_xml(
            f'<w:ins {W} w:id="1" w:author="Dr. Lena Ortiz" w:date="2026-11-30T10:00:00Z">'
            "<w:r><w:t>approve</w:t></w:r></w:ins>"
        )
    )
    tracked.append(
        parse_xml(
            f'<w:del {W} w:id="2" w:author="x" w:date="2026-11-30T10:00:00Z"><w:r><w:delText>change</w:delText></w:r></w:del>'
        )
    )
    document.save(str(path))


def test_decisions_come_back_as_sign_offs_and_comments(kit: Run, states: Path) -> None:
    translate_keep(states)
    kit("export", "review", "--locale", "es")
    fill_in(packet(states))
    # the catalog changes after the export: that row's decision no longer counts
    path = po_path(states)
    po = read_po(path)
    write_po_if_changed(
        path,
        po.with_entries(
            tuple(
                e.with_changes(msgstr="Cuándo telefonear") if e.msgid == "When to call" else e
                for e in po.entries
            )
        ),
    )
    result = kit("import", "review", str(packet(states)), code=1)
    out = result.output
    rel = "dist/review/es/fever.docx"
    assert f"{rel}: row 5: approved, but the entry is must-retranslate: not signed off" in out
    assert (
        f"{rel}: row 7: the source or translation was edited in the packet (put corrections in the Comment column); not imported"
        in out
    )
    assert f"{rel}: row 4: the catalog's text changed since the export; not imported" in out
    assert (
        "written  locales/es/LC_MESSAGES/fever.review.json (2 entries signed by Dr. Lena Ortiz)"
        in out
    )
    log = json.loads(path.with_name("fever.review.json").read_text(encoding="utf-8"))
    last = log["signoffs"][-1]
    assert (last["reviewer"], last["role"], last["method"], last["date"]) == (
        "Dr. Lena Ortiz",
        "pediatric oncologist",
        "TEP",
        "2026-11-30",
    )
    entries = {e.msgid: e for e in read_po(path).active}
    call = entries[CALL]
    assert state(call) is State.FUZZY
    assert (
        "review: Say 'la unidad', not 'la sala'. (Dr. Lena Ortiz, 2026-11-30)"
        in call.translator_comments
    )
    assert entries[READ].msgstr.startswith(
        "Lea el [folleto]"
    )  # the edit in the packet is not applied
    status = json.loads(kit("status", "--format", "json", "--locale", "es").output)
    review = status["catalogs"][0]["review"]
    # "Cuándo telefonear" and the plural (added after the first review) are unreviewed; the
    # summary, approved as a tracked insertion, and "Keep this page." are signed off
    assert review["unreviewed"] == 2
    # idempotent
    before = (path.read_bytes(), path.with_name("fever.review.json").read_bytes())
    again = kit("import", "review", str(packet(states)), code=1).output
    assert "already signed by Dr. Lena Ortiz" in again
    assert (path.read_bytes(), path.with_name("fever.review.json").read_bytes()) == before


def test_a_packet_without_reviewer_cannot_approve(kit: Run, states: Path) -> None:
    kit("export", "review", "--locale", "es")
    document = docx.Document(str(packet(states)))
    rows(document)["When to call"][5].text = "approve"
    document.save(str(packet(states)))
    out = kit("import", "review", str(packet(states)), code=2).output
    assert "the packet approves entries but names no reviewer" in out
    out = kit(
        "import",
        "review",
        str(packet(states)),
        "--reviewer",
        "Dr. A",
        "--role",
        "nurse",
        "--date",
        "2026-12-01",
    ).output
    assert "1 entries signed by Dr. A" in out


def test_something_else_than_a_packet_is_an_error(kit: Run, states: Path) -> None:
    other = states / "letter.docx"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    other.write_bytes(buffer.getvalue())
    assert "not a kit review packet" in kit("import", "review", str(other), code=2).output
    (states / "x.docx").write_text("hello", encoding="utf-8")
    assert (
        "Error: x.docx: not a Word document"
        in kit("import", "review", str(states / "x.docx"), code=2).output
    )


def test_a_right_to_left_packet_shows_numbers_in_order_as_the_page_does() -> None:
    """In a Pashto cell "+1 555 0100" displayed as "0100 555 1+" without isolation, so the
    reviewer could not check the number; isolated as on the page, the text itself unchanged."""
    from kit.exchange.packet import Packet, Row
    from kit.exchange.review_html import write_html
    from kit.exchange.units import XState

    call = "سمدلاسه موږ ته په +1 555 0100 زنګ ووهئ."
    row = Row("m1", "f1", "Call us at +1 555 0100 right away.", call, XState.TRANSLATED)
    pashto = Packet("fever", "Fever", "1.0", "ps", "ps", "Pashto", "en", "rtl", "x.po", (row,))
    html = write_html(pashto)
    assert '<td lang="ps" dir="rtl">سمدلاسه موږ ته په <bdi dir="ltr">+1 555 0100</bdi> زنګ' in html
    spanish = replace(
        pashto,
        locale="es",
        bcp47="es",
        direction="ltr",
        rows=(replace(row, translation="Llame al +1 555 0100."),),
    )
    assert '<td lang="es">Llame al +1 555 0100.</td>' in write_html(spanish)
