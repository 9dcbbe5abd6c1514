"""kit's Markdown parser tests a line's first character before calling a block rule
(``kit.source.blockrules``). These tests hold it to the unguarded parser, token for token
(children and source maps included), on the CommonMark spec examples and on generated and
damaged documents."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kit.source.parse import markdown_parser

SPEC = Path("/work/shared/reference/commonmark/spec.txt")


def unguarded_parser() -> MarkdownIt:
    """kit's parser with markdown-it's own block rules put back."""
    md = markdown_parser()
    for rule in md.block.ruler.__rules__:
        rule.fn = getattr(rule.fn, "__wrapped__", rule.fn)
    md.block.ruler.__cache__ = None
    return md


KIT, REFERENCE = markdown_parser(), unguarded_parser()


def tree(tokens: list[Token]) -> list[dict[str, Any]]:
    return [
        {**token.as_dict(children=False), "children": tree(token.children or [])}
        for token in tokens
    ]


def test_the_reference_is_unguarded() -> None:
    assert not any(hasattr(r.fn, "__wrapped__") for r in REFERENCE.block.ruler.__rules__)
    guarded = [r.name for r in KIT.block.ruler.__rules__ if hasattr(r.fn, "__wrapped__")]
    assert len(guarded) == 7


def spec_examples() -> list[str]:
    if not SPEC.exists():
        return []
    text = SPEC.read_text(encoding="utf-8")
    found = re.findall(r"^`{32} example\n(.*?)^\.\n", text, re.M | re.S)
    return [example.replace("→", "\t") for example in found]


@pytest.mark.skipif(not SPEC.exists(), reason="CommonMark spec not available")
def test_commonmark_examples_parse_to_the_same_tokens() -> None:
    examples = spec_examples()
    assert len(examples) > 600
    for example in examples:
        assert tree(KIT.parse(example)) == tree(REFERENCE.parse(example)), example


STARTS = ["", " ", "  ", "    ", "\t", "> ", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "# ", "## "]
LINES = ["word", "***", "---", "___", "===", "```", "~~~", "<div>", "<!-- c -->", "[a]: /u"]
LINES += ["|a|b|", "|-|-|", "- [ ]", "1.", "#", ">", "", "-", "+", "*", "\\", "**bold**"]
LINE = st.tuples(st.sampled_from(STARTS), st.sampled_from(LINES)).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINE, max_size=20).map("\n".join))
def test_generated_documents_parse_to_the_same_tokens(text: str) -> None:
    assert tree(KIT.parse(text)) == tree(REFERENCE.parse(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=12).map("\n".join), st.text(max_size=20), st.integers(0, 200))
def test_damaged_documents_parse_to_the_same_tokens(text: str, junk: str, at: int) -> None:
    damaged = text[:at] + junk + text[at:]
    assert tree(KIT.parse(damaged)) == tree(REFERENCE.parse(damaged))
