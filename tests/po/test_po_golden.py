"""Golden corpus: every fixture in tests/fixtures/po comes out exactly as msgcat writes it.

``expected/<name>`` holds msgcat's output, so the comparison with kit's writer runs even
without gettext installed; the msgcat tests also check that those files are current.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kit.po import format_po, parse_po, read_po
from tests.po.support import FIXTURES, msgcat, msgcat_file, msgfmt_check, without_lines

CASES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".po", ".pot"))


def expected(path: Path) -> bytes:
    return (FIXTURES / "expected" / path.name).read_bytes()


def ours(path: Path) -> bytes:
    return format_po(read_po(path)).encode("utf-8")


def test_corpus_is_there() -> None:
    assert len(CASES) >= 14


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_writer_reproduces_msgcat_output(path: Path) -> None:
    assert ours(path) == expected(path)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_expected_files_are_msgcat_output(path: Path) -> None:
    assert msgcat_file(path) == expected(path)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_msgcat_leaves_our_output_unchanged(path: Path) -> None:
    data = ours(path)
    assert msgcat(data, suffix=path.suffix) == data


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_msgfmt_accepts_our_output(path: Path) -> None:
    msgfmt_check(ours(path), template=path.suffix == ".pot")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_reading_our_output_gives_the_same_catalog(path: Path) -> None:
    original = read_po(path)
    again = parse_po(format_po(original), "again.po")
    assert without_lines(again) == without_lines(original)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_bom_and_crlf_are_read_and_dropped(path: Path) -> None:
    data = codecs.BOM_UTF8 + path.read_bytes().replace(b"\n", b"\r\n")
    assert format_po(parse_po(data, path)).encode() == expected(path)
