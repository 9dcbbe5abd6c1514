"""Starting a project and adding a locale: `kit new` gives a project that builds at once with
kit's own templates, `kit init` adds the locale to kit.toml keeping its comments and layout and
seeds a regional variant from its parent, and `kit review` refuses an untranslated catalog."""

from __future__ import annotations

import filecmp
import re
import subprocess
from pathlib import Path

from click.testing import CliRunner, Result

from kit.cli import main
from kit.config import DEFAULT_PROJECT
from kit.po import read_po, write_po_if_changed
from tests.conftest import ROOT, require_tool


def kit(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result


def new_project(tmp_path: Path, *extra: str) -> Path:
    root = tmp_path / "leaflets"
    kit("new", str(root), *extra)
    return root


def test_kit_new_builds_at_once_with_kits_own_templates(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == [
        ".gitignore",
        "kit.toml",
        "source",
        "source/hand-washing.md",
    ]
    assert 'name = "leaflets"' in (root / "kit.toml").read_text(encoding="utf-8")
    kit("--project", str(root), "extract")
    kit("--project", str(root), "build")
    html = (root / "dist" / "en" / "hand-washing.html").read_text(encoding="utf-8")
    assert "<h1" in html and "Washing your hands" in html
    css = (root / "dist" / "en" / "assets" / "kit.css").read_text(encoding="utf-8")
    assert (ROOT / "templates" / "css" / "kit.css").read_text(encoding="utf-8") in css
    assert (root / "dist" / "en" / "hand-washing.pdf").read_bytes().startswith(b"%PDF-")
    assert (root / "dist" / "index.html").is_file()
    kit("--project", str(root), "check")


def test_kit_new_copies_the_templates_to_change_and_never_writes_into_a_project(
    tmp_path: Path,
) -> None:
    root = new_project(tmp_path, "--templates", "--name", "Leaflets of Example Hospital")
    assert not filecmp.dircmp(root / "templates", DEFAULT_PROJECT / "templates").diff_files
    assert 'name = "Leaflets of Example Hospital"' in (root / "kit.toml").read_text("utf-8")
    before = (root / "kit.toml").read_bytes()
    result = kit("new", str(root), code=2)
    assert "already exists and is not empty" in result.output
    assert (root / "kit.toml").read_bytes() == before


def test_kits_default_templates_are_the_repositorys_templates() -> None:
    """kit/data/project/templates is what a `pip install kit` project uses: the same files as
    the sample's templates/ (run scripts/sync-default-templates.sh after changing templates/)."""
    ours = sorted(p.relative_to(ROOT / "templates") for p in (ROOT / "templates").rglob("*.*"))
    packaged = DEFAULT_PROJECT / "templates"
    assert ours == sorted(p.relative_to(packaged) for p in packaged.rglob("*.*"))
    for relative in ours:
        assert (packaged / relative).read_bytes() == (ROOT / "templates" / relative).read_bytes(), (
            f"templates/{relative} changed: run scripts/sync-default-templates.sh"
        )


LAYOUT = """\
# Our settings. Reviewed by the education committee.

[project]
name = "t"   # shown on the index page
source_locale = "en"
locales = [
    "es",  # Spanish, the largest group
]

[publish]
threshold = 100
"""


def test_init_adds_the_locale_keeping_comments_and_layout(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    (root / "kit.toml").write_text(LAYOUT, encoding="utf-8")
    kit("--project", str(root), "extract")
    result = kit("--project", str(root), "init", "es", "ar")
    assert "added ar to project.locales" in result.output
    assert (root / "kit.toml").read_text(encoding="utf-8") == LAYOUT.replace(
        '    "es",  # Spanish, the largest group\n',
        '    "es",  # Spanish, the largest group\n    "ar",\n',
    )
    kit("--project", str(root), "init", "ar", "es")  # nothing to add now
    assert (root / "kit.toml").read_text(encoding="utf-8").count('"ar"') == 1
    toml = root / "kit.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"ar"', '"es-MX"'), "utf-8")
    kit("--project", str(root), "init", "es_MX")  # the same locale, written the BCP 47 way
    assert "es_MX" not in toml.read_text(encoding="utf-8")


def test_init_refuses_the_source_locale(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    kit("--project", str(root), "extract")
    before = (root / "kit.toml").read_bytes()
    result = kit("--project", str(root), "init", "es", "en", code=2)
    assert "en is the source locale" in result.output
    assert (root / "kit.toml").read_bytes() == before
    assert not (root / "locales" / "es").exists()  # nothing written for the others either


def test_a_regional_variant_starts_from_its_parent_fuzzy_until_reviewed(tmp_path: Path) -> None:
    msgfmt = require_tool("msgfmt")
    root = new_project(tmp_path)
    kit("--project", str(root), "extract")
    kit("--project", str(root), "init", "es")
    es = root / "locales" / "es" / "LC_MESSAGES" / "hand-washing.po"
    text = es.read_text(encoding="utf-8")
    text = text.replace(
        'msgid "Washing your hands"\nmsgstr ""',
        'msgid "Washing your hands"\nmsgstr "Lavarse las manos"',
    ).replace(
        'msgid "When to wash your hands"\nmsgstr ""',
        'msgid "When to wash your hands"\n#, fuzzy\nmsgstr "Cuándo lavarse las manos"',
    )
    es.write_text(text.replace('#, fuzzy\nmsgstr "Cuándo', 'msgstr "Cuándo'), encoding="utf-8")
    result = kit("--project", str(root), "init", "es-MX")
    assert "2 seeded from es, fuzzy until reviewed" in result.output
    mx = root / "locales" / "es_MX" / "LC_MESSAGES" / "hand-washing.po"
    seeded = [e for e in read_po(mx).entries if e.msgstr]
    assert [(e.msgstr, e.fuzzy, e.translator_comments) for e in seeded] == [
        (
            "Lavarse las manos",
            True,
            ("kit: seeded from es: review for es_MX before publishing",),
        ),
        (
            "Cuándo lavarse las manos",
            True,
            ("kit: seeded from es: review for es_MX before publishing",),
        ),
    ]
    assert read_po(mx).meta("Language") == "es_MX"
    stats = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(mx)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert re.search(r"^0 translated messages, 2 fuzzy translations, 8 untranslated", stats, re.M)


def test_review_refuses_a_catalog_with_nothing_translated(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    kit("--project", str(root), "extract")
    kit("--project", str(root), "init", "es")
    result = kit(
        "--project", str(root), "review", "--locale", "es", "--reviewer", "A", "--role", "r", code=2
    )
    assert "nothing translated to review" in result.output
    signed = {p.name for p in (root / "locales" / "es" / "LC_MESSAGES").glob("*.review.json")}
    assert signed <= {"kit.review.json"}  # only kit's own words (shipped drafts) were there to sign


def test_a_locale_review_signs_the_pages_when_kits_own_words_are_not_translated(
    tmp_path: Path,
) -> None:
    """A new locale (Somali: kit ships no draft of its own words) whose page is translated:
    reviewing the whole locale signs the page and says that kit's words were left unsigned,
    instead of failing the command over a catalog nobody has started."""
    root = new_project(tmp_path)
    kit("--project", str(root), "extract")
    kit("--project", str(root), "init", "so")
    folder = root / "locales" / "so" / "LC_MESSAGES"
    page = read_po(folder / "hand-washing.po")
    write_po_if_changed(
        folder / "hand-washing.po",
        page.with_entries(tuple(e.with_changes(msgstr=f"[so] {e.msgid}") for e in page.entries)),
    )
    assert not any(e.msgstr for e in read_po(folder / "kit.po").entries)
    result = kit(
        "--project", str(root), "review", "--locale", "so", "--reviewer", "A", "--role", "r"
    )
    assert "written  locales/so/LC_MESSAGES/hand-washing.review.json (signed by A)" in result.output
    assert (
        "warning: locales/so/LC_MESSAGES/kit.po: nothing translated to review: a sign-off would "
        "cover no translation; left unsigned" in result.output
    )
    assert {p.name for p in folder.glob("*.review.json")} == {"hand-washing.review.json"}
    # named on the command line, an empty catalog is still refused
    result = kit(
        "--project",
        str(root),
        "review",
        "--locale",
        "so",
        "--document",
        "kit",
        "--reviewer",
        "A",
        "--role",
        "r",
        code=2,
    )
    assert "nothing translated to review" in result.output
