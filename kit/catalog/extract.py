"""``Document`` → POT catalog (a ``PoFile``), with guidance for translators in ``#.`` comments.

Identity of a message is its text plus the author's optional context. The same text twice in
one document is one entry with every reference. No format flags are ever set: prose such as
"50% of the dose" is not a format string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kit.model import Document, Segment, SegmentKind
from kit.po.model import PoEntry, PoFile, format_header

_GUIDANCE = {
    SegmentKind.TITLE: "Page title: shown at the top of the page, in the browser tab and on the handout.",
    SegmentKind.SUMMARY: "Summary of the page: one or two short sentences under the title.",
    SegmentKind.HEADING: "Section heading ({detail}). Keep it short.",
    SegmentKind.PARAGRAPH: "Paragraph.",
    SegmentKind.LIST_ITEM: "Item of a {detail}.",
    SegmentKind.TABLE_HEADER: "Table column heading ({detail}).",
    SegmentKind.TABLE_CELL: "Table cell, {detail}.",
    SegmentKind.QUOTE: "Paragraph of a highlighted tip or quote.",
    SegmentKind.IMAGE_ALT: (
        "Image description for someone who cannot see the image; keep it short "
        "(under about 125 characters) and do not start with 'image of'. Image: {detail}"
    ),
    SegmentKind.IMAGE_TITLE: "Caption shown under the image ({detail}).",
}
_MARKUP = re.compile(r"\*|_|`|\[[^\]]*\]\(|\\\n")
MARKUP_HINT = (
    "Keep the Markdown: **bold**, *italic*, `code` and [link text](address); "
    "translate the link text, never the address."
)


@dataclass(frozen=True)
class ExtractOptions:
    references: str = "file"  # "file", "line" or "none"
    project_name: str = ""
    copyright_holder: str = ""
    bugs_address: str = ""
    creation_date: str = "YEAR-MO-DA HO:MI+ZONE"


def extract(doc: Document, options: ExtractOptions) -> PoFile:
    """The POT for one document: one entry per distinct (context, text), in document order."""
    grouped: dict[tuple[str | None, str], list[Segment]] = {}  # in document order
    for seg in doc.segments():
        if seg.text.strip():
            grouped.setdefault(seg.key, []).append(seg)
    entries = tuple(_entry(segments, doc.path, options) for segments in grouped.values())
    return PoFile(header=pot_header(doc, options), entries=entries)


def _entry(segments: list[Segment], path: str, options: ExtractOptions) -> PoEntry:
    first = segments[0]
    if len(segments) == 1:
        comments = _unique(guidance(first))
    else:
        comments = _unique(c for seg in segments for c in guidance(seg))
    return PoEntry(
        msgid=first.text,
        msgctxt=first.context,
        extracted_comments=comments,
        references=_references(segments, path, options.references),
    )


def guidance(seg: Segment) -> tuple[str, ...]:
    """What the translator is told about one segment."""
    lines = [_GUIDANCE[seg.kind].format(detail=seg.detail)]
    if seg.section and seg.kind not in (
        SegmentKind.TITLE,
        SegmentKind.SUMMARY,
        SegmentKind.HEADING,
    ):
        lines.append(f"Section: {seg.section}")
    if _MARKUP.search(seg.text):
        lines.append(MARKUP_HINT)
    if seg.note:
        lines.append(f"Note from the author: {seg.note}")
    return tuple(lines)


def _references(segments: list[Segment], path: str, mode: str) -> tuple[str, ...]:
    if mode == "none":
        return ()
    if mode == "line":
        return _unique(f"{path}:{seg.line}" for seg in segments)
    return (path,)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def pot_header(doc: Document, options: ExtractOptions) -> PoEntry:
    holder = options.copyright_holder or "THE PACKAGE'S COPYRIGHT HOLDER"
    comments = (
        f"Translations template for {doc.meta.title}",
        f"Copyright (C) {holder}",
        f"This file is distributed under the same license as the {options.project_name or 'kit'} project.",
        "FIRST AUTHOR <EMAIL@ADDRESS>, YEAR.",
        "",
    )
    project_id = doc.meta.slug + (f" {doc.meta.version}" if doc.meta.version else "")
    fields = template_fields(project_id, options.bugs_address, options.creation_date)
    return PoEntry(
        msgid="", msgstr=format_header(fields), translator_comments=comments, flags=("fuzzy",)
    )


def template_fields(project_id: str, bugs_to: str, creation_date: str) -> list[tuple[str, str]]:
    """The header fields of a template (POT), in the order xgettext writes them."""
    return [
        ("Project-Id-Version", project_id),
        ("Report-Msgid-Bugs-To", bugs_to),
        ("POT-Creation-Date", creation_date),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", "LANGUAGE <LL@li.org>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Generator", "kit"),
    ]
