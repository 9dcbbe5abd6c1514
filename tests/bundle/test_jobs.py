"""``kit bundle --jobs N`` (and ``kit check --jobs N``): worker processes lay out what could
overflow a handout, the one costly part of the check summaries a bundle carries. The number of
workers changes nothing: same findings in the same order, same zips, same dashboard.

Zips store what is compressed already (PDF handouts, PNG, JPEG, fonts) and deflate the rest,
chosen by name only, so the bytes stay reproducible.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from kit.bundle.archive import Member, compression_for, write_zip_atomic
from kit.bundle.model import Stamp
from tests.test_render_refusals import CELL, LONG_RUN, TABLE, own_css, poison, project, run

pytestmark = pytest.mark.slow


def overflowing(tmp_path: Path) -> Path:
    """Three documents (en, es, fr): a table too wide in every locale (a source finding),
    and in es a translation holding a word too long for the project's own CSS."""
    root = project(tmp_path, image=TABLE)
    own_css(root)
    header = "| " + " | ".join(f"W{n}" for n in range(40)) + " |"
    rule = "|" + " --- |" * 40
    row = "| " + " | ".join("Fever" for _ in range(40)) + " |"
    source = (root / "source" / "fever.md").read_text(encoding="utf-8")
    for slug in ("wide", "plain"):
        text = source.replace("slug: fever", f"slug: {slug}")
        if slug == "wide":
            text = text.replace(TABLE, f"{header}\n{rule}\n{row}")
        (root / "source" / f"{slug}.md").write_text(text, encoding="utf-8")
    assert run(root, "extract")[0] == 0
    assert run(root, "update")[0] == 0
    poison(root, CELL, f"Llame a la clínica {LONG_RUN}")
    return root


def check_json(root: Path, jobs: str) -> dict[str, object]:
    shutil.rmtree(root / ".kit-cache", ignore_errors=True)  # lay out again, with these workers
    code, output = run(root, "check", "--format", "json", "--jobs", jobs)
    assert code == 1, output
    data: dict[str, object] = json.loads(output)
    return data


def bundled(root: Path, jobs: str) -> dict[str, bytes]:
    code, output = run(root, "bundle", "--jobs", jobs)
    assert code == 0, output
    out = root / "dist"
    files = [*sorted((out / "bundles").glob("*.zip")), out / "report.html", out / "index.html"]
    return {p.name: p.read_bytes() for p in files}


def test_workers_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")
    root = overflowing(tmp_path)
    one = check_json(root, "1")
    overflow = [f for f in one["findings"] if f["check"] == "render.overflow"]  # type: ignore[attr-defined]
    assert {(f["locale"], f["path"]) for f in overflow} >= {
        ("en", "source/wide.md"),
        ("es", "locales/es/LC_MESSAGES/fever.po"),
    }, overflow
    assert check_json(root, "2") == one
    assert check_json(root, "3") == one

    assert run(root, "build", "--format", "html", "--jobs", "1")[0] == 0
    first = bundled(root, "1")
    assert {"en.zip", "report.html", "index.html"} <= set(first)
    for name in ("en.zip", "es.zip"):
        (root / "dist" / "bundles" / name).unlink(missing_ok=True)
    (root / "dist" / "report.html").unlink()
    assert bundled(root, "2") == first
    with zipfile.ZipFile(root / "dist" / "bundles" / "en.zip") as archive:
        manifest = json.loads(archive.read("en/manifest.json"))
    wide = next(d for d in manifest["documents"] if d["slug"] == "wide")
    assert wide["checks"]["error"] >= 1  # the layout's finding is in the summary


def test_compressed_formats_are_stored_by_name() -> None:
    assert compression_for("es/fever.pdf") == zipfile.ZIP_STORED
    assert compression_for("es/fever.large-print.PDF") == zipfile.ZIP_STORED
    for name in ("es/assets/logo.png", "es/assets/photo.jpeg", "es/assets/font.woff2"):
        assert compression_for(name) == zipfile.ZIP_STORED, name
    for name in ("es/fever.html", "es/assets/kit.css", "es/assets/x.svg", "es/manifest.json"):
        assert compression_for(name) == zipfile.ZIP_DEFLATED, name
    assert compression_for("es/pdf") == zipfile.ZIP_DEFLATED  # no suffix


def test_a_zip_with_handouts_is_reproducible(tmp_path: Path) -> None:
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 64
    page = b"<!doctype html><p>" + b"Fever. " * 500 + b"</p>"
    stamp = Stamp(dt.datetime(2024, 5, 1, tzinfo=dt.UTC), "SOURCE_DATE_EPOCH")
    members = [Member("es/fever.pdf", data=pdf), Member("es/fever.html", data=page)]
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    assert write_zip_atomic(a, members, stamp, "a.zip")
    assert write_zip_atomic(b, reversed(members), stamp, "b.zip")
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as archive:
        infos = {i.filename: i for i in archive.infolist()}
        assert archive.read("es/fever.pdf") == pdf and archive.read("es/fever.html") == page
    assert infos["es/fever.pdf"].compress_type == zipfile.ZIP_STORED
    assert infos["es/fever.pdf"].compress_size == len(pdf)
    assert infos["es/fever.html"].compress_type == zipfile.ZIP_DEFLATED
    assert infos["es/fever.html"].compress_size < len(page) // 10
