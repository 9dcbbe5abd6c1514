"""``kit build --format html`` end to end on a small project: pages, assets and index are
written; a page below its threshold or with a must-retranslate segment is withheld or gets a
banner as kit.toml says (withhold by default); one broken locale does not stop the others."""

from __future__ import annotations

import shutil
from pathlib import Path

from kit.catalog.states import must_retranslate_comment
from kit.commands.build import BuildOptions, BuildReport, run_build
from kit.config import load_config
from kit.po import format_po
from kit.po.model import PoEntry, PoFile
from kit.project import Project
from kit.source.parse import parse_document
from tests.html.support import FRONT, ROOT

SOURCE = FRONT + "## When to call\n\nCall us when the fever is over 38 °C.\n\nGive 2.5 mL.\n"


def make_project(tmp_path: Path, publish: str = "", stale: bool = False, empty: str = "") -> Path:
    (tmp_path / "kit.toml").write_text(
        f'[project]\nlocales = ["es", "ar"]\n\n[publish]\n{publish}\n', encoding="utf-8"
    )
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "fever.md").write_text(SOURCE, encoding="utf-8")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    doc = parse_document(SOURCE, "source/fever.md")
    for code in ("es", "ar"):
        entries = []
        for seg in doc.segments():
            entry = PoEntry(
                msgid=seg.text, msgstr="" if seg.text == empty else f"[{code}] {seg.text}"
            )
            if stale and code == "es" and seg.text == "Give 2.5 mL.":
                comment = must_retranslate_comment("number 2 → 2.5", entry)
                entry = entry.with_changes(flags=("fuzzy",), translator_comments=(comment,))
            entries.append(entry)
        header = PoEntry(
            msgid="", msgstr=f"Language: {code}\nContent-Type: text/plain; charset=UTF-8\n"
        )
        folder = tmp_path / "locales" / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "fever.po").write_text(
            format_po(PoFile(header, tuple(entries))), encoding="utf-8"
        )
    return tmp_path


def build(root: Path) -> BuildReport:
    return run_build(Project(load_config(root)), BuildOptions(formats=("html",)))


def test_pages_assets_and_index(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    report = build(root)
    assert not report.errors and not report.withheld
    for code in ("en", "es", "ar"):
        assert (root / "dist" / code / "fever.html").is_file()
        assert (root / "dist" / code / "assets" / "kit.css").is_file()
    index = (root / "dist" / "index.html").read_text(encoding="utf-8")
    assert 'href="es/fever.html"' in index and 'href="ar/fever.html"' in index


def test_must_retranslate_is_withheld_by_default(tmp_path: Path) -> None:
    root = make_project(tmp_path, stale=True)
    report = build(root)
    assert [w.path for w in report.withheld] == ["dist/es/fever.html"]
    assert "must be retranslated" in report.withheld[0].reasons[0]
    assert not (root / "dist" / "es" / "fever.html").exists()
    assert (root / "dist" / "ar" / "fever.html").exists()
    index = (root / "dist" / "index.html").read_text(encoding="utf-8")
    assert "es/fever.html" not in index and "ar/fever.html" in index


def test_must_retranslate_with_banner(tmp_path: Path) -> None:
    publish = 'must_retranslate = "banner"\nbelow_threshold = "banner"'
    root = make_project(tmp_path, publish=publish, stale=True)
    report = build(root)
    assert not report.withheld
    html = (root / "dist" / "es" / "fever.html").read_text(encoding="utf-8")
    assert 'class="kit-banner"' in html
    assert '<span class="kit-fallback kit-state-must-retranslate" lang="en">' in html
    assert any("must be retranslated" in o.detail for o in report.outcomes)


def test_below_threshold_is_withheld_then_published_with_banner(tmp_path: Path) -> None:
    root = make_project(tmp_path, empty="Give 2.5 mL.")
    report = build(root)
    assert {w.path for w in report.withheld} == {"dist/es/fever.html", "dist/ar/fever.html"}
    assert "threshold" in report.withheld[0].reasons[0]
    (root / "kit.toml").write_text(
        '[project]\nlocales = ["es", "ar"]\n\n[publish]\nbelow_threshold = "banner"\n',
        encoding="utf-8",
    )
    build(root)
    html = (root / "dist" / "ar" / "fever.html").read_text(encoding="utf-8")
    assert 'class="kit-banner"' in html and 'lang="en" dir="ltr"' in html


def test_one_broken_locale_does_not_stop_the_others(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "locales" / "ar" / "LC_MESSAGES" / "fever.po").write_text(
        'msgid "x"\nmsgstr\n', encoding="utf-8"
    )
    report = build(root)
    assert len(report.errors) == 1 and "ar" in (report.errors[0].path or "")
    assert (root / "dist" / "es" / "fever.html").is_file()


def test_template_error_fails_every_page_with_file_and_line(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    page = root / "templates" / "page.html.j2"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{% endblock %}", "{% endblok %}", 1),
        encoding="utf-8",
    )
    report = build(root)
    assert report.errors and all(e.path == "templates/page.html.j2" for e in report.errors)
    assert all(e.line for e in report.errors)
    assert (root / "dist" / "index.html").is_file()
