"""Review packets as Word documents (python-docx), and the reviewer's decisions read back.

The document: a heading, what is reviewed (document, version, language, catalog), how to
fill it in, a small table for the reviewer's name, role, method and date, and one table with a
row per message: ID, source, translation, back-translation, findings, decision, comment. The
header row repeats on every page; the page is landscape.

Reading back works on what Word saved, with or without tracked changes: text is read as if
every tracked change were accepted (insertions kept, deletions dropped), which python-docx
alone does not do (it skips ``<w:ins>`` runs). Word's balloon comments are not read: the
Comment column is the place for comments.

The same packet gives the same bytes: fixed document properties and zip entry dates.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from lxml import etree

from kit.errors import CatalogError
from kit.exchange.packet import Packet

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
KEYWORD = "kit-review-packet"
COLUMNS = ("ID", "Source", "Translation", "Back-translation", "Findings", "Decision", "Comment")
WIDTHS = (2.6, 5.0, 5.0, 4.0, 3.6, 2.0, 3.8)  # cm, landscape A4/Letter less margins
REVIEWER_FIELDS = ("Reviewer", "Role", "Method", "Date")
HOW = (
    "In the Decision column write approve (the translation says what the source says, safely "
    "for patients) or change (it must be corrected; say why in the Comment column). Leave it "
    "empty to decide later. Do not edit the source or translation cells: a row whose text "
    "changed is not imported. Fill in your name and role above, then return this file."
)


def write_docx(packet: Packet, when: dt.datetime) -> bytes:
    document = docx.Document()
    _page(document)
    props = document.core_properties
    props.title = f"Review: {packet.title} ({packet.locale_name})"
    props.keywords = f"{KEYWORD} slug={packet.slug} locale={packet.locale}"
    props.author = props.last_modified_by = "kit"
    props.created = props.modified = when.replace(tzinfo=None)
    props.revision = 1
    props.language = packet.source_bcp47
    document.add_heading(f"Review: {packet.title}", level=1)
    version = f", version {packet.version}" if packet.version else ""
    document.add_paragraph(
        f"Document {packet.slug}{version}. Translation into {packet.locale_name} "
        f"({packet.bcp47}), catalog {packet.catalog}."
    )
    document.add_paragraph(HOW)
    reviewer = document.add_table(rows=len(REVIEWER_FIELDS), cols=2)
    reviewer.style = "Table Grid"
    for row, label in zip(reviewer.rows, REVIEWER_FIELDS, strict=True):
        row.cells[0].text = label
    document.add_paragraph()
    _rows(document.add_table(rows=1, cols=len(COLUMNS)), packet)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue(), when)


def _page(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(27.94), Cm(21.0)  # fits A4 and Letter
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.2))
    document.styles["Normal"].font.size = Pt(10)


def _rows(table: Table, packet: Packet) -> None:
    table.style = "Table Grid"
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(_el("w:tblHeader"))  # type: ignore[arg-type]  # repeat on every page
    names = list(COLUMNS)
    names[1] = f"Source ({packet.source_bcp47})"
    names[2] = f"Translation ({packet.bcp47})"
    for cell, name in zip(header.cells, names, strict=True):
        cell.text = name
        cell.paragraphs[0].runs[0].bold = True
    for row in packet.rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        values = (
            row.reference,
            row.source,
            row.translation,
            row.back_translation,
            "\n".join(row.findings),
            "",
            "",
        )
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
        _language(cells[2], packet.bcp47, packet.direction == "rtl")
        _language(cells[3], packet.source_bcp47, False)
    for column, width in zip(table.columns, WIDTHS, strict=True):
        for cell in column.cells:
            cell.width = Cm(width)


def _language(cell: _Cell, lang: str, rtl: bool) -> None:
    for paragraph in cell.paragraphs:
        if rtl:
            paragraph._p.get_or_add_pPr().append(_el("w:bidi"))
        for run in paragraph.runs:
            props = run._r.get_or_add_rPr()
            if rtl:
                props.append(_el("w:rtl"))
            language = _el("w:lang")
            language.set(qn("w:val"), lang)
            language.set(qn("w:bidi"), lang)
            props.append(language)


def _el(tag: str) -> etree._Element:
    from docx.oxml import OxmlElement

    element: etree._Element = OxmlElement(tag)
    return element


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# Reading back


@dataclass(frozen=True)
class ReturnedRow:
    row: int  # 1-based, the header row being 1
    reference: str
    source: str
    translation: str
    decision: str
    comment: str


@dataclass(frozen=True)
class ReturnedPacket:
    slug: str
    locale: str
    reviewer: dict[str, str]
    rows: tuple[ReturnedRow, ...]


def read_docx(data: bytes, path: str) -> ReturnedPacket:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a file that is not DOCX
        raise CatalogError(
            f"not a Word document: {exc}",
            path=path,
            hint="return the .docx 'kit export review' wrote",
        ) from exc
    fields = dict(
        item.split("=", 1)
        for item in (document.core_properties.keywords or "").split()
        if "=" in item
    )
    if KEYWORD not in (document.core_properties.keywords or "") or not {"slug", "locale"} <= set(
        fields
    ):
        raise CatalogError(
            "not a kit review packet (its document properties lost the packet's keywords)",
            path=path,
            hint="import the .docx 'kit export review' wrote, saved by Word or LibreOffice",
        )
    reviewer: dict[str, str] = {}
    rows: tuple[ReturnedRow, ...] = ()
    for table in document.tables:
        first = cell_text(table.rows[0].cells[0]) if table.rows else ""
        if first == REVIEWER_FIELDS[0]:
            reviewer = {cell_text(r.cells[0]): cell_text(r.cells[1]).strip() for r in table.rows}
        elif first == COLUMNS[0]:
            rows = tuple(_returned(table))
    return ReturnedPacket(fields["slug"], fields["locale"], reviewer, rows)


def _returned(table: Table) -> list[ReturnedRow]:
    out = []
    for number, row in enumerate(table.rows[1:], start=2):
        texts = [cell_text(c) for c in row.cells]
        if len(texts) < len(COLUMNS):
            continue
        out.append(
            ReturnedRow(
                number, texts[0].strip(), texts[1], texts[2], texts[5].strip(), texts[6].strip()
            )
        )
    return out


def cell_text(cell: _Cell) -> str:
    """A cell's text as if every tracked change were accepted."""
    paragraphs = []
    for paragraph in cell._tc.iter(f"{{{W}}}p"):
        parts = []
        for el in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"):
            if any(a.tag in (f"{{{W}}}del", f"{{{W}}}moveFrom") for a in el.iterancestors()):
                continue
            tag = etree.QName(el).localname
            parts.append(el.text or "" if tag == "t" else "\t" if tag == "tab" else "\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)
