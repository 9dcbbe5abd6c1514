"""Unchanged entries of a catalog kit wrote keep their text (``kit.po.canonical``): the fast
path must write exactly what formatting in full writes, and only files kit wrote are trusted."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kit.config import load_config
from kit.po import PoEntry, PoFile, format_po, parse_po, read_po
from kit.po.canonical import digest, read_po_recorded, with_raw_text, write_po_recorded
from tests.po.support import msgcat, without_lines
from tests.po.test_po_property import PROPERTY, catalogs, text


def _written(po: PoFile) -> list[PoEntry]:
    return [po.header, *po.active, *(e for e in po.obsolete if e.has_translation)]


def _change(entry: PoEntry, how: int, value: str) -> PoEntry:
    if how == 0:
        return entry.with_changes(line=entry.line + 7)  # not written: the text is kept
    if how == 1:
        return entry.with_changes(msgstr=value)
    if how == 2:
        return entry.with_changes(flags=("fuzzy",), previous_msgid=value or "x")
    if how == 3:
        return dataclasses.replace(entry, translator_comments=(value.replace("\n", " "),))
    return entry.with_changes(references=("other.md:3",))


@PROPERTY
@given(catalogs(), st.lists(st.tuples(st.integers(0, 5), text), max_size=8))
def test_fast_path_writes_what_full_formatting_writes(
    po: PoFile, changes: list[tuple[int, str]]
) -> None:
    text_ = format_po(po)
    read = with_raw_text(parse_po(text_, "x.po"), text_)
    assert all(e.raw is not None for e in _written(read) if e.msgid or e.msgstr)
    assert format_po(read) == text_
    entries = list(read.entries)
    for n, (how, value) in enumerate(changes):
        if entries and how < 5:
            i = n % len(entries)
            entries[i] = _change(entries[i], how, value)
    changed = read.with_entries(tuple(entries))
    if changes and changes[0][0] == 5:
        changed = changed.with_meta("Language", "es")
    # without_lines rebuilds every entry with dataclasses.replace: no entry keeps its text
    plain = without_lines(changed)
    assert all(e.raw is None for e in plain.entries)
    assert format_po(changed) == format_po(plain)


@PROPERTY
@given(catalogs(), st.sampled_from(["--width=40", "--width=120", "--no-wrap"]))
def test_a_file_rewrapped_by_an_editor_is_not_trusted(
    tmp_path_factory: pytest.TempPathFactory, po: PoFile, option: str
) -> None:
    path = tmp_path_factory.mktemp("po") / "doc.po"
    _, recorded = write_po_recorded(path, po)
    canonical = path.read_bytes()
    assert recorded == digest(canonical)
    rewrapped = msgcat(canonical, "--force-po", option)
    path.write_bytes(rewrapped)
    read, mark = read_po_recorded(path, recorded)
    if rewrapped != canonical:
        assert mark != recorded
        assert all(e.raw is None for e in _written(read))
    assert format_po(read).encode() == canonical


def test_with_changes_keeps_the_text_only_when_nothing_written_changed() -> None:
    text_ = '#: a.md\nmsgid "Call us"\nmsgstr "Llamenos"\n'
    po = with_raw_text(parse_po(text_, "x.po"), text_)
    entry = po.entries[0]
    assert entry.raw == text_
    assert entry.with_changes(line=0).raw == text_
    assert entry.with_changes(references=("a.md",)).raw == text_
    assert entry.with_changes(msgstr="Llame").raw is None
    assert dataclasses.replace(entry, line=0).raw is None
    assert entry == dataclasses.replace(entry)  # the text takes no part in equality
    with pytest.raises(TypeError):
        PoEntry("a", raw="x")  # type: ignore[call-arg]


def test_a_wrong_block_count_attaches_nothing() -> None:
    text_ = 'msgid "a"\nmsgstr "b"\n'
    po = parse_po(text_, "x.po")
    assert with_raw_text(po, text_ + '\nmsgid "c"\nmsgstr ""\n').entries[0].raw is None


def test_update_with_records_writes_what_update_without_them_writes(tmp_path: Path) -> None:
    """Two identical projects updated twice; one loses its records before the second update,
    another has a catalog re-wrapped by an editor in between: every result is the same."""
    from kit.commands.po_records import load_records
    from kit.commands.update import run_update
    from kit.project import Project

    base = tmp_path / "a"
    (base / "locales" / "es" / "LC_MESSAGES").mkdir(parents=True)
    (base / "kit.toml").write_text('[project]\nname = "t"\nlocales = ["es"]\n')
    long = "Give 5 mL of the medicine with food, twice a day, and call the care team if " * 2
    pot = "".join(f'#: source/doc.md:{i}\nmsgid "{long}{i}"\nmsgstr ""\n\n' for i in range(1, 6))
    (base / "locales" / "doc.pot").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + pot
    )

    def update(root: Path) -> bytes:
        report = run_update(Project(load_config(root)), jobs=1)
        assert not report.errors
        return (root / "locales" / "es" / "LC_MESSAGES" / "doc.po").read_bytes()

    first = update(base)
    po_path = base / "locales" / "es" / "LC_MESSAGES" / "doc.po"
    translated = first.replace(b'msgstr ""\n\n#', b'msgstr "Dar"\n\n#')
    po_path.write_bytes(translated)
    update(base)  # records the translated file
    records = load_records(base)
    assert list(records) == ["locales/es/LC_MESSAGES/doc.po"]
    trusted, _ = read_po_recorded(po_path, records["locales/es/LC_MESSAGES/doc.po"])
    assert all(e.raw is not None for e in trusted.entries)  # the fast path is taken
    other, edited = tmp_path / "b", tmp_path / "c"
    shutil.copytree(base, other)
    shutil.copytree(base, edited)
    shutil.rmtree(other / ".kit-cache")
    epo = edited / "locales" / "es" / "LC_MESSAGES" / "doc.po"
    epo.write_bytes(msgcat(epo.read_bytes(), "--width=50"))
    new_pot = (base / "locales" / "doc.pot").read_text().replace("5 mL", "6 mL", 1)
    for root in (base, other, edited):
        (root / "locales" / "doc.pot").write_text(new_pot)
    results = {update(root) for root in (base, other, edited)}
    assert len(results) == 1
    result = results.pop()
    assert msgcat(result) == result
    po = read_po(po_path)
    assert sum(1 for e in po.active if e.translated) >= 1


PIECES = [*' \t"\\abxé#~|', "msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]"]
line_text = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=500, deadline=None, database=None)
@given(line_text)
@example('msgid "ab"').via("the usual line")
@example('  "x é"').via("the usual continuation")
@example('msgid "a" "b"').via("two strings")
def test_the_lexer_fast_path_gives_the_tokens_of_the_full_path(line: str) -> None:
    from kit.errors import CatalogError
    from kit.po.lex import _line_tokens, _simple

    fast: list[object] = []
    if _simple(line, fast, 3, False, True):  # type: ignore[arg-type]
        try:
            assert fast == _line_tokens(line, 3, False, True, "x.po")
        except CatalogError:
            pytest.fail(f"fast path accepted what the full path rejects: {line!r}")


def test_only_this_writers_digest_is_trusted(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "doc.po"
    path.write_text('msgid "a"\nmsgstr "b"\n')
    data = path.read_bytes()
    for other in (hashlib.sha256(data).hexdigest(), None, ""):
        po, mark = read_po_recorded(path, other)
        assert mark == digest(data) != other
        assert po.entries[0].raw is None
    assert read_po_recorded(path, digest(data))[0].entries[0].raw == data.decode()
