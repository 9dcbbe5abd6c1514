"""The cheap part of ``render.overflow`` (``kit.checks.overflow``): what is laid out at all,
and how spots become findings. The layout itself is tested end to end against ``kit build``
in ``tests/test_render_refusals.py``."""

from __future__ import annotations

from kit.checks.finding import Place
from kit.checks.overflow import LONG_RUN, Spot, has_long_run, overflow_findings, risky_blocks
from kit.model import Table
from kit.source.parse import parse_document

DOC = """---
title: Fever
summary: What to do.
slug: fever
reviewed: 2025-01-01
---

Call us at [the clinic](https://example.org/a/very/long/path/to/the/clinic/page.html).

Short words only here.

A {word} here.

| Sign | What to do |
| --- | --- |
| Fever | Call |
"""


def test_long_runs_are_what_the_reader_sees() -> None:
    assert has_long_run("a" * LONG_RUN)
    assert not has_long_run("a" * (LONG_RUN - 1) + " " + "a" * (LONG_RUN - 1))
    assert has_long_run("see https://example.org/pediatrics/fever")  # shown: it counts
    assert not has_long_run("see [the page](https://example.org/pediatrics/fever)")
    assert not has_long_run('[page](https://example.org/pediatrics/fever "Fever page")')
    assert not has_long_run(
        "发烧时请在两天内打电话给诊所并告诉医生孩子的体温和用药情况"
    )  # breaks anywhere
    assert has_long_run("Donaudampfschifffahrtsgesellschaft")


def test_only_tables_and_blocks_with_a_long_run_are_laid_out() -> None:
    doc = parse_document(DOC.format(word="x" * 40), "source/fever.md")
    blocks = risky_blocks(doc, lambda seg: (seg.text,))
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table"]
    assert isinstance(blocks[1], Table)
    short = parse_document(DOC.format(word="word"), "source/fever.md")
    assert [type(b).__name__ for b in risky_blocks(short, lambda seg: (seg.text,))] == ["Table"]
    # a translation's long run counts as well as the source's (bilingual shows both)
    shown = lambda seg: ("y" * 30 if "Short" in seg.text else seg.text, seg.text)  # noqa: E731
    assert len(risky_blocks(short, shown)) == 2


def test_one_finding_per_block_at_its_first_line_naming_every_handout() -> None:
    es = Place("es", "fever", "locales/es/LC_MESSAGES/fever.po")
    spots = [
        Spot("fever.pdf", "Notes", es, 40, ("es", 12), ("source/fever.md", 12), 14, True),
        Spot("fever.bilingual.pdf", "Notes", es, 40, ("es", 12), ("source/fever.md", 12), 14, True),
        Spot(
            "fever.bilingual.pdf", "Doctor", es, 37, ("es", 12), ("source/fever.md", 12), 14, True
        ),
        Spot("fever.pdf", "xxxxxxxx", es, 20, ("es", 9), ("source/fever.md", 9), 9),
    ]
    found = overflow_findings(spots)
    assert [(f.check, f.path, f.line, f.severity) for f in found] == [
        ("render.overflow", es.path, 37, "error"),
        ("render.overflow", es.path, 20, "error"),
    ]
    assert found[0].message.startswith(
        "the table is too wide for the page of es/fever.pdf, es/fever.bilingual.pdf: "
        "'Notes', 'Doctor' would stick out of it"
    )
    assert found[1].message.startswith("text is too wide for the page of es/fever.pdf")
    assert "split it" in found[0].hint
