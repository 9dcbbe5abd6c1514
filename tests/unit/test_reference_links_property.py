"""Properties of paragraphs mixing reference-style links and images, inline links, comments,
code spans, emphasis and hard breaks (issue 12, item 1); the CommonMark corpus test
(tests/html/test_commonmark_corpus.py) covers the spec's examples, these cover mixtures.

* Without raw HTML tags: kit's source page and an identity translation show the text and the
  links (address and title) markdown-it-py's own rendering shows.
* With raw HTML tags: the identity translation still renders like the source, no tag ever
  shows as text, and ``kit check`` reports every tag (``source.inline-html``). Taking a tag
  out can change what is around it (``word<b>__x__`` has strong emphasis to CommonMark,
  ``word__x__`` has not): that is why a tag is an error to fix, not a warning. A comment
  glued between two characters can do the same, so the first property writes comments with
  spaces around them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.scan import scan
from tests.html.test_commonmark_corpus import FRONT, pages, reference_html, seen

LABELS = ("main", "Fever Guide", "a&b", "x")
PIECES = (
    "word",
    "mot",
    "*em*",
    "__strong__",
    "`code  `",
    "`a  \nb`",
    "[main]",
    "[Fever Guide][]",
    "[the page][x]",
    "[text][a&b]",
    "![alt][main]",
    "[inline](other.html 'T')",
    " <!-- note --> ",
    "(paren)",
    "  \n",
    "\n",
    "\\\n",
    " ",
    "5 < 6",
    "&amp;",
)
GLUED = ("<!-- glued -->",)  # a comment between two characters: see the module docstring
TAGS = ("<b>", "</b>", "<br>", '<span class="x">', "</span>", "<i\ntitle='t'>")
DESTS = ("page.html", "<with space.html>", "https://example.org/a?b=1&amp;c=2", "#dose", "")
TITLES = ("", ' "Plain"', " 'Say \"hi\"'", ' "It\'s (big)"', ' "back\\\\slash"', ' "&amp; co"')


@st.composite
def paragraphs(draw: st.DrawFn, pieces: tuple[str, ...] = PIECES) -> str:
    body = "".join(draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=12)))
    # One paragraph: a blank line (pieces such as "  \n" twice make one) could leave an image
    # alone in a paragraph, which kit shows as a figure with its title as the caption (a
    # documented difference from CommonMark: tests/fixtures/commonmark/differences.txt).
    body = re.sub(r"\n(?:[ \t]*\n)+", "\n", body)
    definitions = "".join(
        f"[{label}]: {draw(st.sampled_from(DESTS)) or '<>'}{draw(st.sampled_from(TITLES))}\n"
        for label in LABELS
    )
    return f"Start {body.strip()}\n\n{definitions}"  # text first: never a lone figure


@settings(max_examples=300, deadline=None)
@given(paragraphs())
def test_links_and_text_survive_like_markdown_it(markdown: str) -> None:
    source, translated = pages(markdown)
    assert translated == source
    assert seen(source) == seen(reference_html(markdown))


@settings(max_examples=300, deadline=None)
@given(paragraphs(PIECES + TAGS + GLUED))
def test_raw_html_tags_never_show_and_are_always_reported(markdown: str) -> None:
    source, translated = pages(markdown)
    assert translated == source
    for tag in ("&lt;b", "&lt;/b", "&lt;br", "&lt;span", "&lt;/span", "&lt;i", "&lt;!--"):
        assert tag not in source
    found = scan(FRONT + markdown, "source/t.md", "en", "t")
    written = any(tag in markdown for tag in TAGS)
    if written:  # a tag (or comment) opening a line can make a raw HTML block instead
        assert found.inline_html or found.raw_html
