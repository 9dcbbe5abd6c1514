"""Make ``<bdi>`` and inline ``dir`` work in WeasyPrint by adding Unicode isolates.

WeasyPrint 70 ignores ``<bdi>``, ``unicode-bidi`` and ``dir`` on inline elements: in an
Arabic paragraph ``<bdi>500 mg</bdi>`` still prints as "mg 500" (verified by running it).
Pango does honour the Unicode isolate characters, so before rendering a PDF every inline
element with ``dir`` (and every ``<bdi>``) gets one after its start tag (LRI U+2066 for
``ltr``, RLI U+2067 for ``rtl``, FSI U+2068 for ``auto`` or a bare ``<bdi>``) and PDI U+2069
before its end tag; a ``<bdo>`` also gets its override (LRO U+202D or RLO U+202E inside
the isolate, PDF U+202C before the PDI): ``kit.bidi`` sets a phone number written in
Arabic-Indic digits in order with one. The characters are zero-width, draw no glyph and
are left out of the PDF's text layer. Block elements are left alone: WeasyPrint applies
their ``dir`` itself.
"""

from __future__ import annotations

from html.parser import HTMLParser

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
LRO, RLO, PDF = "\u202d", "\u202e", "\u202c"  # a <bdo>'s override, inside its isolate
INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


def isolate_bidi(fragment: str) -> str:
    """The same HTML fragment with isolate characters around inline runs that set a direction."""
    if "dir=" not in fragment and "<bdi" not in fragment:
        return fragment
    parser = _Isolator()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


class _Isolator(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.stack: list[tuple[str, str]] = []  # (tag, what closes its isolate)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in VOID:
            return
        mark = _isolate_for(tag, dict(attrs).get("dir"))
        close = PDI if mark else ""
        if tag == "bdo" and mark in (LRI, RLI):
            mark, close = mark + (LRO if mark == LRI else RLO), PDF + PDI
        self.out.append(mark)
        self.stack.append((tag, close))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        while any(open_tag == tag for open_tag, _ in self.stack):
            open_tag, close = self.stack.pop()
            self.out.append(close)
            if open_tag == tag:
                break
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")


def _isolate_for(tag: str, direction: str | None) -> str:
    if tag not in INLINE:
        return ""
    if direction is not None:
        direction = direction.strip().lower()
    if direction == "ltr":
        return LRI
    if direction == "rtl":
        return RLI
    if direction == "auto" or tag == "bdi":
        return FSI
    return ""
