"""kit's Markdown parser skips markdown-it's inline parser for text that holds none of the
``text`` rule's terminators (``kit.source.parse._inline``). These tests hold it to the token
stream markdown-it-py itself makes, children included, on generated documents and texts."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_core import inline as markdown_it_inline
from markdown_it.token import Token

from kit.source.parse import _TERMINATORS, markdown_parser


def reference_parser() -> MarkdownIt:
    """kit's parser with markdown-it's own ``inline`` core rule put back."""
    md = markdown_parser()
    md.core.ruler.at("inline", markdown_it_inline)
    return md


KIT, REFERENCE = markdown_parser(), reference_parser()


def tree(tokens: list[Token]) -> list[dict[str, Any]]:
    return [
        {**token.as_dict(children=False), "children": tree(token.children or [])}
        for token in tokens
    ]


BLOCKS = [
    "word",
    "Wörter",
    "文字",
    "  ",
    " ",
    "\n",
    "\n\n",
    "- ",
    "1. ",
    "# ",
    "> ",
    "|a|b|\n|-|-|\n",
]
MARKUP = ["**bold**", "*em*", "[link](a.html)", "![alt](i.png)", "<b>", "<!-- c -->", "&amp;"]
PIECES = st.sampled_from([*BLOCKS, *"!#$%&*+-:<=>@[\\]^_`{}~()'\".,;?/|\t", *MARKUP])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_documents_parse_to_the_same_tokens(text: str) -> None:
    assert tree(KIT.parse(text)) == tree(REFERENCE.parse(text))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_to_the_same_tokens(text: str) -> None:
    assert tree(KIT.parse(text)) == tree(REFERENCE.parse(text))


def test_the_terminators_are_markdown_its_own() -> None:
    """The shortcut is exact only while the ``text`` rule comes first and stops at exactly
    these characters; a markdown-it-py release that changes either fails here."""
    md = MarkdownIt("commonmark")
    assert md.inline.ruler.get_all_rules()[0] == "text"
    terminator_re = getattr(md.inline, "terminator_re", None)  # markdown-it-py >= 4
    if terminator_re is not None:
        for code in range(0x3000):
            char = chr(code)
            assert bool(_TERMINATORS.search(char)) == bool(terminator_re.search(char)), char


def test_a_plain_paragraph_is_one_text_token() -> None:
    tokens = KIT.parse("Take one tablet with food, twice a day.\n")
    assert [(t.type, t.content) for t in tokens[1].children or []] == [
        ("text", "Take one tablet with food, twice a day.")
    ]
