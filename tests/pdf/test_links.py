"""Relative links in a handout never carry the build machine (issue 12, item 5).

The source writes one link reference-style (``[main page][main]``): the catalog below holds it
as an inline link, as ``kit extract`` writes it, and both languages print it as a link.

A link such as ``[main page](infant-all.html)`` in a source or a translation resolves against
``branding.base_url`` the way it does on the published page, or is printed as plain text when
the project has no ``base_url``; the PDF bytes do not depend on the folder the project is in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from kit.pdf.links import public_target
from tests.conftest import ROOT

BASE = "file:///ci/runner/work/project/source/"
PAGE_URL = "https://example.org/pe/es/fever.html"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (BASE + "infant-all.html", "https://example.org/pe/es/infant-all.html"),
        (BASE + "infant-all.html#dose", "https://example.org/pe/es/infant-all.html#dose"),
        (BASE + "sub/a%20b.html?x=1", "https://example.org/pe/es/sub/a%20b.html?x=1"),
        ("file:///ci/runner/work/project/index.html", "https://example.org/pe/index.html"),
        ("https://other.example/x", "https://other.example/x"),
        ("mailto:nurse@example.org", "mailto:nurse@example.org"),
    ],
)
def test_file_targets_resolve_against_the_page_online(target: str, expected: str) -> None:
    assert public_target(target, BASE, PAGE_URL) == expected


def test_without_base_url_a_file_link_is_dropped() -> None:
    assert public_target(BASE + "infant-all.html", BASE, "") == ""
    assert public_target("https://other.example/x", BASE, "") == "https://other.example/x"


PAGE = """---
title: Fever after treatment
summary: What to do when your child has a fever.
slug: fever
reviewed: 2024-03-01
---

Read the [main page][main] and [the index](../index.html#top) first.

[main]: infant-all.html
"""

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: es\\n"

#: source/fever.md:2
msgid "Fever after treatment"
msgstr "Fiebre después del tratamiento"

#: source/fever.md:3
msgid "What to do when your child has a fever."
msgstr "Qué hacer cuando su hijo tiene fiebre."

#: source/fever.md:8
msgid "Read the [main page](infant-all.html) and [the index](../index.html#top) first."
msgstr "Lea primero la [página principal](infant-all.html) y [el índice](../index.html#top)."
"""


def _project(root: Path, base_url: str) -> Path:
    (root / "source").mkdir(parents=True)
    (root / "source" / "fever.md").write_text(PAGE, encoding="utf-8")
    (root / "locales" / "es").mkdir(parents=True)
    (root / "locales" / "es" / "fever.po").write_text(PO, encoding="utf-8")
    branding = f'[branding]\nbase_url = "{base_url}"\n' if base_url else ""
    (root / "kit.toml").write_text(
        f'[project]\nname = "t"\nlocales = ["es"]\n{branding}', encoding="utf-8"
    )
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


def _build(root: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714521600"}
    result = subprocess.run(
        [sys.executable, "-m", "kit", "--project", str(root), "build", "--format", "pdf"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=root,
    )
    assert result.returncode == 0, result.stderr


def _uris(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as doc:
        return sorted(
            str(annot.A.URI)
            for page in doc.pages
            for annot in page.get("/Annots", [])
            if "/A" in annot and "/URI" in annot.A
        )


def _pdfs(root: Path) -> dict[str, bytes]:
    dist = root / "dist"
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*.pdf"))}


def test_pdfs_are_identical_in_any_folder_and_link_to_the_site(tmp_path: Path) -> None:
    base = "https://example.org/pe"
    first = _project(tmp_path / "a", base)
    second = _project(tmp_path / "deeper" / "checkout-2" / "b", base)
    _build(first)
    _build(second)
    one, two = _pdfs(first), _pdfs(second)
    assert {"en/fever.pdf", "es/fever.pdf", "es/fever.bilingual.pdf"} <= set(one)
    assert one == two
    for name, data in one.items():
        assert b"file:" not in data and str(tmp_path).encode() not in data, name
    for name in ("en/fever.pdf", "es/fever.pdf"):
        code = name.split("/")[0]
        assert _uris(first / "dist" / name) == sorted(
            [
                f"{base}/index.html#top",
                f"{base}/{code}/infant-all.html",
                f"{base}/{code}/fever.html",  # the handout's own page, printed under its QR code
            ]
        )


def test_without_base_url_links_print_as_text(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "")
    _build(root)
    for name, data in _pdfs(root).items():
        assert b"file:" not in data, name
        assert _uris(root / "dist" / name) == [], name


def test_the_reference_link_reaches_the_catalog_as_an_inline_link() -> None:
    from kit.source.parse import parse_document

    texts = [seg.text for seg in parse_document(PAGE, "source/fever.md").segments()]
    assert texts[2] == (
        "Read the [main page](infant-all.html) and [the index](../index.html#top) first."
    )
    assert f'msgid "{texts[2]}"' in PO


def test_without_base_url_relative_links_are_not_even_styled_as_links() -> None:
    from kit.pdf.links import unlink_relative

    html = (
        '<p><a href="infant-all.html">main page</a>, <a href="../x.html" title="T">x\ny</a>, '
        '<a href="#dose">dose</a>, <a href="https://example.org/">site</a>, '
        '<a href="mailto:a@example.org">mail</a></p>'
    )
    assert unlink_relative(html) == (
        '<p><span class="kit-unlinked">main page</span>, <span class="kit-unlinked">x\ny</span>, '
        '<a href="#dose">dose</a>, <a href="https://example.org/">site</a>, '
        '<a href="mailto:a@example.org">mail</a></p>'
    )
