"""One build looks at each shared file once (``kit.snapshot``), not once per page: the
templates Jinja asks about, the stylesheet, the images, the folders above every catalog.
What a build keeps ends with it: a second build in the same process (``kit serve`` runs
many) sees every edit made in between, and the garbage collector gets back the objects
the build set aside."""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kit.commands import build_run
from kit.commands.build import BuildOptions, BuildReport, run_build
from kit.config import load_config
from kit.po import format_po
from kit.po.model import PoEntry, PoFile
from kit.project import Project
from kit.snapshot import active
from kit.source.parse import parse_document
from tests.html.support import FRONT
from tests.html.test_html_build import make_project

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="{w}" height="4"/></svg>\n'


def _project(tmp_path: Path, documents: int) -> Path:
    """``make_project``'s page, and ``documents`` more that show one image, translated."""
    root = make_project(tmp_path)
    (root / "source" / "images").mkdir()
    (root / "source" / "images" / "dot.svg").write_text(SVG.format(w=4), encoding="utf-8")
    for n in range(documents):
        text = (
            FRONT.replace("slug: fever", f"slug: dot-{n}")
            + "## Look\n\n![A red dot](images/dot.svg)\n"
        )
        (root / "source" / f"dot-{n}.md").write_text(text, encoding="utf-8")
        doc = parse_document(text, f"source/dot-{n}.md")
        for code in ("es", "ar"):
            entries = tuple(
                PoEntry(msgid=s.text, msgstr=f"[{code}] {s.text}") for s in doc.segments()
            )
            header = PoEntry(
                msgid="", msgstr=f"Language: {code}\nContent-Type: text/plain; charset=UTF-8\n"
            )
            po = root / "locales" / code / "LC_MESSAGES" / f"dot-{n}.po"
            po.write_text(format_po(PoFile(header, entries)), encoding="utf-8")
    return root


def _build(root: Path) -> BuildReport:
    report = run_build(Project(load_config(root)), BuildOptions(formats=("html",), jobs=1))
    assert not report.errors
    return report


@pytest.fixture
def looks(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """``stat`` and ``lstat`` calls by file name while the build runs (not the no-op stamp's
    look at every file after it, which a file written in the build's clock tick cuts short)."""
    counts: Counter[str] = Counter()
    running = [False]

    def counted(real: Callable[..., os.stat_result]) -> Callable[..., os.stat_result]:
        def look(path: object, *args: object, **kwargs: object) -> os.stat_result:
            if running[0] and isinstance(path, str | os.PathLike):
                counts[os.path.basename(os.fspath(path))] += 1
            return real(path, *args, **kwargs)

        return look

    def run_full(*args: Any) -> Any:
        running[0] = True
        try:
            return real_run_full(*args)
        finally:
            running[0] = False

    real_run_full = build_run.run_full
    monkeypatch.setattr(build_run, "run_full", run_full)
    monkeypatch.setattr(os, "stat", counted(os.stat))
    monkeypatch.setattr(os, "lstat", counted(os.lstat))
    return counts


def _looks(tmp_path: Path, documents: int, looks: Counter[str]) -> Counter[str]:
    (tmp_path / str(documents)).mkdir()
    root = _project(tmp_path / str(documents), documents)
    looks.clear()
    report = _build(root)
    assert len(report.outcomes) == 3 * (documents + 1) + 1  # the pages and the index
    return Counter(looks)


def test_shared_files_are_looked_at_once_per_build_not_per_page(
    tmp_path: Path, looks: Counter[str]
) -> None:
    few, many = _looks(tmp_path, 2, looks), _looks(tmp_path, 8, looks)  # 9 and 27 pages
    for name in ("page.html.j2", "base.html.j2", "kit.css", "LC_MESSAGES", "es", "locales"):
        assert few[name] == many[name], (name, few[name], many[name])
    # the image: once more for each document that shows it (its hash and the no-op stamp
    # look at it), not for each of its three pages
    assert many["dot.svg"] - few["dot.svg"] <= 2 * 6, (few["dot.svg"], many["dot.svg"])
    # one lstat for each locale's catalog: is it there (en has none; for es and ar the same
    # lstat tells the reading that it is not a link)
    assert many["dot-7.po"] == 3


def test_a_second_build_in_the_same_process_sees_edits(tmp_path: Path) -> None:
    root = _project(tmp_path, 4)
    _build(root)
    assert not active()  # nothing kept after the build
    template = root / "templates" / "base.html.j2"
    template.write_text(
        template.read_text(encoding="utf-8").replace("</main>", "<p>Edited.</p></main>"),
        encoding="utf-8",
    )
    (root / "source" / "images" / "dot.svg").write_text(SVG.format(w=3), encoding="utf-8")
    (root / "templates" / "css" / "kit.css").write_text("p { color: #000; }\n", encoding="utf-8")
    _build(root)
    for code in ("en", "es", "ar"):
        assert "Edited." in (root / "dist" / code / "dot-0.html").read_text(encoding="utf-8")
        assert b'width="3"' in (root / "dist" / code / "images" / "dot.svg").read_bytes()
        css = (root / "dist" / code / "assets" / "kit.css").read_text(encoding="utf-8")
        assert css.endswith("p { color: #000; }\n")


def test_the_objects_set_aside_are_given_back(tmp_path: Path) -> None:
    root = _project(tmp_path, 4)
    before, thresholds = gc.get_freeze_count(), gc.get_threshold()
    _build(root)
    assert gc.get_freeze_count() == before
    assert gc.get_threshold() == thresholds


def test_an_html_build_makes_no_cyclic_garbage(tmp_path: Path) -> None:
    """Why the build may walk its young objects rarely (``kit.commands.heap``): whatever a
    page makes, reference counting frees. A cycle made per page (an exception kept with its
    traceback, a closure holding itself) shows here as garbage."""
    root = _project(tmp_path, 4)
    _build(root)  # the first build imports the renderers: their module objects are no garbage
    for document in (root / "dist").rglob("dot-*.html"):
        document.unlink()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        report = _build(root)
        gc.collect()
        garbage = Counter(type(o).__qualname__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert len(report.outcomes) > 8
    assert garbage == Counter()
