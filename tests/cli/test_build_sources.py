"""kit build reads each source file once and its workers parse it: a broken front matter, a
slug two files share and a body kit refuses are each reported at their file and line, the
other documents are built, and workers or none make no difference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit.commands import pool
from tests.cli.conftest import OTHER, Run

TOO_LONG = OTHER.replace("slug: hands", "slug: long") + "\n" + "word " * 12_000 + "\n"
BROKEN = "---\ntitle: Half a front matter\nslug: broken\n"
SAME_SLUG = OTHER.replace("Use soap", "Use plain soap")  # slug: hands, like hands.md


@pytest.fixture
def mixed(project: Path) -> Path:
    source = project / "source"
    (source / "long.md").write_text(TOO_LONG, encoding="utf-8")
    (source / "broken.md").write_text(BROKEN, encoding="utf-8")
    (source / "other-hands.md").write_text(SAME_SLUG, encoding="utf-8")
    return project


def _errors(output: str) -> list[str]:
    return re.findall(r"^Error: .*$", output, flags=re.MULTILINE)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_sources_are_reported_and_the_rest_is_built(kit: Run, mixed: Path, jobs: str) -> None:
    out = kit("build", "--format", "html", "--jobs", jobs, code=2).output
    assert _errors(out) == [  # in the order of the files
        "Error: source/broken.md:1: front matter is never closed",
        "Error: source/long.md:12: this paragraph is 59,999 characters long; the limit is 50,000",
        "Error: source/other-hands.md: slug 'hands' is already used by source/hands.md",
    ]
    assert "Traceback" not in out
    built = sorted(p.name for p in (mixed / "dist" / "en").glob("*.html"))
    assert built == ["fever.html", "hands.html"]
    hands = (mixed / "dist" / "en" / "hands.html").read_text(encoding="utf-8")
    assert "Use soap" in hands and "Use plain soap" not in hands  # the first file keeps its slug
    assert "long.html" not in (mixed / "dist" / "index.html").read_text(encoding="utf-8")


def _build(kit: Run, project: Path, jobs: str) -> tuple[list[str], dict[str, bytes]]:
    """A cold build's errors and outputs; dist/ and the cache are emptied after it."""
    out = kit("build", "--format", "html", "--jobs", jobs, code=2).output
    dist = project / "dist"
    files = {p.relative_to(dist).as_posix(): p.read_bytes() for p in dist.rglob("*.*")}
    for p in sorted((*dist.rglob("*"), *(project / ".kit-cache").rglob("*")), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    return _errors(out), files


def test_workers_build_the_same_bytes_and_report(kit: Run, mixed: Path) -> None:
    assert _build(kit, mixed, "1") == _build(kit, mixed, "2")


def test_the_standard_pool_builds_the_same(
    kit: Run, mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where workers do not start by fork (macOS, Windows), ``ProcessPoolExecutor`` hands
    out the same jobs: the same report and the same bytes as kit's own pipes."""
    forked = _build(kit, mixed, "2")
    monkeypatch.setattr(pool, "_FORKS", False)
    assert _build(kit, mixed, "2") == forked


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_counts_every_source_file_even_those_that_fail(
    kit: Run, mixed: Path, jobs: str
) -> None:
    """The total is known before any file is read, so a parallel build shows its progress
    as the workers go: 5 source files x 3 locales (en, es, ar). A file that cannot be read
    or parsed counts as done, so the index still comes last at ``[15/15]``."""
    out = kit("build", "--format", "html", "--jobs", jobs, code=2).output
    steps = re.findall(r"^\[(\d+)/(\d+)\] \w+ (\S+)", out, re.MULTILINE)
    assert {total for _, total, _ in steps} == {"15"}
    assert steps[-1] == ("15", "15", "dist/index.html")
    assert [int(done) for done, _, _ in steps] == sorted(int(done) for done, _, _ in steps)
