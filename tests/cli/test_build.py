"""kit build: incremental, sharded, parallel, and safe about what it publishes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.build.plan import Shard, parse_shard
from kit.errors import KitError
from kit.po import read_po, write_po_if_changed
from tests.cli.conftest import Run
from tests.cli.test_update import EDITS, edit_source, translate


def summary(output: str) -> dict[str, int]:
    match = re.search(
        r"summary: (\d+) built, (\d+) up to date, (\d+) withheld, (\d+) failed", output
    )
    assert match, output
    return dict(
        zip(("built", "skipped", "withheld", "failed"), map(int, match.groups()), strict=True)
    )


@pytest.fixture
def ready(kit: Run, project: Path) -> Path:
    kit("extract")
    kit("init", "es", "ar")
    for locale in ("es", "ar"):
        translate(project, locale, "fever")
        translate(project, locale, "hands")
    return project


def html_outputs(project: Path) -> dict[str, bytes]:
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted((project / "dist").rglob("*.html"))
    }


def test_a_locale_with_nothing_translated_is_withheld(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    out = kit("build", "--format", "html", "--jobs", "1").output
    assert "withheld  dist/es/fever.html: nothing is translated yet" in out
    assert not (project / "dist" / "es").exists()


def test_progress_counts_every_page_then_the_index_as_the_last_step(kit: Run, ready: Path) -> None:
    """A CI log reads ``[done/total]`` per output; the index comes last, at ``[total/total]``
    (it counted the outputs written instead, which could be fewer than the steps before)."""
    kit("init", "fr")  # nothing translated: its pages are withheld, and they are steps too
    out = kit("build", "--format", "html", "--jobs", "2").output
    steps = re.findall(r"^\[(\d+)/(\d+)\] \w+ (\S+)", out, re.MULTILINE)
    assert {total for _, total, _ in steps} == {"8"}  # 2 documents x (en, es, ar, fr)
    assert steps[-1] == ("8", "8", "dist/index.html")
    assert all(int(done) <= 8 for done, _, _ in steps)


def test_a_no_op_build_shows_the_index_at_the_steps_of_the_build_it_replays(
    kit: Run, ready: Path
) -> None:
    """Nothing changed: the build is replayed from its stamp, and its one line reads as the
    last line of the build it replays (it read ``[0/0]``)."""
    kit("init", "fr")
    kit("build", "--format", "html", "--jobs", "1")
    out = kit("build", "--format", "html", "--jobs", "1").output
    assert re.findall(r"^\[(\d+)/(\d+)\] (.*)$", out, re.MULTILINE) == [
        ("8", "8", "unchanged dist/index.html")
    ]


def test_second_build_renders_nothing(kit: Run, ready: Path) -> None:
    first = summary(kit("build", "--format", "html", "--jobs", "1").output)
    assert first["built"] == 2 * 3 + 1  # 2 documents x (en, es, ar) + index
    second = summary(kit("build", "--format", "html", "--jobs", "1").output)
    assert second == {"built": 0, "skipped": 6, "withheld": 0, "failed": 0}


def test_one_changed_translation_rebuilds_only_its_page(kit: Run, ready: Path) -> None:
    kit("build", "--format", "html", "--jobs", "1")
    path = ready / "locales" / "es" / "LC_MESSAGES" / "hands.po"
    po = read_po(path)
    po = po.with_entries(
        tuple(
            e.with_changes(msgstr="Use jabón y agua tibia.")
            if e.msgid.startswith("Use soap")
            else e
            for e in po.entries
        )
    )
    write_po_if_changed(path, po)
    out = kit("build", "--format", "html", "--jobs", "1").output
    assert summary(out)["built"] == 1 and summary(out)["skipped"] == 5
    assert "written dist/es/hands.html" in out
    assert "Use jabón y agua tibia." in (ready / "dist" / "es" / "hands.html").read_text(
        encoding="utf-8"
    )


def test_deleting_the_cache_rebuilds_everything_with_the_same_bytes(kit: Run, ready: Path) -> None:
    kit("build", "--format", "html", "--jobs", "1")
    before = html_outputs(ready)
    (ready / ".kit-cache" / "build.json").unlink()
    assert summary(kit("build", "--format", "html", "--jobs", "1").output)["skipped"] == 0
    assert html_outputs(ready) == before


def test_parallel_build_gives_the_same_bytes(kit: Run, ready: Path, tmp_path: Path) -> None:
    kit("build", "--format", "html", "--jobs", "1")
    one = html_outputs(ready)
    for folder in (ready / "dist", ready / ".kit-cache"):
        for p in sorted(folder.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
    assert summary(kit("build", "--format", "html", "--jobs", "2").output)["built"] == 7
    assert html_outputs(ready) == one


def test_shards_build_everything_exactly_once(kit: Run, ready: Path) -> None:
    built: list[str] = []
    for k in (1, 2, 3):
        out = kit("build", "--format", "html", "--jobs", "1", "--shard", f"{k}/3").output
        built += re.findall(r"written (dist/\S+\.html)", out)
    pages = [b for b in built if not b.endswith("index.html")]
    assert sorted(pages) == sorted(set(pages)) and len(pages) == 6
    assert "dist/index.html" not in built  # it lists every shard's handouts: kit bundle writes it


def test_shard_assignment_is_deterministic_and_complete() -> None:
    keys = [f"doc-{i}/loc-{j}/html" for i in range(50) for j in range(10)]
    shards = [Shard(k, 4) for k in range(1, 5)]
    owners = [[s.index for s in shards if s.owns(key)] for key in keys]
    assert all(len(o) == 1 for o in owners)


@pytest.mark.parametrize("bad", ["0/2", "3/2", "a/b", "2", "1/0", "-1/2"])
def test_bad_shard_specs_are_refused(bad: str) -> None:
    with pytest.raises(KitError):
        parse_shard(bad)


def test_bad_shard_on_the_command_line_exits_2(kit: Run, ready: Path) -> None:
    out = kit("build", "--format", "html", "--shard", "4/3", code=2).output
    assert "Error: --shard '4/3'" in out and "hint:" in out


def test_must_retranslate_withholds_the_page_and_removes_the_old_one(kit: Run, ready: Path) -> None:
    kit("build", "--format", "html", "--jobs", "1")
    page = ready / "dist" / "es" / "fever.html"
    assert page.exists()
    edit_source(ready)
    kit("extract")
    kit("update")
    out = kit("build", "--format", "html", "--jobs", "1").output
    assert not page.exists()
    assert "withheld  dist/es/fever.html: 4 segment(s) must be retranslated" in out
    index = (ready / "dist" / "index.html").read_text(encoding="utf-8")
    assert 'es/fever.html"' not in index
    for old in EDITS:
        assert old not in (ready / "dist" / "en" / "fever.html").read_text(encoding="utf-8")


def test_unwritable_output_folder_is_a_clear_error(kit: Run, ready: Path) -> None:
    (ready / "dist").write_text("a file where the output folder should be", encoding="utf-8")
    out = kit("build", "--format", "html", "--jobs", "1", code=2).output
    assert "Error: dist/" in out and "cannot write the output" in out and "hint:" in out
    assert "Traceback" not in out
