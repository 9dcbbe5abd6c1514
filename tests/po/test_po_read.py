"""What parse_po keeps from a catalog, and how (GNU gettext 0.21 semantics)."""

from __future__ import annotations

from pathlib import Path

from kit.po import PoEntry, parse_po, read_po
from tests.po.support import FIXTURES

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def only(text: str) -> PoEntry:
    (entry,) = parse_po(HEADER + "\n" + text, "test.po").entries
    return entry


def test_entries_carry_the_line_of_their_msgid() -> None:
    po = read_po(FIXTURES / "obsolete.po")
    lines = {e.msgid: e.line for e in po.entries}
    assert po.header.line == 4
    assert lines["Active entry"] == 17
    assert lines["Old heading about the hospital stay"] == 10  # the "#~ msgid" line
    text = (FIXTURES / "obsolete.po").read_text().split("\n")
    for entry in po.entries:
        assert "msgid " in text[entry.line - 1]


def test_obsolete_entries_follow_the_active_ones_and_untranslated_ones_are_dropped() -> None:
    po = read_po(FIXTURES / "obsolete.po")
    assert [e.obsolete for e in po.entries] == [False, False, True, True, True, True]
    assert all("removed before anyone translated" not in e.msgid for e in po.entries)


def test_header_fields_and_comments() -> None:
    po = read_po(FIXTURES / "header.po")
    assert po.meta("Language") == "es"
    assert po.meta("plural-forms") == "nplurals=2; plural=(n != 1);"
    assert po.header.fuzzy
    assert po.header.translator_comments[3:6] == (
        "",
        " Indented note from the translation coordinator.",
        "no-space comment (msgcat adds the space)",
    )


def test_comments_lose_one_space_after_the_marker() -> None:
    entry = only('#  two\n#none\n#\n#.  dot\n#.x\nmsgid "a"\nmsgstr ""\n')
    assert entry.translator_comments == (" two", "none", "")
    assert entry.extracted_comments == (" dot", "x")


def test_flags_are_normalised_and_the_last_flags_line_wins() -> None:
    assert only('#, python-format, fuzzy, wrap, kit-x\nmsgid "a"\nmsgstr "b"\n').flags == (
        "fuzzy",
        "python-format",
    )
    assert only('#, c-format\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n').flags == ("fuzzy",)
    assert only('#, fuzzy, no-wrap\nmsgid "a"\nmsgstr ""\n').flags == ("no-wrap",)
    assert only('#, fuzzy\n#~ msgid "a"\n#~ msgstr "b"\n').flags == ("fuzzy",)


def test_references_in_all_their_spellings() -> None:
    entry = only(
        "#: ./a.md:012 b.md c.md : 3 d.md: 4 e.md :5 a.md:12\n"
        '#: :7 v: x.md:0 a.md:12\nmsgid "a"\nmsgstr ""\n'
    )
    assert entry.references == (
        "./a.md:12",  # "./a.md" and "a.md" are different files to gettext until written
        "b.md",
        "c.md:3",
        "d.md:4",
        "e.md:5",
        "a.md:12",
        ":7",
        "v:",
        "x.md:0",
    )
    assert only('#: ./a.md:1 ./b.md\nmsgid "a"\nmsgstr ""\n').references == ("a.md:1", "b.md")


def test_strings_unescape_and_concatenate() -> None:
    entry = only('msgid "a\\tb" "\\101\\x42\\303\\251"\n"\\a\\v\\\\\\""\nmsgstr ""\n')
    assert entry.msgid == 'a\tbABé\a\v\\"'


def test_backslash_newline_joins_lines_even_in_comments() -> None:
    entry = only('# one \\\n# two\nmsgid "ab\\\ncd"\nmsgstr ""\n')
    assert entry.translator_comments == ("one # two",)
    assert entry.msgid == "abcd"


def test_previous_strings_of_active_and_obsolete_entries() -> None:
    po = read_po(FIXTURES / "previous.po")
    first = po.entries[0]
    assert first.previous_msgctxt == "infant-all/intro"
    assert first.previous_msgid is not None
    assert first.previous_msgid.startswith("Your baby has been diagnosed")
    obsolete = read_po(FIXTURES / "obsolete.po").obsolete[1]
    assert obsolete.previous_msgid is not None
    assert obsolete.previous_msgid.startswith("Call your care team if")


def test_plural_entries() -> None:
    po = read_po(FIXTURES / "context-plural.po")
    entry = po.entries[2]
    assert entry.msgid_plural == "Weeks %d"
    assert entry.msgstr_plural == ("Tydzień %d", "Tygodnie %d", "Tygodni %d")
    assert entry.translated


def test_header_anywhere_in_the_file_is_the_header() -> None:
    po = parse_po('msgid "a"\nmsgstr "b"\n\n' + HEADER, "test.po")
    assert po.meta("Content-Type") == "text/plain; charset=UTF-8"
    assert [e.msgid for e in po.entries] == ["a"]


def test_file_without_header_gets_an_empty_one() -> None:
    po = parse_po('msgid "a"\nmsgstr "b"\n', "test.po")
    assert po.header == PoEntry(msgid="")


def test_pot_with_placeholder_charset_is_accepted_when_ascii() -> None:
    po = read_po(FIXTURES / "template.pot")
    assert po.meta("Content-Type") == "text/plain; charset=CHARSET"
    assert [e.msgstr_plural for e in po.entries] == [(), ("", "")]


def test_str_bytes_bom_and_crlf_give_the_same_catalog(tmp_path: Path) -> None:
    text = (FIXTURES / "es-patient-education.po").read_text(encoding="utf-8")
    path = tmp_path / "crlf.po"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert read_po(path) == parse_po(text, "x.po") == parse_po(text.encode(), "y.po")


def test_trailing_comments_are_ignored() -> None:
    po = parse_po(HEADER + '\nmsgid "a"\nmsgstr ""\n\n# orphan comment\n', "test.po")
    assert len(po.entries) == 1
    assert po.entries[0].translator_comments == ()
