"""The whole-entry reader (``kit.po.blocks``) changes nothing: ``quick_entries`` gives what the
line reader alone gives (the same entries, line numbers included, or None), and ``parse_po``
what the strict reader alone gives (the same catalog, or the same error). Checked on
generated PO text with every kind of comment in any order, previous strings, msgctxt,
plurals, obsolete entries, escapes, multi-line strings, odd blank lines and CRLF line ends,
and on the same text damaged line by line."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import kit.po.read
from kit.errors import CatalogError
from kit.po import PoEntry, PoFile, parse_po
from kit.po.blocks import block_entries
from kit.po.quick import _Reader, _Unusual, quick_entries
from tests.po.test_po_quick import ODD_LINES

CHARS = 'aé 白ي💊"\\\n\t\a\b\f\v\r#:.,~|%{}\ud800'
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\a": "\\a", "\b": "\\b"}
ESCAPES |= {"\f": "\\f", "\v": "\\v", "\r": "\\r"}
ODD_ESCAPES = ["\\101", "\\x41", "\\q", "\\0"]  # the line reader leaves these to the strict one

COMMENTS = [
    "#",
    "# note",
    "#  indented note",
    "#note",
    "#. extracted",
    "#.no space",
    "#. ",
    "#: a.md:3",
    "#: a.md:3 b.md a.md:3",
    "#: source/doc-0.md",
    "#:",
    "#: ./a.md:1",
    "#: a.md : 3",
    "#: a.md: 3",
    "#: a.md:03",
    "#: :7",
    "#: a.md:",
    "#: x.md:1\ty.md:2",
    "#: a:b:3 c.md:٣",
    "#, fuzzy",
    "#, c-format, fuzzy",
    "#,fuzzy",
    "#! no-wrap",
    "#, range: 1..5",
]
USUAL = [c for c in COMMENTS if not c.startswith("#: ") or c in ("#: a.md:3", "#: source/doc-0.md")]
USUAL += ["#: a.md:3 b.md a.md:3", "#: a:b:3 c.md:٣"]
KINDS = "#.:,!"  # the order msgcat writes: translator, extracted, references, flags


def _kind(line: str) -> int:
    return KINDS.index(line[1]) if line[1:2] in (".", ":", ",", "!") else 0


@st.composite
def quoted(draw: st.DrawFn, usual: bool) -> str:
    """A string's source between its quotes: simple escapes, and rarely (unless ``usual``)
    odd ones."""
    value = draw(st.text(alphabet=CHARS, max_size=12))
    if usual:
        value = value.replace("\ud800", "")  # a lone surrogate next to an escape is refused
    source = "".join(ESCAPES.get(c, c) for c in value)
    if not usual and draw(st.integers(0, 15)) == 0:
        where = draw(st.integers(0, len(source)))
        source = source[:where] + draw(st.sampled_from(ODD_ESCAPES)) + source[where:]
    return source


@st.composite
def field(draw: st.DrawFn, keyword: str, mark: str, usual: bool) -> list[str]:
    """``keyword "..."`` and maybe continuation strings, every line starting with ``mark``."""
    parts = draw(st.lists(quoted(usual), min_size=1, max_size=3))
    return [f'{mark}{keyword} "{parts[0]}"', *(f'{mark}"{p}"' for p in parts[1:])]


@st.composite
def entry(draw: st.DrawFn, index: int, usual: bool) -> list[str]:
    """The lines of an entry; ``usual``: only what the whole-entry reader reads."""
    obsolete = draw(st.integers(0, 4)) == 0
    mark, previous = ("#~ ", "#~| ") if obsolete else ("", "#| ")
    comments = draw(st.lists(st.sampled_from(USUAL if usual else COMMENTS), max_size=5))
    if usual or draw(st.integers(0, 3)):
        comments.sort(key=_kind)  # msgcat's order
    lines = comments
    plural = draw(st.booleans())
    if draw(st.booleans()):
        if draw(st.booleans()):
            lines += draw(field("msgctxt", previous, usual))
        lines += draw(field("msgid", previous, usual))
        if plural and draw(st.booleans()):
            lines += draw(field("msgid_plural", previous, usual))
    if draw(st.booleans()):
        lines += draw(field("msgctxt", mark, usual))
    msgid = draw(field("msgid", mark, usual))
    msgid[0] = msgid[0].replace('msgid "', f'msgid "{index} ', 1)  # unique keys
    lines += msgid
    if not plural:
        return lines + draw(field("msgstr", mark, usual))
    lines += draw(field("msgid_plural", mark, usual))
    for form in range(draw(st.integers(1, 3))):
        numbers = [str(form)] if usual else [str(form), str(form), f"0{form}", "7"]
        lines += draw(field(f"msgstr[{draw(st.sampled_from(numbers))}]", mark, usual))
    return lines


@st.composite
def po_text(draw: st.DrawFn, usual: bool = False) -> str:
    header = [
        *sorted(
            draw(st.lists(st.sampled_from(["# Title", "#", "#, fuzzy"]), max_size=2)), key=_kind
        ),
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
    ]
    blocks = [header] if draw(st.booleans()) else []
    blocks += [draw(entry(i, usual)) for i in range(draw(st.integers(0, 6)))]
    lines = [""] * draw(st.integers(0, 2))
    for block in blocks:
        lines += block + [""] * draw(st.sampled_from([0, 1, 1, 1, 2]))
    if not usual:
        lines += draw(st.lists(st.sampled_from(["# trailing", "#. trailing", ""]), max_size=2))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n", ""]))


@st.composite
def damaged_po_text(draw: st.DrawFn) -> str:
    lines = draw(po_text()).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        where = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 4))
        if how == 0:
            del lines[where]
        elif how == 1:
            lines.insert(where, lines[where])
        elif how == 2:
            lines.insert(where, draw(st.sampled_from([*ODD_LINES, *COMMENTS])))
        elif how == 3:
            lines[where] = draw(st.sampled_from(["#~ ", "#| ", "#~| ", " ", ""])) + lines[where]
        elif where + 1 < len(lines):
            lines[where], lines[where + 1] = lines[where + 1], lines[where]
    return "\n".join(lines)


def _line_reader(text: str) -> list[PoEntry] | None:
    """What ``quick_entries`` answered before the whole-entry reader: the line reader alone."""
    if "\\\n" in text or text.endswith("\\"):
        return None
    try:
        return _Reader().read(text)
    except _Unusual:
        return None


def _same_as_line_reader(text: str) -> None:
    quick, lines = quick_entries(text), _line_reader(text)
    if lines is None:
        assert quick is None
        return
    assert quick is not None
    assert [vars(e) for e in quick] == [vars(e) for e in lines]  # every field, line included


def _strict_only(text: str) -> PoFile | tuple[str, int | None]:
    original = kit.po.read.quick_entries
    kit.po.read.quick_entries = lambda text: None  # type: ignore[assignment]
    try:
        return _parse(text)
    finally:
        kit.po.read.quick_entries = original


def _parse(text: str) -> PoFile | tuple[str, int | None]:
    try:
        return parse_po(text, "x.po")
    except CatalogError as exc:
        return (str(exc), exc.line)


def _entries(po: PoFile | tuple[str, int | None]) -> object:
    """Every field of every entry, ``raw`` and ``line`` included (or the error)."""
    if isinstance(po, tuple):
        return po
    return [tuple(getattr(e, f.name) for f in fields(e)) for e in (po.header, *po.entries)]


SETTINGS = settings(max_examples=400, deadline=None, database=None)


@SETTINGS
@given(po_text())
def test_generated_text_is_read_as_the_line_reader_reads_it(text: str) -> None:
    _same_as_line_reader(text)


@SETTINGS
@given(damaged_po_text())
@example('msgid "a"\nmsgstr "b"\n\n"c"\n')
@example('#~ msgid "a"\n#~ msgstr "b"\n\n#~ "c"\n')
@example('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n\nmsgstr[1] "c"\n')
@example('msgid "a"\nmsgstr "b"\n\n#: ./a.md\nmsgid "c"\nmsgstr "d"\n\n"e"\n')
@example('msgid "a"\nmsgstr "\\101"\n')
@example('#~ msgid "a"\n#~ msgstr ""\n\n#~ msgid "b\ud800\\n"\n#~ msgstr ""\n')
@example('msgid "a"\nmsgstr "\ud800\\t"\n')
@example('msgid "a"\nmsgstr "b"\n# trailing\n#~ "c"\n')
def test_damaged_text_is_read_as_the_line_reader_reads_it(text: str) -> None:
    _same_as_line_reader(text)


@settings(max_examples=150, deadline=None, database=None)
@given(damaged_po_text(), st.booleans())
def test_parse_po_gives_what_the_strict_reader_gives(text: str, crlf: bool) -> None:
    if crlf:
        text = text.replace("\n", "\r\n")
    assert _entries(_parse(text)) == _entries(_strict_only(text))


@SETTINGS
@given(po_text(usual=True))
def test_the_usual_forms_are_read_whole_by_the_whole_entry_reader(text: str) -> None:
    text = text if text.endswith("\n") else text + "\n"
    entries, pos = block_entries(text)
    assert pos == len(text), text[pos:]
    assert [vars(e) for e in entries] == [vars(e) for e in _line_reader(text) or []]


@pytest.mark.parametrize(
    ("text", "read", "whole"),
    [
        ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n', 2, True),
        ('#: ./a.md\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n', 0, False),
        ('msgid "a"\nmsgstr "b"\n\n#: a.md : 3\nmsgid "c"\nmsgstr "d"\n', 1, False),
        ('msgid "a"\nmsgstr "b"\n\n#, fuzzy\n#. out of order\nmsgid "c"\nmsgstr "d"\n', 1, False),
        ('#~ msgid "a"\n#~ msgstr ""\n\n#~| msgid "p"\n#~ msgid "c"\n#~ msgstr "d"\n', 1, True),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[2] "y"\n', 0, False),
        ('msgid "a"\nmsgstr "b"\n\n"c"\n', 1, False),
    ],
)
def test_the_whole_entry_reader_stops_at_the_first_unusual_entry(
    text: str, read: int, whole: bool
) -> None:
    entries, pos = block_entries(text)
    assert (len(entries), pos == len(text)) == (read, whole)
    assert quick_entries(text) == _line_reader(text)


def test_a_real_catalog_is_read_whole_and_the_same() -> None:
    root = Path(__file__).resolve().parents[2] / "locales"
    paths = sorted(root.rglob("*.po"))[:4]
    for path in paths:
        text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        entries, pos = block_entries(text)
        assert pos == len(text)
        assert [vars(e) for e in entries] == [vars(e) for e in _line_reader(text) or []]
