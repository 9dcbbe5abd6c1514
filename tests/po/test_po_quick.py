"""The quick reader (``kit.po.quick``) gives the strict reader's entries, or leaves the file to
it: on random catalogs as msgcat writes them, and on the same files damaged line by line
(lines dropped, doubled, swapped, re-marked, indented, or replaced by odd ones)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kit.errors import CatalogError
from kit.po import PoEntry, format_po, parse_po
from kit.po.entries import build_entries
from kit.po.lex import tokenize
from kit.po.quick import quick_entries
from tests.po.support import FIXTURES
from tests.po.test_po_property import catalogs

ODD_LINES = [
    "",
    "#",
    "# note",
    "#~",
    "#|",
    "#~ # note",
    '#| msgid "old"',
    '#| msgctxt "old"',
    '#| msgid_plural "olds"',
    '#~| msgid "old"',
    '#~ msgid "gone"',
    '#~ msgstr "ido"',
    '#~ "more"',
    '#| "more"',
    '"more"',
    '"a\\"b\\\\c\\n"',
    '"\\101 octal"',
    '"\\x41 hex"',
    '"\\q bad"',
    '"unterminated',
    '"two" "strings"',
    'msgid  "two spaces"',
    'msgid"none"',
    '  msgid "indented"',
    '\tmsgstr "tab"',
    'msgstr "x" ',
    'msgctxt "ctx"',
    'msgid "new"',
    'msgid ""',
    'msgstr ""',
    'msgid_plural "many"',
    'msgstr[0] "one"',
    'msgstr[1] "two"',
    'msgstr[01] "lead"',
    'msgstr [0] "spaced"',
    "#: a.md:3 ./b.md:4 a.md:3",
    "#: a.md : 3 c.md: 9 :7 d.md:",
    "#: x.md:1\ty.md:2",
    "#, fuzzy, c-format",
    "#, no-wrap",
    "#. extracted",
    "#.no space",
    "# comment ending in a backslash\\",
    'msgid "a\\',
    'domain "kit"',
]


@st.composite
def damaged(draw: st.DrawFn) -> str:
    lines = format_po(draw(catalogs())).split("\n")
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, len(lines)))
        how = draw(st.integers(0, 5))
        line = lines[where] if where < len(lines) else ""
        if how == 0 and where < len(lines):
            del lines[where]
        elif how == 1:
            lines.insert(where, line)
        elif how == 2:
            lines.insert(where, draw(st.sampled_from(ODD_LINES)))
        elif how == 3 and where < len(lines):
            lines[where] = draw(st.sampled_from(["#~ ", "#| ", "#~| ", " ", ""])) + line
        elif how == 4 and where + 1 < len(lines):
            lines[where], lines[where + 1] = lines[where + 1], lines[where]
        elif how == 5 and where < len(lines):
            lines[where] = line.removeprefix("#~ ").removeprefix("#| ")
    return "\n".join(lines)


def _strict(text: str) -> list[PoEntry] | CatalogError:
    try:
        return build_entries(tokenize(text, "x.po"), "x.po")
    except CatalogError as exc:
        return exc


def _agree(text: str) -> bool:
    """Whether the quick reader answered (it must then agree with the strict one)."""
    quick = quick_entries(text)
    if quick is None:
        return False
    strict = _strict(text)
    assert not isinstance(strict, CatalogError), f"quick reader accepted: {strict}"
    assert quick == strict
    assert [e.line for e in quick] == [e.line for e in strict]
    return True


@settings(max_examples=60, deadline=None, database=None)
@given(catalogs())
def test_catalogs_as_msgcat_writes_them_are_read_quickly_and_the_same(po: object) -> None:
    assert _agree(format_po(po))  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None, database=None)
@given(damaged())
@example('#| msgid "old"\n#| msgctxt "c"\nmsgid "a"\nmsgstr "b"\n')
@example('#| msgctxt "c"\nmsgid "a"\nmsgstr "b"\n')
@example('#~ msgid "a"\nmsgstr "b"\n')
@example('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n')
@example('msgid "a"\nmsgstr "b"\n"c"\n#~ "d"\n')
@example('#: ./a.md:1 a.md:1 a.md:1\nmsgid "a"\nmsgstr "b"\n')
@example('#~ msgid "a"\n#~ msgstr ""\n')
def test_damaged_catalogs_are_read_the_same_or_left_to_the_strict_reader(text: str) -> None:
    _agree(text)


def test_every_fixture_is_read_the_same() -> None:
    answered = 0
    for path in sorted(Path(FIXTURES).rglob("*.po*")):
        text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
        answered += _agree(text.replace("\r\n", "\n"))
    assert answered >= 5


def test_parse_po_reports_errors_of_the_usual_form_with_their_line() -> None:
    text = 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n'
    try:
        parse_po(text, "x.po")
    except CatalogError as exc:
        assert exc.line == 4
    else:
        raise AssertionError("a duplicate message was accepted")
