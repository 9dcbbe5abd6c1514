"""The broken-input corpus (tests/fixtures/broken/cases.toml): every case is a clear
``Error: file:line: message`` with a hint, exit code 2, no traceback, and no input modified."""

from __future__ import annotations

import hashlib
import os
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.cli import main
from tests.cli.conftest import translate_as_itself
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken"
CASES = tomllib.loads((BROKEN / "cases.toml").read_text(encoding="utf-8"))
GOOD = "---\ntitle: Good\nsummary: Fine.\nslug: good\nreviewed: 2024-01-01\n---\n\nA good page.\n"


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "locales" not in p.parts and ".kit-cache" not in p.parts
    }


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def assert_clear_error(code: int, output: str, where: str, message: str) -> None:
    assert code == 2, output
    assert f"Error: {where}: " in output and message in output, output
    assert "hint:" in output and "Traceback" not in output


@pytest.mark.parametrize("case", CASES["source"], ids=lambda c: Path(c["file"]).stem)
def test_broken_source(case: dict[str, object], tmp_path: Path) -> None:
    (tmp_path / "kit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    (tmp_path / "source").mkdir()
    name = Path(str(case["file"])).name
    shutil.copy(BROKEN / str(case["file"]), tmp_path / "source" / name)
    (tmp_path / "source" / "good.md").write_text(GOOD, encoding="utf-8")
    before = snapshot(tmp_path)
    code, output = run(tmp_path, "extract")
    assert_clear_error(code, output, f"source/{name}:{case['line']}", str(case["message"]))
    assert snapshot(tmp_path) == before
    assert (tmp_path / "locales" / "good.pot").exists(), "the other documents are still extracted"
    assert sorted(p.name for p in (tmp_path / "locales").iterdir()) == ["good.pot"], (
        "no partial POT"
    )


@pytest.mark.parametrize("case", CASES["config"], ids=lambda c: Path(c["file"]).stem)
def test_broken_config(case: dict[str, object], tmp_path: Path) -> None:
    shutil.copy(BROKEN / str(case["file"]), tmp_path / "kit.toml")
    before = snapshot(tmp_path)
    code, output = run(tmp_path, "status")
    assert_clear_error(code, output, f"kit.toml:{case['line']}", str(case["message"]))
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("code", ["../x", "/etc", "es/../../x", "xx", "e\x00s"])
def test_bad_locale_arguments(code: str, tmp_path: Path) -> None:
    (tmp_path / "kit.toml").write_text(
        '[project]\nname = "t"\nlocales = ["es"]\n', encoding="utf-8"
    )
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "good.md").write_text(GOOD, encoding="utf-8")
    run(tmp_path, "extract")
    for args in (("init", code), ("update", "--locale", code), ("status", "--locale", code)):
        exit_code, output = run(tmp_path, *args)
        assert (
            exit_code == 2
            and "Error:" in output
            and "hint:" in output
            and "Traceback" not in output
        )
    assert sorted(p.name for p in (tmp_path / "locales").iterdir()) == ["good.pot"]


def test_symlinked_source_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(GOOD.replace("good", "secret"), encoding="utf-8")
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    (root / "kit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    (root / "source" / "good.md").write_text(GOOD, encoding="utf-8")
    os.symlink(outside / "secret.md", root / "source" / "secret.md")
    code, output = run(root, "extract")
    assert_clear_error(code, output, "source/secret.md", "points outside the project")
    assert not (root / "locales" / "secret.pot").exists()
    assert (root / "locales" / "good.pot").exists()


def po_project(tmp_path: Path) -> Path:
    (tmp_path / "kit.toml").write_text(
        '[project]\nname = "t"\nlocales = ["es", "ar"]\n[publish]\nbelow_threshold = "banner"\n',
        encoding="utf-8",
    )
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "good.md").write_text(GOOD + "\nWash your hands.\n", encoding="utf-8")
    shutil.copytree(FIXTURES.parent.parent / "templates", tmp_path / "templates")
    assert run(tmp_path, "extract")[0] == 0
    assert run(tmp_path, "init", "es", "ar")[0] == 0
    return tmp_path


