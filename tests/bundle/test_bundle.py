"""kit bundle end to end: one zip per locale, its manifest, and the publish gate."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.bundle.conftest import REVIEW_DATE, manifest, set_config, untranslated_reason
from tests.cli.conftest import Run
from tests.conftest import require_tool


def test_a_passing_locale_is_bundled_and_a_failing_one_omitted(kit: Run, built: Path) -> None:
    out = kit("bundle").output
    bundles = built / "dist" / "bundles"
    assert sorted(p.name for p in bundles.iterdir()) == ["en.zip", "es.zip"]
    assert "  written  dist/bundles/es.zip" in out
    assert "  omitted  dist/bundles/ar.zip" in out
    assert f"fever: {untranslated_reason()}" in out
    assert "summary: 2 bundled (2 written, 0 unchanged, 0 draft), 1 omitted, 0 failed" in out


def test_an_omitted_locale_loses_its_old_bundle(kit: Run, built: Path) -> None:
    set_config(built, '[bundle]\nfailing = "draft"\n')
    kit("bundle")
    assert (built / "dist" / "bundles" / "ar.zip").exists()
    set_config(built, "")
    kit("bundle")
    assert not (built / "dist" / "bundles" / "ar.zip").exists()


def test_a_failing_locale_is_marked_draft_when_kit_toml_says_so(kit: Run, built: Path) -> None:
    set_config(built, '[bundle]\nfailing = "draft"\n')
    out = kit("bundle").output
    assert "  written  dist/bundles/ar.zip (draft)" in out
    data = manifest(built / "dist" / "bundles" / "ar.zip")
    assert data["status"] == "draft"
    assert f"fever: {untranslated_reason()}" in data["draft_reasons"]
    assert {d["publish"]["decision"] for d in data["documents"]} == {"withhold"}
    assert all(d["files"] == [] for d in data["documents"])
    assert not any(f["path"].endswith((".html", ".pdf")) for f in data["files"])
    assert manifest(built / "dist" / "bundles" / "es.zip")["status"] == "published"


def test_manifest_describes_every_file_and_document(kit: Run, built: Path) -> None:
    kit("bundle", "--locale", "es")
    path = built / "dist" / "bundles" / "es.zip"
    data = manifest(path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for entry in data["files"]:
            body = archive.read(entry["path"])
            assert hashlib.sha256(body).hexdigest() == entry["sha256"]
            assert len(body) == entry["size"]
            assert body == (built / "dist" / entry["path"]).read_bytes()
    assert sorted(names) == sorted([f["path"] for f in data["files"]] + ["es/manifest.json"])
    assert {"es/fever.html", "es/hands.html", "es/assets/kit.css"} <= set(names)
    assert data["kit_version"] and data["locale"]["bcp47"] == "es"
    assert data["source_revision"] is None  # the tmp project is not in git
    fever = next(d for d in data["documents"] if d["slug"] == "fever")
    assert fever["source"] == "source/fever.md"
    assert fever["source_reviewed"] == "2024-03-01"
    assert fever["publish"] == {"decision": "publish", "reasons": []}
    assert fever["translation"]["percent_words_translated"] == 100.0
    assert (
        fever["translation"]["translated"]["messages"] == fever["translation"]["total"]["messages"]
    )
    assert fever["review"]["complete"] is True
    assert fever["review"]["signoffs"] == [
        {
            "reviewer": "Dr. Ana Ruiz",
            "role": "clinical reviewer",
            "method": "TEP",
            "date": REVIEW_DATE,
            "stage": None,  # signed without --stage
        }
    ]
    assert fever["files"] == ["es/fever.html"]


def test_manifest_carries_the_kit_check_summary(kit: Run, built: Path) -> None:
    from kit.commands.check import run_check
    from kit.config import load_config
    from kit.project import Project

    kit("bundle", "--locale", "es")
    fever = next(
        d
        for d in manifest(built / "dist" / "bundles" / "es.zip")["documents"]
        if d["slug"] == "fever"
    )
    report = run_check(Project(load_config(built)), today=dt.date(2024, 5, 1))  # SOURCE_DATE_EPOCH
    mine = [
        f for f in report.findings if (f.locale, f.document) == ("es", "fever") and not f.suppressed
    ]
    checks = fever["checks"]
    assert [checks["error"], checks["warning"], checks["info"]] == [
        sum(1 for f in mine if f.severity.value == level) for level in ("error", "warning", "info")
    ]
    level = next((r for r in report.readability if (r.locale, r.document) == ("es", "fever")), None)
    if level is None:
        assert checks["reading_level"] is None
    else:
        assert checks["reading_level"]["value"] == (
            None if level.score is None else round(level.score, 1)
        )


def test_the_source_locale_is_bundled_too(kit: Run, built: Path) -> None:
    kit("bundle", "--locale", "en")
    data = manifest(built / "dist" / "bundles" / "en.zip")
    assert data["locale"]["code"] == "en"
    assert all(d["translation"] is None and d["review"] is None for d in data["documents"])
    assert not (built / "dist" / "bundles" / "es.zip").exists()


def test_an_unknown_locale_is_a_usage_error(kit: Run, built: Path) -> None:
    out = kit("bundle", "--locale", "fr", code=2).output
    assert "Error:" in out and "hint:" in out


def test_an_incomplete_dist_fails_that_locale_only(kit: Run, built: Path) -> None:
    (built / "dist" / "es" / "hands.html").unlink()
    out = kit("bundle", code=2).output
    assert "Error: dist/es/hands.html: missing from the build output" in out
    assert "hint: run kit build first" in out
    assert "   failed  dist/bundles/es.zip" in out
    assert not (built / "dist" / "bundles" / "es.zip").exists()
    assert (built / "dist" / "bundles" / "en.zip").exists()


def test_a_locale_never_built_is_an_error(kit: Run, project: Path, built: Path) -> None:
    import shutil

    shutil.rmtree(built / "dist" / "es")
    out = kit("bundle", "--locale", "es", code=2).output
    assert "Error: dist/es: the locale's build output folder does not exist" in out


def test_stale_pages_of_unknown_or_withheld_documents_stay_out(kit: Run, built: Path) -> None:
    (built / "dist" / "es" / "old-page.html").write_text("<p>old</p>", encoding="utf-8")
    (built / "dist" / "es" / "manifest.json").write_text("{}", encoding="utf-8")
    (built / "dist" / "es" / ".fever.html.tmp").write_text("partial", encoding="utf-8")
    set_config(built, '[bundle]\nfailing = "draft"\n')
    (built / "dist" / "ar" / "fever.html").parent.mkdir(parents=True, exist_ok=True)
    (built / "dist" / "ar" / "fever.html").write_text("<p>stale</p>", encoding="utf-8")
    out = kit("bundle").output
    assert "note  left out dist/es/old-page.html: no document with this slug in the source" in out
    assert "note  left out dist/ar/fever.html: fever is withheld" in out
    with zipfile.ZipFile(built / "dist" / "bundles" / "es.zip") as archive:
        names = archive.namelist()
        assert archive.read("es/manifest.json") != b"{}"
    assert "es/old-page.html" not in names and "es/.fever.html.tmp" not in names
    with zipfile.ZipFile(built / "dist" / "bundles" / "ar.zip") as archive:
        assert "ar/fever.html" not in archive.namelist()


def test_manifest_names_the_git_revision_and_whether_inputs_changed(kit: Run, built: Path) -> None:
    git = require_tool("git")

    def run(*args: str) -> str:
        return subprocess.run(
            [git, "-C", str(built), *args], check=True, capture_output=True, text=True
        ).stdout.strip()

    run("init", "-q")
    (built / ".gitignore").write_text("dist/\n.kit-cache/\n", encoding="utf-8")
    run("add", ".")
    run("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "content")
    head = run("rev-parse", "HEAD")
    kit("bundle", "--locale", "es")
    assert manifest(built / "dist" / "bundles" / "es.zip")["source_revision"] == {
        "commit": head,
        "dirty": False,
    }
    (built / "source" / "fever.md").write_text(
        (built / "source" / "fever.md").read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8"
    )
    kit("bundle", "--locale", "es")
    assert manifest(built / "dist" / "bundles" / "es.zip")["source_revision"]["dirty"] is True


@pytest.mark.slow
def test_every_pdf_variant_goes_into_the_bundle(kit: Run, built: Path) -> None:
    kit("build", "--locale", "es", "--jobs", "1")
    kit("bundle", "--locale", "es")
    data = manifest(built / "dist" / "bundles" / "es.zip")
    fever = next(d for d in data["documents"] if d["slug"] == "fever")
    assert fever["files"] == [
        "es/fever.bilingual.pdf",
        "es/fever.html",
        "es/fever.large-print.pdf",
        "es/fever.pdf",
    ]
    (built / "dist" / "es" / "hands.large-print.pdf").unlink()
    out = kit("bundle", "--locale", "es", code=2).output
    assert "Error: dist/es/hands.large-print.pdf: missing from the build output" in out


def test_a_broken_catalog_fails_its_locale_only(kit: Run, built: Path) -> None:
    """One translator's syntax error stopped every bundle, the source locale's and the
    dashboard included (kit check raised). Now that locale's bundle fails, with the error at
    its line, and every other locale is bundled."""
    po = built / "locales" / "ar" / "LC_MESSAGES" / "hands.po"
    po.write_text(po.read_text(encoding="utf-8").replace("msgstr", 'msgstr "', 1))
    out = kit("bundle", code=2).output
    assert "Error: locales/ar/LC_MESSAGES/hands.po:" in out
    assert out.count("Error: ") == 1, out
    assert "   failed  dist/bundles/ar.zip" in out
    assert "not bundled: a file it is made from cannot be read (see the errors)" in out
    assert (built / "dist" / "bundles" / "es.zip").exists()
    assert (built / "dist" / "bundles" / "en.zip").exists()
    assert (built / "dist" / "report.html").exists()
