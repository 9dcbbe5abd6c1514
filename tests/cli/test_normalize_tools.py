"""kit normalize restores kit's own form after polib, Babel or ``msgcat --no-wrap`` rewrote
one of kit's catalogs: wrapped comment lines joined back, header fields back in kit's order,
must-retranslate entries flagged fuzzy, and what a tool dropped reported (``kit.catalog.tidy``).
The inputs are the sample project's own catalogs."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po as babel_read
from babel.messages.pofile import write_po as babel_write

from kit.catalog.merge import MergeOptions, merge
from kit.catalog.states import State, state
from kit.po import PoEntry, PoFile, format_po, read_po
from tests.cli.conftest import Run
from tests.conftest import ROOT, require_tool

CATALOGS = sorted([*ROOT.glob("locales/*.pot"), *ROOT.glob("locales/*/LC_MESSAGES/*.po")])
IDS = [str(p.relative_to(ROOT / "locales")) for p in CATALOGS]


def beside_template(path: Path, tmp_path: Path, name: str) -> Path:
    """Where ``path`` would sit in a project (``locales/ll/LC_MESSAGES/``, its template in
    ``locales/``), as ``name``: normalize takes ``#.`` comments from the template."""
    if path.suffix == ".pot":
        return tmp_path / name
    folder = tmp_path / "locales" / path.parent.parent.name / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "locales" / f"{path.stem}.pot", tmp_path / "locales" / f"{name}.pot")
    return folder / f"{name}.po"


def polib_save(source: Path, target: Path) -> None:
    polib.pofile(str(source)).save(str(target))


def babel_save(source: Path, target: Path) -> None:
    out = io.BytesIO()
    babel_write(out, babel_read(io.BytesIO(source.read_bytes())))
    target.write_bytes(out.getvalue())


@pytest.mark.parametrize("path", CATALOGS, ids=IDS)
def test_polib_and_msgcat_no_wrap_rewrites_come_back_byte_for_byte(
    kit: Run, tmp_path: Path, path: Path
) -> None:
    msgcat = require_tool("msgcat")
    original = path.read_bytes()
    by_polib = beside_template(
        path, tmp_path, "polib" + (path.suffix if path.suffix == ".pot" else "")
    )
    polib_save(path, by_polib)
    by_msgcat = beside_template(
        path, tmp_path, "msgcat" + (path.suffix if path.suffix == ".pot" else "")
    )
    by_msgcat.write_bytes(
        subprocess.run([msgcat, "--no-wrap", str(path)], capture_output=True, check=True).stdout
    )
    for rewritten in (by_polib, by_msgcat):
        assert rewritten.read_bytes() != original  # the tool did change the layout
        result = kit("normalize", "--check", str(rewritten), code=1)
        assert "would write" in result.output and "written" not in result.output
        kit("normalize", str(rewritten))
        assert rewritten.read_bytes() == original


@pytest.mark.parametrize(
    "path", [p for p in CATALOGS if p.suffix == ".po"], ids=[i for i in IDS if i.endswith(".po")]
)
def test_babel_rewrite_comes_back_and_the_dropped_header_fields_are_reported(
    kit: Run, tmp_path: Path, path: Path
) -> None:
    original = path.read_text(encoding="utf-8")
    rewritten = beside_template(path, tmp_path, "babel")
    babel_save(path, rewritten)
    result = kit("normalize", str(rewritten))
    assert "warning: " in result.output and "X-Machine-Draft" in result.output
    dropped = [ln for ln in original.splitlines(True) if ln.startswith('"X-')]
    assert dropped  # the sample records its machine draft
    expected = original.replace("".join(dropped), '"Generated-By: Babel 2.19.0\\n"\n', 1)
    assert rewritten.read_text(encoding="utf-8") == expected


def must_retranslate_catalog() -> PoFile:
    header = read_po(ROOT / "locales" / "es" / "LC_MESSAGES" / "infant-all.po").header
    times = ", ".join(f"{h}:00" for h in range(6, 24, 2))
    old = PoFile(
        header,
        (PoEntry(msgid=f"Give 2 tablets at {times}.", msgstr=f"Dé 2 tabletas a las {times}."),),
    )
    later = times.replace(":00", ":30")
    pot = PoFile(PoEntry(msgid="", msgstr=""), (PoEntry(msgid=f"Give 3 tablets at {later}."),))
    merged = merge(old, pot, MergeOptions())
    assert len(merged.entries[0].translator_comments[0]) > 80
    assert state(merged.entries[0]) is State.MUST_RETRANSLATE
    return merged


def test_a_wrapped_must_retranslate_record_keeps_its_meaning(kit: Run, tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    path.write_text(format_po(must_retranslate_catalog()), encoding="utf-8")
    original = path.read_bytes()
    by_polib = tmp_path / "polib.po"
    polib_save(path, by_polib)
    wrapped = read_po(by_polib).entries[0]
    assert len(wrapped.translator_comments) > 1  # polib wrapped the record ...
    assert state(wrapped) is State.MUST_RETRANSLATE  # ... and kit still reads it whole
    kit("normalize", str(by_polib))
    assert by_polib.read_bytes() == original


def test_babel_drops_previous_text_and_normalize_says_so(kit: Run, tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    path.write_text(format_po(must_retranslate_catalog()), encoding="utf-8")
    babel_save(path, path)
    assert "#|" not in path.read_text(encoding="utf-8")
    result = kit("normalize", str(path))
    assert "1 must-retranslate entry has no `#|` previous source text" in result.output
    entry = read_po(path).entries[0]
    assert state(entry) is State.MUST_RETRANSLATE and entry.fuzzy


def test_a_hand_cleared_fuzzy_flag_is_put_back(kit: Run, tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    text = format_po(must_retranslate_catalog())
    path.write_text(text.replace("#, fuzzy\n", "", 1), encoding="utf-8")
    kit("normalize", str(path))
    assert path.read_text(encoding="utf-8") == text


def test_check_writes_nothing(kit: Run, tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    polib_save(CATALOGS[-1], path)
    before = path.read_bytes()
    result = kit("normalize", "--check", str(path), code=1)
    assert result.output.startswith("would write  ")
    assert path.read_bytes() == before
    shutil.copy(CATALOGS[-1], path)
    assert "unchanged" in kit("normalize", "--check", str(path)).output
