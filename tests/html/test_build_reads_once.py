"""A cold ``kit build`` reads each catalog and review record once and parses each catalog at
most once, for deciding, the publish gate and rendering alike (issue 17); a build with the
cache parses none whose page is up to date."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kit.commands import build_doc, build_noop
from kit.commands.build import BuildOptions, run_build
from kit.config import load_config
from kit.project import Project
from tests.html.test_html_build import make_project


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter[str], Counter[str]]:
    """(bytes read, catalogs parsed) by path, in the build's per-document work."""
    read: Counter[str] = Counter()
    parsed: Counter[str] = Counter()
    real_read, real_parse = build_doc.read_project_bytes, build_doc.parse_po
    real_review = build_doc.read_review_bytes

    def counted_read(path: Path, *args: object, **kwargs: object) -> bytes:
        read[Path(path).name] += 1
        return real_read(path, *args, **kwargs)  # type: ignore[arg-type]

    def counted_review(path: Path, *args: object) -> bytes:
        read[Path(path).name] += 1
        return real_review(path, *args)  # type: ignore[arg-type]

    def counted_parse(data: bytes, path: Path) -> object:
        parsed[f"{Path(path).parent.parent.name}/{Path(path).name}"] += 1
        return real_parse(data, path)

    monkeypatch.setattr(build_doc, "read_project_bytes", counted_read)
    monkeypatch.setattr(build_doc, "read_review_bytes", counted_review)
    monkeypatch.setattr(build_doc, "parse_po", counted_parse)
    return read, parsed


def test_each_catalog_is_read_and_parsed_once(
    tmp_path: Path, reads: tuple[Counter[str], Counter[str]]
) -> None:
    root = make_project(tmp_path)
    (root / "locales" / "es" / "LC_MESSAGES" / "fever.review.json").write_text(
        '{"format": 1, "signoffs": []}\n'
    )
    report = run_build(Project(load_config(root)), BuildOptions(formats=("html",), jobs=1))
    assert not report.errors and len(report.outcomes) == 4  # 3 pages and the index
    read, parsed = reads
    assert read == Counter({"fever.po": 2, "fever.review.json": 1})  # es and ar: one each
    assert parsed == Counter({"es/fever.po": 1, "ar/fever.po": 1})


def test_an_up_to_date_page_is_not_parsed(
    tmp_path: Path, reads: tuple[Counter[str], Counter[str]]
) -> None:
    root = make_project(tmp_path)
    options = BuildOptions(formats=("html",), jobs=1)
    run_build(Project(load_config(root)), options)
    (root / build_noop.STAMP_FILE).unlink(missing_ok=True)  # the full build, from its cache
    reads[1].clear()
    report = run_build(Project(load_config(root)), options)
    assert report.skipped == 3 and reads[1] == Counter()
