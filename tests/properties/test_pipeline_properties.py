"""Property tests over the whole pipeline (hypothesis).

* Markdown → POT → identity translation (msgstr = msgid) → HTML equals the source locale's HTML.
* PO write → read → write is stable.
* Bounded fuzzing: arbitrary bytes or mutated catalogs either parse or raise ``CatalogError``;
  arbitrary Markdown either parses or raises ``SourceError``. Nothing else escapes.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.catalog.extract import ExtractOptions, extract
from kit.catalog.localize import PublishPolicy, localize, source_localized
from kit.errors import CatalogError, SourceError
from kit.html.body import render_body
from kit.locales import parse_locale
from kit.po import format_po, parse_po
from kit.po.model import PoEntry, PoFile
from kit.source.parse import parse_document

FRONT = "---\ntitle: Property page\nsummary: A page made up by hypothesis.\nslug: prop\nreviewed: 2024-01-01\n---\n\n"
WORDS = st.sampled_from(
    "give the medicine with food call us if fever lasts 2 days 5 mL café niño 中文 العربية "
    "don't stop 50% a_b x*y".split()
)
PHRASE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


@st.composite
def inline(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["plain", "em", "strong", "code", "link"]))
        text = draw(PHRASE)
        parts.append(
            {
                "plain": text,
                "em": f"*{text}*",
                "strong": f"**{text}**",
                "code": f"`{text}`",
                "link": f"[{text}](https://example.org/{draw(st.integers(0, 9))})",
            }[kind]
        )
    return " ".join(parts)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["p", "h", "ul", "ol", "quote", "table", "figure"]))
    if kind == "h":
        return "## " + draw(PHRASE)
    if kind in ("ul", "ol"):
        items = draw(st.lists(inline(), min_size=1, max_size=4))
        marker = "-" if kind == "ul" else "1."
        return "\n".join(f"{marker} {item}" for item in items)
    if kind == "quote":
        return "> " + draw(inline())
    if kind == "table":
        head = draw(st.lists(PHRASE, min_size=2, max_size=2))
        row = draw(st.lists(inline(), min_size=2, max_size=2))
        return f"| {head[0]} | {head[1]} |\n|---|---|\n| {row[0]} | {row[1]} |"
    if kind == "figure":
        return f'![{draw(PHRASE)}](images/x.svg "{draw(PHRASE)}")'
    return draw(inline())


DOCUMENTS = st.lists(block(), min_size=1, max_size=8).map(
    lambda blocks: FRONT + "\n\n".join(blocks) + "\n"
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_identity_translation_renders_like_the_source(text: str) -> None:
    doc = parse_document(text, "source/prop.md")
    pot = extract(doc, ExtractOptions())
    identity = pot.with_entries(tuple(e.with_changes(msgstr=e.msgid) for e in pot.entries))
    po = parse_po(format_po(identity).encode("utf-8"), "prop.po")
    source = parse_locale("en")
    translated = localize(doc, po, parse_locale("es"), source, PublishPolicy())
    assert render_body(translated) == render_body(source_localized(doc, source))


# PO files cannot hold NUL; every other character must survive a round trip
CATALOG_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60
)


@st.composite
def catalogs(draw: st.DrawFn) -> PoFile:
    entries = []
    seen = set()
    for _ in range(draw(st.integers(0, 6))):
        msgid = draw(CATALOG_TEXT.filter(bool))
        if msgid in seen:
            continue
        seen.add(msgid)
        entries.append(
            PoEntry(
                msgid=msgid,
                msgstr=draw(CATALOG_TEXT),
                translator_comments=tuple(
                    draw(
                        st.lists(
                            st.sampled_from(["note", "kit: ignore numbers -- 911"]), max_size=2
                        )
                    )
                ),
                flags=("fuzzy",) if draw(st.booleans()) else (),
            )
        )
    header = PoEntry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\nLanguage: es\n")
    return PoFile(header, tuple(entries))


@settings(max_examples=150, deadline=None)
@given(catalogs())
def test_po_write_read_write_is_stable(po: PoFile) -> None:
    once = format_po(po)
    again = format_po(parse_po(once.encode("utf-8"), "x.po"))
    assert again == once


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_po_reader_with_random_bytes(data: bytes) -> None:
    try:
        parse_po(data, "fuzz.po")
    except CatalogError as exc:
        assert exc.path == "fuzz.po"


@settings(max_examples=300, deadline=None)
@given(catalogs(), st.data())
def test_fuzz_po_reader_with_mutated_catalogs(po: PoFile, data: st.DataObject) -> None:
    text = bytearray(format_po(po).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        if not text:
            break
        pos = data.draw(st.integers(0, len(text) - 1))
        text[pos : pos + 1] = data.draw(
            st.sampled_from([b"", b'"', b"\\", b"\n", b"msgid ", b"#~ ", b"\xff", b"msgstr[1] "])
        )
    try:
        parse_po(bytes(text), "fuzz.po")
    except CatalogError as exc:
        assert exc.line is None or exc.line >= 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_markdown_segmenter(body: str) -> None:
    try:
        doc = parse_document(FRONT + body, "source/fuzz.md")
    except SourceError:
        return
    for seg in doc.segments():
        assert seg.line >= 1
