"""``kit check`` remembers render.overflow's layouts in ``.kit-cache/overflow.json``.

Laying a handout out is most of what a check costs once a project has tables or long words.
A second check of unchanged inputs lays nothing out and reports the same findings; a change
to the handout's CSS (or anything else the layout depends on) lays it out again. ``kit
serve`` and the library call write no cache. Workers (``--jobs``) fill the same cache.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kit.commands.check import run_check
from kit.config import load_config
from kit.pdf.overflow import overflowing_texts
from kit.project import Project
from tests.bundle.test_jobs import overflowing
from tests.test_render_refusals import run

pytestmark = pytest.mark.slow
CACHE = Path(".kit-cache") / "overflow.json"


def check(root: Path, jobs: str = "1") -> list[dict[str, object]]:
    code, output = run(root, "check", "--format", "json", "--jobs", jobs)
    assert code == 1, output
    found: list[dict[str, object]] = json.loads(output)["findings"]
    return found


def no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("laid out although the cache knew the answer")

    monkeypatch.setattr("kit.pdf.overflow.overflowing_texts", refuse)


def test_second_check_lays_nothing_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = overflowing(tmp_path)
    first = check(root)
    assert any(f["check"] == "render.overflow" for f in first), first
    cached = json.loads((root / CACHE).read_text(encoding="utf-8"))
    assert cached["layouts"], cached  # each handout laid out, by digest

    with monkeypatch.context() as patch:
        no_layout(patch)
        assert check(root) == first
        assert check(root, "2") == first  # workers read the same cache

    laid_out: list[str] = []
    real = overflowing_texts

    def counted(html: str, base: str, roots: tuple[Path, ...]) -> list[str] | None:
        laid_out.append(base)
        return real(html, base, roots)

    css = root / "templates" / "css" / "handout.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr("kit.pdf.overflow.overflowing_texts", counted)
        assert check(root) == first  # laid out again with the new CSS: same findings
    assert laid_out
    again = json.loads((root / CACHE).read_text(encoding="utf-8"))
    assert set(again["layouts"]).isdisjoint(cached["layouts"])  # old digests dropped


def test_workers_fill_the_same_cache(tmp_path: Path) -> None:
    root = overflowing(tmp_path)
    one = check(root, "1")
    by_one = (root / CACHE).read_bytes()
    shutil.rmtree(root / ".kit-cache")
    assert check(root, "2") == one
    assert (root / CACHE).read_bytes() == by_one


def test_library_call_writes_no_cache(tmp_path: Path) -> None:
    root = overflowing(tmp_path)
    report = run_check(Project(load_config(root)))
    assert any(f.check == "render.overflow" for f in report.findings)
    assert not (root / CACHE).exists()


def test_broken_cache_only_costs_time(tmp_path: Path) -> None:
    root = overflowing(tmp_path)
    first = check(root)
    (root / CACHE).write_text('{"format": 1, "layouts": {"x": 3}', encoding="utf-8")
    assert check(root) == first
    assert json.loads((root / CACHE).read_text(encoding="utf-8"))["layouts"]


WARM_CHECK = """
import sys
from kit.cli import main
try:
    main(["--project", sys.argv[1], "check", "--format", "json", "--jobs", "1"])
except SystemExit:
    pass
print("weasyprint imported:", "weasyprint" in sys.modules, file=sys.stderr)
"""


def test_remembered_layouts_do_not_import_weasyprint(tmp_path: Path) -> None:
    """A check whose layouts are all remembered never imports WeasyPrint (about 0.4 s)."""
    root = overflowing(tmp_path)
    check(root)
    args = [sys.executable, "-c", WARM_CHECK, str(root)]
    warm = subprocess.run(args, capture_output=True, text=True, check=False, timeout=300)
    assert "weasyprint imported: False" in warm.stderr, warm.stderr
    (root / CACHE).unlink()
    cold = subprocess.run(args, capture_output=True, text=True, check=False, timeout=300)
    assert "weasyprint imported: True" in cold.stderr, cold.stderr
