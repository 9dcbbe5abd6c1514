"""Plain-text table for ``kit status``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kit.commands.status import StatusRow

_COLUMNS = (
    "locale",
    "document",
    "translated",
    "fuzzy",
    "retranslate",
    "untranslated",
    "obsolete",
    "reviewed",
    "words",
    "done",
)


def format_status_table(rows: tuple[StatusRow, ...]) -> str:
    lines = [_COLUMNS]
    for row in rows:
        s = row.status
        lines.append(
            (
                row.locale.code,
                row.document + ("" if row.exists else " (no PO)"),
                str(s.translated.messages),
                str(s.fuzzy.messages),
                str(s.must_retranslate.messages),
                str(s.untranslated.messages),
                str(s.obsolete.messages),
                f"{row.review.reviewed}/{s.translated.messages}",
                f"{s.translated.words}/{s.total.words}",
                f"{s.percent_words:.0f}%",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(_COLUMNS))]
    out = []
    for line in lines:
        cells = [
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)
