"""Review packets as accessible HTML: the same rows as the Word packet, for reviewers who
read with a screen reader or on a phone, and for printing. A real table (caption, column
headers with ``scope``), the translation marked with its language and direction (in
right-to-left text its left-to-right runs isolated, as on the page), no script.
The Word document is where decisions are recorded."""

from __future__ import annotations

from html import escape

from kit.bidi import isolate_ltr
from kit.exchange.packet import Packet, Row
from kit.exchange.review_docx import HOW, REVIEWER_FIELDS

_STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; margin: 1.5rem; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: .4rem; vertical-align: top; text-align: start; }
thead th { background: #e8e8e8; }
td.id { font: .8rem/1.3 monospace; word-break: break-all; }
td.findings { color: #7a0000; }
table.reviewer { width: auto; margin-bottom: 1.5rem; }
table.reviewer td { min-width: 12rem; }
.scroll { overflow-x: auto; }
.scroll table { min-width: 48rem; }
.scroll:focus { outline: 3px solid #1a4f9c; }
@media print { thead { display: table-header-group; } tr { break-inside: avoid; } }
"""


def write_html(packet: Packet) -> str:
    version = f", version {escape(packet.version)}" if packet.version else ""
    head = (
        f'<!DOCTYPE html>\n<html lang="{escape(packet.source_bcp47)}">\n<head>\n'
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Review: {escape(packet.title)} ({escape(packet.locale_name)})</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>Review: {escape(packet.title)}</h1>\n"
        f"<p>Document {escape(packet.slug)}{version}. Translation into "
        f"{escape(packet.locale_name)} ({escape(packet.bcp47)}), catalog "
        f"<code>{escape(packet.catalog)}</code>.</p>\n<p>{escape(HOW)} Decisions are recorded in "
        f"the Word version of this packet, {escape(packet.slug)}.docx.</p>\n"
    )
    reviewer = "".join(
        f'<tr><th scope="row">{name}</th><td></td></tr>\n' for name in REVIEWER_FIELDS
    )
    columns = (
        "ID",
        f"Source ({escape(packet.source_bcp47)})",
        f"Translation ({escape(packet.bcp47)})",
        "Back-translation",
        "Findings",
        "Decision",
        "Comment",
    )
    header = "".join(f'<th scope="col">{c}</th>' for c in columns)
    rows = "".join(_row(row, packet) for row in packet.rows)
    return (
        head
        + f'<table class="reviewer">\n<caption>Reviewer</caption>\n<tbody>\n{reviewer}</tbody>\n</table>\n'
        + '<div class="scroll" role="region" aria-labelledby="messages" tabindex="0">\n'
        + f'<table>\n<caption id="messages">{len(packet.rows)} messages of {escape(packet.title)}</caption>\n'
        + f"<thead><tr>{header}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n</div>\n"
        + "</main>\n</body>\n</html>\n"
    )


def _row(row: Row, packet: Packet) -> str:
    direction = f' dir="{packet.direction}"' if packet.direction == "rtl" else ""
    findings = "<br>".join(escape(f) for f in row.findings)
    return (
        f'<tr id="{row.id}"><td class="id">{escape(row.reference)}</td>'
        f"<td>{_text(row.source)}</td>"
        f'<td lang="{escape(packet.bcp47)}"{direction}>{_translation(row.translation, packet)}</td>'
        f"<td>{_text(row.back_translation)}</td>"
        f'<td class="findings">{findings}</td><td></td><td></td></tr>\n'
    )


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _translation(text: str, packet: Packet) -> str:
    """A right-to-left translation with its left-to-right runs isolated, as the page shows
    them (``kit.bidi``): without, "+1 555 0100" read "0100 555 1+" in the reviewer's cell,
    and a reviewer could neither trust nor check a number's order. Markup only: the text
    is the catalog's, character for character."""
    if packet.direction != "rtl":
        return _text(text)
    return isolate_ltr(text).replace("\n", "<br>")
