"""Helpers for the HTML tests: build a LocalizedDocument from Markdown and PO text, a Site
over the repository's templates, and a tiny HTML tree (stdlib parser) to assert on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from kit.catalog.localize import LocalizedDocument, PublishPolicy, localize, source_localized
from kit.catalog.review import ReviewLog, sign_off
from kit.config import BrandingSection, Config
from kit.locales import LocaleInfo, parse_locale
from kit.model import Document
from kit.po import parse_po
from kit.po.model import PoEntry, PoFile
from kit.site import Published, Site
from kit.source.parse import parse_document

ROOT = Path(__file__).resolve().parents[2]
EN = parse_locale("en")
FRONT = (
    '---\ntitle: "Fever in babies"\nsummary: "What to do when your baby has a fever."\n'
    "slug: fever\nreviewed: 2024-03-05\n---\n\n"
)


def document(markdown: str, path: str = "source/fever.md") -> Document:
    text = markdown if markdown.startswith("---\n") else FRONT + markdown
    return parse_document(text, path)


def po_file(translations: dict[str, str], header: str = "", fuzzy: tuple[str, ...] = ()) -> PoFile:
    entries = tuple(
        PoEntry(msgid=k, msgstr=v, flags=("fuzzy",) if k in fuzzy else ())
        for k, v in translations.items()
    )
    return PoFile(header=PoEntry(msgid="", msgstr=header), entries=entries)


def localized(
    doc: Document,
    code: str = "en",
    po: PoFile | str | None = None,
    policy: PublishPolicy | None = None,
    review: ReviewLog | None = None,
) -> LocalizedDocument:
    locale = parse_locale(code)
    if locale.code == EN.code and po is None:
        return source_localized(doc, EN)
    catalog = (
        parse_po(po, f"locales/{code}/LC_MESSAGES/{doc.slug}.po") if isinstance(po, str) else po
    )
    return localize(
        doc, catalog or po_file({}), locale, EN, policy or PublishPolicy(), review, "x.po"
    )


def full_translation(doc: Document, prefix: str) -> dict[str, str]:
    return {seg.text: f"{prefix} {seg.text}" for seg in doc.segments()}


def reviewed_log(
    po: PoFile, reviewer: str = "Dr. Ana Ruiz", role: str = "medical translator"
) -> ReviewLog:
    return sign_off(ReviewLog(), po, reviewer, role, "TEP", dt.date(2024, 4, 1))


def site(
    root: Path = ROOT, branding: BrandingSection | None = None, locales: tuple[str, ...] = ()
) -> Site:
    config = Config(root=root)
    if branding is not None:
        config = replace(config, branding=branding)
    codes = tuple(parse_locale(c) for c in locales)
    return Site(config, EN, (EN, *codes), "0.0-test")


def published(doc: Document, *ldocs: LocalizedDocument) -> Published:
    locales = tuple(ld.locale for ld in ldocs) or (EN,)
    titles = tuple(ld.text(doc.title).text for ld in ldocs) or (doc.meta.title,)
    return Published(doc.slug, doc.meta.title, locales, titles)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Node]:
        out: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                out.append(child)
                out.extend(child.iter())
        return out

    def find_all(self, tag: str) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag]

    def find(self, tag: str) -> Node:
        found = self.find_all(tag)
        assert found, f"no <{tag}>"
        return found[0]

    def ancestors(self) -> list[Node]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.all_tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.all_tags.append((tag, attrs))
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


@dataclass
class Parsed:
    root: Node
    tags: list[tuple[str, list[tuple[str, str | None]]]]


def parse_html(text: str) -> Parsed:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return Parsed(builder.root, builder.all_tags)


def locale(code: str) -> LocaleInfo:
    return parse_locale(code)
