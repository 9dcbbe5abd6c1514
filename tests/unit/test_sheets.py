"""CSV files for spreadsheets: what kit writes opens in Excel as UTF-8, and what spreadsheets
save comes back as the same text (``kit.sheets``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.sheets import SheetError, separator, sheet_bytes, sheet_text


@given(st.text())
def test_what_kit_writes_reads_back_as_the_same_text(text: str) -> None:
    data = sheet_bytes(text)
    assert data.startswith(b"\xef\xbb\xbf")
    assert sheet_text(data) == text


@given(st.text())
def test_utf16_and_plain_utf8_read_as_written(text: str) -> None:
    assert sheet_text(text.encode("utf-16")) == text
    assert sheet_text(text.encode("utf-16-be").join([b"\xfe\xff", b""])) == text
    assert sheet_text(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("text", "sep"),
    [
        ("document,id,translation,back-translation\r\n", ","),
        ("document;id;translation;back-translation\r\n", ";"),
        ("document\tid\ttranslation\tback-translation\r\n", "\t"),
        ("# terms, approved 2026\nsource;target\n", ";"),  # a comment line is not the header
        ("source,target;note\n", ","),  # a tie: the comma
        ("", ","),
    ],
)
def test_the_separator_is_the_headers(text: str, sep: str) -> None:
    assert separator(text) == sep


def test_code_page_bytes_are_refused_with_their_line() -> None:
    with pytest.raises(SheetError) as error:
        sheet_text("source,target\nfever,fiebre\nlumbar puncture,punción\n".encode("cp1252"))
    assert error.value.line == 3
    assert error.value.message.startswith("not UTF-8 text (byte 0xf3 on this line is not)")