@pytest.mark.parametrize("case", CASES["po"], ids=lambda c: Path(c["file"]).stem)
def test_broken_catalog(case: dict[str, object], tmp_path: Path) -> None:
    root = po_project(tmp_path)
    target = root / "locales" / "es" / "LC_MESSAGES" / "good.po"
    shutil.copy(BROKEN / str(case["file"]), target)
    ar = root / "locales" / "ar" / "LC_MESSAGES" / "good.po"
    source = root / "source" / "good.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    assert run(root, "extract")[0] == 0
    before = target.read_bytes()
    where = f"locales/es/LC_MESSAGES/good.po:{case['line']}"
    for args in (("update",), ("status",), ("build", "--format", "html", "--jobs", "1")):
        code, output = run(root, *args)
        assert_clear_error(code, output, where, str(case["message"]))
        assert target.read_bytes() == before
    assert "A new sentence." in ar.read_text(encoding="utf-8"), "the other locale is still updated"
    assert (root / "dist" / "en" / "good.html").exists(), "the other pages are still built"


def test_a_broken_words_catalog_is_one_error_for_every_page_it_stops(tmp_path: Path) -> None:
    """Every page of a locale reads its kit.po: a syntax error there stops them all, and
    the coordinator reads it once, with the count, not once per page and handout."""
    root = po_project(tmp_path)
    (root / "source" / "other.md").write_text(GOOD.replace("good", "other"), encoding="utf-8")
    assert run(root, "extract")[0] == 0 and run(root, "init", "es")[0] == 0
    for slug in ("good", "other"):
        translate_as_itself(root, "es", slug)
    words = root / "locales" / "es" / "LC_MESSAGES" / "kit.po"
    lines = words.read_text(encoding="utf-8").count("\n")
    words.write_text(words.read_text(encoding="utf-8") + 'msgid "broken\n', encoding="utf-8")
    code, output = run(root, "build", "--format", "html", "--jobs", "1")
    error = f"Error: locales/es/LC_MESSAGES/kit.po:{lines + 1}: unterminated string"
    assert_clear_error(code, output, f"locales/es/LC_MESSAGES/kit.po:{lines + 1}", "unterminated")
    assert output.count(error) == 1, output
    assert "  (the same error 2 times)" in output  # the es pages of good and other
    assert (root / "dist" / "en" / "other.html").exists(), "the other locales are still built"


def test_huge_translation_is_refused_before_rendering(tmp_path: Path) -> None:
    root = po_project(tmp_path)
    target = root / "locales" / "es" / "LC_MESSAGES" / "good.po"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace(
            'msgid "Wash your hands."\nmsgstr ""',
            'msgid "Wash your hands."\nmsgstr "' + "x" * 10_000_000 + '"',
        ),
        encoding="utf-8",
    )
    code, output = run(root, "build", "--format", "html", "--jobs", "1")
    lines = target.read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.startswith('msgid "Wash'))
    where = f"locales/es/LC_MESSAGES/good.po:{line}"
    assert_clear_error(code, output, where, "characters; kit accepts up to 200,000")


@pytest.mark.parametrize("name", ["bom", "crlf"])
def test_bom_and_crlf_catalogs_are_read(name: str, tmp_path: Path) -> None:
    root = po_project(tmp_path)
    target = root / "locales" / "es" / "LC_MESSAGES" / "good.po"
    data = target.read_bytes()
    target.write_bytes(b"\xef\xbb\xbf" + data if name == "bom" else data.replace(b"\n", b"\r\n"))
    before = target.read_bytes()
    code, output = run(root, "status", "--locale", "es")
    assert code == 0 and "good" in output
    assert target.read_bytes() == before


@pytest.mark.parametrize("kind", ["missing", "symlink-outside", "dot-dot"])
def test_bad_images_name_the_source_line(kind: str, tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "source" / "images").mkdir(parents=True)
    (root / "kit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    shutil.copytree(FIXTURES.parent.parent / "templates", root / "templates")
    src = {
        "missing": "images/nowhere.svg",
        "symlink-outside": "images/link.svg",
        "dot-dot": "../../secret.svg",
    }[kind]
    (tmp_path / "secret.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8"
    )
    if kind == "symlink-outside":
        os.symlink(tmp_path / "secret.svg", root / "source" / "images" / "link.svg")
    (root / "source" / "good.md").write_text(
        GOOD + f'\n![A square]({src} "Caption")\n', encoding="utf-8"
    )
    code, output = run(root, "build", "--format", "html", "--jobs", "1")
    assert code == 2 and "Error: source/good.md:10: " in output and "hint:" in output, output
    assert "Traceback" not in output
    assert not list((root / "dist").rglob("secret.svg")) if (root / "dist").exists() else True
