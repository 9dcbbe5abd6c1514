"""The CommonMark spec as a corpus for the segmenter and the renderer (issue 12, item 1).

For every one of the spec's 655 examples (``tests/fixtures/commonmark/spec.txt``, CC-BY-SA
4.0, see LICENSE there):

* an identity translation (every ``msgstr`` equal to its ``msgid``, written to a real PO file
  and read back) renders exactly the bytes of the source page;
* the source page shows the text markdown-it-py's own rendering shows, raw HTML aside
  (kit never publishes it), and the same links (address and title, in order: reference-style
  links included). The examples where it does not are listed, each with its reason,
  in ``tests/fixtures/commonmark/differences.txt``; the list must be exact.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kit.catalog.extract import ExtractOptions, extract
from kit.catalog.localize import PublishPolicy, localize, source_localized
from kit.html.body import render_body
from kit.locales import parse_locale
from kit.po import parse_po
from kit.po.model import PoFile
from kit.po.write import format_po
from kit.source.parse import parse_document
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "commonmark"
FRONT = "---\ntitle: T\nsummary: S\nslug: t\nreviewed: 2024-01-01\n---\n\n"
EN, FR = parse_locale("en"), parse_locale("fr")
HEADER = "Content-Type: text/plain; charset=UTF-8\nLanguage: fr\n"


def _examples() -> list[tuple[int, str]]:
    text = (CORPUS / "spec.txt").read_text(encoding="utf-8")
    pattern = re.compile(r"^`{32} example\n(.*?)^\.\n(.*?)^`{32}$", re.M | re.S)
    return [(n, m.group(1).replace("→", "\t")) for n, m in enumerate(pattern.finditer(text), 1)]


EXAMPLES = _examples()


def _expected_differences() -> dict[int, str]:
    listed: dict[int, str] = {}
    for line in (CORPUS / "differences.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            number, kind, _reason = line.split(None, 2)
            listed[int(number)] = kind
    return listed


class _Text(HTMLParser):
    """Text content and links of an HTML fragment; a table's ``<caption>`` (kit repeats the
    section heading there for screen readers) is left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[tuple[str | None, str | None]] = []
        self.caption = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.caption += tag == "caption"
        if tag == "a":
            self.links.append((dict(attrs).get("href"), dict(attrs).get("title")))

    def handle_endtag(self, tag: str) -> None:
        self.caption -= tag == "caption"

    def handle_data(self, data: str) -> None:
        if not self.caption:
            self.parts.append(data)


def text_of(html: str) -> str:
    return seen(html)[0]


def seen(html: str) -> tuple[str, list[tuple[str | None, str | None]]]:
    """What a reader gets from ``html``: its text (whitespace collapsed) and its links."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split()), parser.links


def _without_html(tokens: list[Token]) -> list[Token]:
    kept = [t for t in tokens if t.type not in ("html_block", "html_inline")]
    for token in kept:
        if token.children:
            token.children = _without_html(token.children)
    return kept


def reference_html(markdown: str) -> str:
    """markdown-it-py's page (kit's dialect: CommonMark, HTML on, tables), raw HTML aside."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = _without_html(md.parse(markdown))
    return str(md.renderer.render(tokens, md.options, {}))


def reference_text(markdown: str) -> str:
    return text_of(reference_html(markdown))


@cache
def pages(markdown: str) -> tuple[str, str]:
    """The source page body and the body of an identity translation."""
    doc = parse_document(FRONT + markdown, "source/t.md")
    source = render_body(source_localized(doc, EN))
    pot = extract(doc, ExtractOptions())
    po = PoFile(
        header=replace(pot.header, msgstr=HEADER),
        entries=tuple(replace(e, msgstr=e.msgid) for e in pot.entries),
    )
    catalog = parse_po(format_po(po), "locales/fr/t.po")
    translated = render_body(localize(doc, catalog, FR, EN, PublishPolicy(), None, "t.po"))
    return source, translated


@pytest.mark.parametrize(("number", "markdown"), EXAMPLES, ids=[f"ex{n}" for n, _ in EXAMPLES])
def test_identity_translation_renders_like_the_source(number: int, markdown: str) -> None:
    source, translated = pages(markdown)
    assert translated == source


def test_the_corpus_is_the_whole_spec() -> None:
    assert len(EXAMPLES) == 655


def test_source_pages_keep_markdown_it_text_and_links_except_the_listed_differences() -> None:
    differing = {n for n, md in EXAMPLES if seen(pages(md)[0]) != seen(reference_html(md))}
    listed = _expected_differences()
    assert sorted(differing - set(listed)) == [], "new differences: classify them"
    assert sorted(set(listed) - differing) == [], "listed but no longer different"


def test_every_listed_difference_has_a_known_kind() -> None:
    assert set(_expected_differences().values()) <= {"inline-html", "link-safety", "caption"}


def test_captions_only_add_text() -> None:
    """A 'caption' difference adds the image title; it never loses markdown-it-py's text."""
    for number, kind in _expected_differences().items():
        if kind == "caption":
            markdown = EXAMPLES[number - 1][1]
            assert reference_text(markdown) in text_of(pages(markdown)[0]), number
