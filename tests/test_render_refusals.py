"""One bad entry never takes down a build, and ``kit check`` names every refusal first.

Each case puts one thing the build refuses into a small real project (a translation holding
a control character, text too heavy to lay out, a character no font has, an image that is
missing or leaves the project). ``kit check`` must report it at the PO or source line with
its ``render.*`` id; ``kit build`` must then fail that output only, at the same place, and
still write the other locale, the source pages and ``dist/index.html``.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.checks.overflow import runs_break
from kit.cli import main
from kit.po import read_po, write_po_if_changed
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SOURCE = """---
title: Fever
summary: What to do when your child has a fever.
slug: fever
reviewed: 2025-01-01
---

## Call us

Call the clinic when the fever lasts two days.

{image}
"""
IMAGE = "![A thermometer](images/thermometer.svg)"
TOML = '[project]\nname = "t"\nsource_locale = "en"\nlocales = ["es", "fr"]\n'


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def project(tmp_path: Path, image: str = IMAGE) -> Path:
    root = tmp_path / "p"
    (root / "source" / "images").mkdir(parents=True)
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "kit.toml").write_text(TOML, encoding="utf-8")
    shutil.copy(
        ROOT / "source" / "images" / "treatment-phases.svg",
        root / "source" / "images" / "thermometer.svg",
    )
    (root / "source" / "fever.md").write_text(SOURCE.format(image=image), encoding="utf-8")
    assert run(root, "extract")[0] == 0
    for code in ("es", "fr"):
        assert run(root, "init", code)[0] == 0
        translate(root, code, lambda msgid, code=code: f"[{code}] {msgid}")
    return root


def translate(root: Path, code: str, text_for: object) -> None:
    path = root / "locales" / code / "LC_MESSAGES" / "fever.po"
    po = read_po(path)
    entries = tuple(
        dataclasses.replace(e, msgstr=text_for(e.msgid), flags=())  # type: ignore[operator]
        for e in po.entries
    )
    write_po_if_changed(path, dataclasses.replace(po, entries=entries))


def poison(root: Path, msgid: str, translation: str) -> int:
    """Give ``msgid`` in es the ``translation``; return its PO line."""
    translate(root, "es", lambda m: translation if m == msgid else f"[es] {m}")
    po = read_po(root / "locales" / "es" / "LC_MESSAGES" / "fever.po")
    return next(e.line for e in po.entries if e.msgid == msgid)


def findings(root: Path) -> list[dict[str, object]]:
    code, output = run(root, "check", "--format", "json")
    assert code in (0, 1), output
    data = json.loads(output)
    return [f for f in data["findings"] if str(f["check"]).startswith("render.")]


CALL = "Call the clinic when the fever lasts two days."
TRANSLATIONS = {
    "space-paragraph-separator": ("render.control-character", "Llame a la clínica \u2029cuando"),
    "line-separator": ("render.control-character", "Llame\u2028a la clínica"),
    "bell": ("render.control-character", "Llame a la clínica\x07"),
    "c1-next-line": ("render.control-character", "Llame\x85a la clínica"),
    "escape": ("render.control-character", "Llame \x1b[31ma la clínica"),
    "zalgo": ("render.too-heavy", "Llame" + "\u0301" * 3000 + " a la clínica"),
    "huge": ("render.too-heavy", "Llame a la clínica. " * 2600),
    "no-font": ("render.no-font", "Llame a la clínica \U000e01ef\u0378"),
}


@pytest.mark.parametrize("case", sorted(TRANSLATIONS))
def test_check_names_each_translation_refusal_first(case: str, tmp_path: Path) -> None:
    check_id, text = TRANSLATIONS[case]
    root = project(tmp_path)
    line = poison(root, CALL, text)
    where = f"locales/es/LC_MESSAGES/fever.po:{line}"

    found = findings(root)
    assert [(f["check"], f["path"], f["line"]) for f in found] == [
        (check_id, "locales/es/LC_MESSAGES/fever.po", line)
    ]
    assert found[0]["severity"] == "error"

    code, output = run(root, "build", "--jobs", "1")
    # Either the publish gate withholds the output first (exit 0, the reason at the PO line:
    # translation.control-characters) or the renderer refuses it (exit 2, Error at the line).
    withheld = f"withheld  dist/es/fever.html: translation.control-characters at {where}:"
    assert (code == 0 and withheld in output) or (code == 2 and f"Error: {where}: " in output), (
        output
    )
    assert "Traceback" not in output
    assert "dist/es/fever" in output
    dist = root / "dist"
    assert (dist / "index.html").is_file()
    for kept in ("en/fever.html", "fr/fever.html", "en/fever.pdf", "fr/fever.pdf"):
        assert (dist / kept).is_file(), kept
    if check_id != "render.no-font":  # the font rule is the PDF's; the page shows the text
        assert not (dist / "es" / "fever.html").exists()
    assert not (dist / "es" / "fever.pdf").exists()


@pytest.mark.parametrize(
    ("image", "reason"),
    [
        ("![A thermometer](images/missing.png)", "the file does not exist"),
        ("![A thermometer](../outside.png)", "not a relative path inside the source folder"),
        ("![A thermometer](images/link.png)", "outside the source folder"),
        ("![A thermometer](images/broken.svg)", "cannot be published"),
    ],
    ids=["missing", "dot-dot", "symlink-out", "svg-not-well-formed"],
)
def test_check_names_each_image_refusal_first(image: str, reason: str, tmp_path: Path) -> None:
    root = project(tmp_path)
    (tmp_path / "outside.png").write_bytes(b"\x89PNG secret")
    (root / "source" / "images" / "link.png").symlink_to(tmp_path / "outside.png")
    (root / "source" / "images" / "broken.svg").write_text("<svg><g></svg>", encoding="utf-8")
    (root / "source" / "fever.md").write_text(SOURCE.format(image=image), encoding="utf-8")
    found = findings(root)
    assert [(f["check"], f["path"], f["line"]) for f in found] == [
        ("render.image", "source/fever.md", 12)
    ]
    assert reason in str(found[0]["message"])
    code, output = run(root, "build", "--jobs", "1", "--format", "html")
    assert code == 2 and "Error: source/fever.md:12: " in output, output
    assert "Traceback" not in output


def test_engine_crash_fails_only_its_outputs(tmp_path: Path) -> None:
    """A real exception that is not a KitError (here from a template) costs only the outputs
    that meet it: handouts, other pages and the index are still written."""
    root = project(tmp_path)
    page = root / "templates" / "page.html.j2"
    text = page.read_text(encoding="utf-8").replace(
        "{% block head %}", "{% block head %}{{ 1 // 0 }}"
    )
    page.write_text(text, encoding="utf-8")
    code, output = run(root, "build", "--jobs", "1")
    assert code == 2, output
    assert "Traceback" not in output
    assert "dist/es/fever.html not rendered: the renderer failed (ZeroDivisionError" in output
    assert (root / "dist" / "index.html").is_file()
    assert (root / "dist" / "es" / "fever.pdf").is_file()
    assert not (root / "dist" / "es" / "fever.html").exists()


def test_clean_project_has_no_render_findings(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert findings(root) == []
    code, output = run(root, "build", "--jobs", "1")
    assert code == 0, output


def test_withheld_locale_leaves_no_asset_folders(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root, "build", "--jobs", "1", "--format", "html")[0] == 0
    assert (root / "dist" / "es" / "images" / "thermometer.svg").is_file()
    translate(root, "es", lambda m: "" if m == CALL else f"[es] {m}")  # below the threshold
    code, output = run(root, "build", "--jobs", "1", "--format", "html")
    assert code == 0 and "withheld" in output, output
    assert not (root / "dist" / "es").exists(), sorted((root / "dist" / "es").rglob("*"))
    assert (root / "dist" / "fr" / "assets" / "kit.css").is_file()
    assert (root / "dist" / "fr" / "images" / "thermometer.svg").is_file()


def test_check_names_a_source_refusal_first(tmp_path: Path) -> None:
    root = project(tmp_path)
    source = root / "source" / "fever.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("clinic when", "clinic \u2029when"),
        encoding="utf-8",
    )
    found = findings(root)
    assert [(f["check"], f["path"], f["line"]) for f in found] == [
        ("render.control-character", "source/fever.md", 10)
    ]
    code, output = run(root, "build", "--jobs", "1", "--format", "html")
    assert code == 2 and "Error: source/fever.md:10: dist/en/fever.html not rendered" in output
    assert (root / "dist" / "index.html").is_file()


# -- render.overflow: what sticks out of a laid-out page ----------------------------------------

TABLE = "| Sign | What to do |\n| --- | --- |\n| Fever | Call the clinic |"  # lines 12-14
CELL = "Call the clinic"
LONG_RUN = "supercalifragilístico" * 6  # one 126-letter word: no break opportunity
# A hospital's own older stylesheet: tables sized by their content, words never broken.
OLD_CSS = "\ntable { table-layout: auto; }\nth, td, p { overflow-wrap: normal; }\n"


def own_css(root: Path) -> None:
    css = root / "templates" / "css" / "handout.css"
    css.write_text(css.read_text(encoding="utf-8") + OLD_CSS, encoding="utf-8")


def handouts_refused(root: Path, code: str, output: str) -> list[str]:
    po = f"locales/{code}/LC_MESSAGES/fever.po"
    return [
        name
        for name in ("fever.pdf", "fever.large-print.pdf", "fever.bilingual.pdf")
        if f"Error: {po}: PDF handout {code}/{name} (locale {code}) not written" in output
        and not (root / "dist" / code / name).exists()
    ]


@pytest.mark.parametrize(
    ("case", "msgid", "translation"),
    [
        ("too-wide-table", CELL, f"Llame a la clínica {LONG_RUN}"),
        ("long-word", CALL, f"Llame a la clínica: {LONG_RUN}."),
    ],
)
def test_check_names_overflow_first(
    case: str, msgid: str, translation: str, tmp_path: Path
) -> None:
    """With the project's own CSS (no word breaking, tables sized by content), a translation
    that makes a table too wide or holds a long unbroken word: ``kit check`` names its PO
    line as render.overflow for the handouts ``kit build`` then refuses, and only those."""
    root = project(tmp_path, image=TABLE)
    own_css(root)
    assert findings(root) == []  # the source fits
    line = poison(root, msgid, translation)

    found = findings(root)
    assert [(f["check"], f["path"], f["line"]) for f in found] == [
        ("render.overflow", "locales/es/LC_MESSAGES/fever.po", line)
    ], found
    assert found[0]["severity"] == "error"
    named = [
        n
        for n in ("fever.pdf", "fever.large-print.pdf", "fever.bilingual.pdf")
        if f"es/{n}" in str(found[0]["message"])
    ]
    assert named, found[0]["message"]

    code, output = run(root, "build", "--jobs", "1", "--format", "pdf")
    assert code == 2 and "Traceback" not in output, output
    assert handouts_refused(root, "es", output) == named, output
    assert "does not fit on page" in output
    for kept in ("en/fever.pdf", "fr/fever.pdf", "fr/fever.bilingual.pdf"):
        assert (root / "dist" / kept).is_file(), kept


def test_default_templates_wrap_what_overflowed(tmp_path: Path) -> None:
    """kit's own handout.css breaks long words in table cells and keeps tables to the page
    width: the same translations fit, so check says nothing and build writes every handout."""
    root = project(tmp_path, image=TABLE)
    translate(
        root,
        "es",
        lambda m: {CELL: f"Llame {LONG_RUN}", CALL: f"Llame: {LONG_RUN}."}.get(m, f"[es] {m}"),
    )
    assert findings(root) == []
    code, output = run(root, "build", "--jobs", "1", "--format", "pdf")
    assert code == 0, output
    assert (root / "dist" / "es" / "fever.bilingual.pdf").is_file()


EVERY_KIND = f"""## Heading {LONG_RUN}

