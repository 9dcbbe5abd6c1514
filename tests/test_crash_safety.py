"""Killing kit at any moment (SIGKILL) never leaves a truncated or half-written file, and the
next run completes. Two builds into the same dist/ do not corrupt each other's outputs."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.po import read_po
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def sample_copy(dest: Path) -> Path:
    for name in ("source", "locales", "templates"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "kit.toml", dest / "kit.toml")
    return dest


def kit(root: Path, *args: str) -> subprocess.Popen[bytes]:
    # a fixed clock: templates extracted in different minutes must get the same date
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714521600"}
    return subprocess.Popen(
        [sys.executable, "-m", "kit", "--project", str(root), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def catalogs(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.glob("locales/*/LC_MESSAGES/*.po"))
    }


def pages(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.glob("dist/**/*.html")}


def reference_pages(tmp_path: Path) -> dict[str, bytes]:
    reference = sample_copy(tmp_path / "ref")
    assert kit(reference, "build", "--format", "html", "--jobs", "1").wait() == 0
    return pages(reference)


def edit_source(root: Path) -> None:
    path = root / "source" / "infant-all.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("about 2 years", "about 3 years").replace(
        "Blood tests.", "Blood tests, often."
    )
    path.write_text(text, encoding="utf-8")


def test_killed_update_leaves_each_catalog_old_or_new(tmp_path: Path) -> None:
    expected = sample_copy(tmp_path / "expected")
    edit_source(expected)
    assert kit(expected, "extract").wait() == 0
    old = catalogs(expected)
    assert kit(expected, "update").wait() == 0
    new = catalogs(expected)
    assert new != old
    rng = random.Random(7)
    for attempt in range(6):
        root = sample_copy(tmp_path / f"run{attempt}")
        edit_source(root)
        assert kit(root, "extract").wait() == 0
        proc = kit(root, "update")
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for name, data in catalogs(root).items():
            assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"
            read_po(root / name)
        assert kit(root, "update").wait() == 0
        assert catalogs(root) == new


def many_documents(root: Path, count: int) -> None:
    """``count`` copies of the sample's page under their own slugs, with the edit of
    ``edit_source`` (the templates made from them change)."""
    text = (ROOT / "source" / "infant-all.md").read_text(encoding="utf-8")
    for i in range(count):
        page = text.replace("slug: infant-all\n", f"slug: infant-all-{i}\n")
        (root / "source" / f"infant-all-{i}.md").write_text(page, encoding="utf-8")


def templates(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "locales").glob("*.pot"))}


def test_killed_extract_leaves_each_template_old_or_new(tmp_path: Path) -> None:
    """``kit extract`` writes its templates in one batch (temporary files, one disk sync,
    renames): killed at any point of a run, each template is whole, old or new, and the next
    run completes and leaves no temporary file."""
    before = sample_copy(tmp_path / "before")
    many_documents(before, 60)
    assert kit(before, "extract").wait() == 0
    old = templates(before)
    edit_source(before)
    for page in (before / "source").glob("infant-all-*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("Blood tests.", "Tests."))
    expected = tmp_path / "expected"
    shutil.copytree(before, expected)
    start = time.monotonic()
    assert kit(expected, "extract", "--jobs", "2").wait() == 0
    duration = time.monotonic() - start
    new = templates(expected)
    assert set(new) == set(old)
    assert len([name for name in new if new[name] != old[name]]) == 61  # all but the handout
    for attempt, fraction in enumerate((0.4, 0.7, 0.85, 0.95)):
        root = tmp_path / f"run{attempt}"
        shutil.copytree(before, root)
        proc = kit(root, "extract", "--jobs", "2")
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for name, data in templates(root).items():
            assert data in (old[name], new[name]), f"{name} is neither the old nor the new file"
        assert kit(root, "extract", "--jobs", "2").wait() == 0
        assert templates(root) == new
        assert not list((root / "locales").glob(".*.tmp"))


def test_killed_build_leaves_only_whole_files_and_the_next_build_completes(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "p")
    rng = random.Random(11)
    for _ in range(4):
        proc = kit(root, "build", "--format", "html", "--jobs", "2")
        time.sleep(rng.uniform(0.3, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for page in root.glob("dist/*/*.html"):
            assert page.read_bytes().rstrip().endswith(b"</html>"), page
    assert kit(root, "build", "--format", "html", "--jobs", "2").wait() == 0
    assert pages(root) == reference_pages(tmp_path)


def test_two_builds_at_once_into_the_same_dist(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "p")
    first, second = (
        kit(root, "build", "--format", "html", "--jobs", "1"),
        kit(root, "build", "--format", "html", "--jobs", "1"),
    )
    assert first.wait() == 0 and second.wait() == 0
    assert pages(root) == reference_pages(tmp_path)
