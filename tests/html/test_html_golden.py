"""Golden fixtures: Markdown + PO → expected HTML fragment (tests/fixtures/html/<case>/).

Each case folder holds ``source.md``, at most one ``<locale>.po`` (none: the source locale)
and ``expected.html``: the title and summary as ``render_segment`` gives them, then
``render_body``. Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest
tests/html/test_html_golden.py`` and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kit.html.body import render_body, render_segment
from tests.html.support import ROOT, document, localized, parse_html

CASES = ROOT / "tests" / "fixtures" / "html"


def render_case(folder: Path) -> str:
    doc = document((folder / "source.md").read_text(encoding="utf-8"), f"source/{folder.name}.md")
    catalogs = sorted(folder.glob("*.po"))
    assert len(catalogs) <= 1, f"{folder.name}: one PO file at most"
    if catalogs:
        ldoc = localized(doc, catalogs[0].stem, catalogs[0].read_text(encoding="utf-8"))
    else:
        ldoc = localized(doc)
    return (
        f"<h1>{render_segment(ldoc, doc.title)}</h1>\n"
        f'<p class="kit-summary">{render_segment(ldoc, doc.summary)}</p>\n'
        f"{render_body(ldoc)}"
    )


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_golden(case: str) -> None:
    folder = CASES / case
    actual = render_case(folder)
    expected_path = folder / "expected.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")
    parse_html(actual)  # well formed: every element closed where it was opened


def test_every_block_type_has_a_case() -> None:
    expected = "".join((p / "expected.html").read_text(encoding="utf-8") for p in CASES.iterdir())
    for tag in (
        "<h2",
        "<h3",
        "<p>",
        "<ul>",
        "<ol",
        "<li>",
        "<table>",
        '<th scope="col"',
        '<th scope="row"',
        "<caption",
        "<figure>",
        "<figcaption>",
        "<img",
        "<blockquote>",
        "<pre",
        "<hr>",
        "<code",
        "<a href",
        "<em>",
        "<strong>",
        "<br>",
        "<bdi",
        'class="kit-fallback',
    ):
        assert tag in expected, tag
