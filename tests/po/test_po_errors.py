"""Bad catalogs raise CatalogError naming the file and line, with a hint; nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.errors import CatalogError
from kit.po import parse_po, read_po
from tests.po.support import FIXTURES

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
PLURAL_HEADER = HEADER + '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
PATH = "locales/es/LC_MESSAGES/infant-all.po"

# (case id, file text, line of the error, words in the message)
CASES = [
    ("unknown keyword", HEADER + '\nmsgidd "a"\nmsgstr "b"\n', 5, "unexpected 'msgidd'"),
    ("stray text", HEADER + '\nmsgid "a"\nmsgstr "b" oops\n', 6, "unexpected 'oops'"),
    ("string without keyword", '"orphan"\n' + HEADER, 1, "string without a keyword"),
    ("string after a comment", HEADER + '\n# note\n"orphan"\n', 6, "string without a keyword"),
    (
        "msgid without msgstr",
        HEADER + '\nmsgid "a"\n\nmsgid "b"\nmsgstr ""\n',
        7,
        "expected msgstr",
    ),
    ("msgstr without msgid", HEADER + '\nmsgstr "b"\n', 5, "expected msgctxt or msgid"),
    ("file ends after msgid", HEADER + '\n# note\nmsgid "a"\n', 6, "found end of file"),
    ("keyword without string", HEADER + '\nmsgid\nmsgstr "b"\n', 5, "msgid without a string"),
    ("unterminated string", HEADER + '\nmsgid "a\nmsgstr "b"\n', 5, "unterminated string"),
    ("unterminated at end", HEADER + '\nmsgid "a"\nmsgstr "b', 6, "unterminated string"),
    ("bad escape", HEADER + '\nmsgid "a \\q b"\nmsgstr ""\n', 5, "invalid escape sequence \\q"),
    ("hex escape without digits", HEADER + '\nmsgid "\\xg"\nmsgstr ""\n', 5, "\\x"),
    ("NUL escape", HEADER + '\nmsgid "a\\0"\nmsgstr ""\n', 5, "NUL"),
    ("escapes giving bad UTF-8", HEADER + '\nmsgid "\\303"\nmsgstr ""\n', 5, "invalid UTF-8"),
    (
        "charset latin-1",
        HEADER.replace("UTF-8", "ISO-8859-1") + '\nmsgid "a"\nmsgstr "b"\n',
        3,
        "unsupported charset 'ISO-8859-1'",
    ),
    (
        "placeholder charset with non-ASCII text",
        HEADER.replace("UTF-8", "CHARSET") + '\nmsgid "a"\nmsgstr ""\n\nmsgid "b"\nmsgstr "ñ"\n',
        9,
        "no charset",
    ),
    ("no header with non-ASCII text", 'msgid "a"\nmsgstr "é"\n', 2, "no charset"),
    (
        "duplicate msgid",
        HEADER + '\nmsgid "a"\nmsgstr ""\n\nmsgid "a"\nmsgstr ""\n',
        8,
        "duplicate",
    ),
    (
        "duplicate with context",
        HEADER + '\nmsgctxt "c"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "c"\nmsgid "a"\nmsgstr ""\n',
        10,
        "duplicate message 'a' (msgctxt 'c')",
    ),
    (
        "duplicate of an obsolete entry",
        HEADER + '\n#~ msgid "a"\n#~ msgstr "x"\n\nmsgid "a"\nmsgstr ""\n',
        8,
        "duplicate",
    ),
    ("second header", HEADER + "\n" + HEADER, 5, "duplicate header"),
    (
        "too few plural forms",
        PLURAL_HEADER + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n',
        6,
        "1 plural forms but the header says nplurals=2",
    ),
    (
        "too many plural forms",
        PLURAL_HEADER
        + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n',
        6,
        "3 plural forms",
    ),
    (
        "msgstr[N] without msgid_plural",
        HEADER + '\nmsgid "a"\nmsgstr[0] "x"\n',
        6,
        "without msgid_plural",
    ),
    (
        "plural forms out of order",
        PLURAL_HEADER + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\n',
        8,
        "msgstr[1] where msgstr[0] was expected",
    ),
    (
        "msgid_plural with plain msgstr",
        PLURAL_HEADER + '\nmsgid "a"\nmsgid_plural "as"\nmsgstr "x"\n',
        7,
        "msgid_plural without msgstr[0]",
    ),
    ("inconsistent #~", HEADER + '\n#~ msgid "a"\nmsgstr "x"\n', 6, "inconsistent use of #~"),
    (
        "continuation marked differently",
        HEADER + '\n#~ msgid "a"\n"b"\n#~ msgstr "x"\n',
        6,
        "continuation line",
    ),
    ("previous msgstr", HEADER + '\n#| msgstr "old"\nmsgid "a"\nmsgstr ""\n', 5, "#| msgstr"),
    (
        "previous context without previous msgid",
        HEADER + '\n#| msgctxt "old"\nmsgid "a"\nmsgstr ""\n',
        5,
        "without #| msgid",
    ),
    ("comment inside an entry", HEADER + '\nmsgid "a"\n# note\nmsgstr ""\n', 6, "expected msgstr"),
]


@pytest.mark.parametrize(
    ("text", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_catalog_names_path_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(CatalogError) as info:
        parse_po(text, PATH)
    error = info.value
    assert (error.path, error.line) == (PATH, line), error.format()
    assert words in error.message
    assert error.hint
    assert error.format().startswith(f"Error: {PATH}:{line}: ")


@pytest.mark.parametrize(
    ("text", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_line_numbers_survive_crlf_and_bom(text: str, line: int, words: str) -> None:
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    with pytest.raises(CatalogError) as info:
        parse_po(data, PATH)
    assert info.value.line == line


def test_invalid_utf8_reports_the_line_of_the_bad_byte() -> None:
    data = (HEADER + '\nmsgid "a"\nmsgstr "caf').encode() + b"\xe9" + b'"\n'
    with pytest.raises(CatalogError) as info:
        parse_po(data, Path(PATH))
    assert (info.value.path, info.value.line) == (PATH, 6)
    assert "invalid UTF-8 (byte 0xe9)" in info.value.message


def test_read_po_reports_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.po"
    with pytest.raises(CatalogError) as info:
        read_po(missing)
    assert info.value.path == str(missing)
    assert info.value.line is None


VALID = (FIXTURES / "es-patient-education.po").read_bytes()


@settings(max_examples=150, deadline=None, database=None)
@given(st.data())
def test_damaged_catalogs_raise_only_catalog_errors(data: st.DataObject) -> None:
    """Cut, duplicate or overwrite a piece of a real catalog: parsing succeeds or raises
    CatalogError with a line inside the file, never anything else."""
    start = data.draw(st.integers(0, len(VALID)))
    end = data.draw(st.integers(start, min(len(VALID), start + 200)))
    junk = data.draw(
        st.binary(max_size=8) | st.sampled_from([b'"', b"\\", b"\n", b"#~ ", b"msgstr[9] "])
    )
    damaged = VALID[:start] + junk + VALID[end:]
    try:
        parse_po(damaged, PATH)
    except CatalogError as error:
        assert error.path == PATH
        assert error.line is not None
        assert 1 <= error.line <= damaged.count(b"\n") + 1


@settings(max_examples=150, deadline=None, database=None)
@given(st.text(alphabet='msgidtrx_[]0123 "\\#~|.,:\n\tñ中', max_size=200))
def test_random_text_raises_only_catalog_errors(text: str) -> None:
    try:
        parse_po(text, PATH)
    except CatalogError as error:
        assert error.line is not None
