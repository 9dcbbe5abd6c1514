"""kit's own form of a catalog, restored after another tool rewrote it (``kit normalize``).

polib, Babel and Poedit read and write PO files correctly but not as kit writes them:

- they wrap long ``#`` and ``#.`` comment lines (kit writes one line per comment, as it was
  extracted or written). A comment line that is a tool's wrap is joined back to the line
  before it: the line before is no longer than a tool's wrap width (``_WRAP_MAX``) and the
  next line's first word would not have fitted on it (``_WRAP_MIN``), and the next line does not
  start one of kit's own ``#.`` comments (``_GUIDANCE``) or, in ``#`` comments, a sentence after
  a finished one or a header comment line (``Copyright``...). With the template at hand,
  ``#.`` comments are taken from it exactly. kit's own must-retranslate
  and translation-memory records are always joined back whole, so a wrapped record never
  loses its meaning.
- they reorder header fields and change the charset's case: fields kit knows go back to
  kit's order (``HEADER_ORDER``), others follow in the order found.
- some drop what kit needs: Babel drops unknown header fields (``X-Machine-Draft``, the
  record that a machine made the first draft) and every ``#|`` previous text. What survives
  is kept; what cannot be restored from the file is reported (``Loss``).

Pure: a ``PoFile`` in, a ``PoFile`` and the losses out.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.catalog.merge import TM_PREFIX
from kit.catalog.states import (
    MUST_RETRANSLATE_PREFIX,
    State,
    joined_line,
    state,
    with_states_marked,
)
from kit.po.model import PoFile, format_header, parse_header

HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
    "X-Generator",
    "X-Machine-Draft",
)
_WRAP_MIN = 76  # Babel wraps comments at 76 columns, polib at 78 (Poedit keeps them as they are)
_WRAP_MAX = 78
_RECORDS = (MUST_RETRANSLATE_PREFIX, TM_PREFIX)
# How every ``#.`` line kit writes begins (``kit.catalog.extract.guidance``): a new comment.
_GUIDANCE = (
    "Page title:",
    "Summary of the page:",
    "Section heading (",
    "Section: ",
    "Paragraph",
    "Item of a ",
    "Table column heading (",
    "Table cell, ",
    "Image description for ",
    "Caption shown under ",
    "Keep the Markdown:",
    "Note from the author:",
)
_HEADER_LINES = ("Copyright", "This file is distributed", "FIRST AUTHOR", "Translator")


@dataclass(frozen=True)
class Loss:
    """Something kit needs that the file no longer holds."""

    line: int
    message: str


def restore(
    po: PoFile, template: bool = False, pot: PoFile | None = None
) -> tuple[PoFile, tuple[Loss, ...]]:
    """``po`` in kit's form (comments joined, header in kit's order, must-retranslate entries
    flagged fuzzy) and what a tool dropped that cannot be restored from the file. With the
    catalog's template ``pot``, ``#.`` comments that say the same words as the template's are
    taken from it exactly."""
    known = {e.key: e.extracted_comments for e in pot.entries} if pot is not None else {}
    header = po.header.with_changes(
        translator_comments=join_wrapped(po.header.translator_comments, "# "),
        msgstr=_ordered_header(po.header.msgstr),
    )
    entries = tuple(
        e.with_changes(
            translator_comments=join_wrapped(e.translator_comments, "# "),
            extracted_comments=_extracted(e.extracted_comments, known.get(e.key)),
        )
        for e in po.entries
    )
    restored = with_states_marked(PoFile(header, entries))
    return restored, () if template else _losses(restored)


def _extracted(lines: tuple[str, ...], template: tuple[str, ...] | None) -> tuple[str, ...]:
    if template is not None and " ".join(lines).split() == " ".join(template).split():
        return template
    return join_wrapped(lines, "#. ")


def join_wrapped(lines: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    """Comment lines with a tool's wraps joined back (see the module docstring)."""
    joined: list[str] = []
    last = ""  # the line as the file has it, before any joining
    for line in lines:
        if joined and _continues(joined[-1], last, line, prefix):
            joined[-1] = joined_line(joined[-1], line)
        else:
            joined.append(line)
        last = line
    return tuple(joined)


def _continues(comment: str, before: str, line: str, prefix: str) -> bool:
    words = line.split()
    if not words or not before.strip():
        return False
    if comment.startswith(_RECORDS) and not _record_complete(comment):
        return True
    if line.startswith(_RECORDS):
        return False
    if line.startswith(_GUIDANCE) if prefix == "#. " else _starts_record(before, line):
        return False
    width = len(prefix) + len(before)
    return width <= _WRAP_MAX and width + 1 + len(words[0]) > _WRAP_MIN


def _starts_record(before: str, line: str) -> bool:
    """A new sentence after a finished one, or a line of a header comment block: a line of
    its own, not a wrap."""
    if before.rstrip().endswith((".", "!", "?", ":")) and line.lstrip()[:1].isupper():
        return True
    return line.lstrip().startswith(_HEADER_LINES) or ("@" in line and "," in line)


def _record_complete(text: str) -> bool:
    if text.startswith(MUST_RETRANSLATE_PREFIX):
        return text.rstrip().endswith("]")
    return True


def _ordered_header(msgstr: str) -> str:
    fields = list(parse_header(msgstr))
    if not fields or format_header(fields) != msgstr:  # not only fields: leave it as it is
        return msgstr
    rank = {name: i for i, name in enumerate(HEADER_ORDER)}
    ordered = sorted(
        ((name, _charset(name, value)) for name, value in fields),
        key=lambda item: rank.get(item[0], len(rank)),
    )  # sorted() is stable: unknown fields keep their order, after kit's
    return format_header(ordered)


def _charset(name: str, value: str) -> str:
    if name == "Content-Type" and value.lower() == "text/plain; charset=utf-8":
        return "text/plain; charset=UTF-8"
    return value


def _losses(po: PoFile) -> tuple[Loss, ...]:
    losses: list[Loss] = []
    if po.meta("Generated-By").startswith("Babel") and not po.meta("X-Machine-Draft"):
        losses.append(
            Loss(
                po.header.line,
                "saved by Babel, which drops header fields it does not know: if the catalog "
                "had `X-Machine-Draft` (a machine made the first draft), add it back "
                "(see `git diff`)",
            )
        )
    lost = [e for e in po.active if state(e) is State.MUST_RETRANSLATE and not e.previous_msgid]
    if lost:
        losses.append(
            Loss(
                lost[0].line,
                f"{len(lost)} must-retranslate entr{'y has' if len(lost) == 1 else 'ies have'} "
                "no `#|` previous source text (dropped by the tool that saved the file): "
                "translators cannot see what changed; restore it from git",
            )
        )
    return tuple(losses)
