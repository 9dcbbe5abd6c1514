"""A long bilingual handout uses its paper: sections continue across pages side by side.

Kept whole, every section that did not fit the rest of a page moved to the next one and left
most of the page blank (the sample's Spanish bilingual handout took 12 pages, 4 of them half
empty). Measured on the laid-out words (``pdftotext -bbox``) of a real build.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.cli.conftest import Run, translate_as_itself
from tests.conftest import require_tool

SENTENCES = [
    "Your baby will get medicine through a thin tube in a vein.",
    "The care team checks blood counts every week during this phase.",
    "Call us at once if your baby has a fever or will not feed.",
    "Some babies feel tired and sleep more than usual for a few days.",
    "Keep a notebook of questions to bring to every visit.",
]


def long_document() -> str:
    sections = []
    for n in range(1, 9):
        paragraphs = [
            " ".join(SENTENCES[(n + p + k) % len(SENTENCES)] for k in range(3 + (n * p) % 4))
            for p in range(2 + n % 3)
        ]
        sections.append(f"## Part {n} of the treatment\n\n" + "\n\n".join(paragraphs))
    front = "---\ntitle: Treatment step by step\nsummary: What happens in each phase.\n"
    front += "slug: steps\nreviewed: 2024-03-01\n---\n\n"
    return front + "\n\n".join(sections) + "\n"


_PAGE = re.compile(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.S)
_WORD_Y = re.compile(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">')


def text_bottoms(pdf: Path) -> list[tuple[float, float]]:
    """Per page: the lowest line of body text and the footer line, in points from the top."""
    boxes = subprocess.run(
        [require_tool("pdftotext"), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = []
    for _, words in _PAGE.findall(boxes):
        ys = sorted({float(y) for y in _WORD_Y.findall(words)})
        footer = ys[-1]
        pages.append((max(y for y in ys if y < footer - 12), footer))
    return pages


def test_no_page_but_the_last_is_left_half_empty(kit: Run, project: Path) -> None:
    (project / "source" / "steps.md").write_text(long_document(), encoding="utf-8")
    with (project / "kit.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[print]\nlarge_print = false\n")
    kit("extract")
    kit("init", "es")
    translate_as_itself(project, "es", "steps")
    kit("build", "--locale", "es", "--format", "pdf", "--jobs", "1")
    pages = text_bottoms(project / "dist" / "es" / "steps.bilingual.pdf")
    assert len(pages) >= 3  # long enough for sections to cross pages
    for number, (body, footer) in enumerate(pages[:-1], start=1):
        assert body > 0.8 * footer, f"page {number} of {len(pages)} is left part empty"
