"""Markdown source → Document (kit.source.parse): structure, lines, and clear errors."""

from __future__ import annotations

import pytest

from kit.errors import SourceError
from kit.model import Figure, Heading, ListBlock, Paragraph, SegmentKind, Table
from kit.source.parse import decode_source, inline_text, parse_document

FRONT = "---\ntitle: T\nsummary: S\nslug: doc\nreviewed: 2024-01-02\n---\n"


def test_front_matter_and_line_numbers() -> None:
    doc = parse_document(FRONT + "\n## Heading\n\nText.\n", "source/doc.md")
    assert doc.meta.slug == "doc" and str(doc.meta.reviewed) == "2024-01-02"
    heading, para = doc.blocks
    assert (
        isinstance(heading, Heading) and heading.segment.line == 8 and heading.anchor == "heading"
    )
    assert (
        isinstance(para, Paragraph)
        and para.segment.line == 10
        and para.segment.section == "Heading"
    )


def test_soft_breaks_join_and_hard_breaks_stay() -> None:
    assert inline_text("one\ntwo") == "one two"
    assert inline_text("one\\\ntwo") == "one\\\ntwo"
    assert inline_text("one  \ntwo") == "one\\\ntwo"


def test_image_only_paragraph_is_a_figure_with_separate_messages() -> None:
    doc = parse_document(FRONT + '\n![Alt text](a.svg "Caption")\n', "d.md")
    (fig,) = doc.blocks
    assert isinstance(fig, Figure)
    assert fig.image.alt is not None and fig.image.alt.text == "Alt text"
    assert fig.image.title is not None and fig.image.title.kind is SegmentKind.IMAGE_TITLE


def test_inline_image_alt_is_not_in_the_paragraph_message() -> None:
    doc = parse_document(FRONT + "\nSee ![a phone](p.svg) here.\n", "d.md")
    (para,) = doc.blocks
    assert isinstance(para, Paragraph) and para.segment.text == "See ![](p.svg) here."
    assert para.images[0].alt is not None and para.images[0].alt.text == "a phone"


def test_lists_and_tables() -> None:
    doc = parse_document(FRONT + "\n3. a\n4. b\n\n| H |\n|---|\n| c |\n", "d.md")
    lst, table = doc.blocks
    assert isinstance(lst, ListBlock) and lst.ordered and lst.start == 3 and len(lst.items) == 2
    assert isinstance(table, Table) and table.rows[0][0].segment is not None
    assert table.rows[0][0].segment.detail == "column 1 (H)"


def test_author_note_and_context_apply_to_the_next_block() -> None:
    doc = parse_document(
        FRONT + "\n<!-- kit-note: Keep 38 °C. -->\n<!-- kit-context: verb -->\nText.\n\nMore.\n",
        "d.md",
    )
    first, second = doc.blocks
    assert (
        isinstance(first, Paragraph)
        and first.segment.note == "Keep 38 °C."
        and first.segment.context == "verb"
    )
    assert isinstance(second, Paragraph) and second.segment.note is None


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("no front matter\n", 1, "no front matter"),
        ("---\ntitle: T\n", 1, "never closed"),
        ("---\ntitle: [unclosed\n---\n", 2, "not valid YAML"),
        ("---\ntitle: T\nsummary: S\nslug: doc\n---\n", 2, "no 'reviewed'"),
        ("---\ntitle: T\nsummary: S\nslug: ../etc\nreviewed: 2024-01-01\n---\n", 4, "slug"),
        ("---\ntitle: T\nsummary: S\nslug: doc\nreviewed: soon\n---\n", 5, "must be a date"),
        (
            "---\ntitle: T\nsummary: S\nslug: doc\nreviewed: 2024-01-01\nauthor: me\n---\n",
            6,
            "unknown front matter key",
        ),
    ],
)
def test_front_matter_errors_name_file_and_line(text: str, line: int, fragment: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_document(text, "source/x.md")
    assert info.value.path == "source/x.md" and info.value.line == line
    assert fragment in info.value.message and info.value.hint


def test_invalid_utf8_names_the_line() -> None:
    with pytest.raises(SourceError) as info:
        decode_source(b"---\ntitle: ok\n\xff\n", "source/x.md")
    assert info.value.line == 3


def test_bom_and_crlf_are_accepted() -> None:
    assert decode_source(b"\xef\xbb\xbfa\r\nb", "x.md") == "a\nb"


def test_pathological_nesting_completes_quickly() -> None:
    import time

    nested = "".join("  " * i + "- item\n" for i in range(1000))
    start = time.perf_counter()
    doc = parse_document(FRONT + nested + ">" * 1000 + " deep\n", "d.md")
    assert time.perf_counter() - start < 10
    assert list(doc.segments())


def test_a_huge_paragraph_is_refused_with_its_line() -> None:
    with pytest.raises(SourceError) as info:
        parse_document(FRONT + "\nShort.\n\n" + "word " * 20_000 + "\n", "source/x.md")
    assert info.value.line == 10 and "limit" in info.value.message


def test_a_huge_file_is_refused() -> None:
    with pytest.raises(SourceError, match="bytes") as info:
        decode_source(b"x" * 3_000_000, "source/x.md")
    assert info.value.hint and "split it" in info.value.hint
