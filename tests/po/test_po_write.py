"""format_po on catalogs built in code, and the few places kit knowingly differs from
msgcat (each is documented in kit/po/write.py)."""

from __future__ import annotations

import pytest

from kit.po import PoEntry, PoFile, format_po, parse_po, read_po
from tests.po.support import FIXTURES, msgcat

UTF8 = "Content-Type: text/plain; charset=UTF-8\n"


def catalog(*entries: PoEntry, header: str = UTF8) -> PoFile:
    return PoFile(header=PoEntry(msgid="", msgstr=header), entries=entries)


def test_a_small_catalog_reads_like_a_po_file() -> None:
    po = catalog(
        PoEntry(
            msgid="Fever",
            msgstr="Fiebre",
            msgctxt="infant-all/fever",
            extracted_comments=("Heading.",),
            references=("./source/infant-all.md:20", "source/infant-all.md:9", "glossary.md"),
            flags=("kit-custom", "fuzzy"),
        ),
        PoEntry(msgid="Old", msgstr="Viejo", obsolete=True),
        PoEntry(msgid="Gone", obsolete=True),
    )
    assert format_po(po) == (
        'msgid ""\n'
        'msgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'
        "\n"
        "#. Heading.\n"
        "#: source/infant-all.md:20 source/infant-all.md:9 glossary.md\n"
        "#, fuzzy\n"
        'msgctxt "infant-all/fever"\n'
        'msgid "Fever"\n'
        'msgstr "Fiebre"\n'
        "\n"
        '#~ msgid "Old"\n'
        '#~ msgstr "Viejo"\n'
    )


@pytest.mark.parametrize("width", [30, 60, 78, 80, 100])
def test_other_page_widths_match_msgcat_width_option(width: int) -> None:
    po = read_po(FIXTURES / "es-patient-education.po")
    data = format_po(po, width=width).encode()
    assert data == msgcat(data, f"--width={width}")


def test_repeated_references_are_written_once() -> None:
    po = catalog(PoEntry(msgid="a", references=("a.md:1", "b.md:2", "a.md:1")))
    assert "#: a.md:1 b.md:2\n" in format_po(po)


def test_comment_with_newlines_becomes_several_lines() -> None:
    po = catalog(
        PoEntry(msgid="a", translator_comments=("one\ntwo",), extracted_comments=("x\ny",))
    )
    assert "# one\n# two\n#. x\n#. y\n" in format_po(po)


def test_plural_without_forms_gets_two_empty_ones_like_xgettext() -> None:
    po = catalog(PoEntry(msgid="%d day", msgid_plural="%d days"))
    assert format_po(po).endswith('msgstr[0] ""\nmsgstr[1] ""\n')


def test_empty_header_is_not_written_like_a_file_without_header() -> None:
    po = catalog(PoEntry(msgid="a", msgstr="b"), header="")
    data = format_po(po)
    assert data == 'msgid "a"\nmsgstr "b"\n'
    assert msgcat(data.encode()).decode() == data


def test_header_only_catalog_is_written_like_msgcat_force_po() -> None:
    data = format_po(catalog()).encode()
    assert data == msgcat(data, "--force-po")
    assert msgcat(data) == b""  # plain msgcat writes nothing at all: kit keeps the header


def test_header_is_written_first_even_if_the_file_had_it_elsewhere() -> None:
    text = 'msgid "a"\nmsgstr "b"\n\nmsgid ""\nmsgstr "' + UTF8.replace("\n", "\\n") + '"\n'
    ours = format_po(parse_po(text, "late-header.po"))
    assert ours.startswith('msgid ""\n')
    assert msgcat(text.encode()).decode().startswith('msgid "a"\n')  # msgcat keeps the order


@pytest.mark.parametrize(
    "entry",
    [
        PoEntry(msgid="a\x00b"),
        PoEntry(msgid="a", previous_msgctxt="old context"),
        PoEntry(msgid="a", translator_comments=("ends with a backslash \\",)),
    ],
    ids=["NUL", "previous context alone", "comment ending in backslash"],
)
def test_content_no_po_file_can_hold_is_a_programming_error(entry: PoEntry) -> None:
    with pytest.raises(ValueError):
        format_po(catalog(entry))


def test_dot_slash_twin_references_are_both_written_as_msgcat_does() -> None:
    """gettext drops repeated references *before* dropping "./", so "./a.md:1 a.md:1"
    comes out as "a.md:1 a.md:1" (and only a second msgcat run merges them)."""
    text = (
        f'msgid ""\nmsgstr "{UTF8.strip()}\\n"\n\n#: ./a.md:1 a.md:1 a.md:1\nmsgid "a"\nmsgstr ""\n'
    )
    ours = format_po(parse_po(text, "twins.po"))
    assert "#: a.md:1 a.md:1\n" in ours
    assert ours.encode() == msgcat(text.encode())
