"""A no-op ``kit build`` is answered from file metadata (``kit.commands.build_noop``) and every
real change still makes a full build: a catalog, a source, a template, kit.toml, a new
document, a review record, a deleted output, kit's version. An input changed at the moment
the build read it is not trusted (no stamp is kept)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kit.commands import build_noop, build_run
from kit.commands.build import BuildOptions, BuildReport, run_build
from kit.commands.outcome import Action
from kit.config import load_config
from kit.project import Project
from tests.html.test_html_build import SOURCE, make_project

HTML = BuildOptions(formats=("html",))


def build(root: Path) -> BuildReport:
    return run_build(Project(load_config(root)), HTML)


def settle(root: Path) -> None:
    """Wait until the file system's clock has moved past every file written so far (a file
    changed in the same tick as a build reads it is not trusted, by design)."""
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in root.rglob("*"))
    probe = root / ".probe"
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > newest:
            probe.unlink()
            return
        time.sleep(0.005)


@pytest.fixture
def full_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the full builds (the no-op answer does not run one)."""
    calls: list[int] = []
    real = build_run.run_full

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_run, "run_full", spy)
    return calls


def test_a_build_with_nothing_to_do_reads_nothing(tmp_path: Path, full_builds: list[int]) -> None:
    root = make_project(tmp_path)
    settle(root)
    first = build(root)
    assert (root / build_noop.STAMP_FILE).is_file() and full_builds == [1]
    again = build(root)
    assert full_builds == [1]  # answered from metadata
    assert again.skipped == 3 and not again.errors and not again.withheld
    assert [(o.path, o.action) for o in again.outcomes] == [("dist/index.html", Action.UNCHANGED)]
    assert first.skipped == 0


def _po(root: Path) -> Path:
    return root / "locales" / "es" / "LC_MESSAGES" / "fever.po"


def _same_size_edit(path: Path) -> None:
    """Change one letter and put the old mtime back: only ctime (and the bytes) differ."""
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[es] ", "[eS] ", 1), encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


CHANGES: dict[str, Callable[[Path], object]] = {
    "catalog, same size and mtime": lambda root: _same_size_edit(_po(root)),
    "source": lambda root: (root / "source" / "fever.md").write_text(
        SOURCE + "\nMore.\n", encoding="utf-8"
    ),
    "template": lambda root: (root / "templates" / "page.html.j2").write_text(
        (root / "templates" / "page.html.j2").read_text(encoding="utf-8") + "\n",
        encoding="utf-8",
    ),
    "new template file": lambda root: (root / "templates" / "extra.css").write_text("p{}\n"),
    "kit.toml": lambda root: (root / "kit.toml").write_text(
        (root / "kit.toml").read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8"
    ),
    "new document": lambda root: (root / "source" / "cold.md").write_text(
        SOURCE.replace("fever", "cold"), encoding="utf-8"
    ),
    "review record": lambda root: (
        _po(root).with_suffix(".review.json").write_text('{"format": 1, "signoffs": []}\n')
    ),
    "deleted output": lambda root: (root / "dist" / "es" / "fever.html").unlink(),
}


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_every_real_change_makes_a_full_build(
    change: str, tmp_path: Path, full_builds: list[int]
) -> None:
    root = make_project(tmp_path)
    settle(root)
    build(root)
    CHANGES[change](root)
    build(root)
    assert full_builds == [1, 1], change


def test_a_changed_catalog_is_rebuilt(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    settle(root)
    build(root)
    _same_size_edit(_po(root))
    report = build(root)
    written = [o.path for o in report.outcomes if o.action is Action.WRITTEN]
    assert written == ["dist/es/fever.html"]
    assert "[eS] " in (root / "dist" / "es" / "fever.html").read_text(encoding="utf-8")


def test_a_new_kit_version_makes_a_full_build(
    tmp_path: Path, full_builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path)
    settle(root)
    build(root)
    monkeypatch.setattr(build_noop, "__version__", "0.0.0-other")
    build(root)
    assert full_builds == [1, 1]


def test_other_options_make_a_full_build(tmp_path: Path, full_builds: list[int]) -> None:
    root = make_project(tmp_path)
    settle(root)
    build(root)
    run_build(Project(load_config(root)), BuildOptions(formats=("html",), locales=("es",)))
    assert full_builds == [1, 1]


def test_an_input_changed_while_the_build_reads_it_is_not_trusted(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    future = time.time_ns() + 60 * 10**9  # as if written after the build started
    os.utime(_po(root), ns=(future, future))
    build(root)
    assert not (root / build_noop.STAMP_FILE).exists()


def test_withheld_outputs_are_reported_and_removed_again(
    tmp_path: Path, full_builds: list[int]
) -> None:
    root = make_project(tmp_path, stale=True)
    settle(root)
    first = build(root)
    assert [w.path for w in first.withheld] == ["dist/es/fever.html"]
    (root / "dist" / "es").mkdir(exist_ok=True)
    (root / "dist" / "es" / "fever.html").write_text("stale copy\n", encoding="utf-8")
    again = build(root)
    assert full_builds == [1] and again.withheld == first.withheld
    assert not (root / "dist" / "es" / "fever.html").exists()


def test_a_build_with_errors_keeps_no_stamp(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    _po(root).write_text('msgid "unterminated\n', encoding="utf-8")
    settle(root)
    report = build(root)
    assert report.errors and not (root / build_noop.STAMP_FILE).exists()