- A list item with **{LONG_RUN}** in bold.
- A link: [{LONG_RUN}](https://example.org/a) and `{LONG_RUN}`.

> A quote: {LONG_RUN}

![A picture.](images/thermometer.svg "Caption {LONG_RUN}")

| Sign | What to do |
| --- | --- |
| {LONG_RUN} | Call |"""


def test_kit_templates_break_every_long_run(tmp_path: Path) -> None:
    """The premise of ``kit.checks.overflow.runs_break``: with kit's own handout template and
    CSS, a run too long for any line breaks in every kind of block and every handout (the
    build writes them all), so check lays out none of them; restyled, they are laid out."""
    root = project(tmp_path, image=EVERY_KIND)
    translate(root, "es", lambda m: f"{m} {LONG_RUN}")
    assert runs_break(root / "templates")
    assert findings(root) == []
    code, output = run(root, "build", "--jobs", "1", "--format", "pdf")
    assert code == 0, output
    for name in ("en/fever.pdf", "es/fever.large-print.pdf", "es/fever.bilingual.pdf"):
        assert (root / "dist" / name).is_file(), name
    own_css(root)
    assert not runs_break(root / "templates")
    assert {f["check"] for f in findings(root)} == {"render.overflow"}


def test_check_names_a_table_no_css_can_fit(tmp_path: Path) -> None:
    """Forty columns are too many for any page even with kit's CSS: check names the source
    line once, for every handout the build refuses (the source's and the translations')."""
    header = "| " + " | ".join(f"W{n}" for n in range(40)) + " |"
    rule = "|" + " --- |" * 40
    row = "| " + " | ".join("Fever" for _ in range(40)) + " |"
    root = project(tmp_path, image=f"{header}\n{rule}\n{row}")
    found = findings(root)
    assert [(f["check"], f["path"], f["line"]) for f in found] == [
        ("render.overflow", "source/fever.md", 12)
    ], found
    code, output = run(root, "build", "--jobs", "1", "--format", "pdf")
    assert code == 2, output
    for name in ("en/fever.pdf", "en/fever.large-print.pdf", "es/fever.bilingual.pdf"):
        assert name in str(found[0]["message"]), found[0]["message"]
        assert not (root / "dist" / name).exists(), name
