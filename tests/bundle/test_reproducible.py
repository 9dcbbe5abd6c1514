"""Bundles are byte-reproducible: the same dist/ and project give the same zip bytes.

With SOURCE_DATE_EPOCH set, every entry carries that time. Without it, every entry carries
midnight UTC of the newest review date in the locale's content (the documents' ``reviewed:``
dates and the review sign-offs still in force), so two runs still agree.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from kit.bundle.archive import COMPRESS_LEVEL, FILE_MODE
from tests.bundle.conftest import manifest, set_config
from tests.cli.conftest import Run


def zips(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "dist" / "bundles").glob("*.zip"))}


def test_two_bundles_of_the_same_dist_are_identical(kit: Run, built: Path) -> None:
    kit("bundle")
    first = zips(built)
    report = (built / "dist" / "report.html").read_bytes()
    out = kit("bundle").output
    assert "unchanged  dist/bundles/es.zip" in out and "unchanged  dist/report.html" in out
    shutil.rmtree(built / "dist" / "bundles")
    (built / "dist" / "report.html").unlink()
    kit("bundle")
    assert zips(built) == first and set(first) == {"en.zip", "es.zip"}
    assert (built / "dist" / "report.html").read_bytes() == report


def test_entries_are_sorted_and_carry_fixed_metadata(kit: Run, built: Path) -> None:
    kit("bundle", "--locale", "es")
    with zipfile.ZipFile(built / "dist" / "bundles" / "es.zip") as archive:
        infos = archive.infolist()
        assert archive.comment == b""
    names = [i.filename for i in infos]
    assert names == sorted(names) and not any(n.endswith("/") for n in names)
    for info in infos:
        assert info.date_time == (2024, 5, 1, 0, 0, 0)  # SOURCE_DATE_EPOCH=1714521600
        assert info.external_attr == FILE_MODE << 16 and info.create_system == 3
        assert info.compress_type == zipfile.ZIP_DEFLATED and info.extra == b""
        assert info.flag_bits & 0x08 == 0  # no data descriptors
    assert COMPRESS_LEVEL == 9
    data = manifest(built / "dist" / "bundles" / "es.zip")
    assert data["timestamp"] == "2024-05-01T00:00:00Z"
    assert data["timestamp_from"] == "SOURCE_DATE_EPOCH"


def test_without_source_date_epoch_the_newest_review_date_is_used(
    kit: Run, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    kit("bundle")
    first = zips(built)
    with zipfile.ZipFile(built / "dist" / "bundles" / "es.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(2024, 4, 15, 0, 0, 0)}  # sign-off
    with zipfile.ZipFile(built / "dist" / "bundles" / "en.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(2024, 3, 1, 0, 0, 0)}  # reviewed:
    data = manifest(built / "dist" / "bundles" / "es.zip")
    assert (data["timestamp"], data["timestamp_from"]) == (
        "2024-04-15T00:00:00Z",
        "newest review date",
    )
    shutil.rmtree(built / "dist" / "bundles")
    kit("bundle")
    assert zips(built) == first


def test_source_date_epoch_changes_only_the_time_stamps(
    kit: Run, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit("bundle", "--locale", "es")
    with zipfile.ZipFile(built / "dist" / "bundles" / "es.zip") as archive:
        with_epoch = {i.filename: archive.read(i) for i in archive.infolist()}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718000000")
    kit("bundle", "--locale", "es")
    with zipfile.ZipFile(built / "dist" / "bundles" / "es.zip") as archive:
        later = {i.filename: archive.read(i) for i in archive.infolist()}
        assert {i.date_time for i in archive.infolist()} == {(2024, 6, 10, 6, 13, 20)}
    assert later.keys() == with_epoch.keys()
    changed = [name for name in later if later[name] != with_epoch[name]]
    assert changed == ["es/manifest.json"]  # its "timestamp" field


def test_a_bad_source_date_epoch_is_an_input_error(
    kit: Run, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    out = kit("bundle", code=2).output
    assert "Error: SOURCE_DATE_EPOCH must be a whole number of seconds" in out and "hint:" in out
    assert not (built / "dist" / "bundles").exists()


def test_merged_shards_bundle_to_the_same_bytes_as_one_build(
    kit: Run, built: Path, tmp_path: Path
) -> None:
    """CI: N jobs each build a shard; their dist/ folders are merged; kit bundle packs them."""
    kit("bundle")
    whole = zips(built)
    merged = tmp_path / "merged-dist"
    for shard in ("1/2", "2/2"):
        shutil.rmtree(built / "dist")
        shutil.rmtree(built / ".kit-cache", ignore_errors=True)
        kit("build", "--format", "html", "--jobs", "1", "--shard", shard)
        shutil.copytree(built / "dist", merged, dirs_exist_ok=True)
    out = kit("bundle", code=2).output  # only shard 2/2's part of dist/: incomplete
    assert "failed  dist/bundles/" in out and "hint: run kit build first" in out
    shutil.rmtree(built / "dist")
    shutil.copytree(merged, built / "dist")
    kit("bundle")
    assert zips(built) == whole


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_ci_runners_build_shards_with_handouts_and_the_merge_equals_one_build(
    kit: Run, built: Path, tmp_path: Path
) -> None:
    """As CI runs it: each shard on a fresh runner (its own empty dist/ and cache), pages AND
    handouts; the dist/ parts merged; kit bundle. Every page must list its handouts with their
    page counts and sizes, the index too, exactly as one unsharded build does."""
    set_config(built, "\n[print]\nlarge_print = false\nbilingual = false\n")
    whole_project = tmp_path / "whole"
    shutil.copytree(built, whole_project, ignore=shutil.ignore_patterns("dist", ".kit-cache"))
    kit("--project", str(whole_project), "build", "--jobs", "1")
    kit("--project", str(whole_project), "bundle")
    whole = tree(whole_project / "dist")
    assert 'href="fever.pdf"' in whole["es/fever.html"].decode()
    assert 'href="es/hands.pdf"' in whole["index.html"].decode()

    merged = tmp_path / "merged"
    for k in (1, 2, 3):
        runner = tmp_path / f"runner-{k}"
        shutil.copytree(built, runner, ignore=shutil.ignore_patterns("dist", ".kit-cache"))
        out = kit("--project", str(runner), "build", "--jobs", "1", "--shard", f"{k}/3").output
        assert not (runner / "dist" / "index.html").exists(), out  # only the merge has them all
        shutil.copytree(runner / "dist", merged / "dist", dirs_exist_ok=True)
    shutil.copytree(
        built, merged, ignore=shutil.ignore_patterns("dist", ".kit-cache"), dirs_exist_ok=True
    )
    out = kit("--project", str(merged), "bundle").output
    assert "written  dist/index.html" in out
    assert tree(merged / "dist") == whole
