"""``kit.source.inline_tokens.quick_inline`` gives exactly markdown-it's inline tokens, with
the checks' parser and with the HTML renderer's (whose ``validateLink`` is ``safe_link``), on
generated messages rich in brackets, links, emphasis and code, and on damaged ones; and the
HTML and the plain text written from them equal markdown-it's, left to right and right to
left."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from kit.checks import inline_fast
from kit.html import inline
from kit.html.inline import InlineStyle, plain_inline, render_inline
from kit.source.inline_tokens import Tok, kept_readings, quick_inline

AR = InlineStyle(rtl=True, ltr_lang="en")
PARSERS = ((inline_fast.inline_parser, inline_fast._link), (inline._parser, inline._link))

LABEL = st.lists(
    st.sampled_from(
        ["a", "the page", " ", "é", "文", "ب", "pt_BR", "_x_", "*", "`", "[", "]", "!", ".", ":"]
    ),
    max_size=3,
).map("".join)
DESTINATION = st.sampled_from(
    [
        "https://example.org/p/1",
        "HTTPS://Example.ORG/A?b=1",
        "http://e.org/a_b_c#x",
        "tel:+1-555-0100",
        "TEL:5550100",
        "mailto:care@example.org",
        "../dosing.html#child",
        "#dose",
        "page.html",
        "/abs/path",
        "é/文.html",
        "%20x",
        "%zz",
        "//evil.example",
        "javascript:alert(1)",
        "JavaScript:x",
        "data:text/html,x",
        "vbscript:x",
        "file:x",
        "ftp://x",
        "x:y",
        "a(b)",
        "a)b",
        "",
        " a",
        "a b",
        "<a>",
        'a "t"',
        "a*b",
        "a`b",
        "a[b]",
        "a\\_b",
        "&amp;",
    ]
)
CLOSER = st.sampled_from([")", ")", ")", "", " )", ' "t")', "\n)"])
LINK = st.builds(lambda label, dest, end: f"[{label}]({dest}{end}", LABEL, DESTINATION, CLOSER)
PIECE = st.one_of(
    LINK,
    st.sampled_from(
        [
            *"[]()*`_<>&!:\\/# ab.,?'\"-",
            "[es] ",
            "[pt_BR] ",
            "[1]",
            "[a][b]",
            "[a] (b)",
            "](",
            "**",
            "***",
            "__",
            "word",
            "2.5 mL",
            "é",
            "文",
            "ب",
            "\u00a0",
            "\t",
            "\n",
            "«",
            "»",
            "\u202e",
            "\0",
            "![i](a.png)",
            "<b>",
            "&amp;",
        ]
    ),
)
MESSAGE = st.lists(PIECE, max_size=10).map("".join)
DENSE = st.text(alphabet=st.sampled_from("[]()*`_<>&!:\\/# ab1.h\u00a0é"), max_size=30)


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """A message with characters cut out and others put in."""
    text = draw(MESSAGE)
    for _ in range(draw(st.integers(0, 3))):
        if text and draw(st.booleans()):
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + text[at + 1 :]
        else:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(list("[]()*`_!\\<"))) + text[at:]
    return text


def markdown_it(md: MarkdownIt, text: str) -> tuple[Tok, ...]:
    """markdown-it's tokens as ``quick_inline`` writes them (empty text tokens, which
    ``**`` leaves and which write nothing, left out)."""
    tokens = md.parseInline(text)
    found: list[Tok] = []
    for tok in tokens[0].children or [] if tokens else []:
        if tok.type == "link_open":
            found.append(("link_open", str(tok.attrs["href"])))
            found.extend([("title", "")] if tok.attrs.get("title") else [])
        elif tok.type in ("text", "code_inline"):
            found.extend([(tok.type, tok.content)] if tok.content or tok.type != "text" else [])
        else:
            found.append((tok.type, ""))
    return tuple(found)


def agrees(text: str) -> None:
    for parser, link in PARSERS:
        quick = quick_inline(text, link)
        if quick is not None:
            assert quick == markdown_it(parser(), text), text
    with kept_readings():  # as in a build: one reading serves both parsers
        for parser, link in (*PARSERS, *PARSERS[::-1]):
            quick = quick_inline(text, link)
            if quick is not None:
                assert quick == markdown_it(parser(), text), text
    cleaned = inline.strip_bidi_controls(text).replace("\0", "\ufffd")
    for style in (InlineStyle(), AR):
        assert render_inline(text, style) == inline._parsed(cleaned, style)
    if "\0" not in text:  # plain_inline's no-markup shortcut keeps NUL, as it always has
        assert plain_inline(text) == inline._plain_parsed(inline.strip_bidi_controls(text))


@settings(max_examples=4000, deadline=None)
@given(MESSAGE)
def test_quick_tokens_agree_with_markdown_it(text: str) -> None:
    agrees(text)


@settings(max_examples=2000, deadline=None)
@given(DENSE)
def test_quick_tokens_agree_on_dense_markup(text: str) -> None:
    agrees(text)


@settings(max_examples=2000, deadline=None)
@given(damaged())
def test_quick_tokens_agree_on_damaged_messages(text: str) -> None:
    agrees(text)


def test_the_usual_messages_are_answered() -> None:
    """The pseudo-translations of the benchmarks and what patient pages hold."""
    for text in (
        "[es] Sample page 0",
        "[pt_BR] **mouth** touch than may your months",
        "[zh_Hans] Call [the clinic](tel:+1-555-0142) or see [dosing](../dosing.html#child) [1].",
        "Write to [us](mailto:care@example.org); **do not** wait. See [2] and [3]].",
        "Read [the page](https://example.org/a_b?x=1) and `kit` *now*.",
    ):
        for parser, link in PARSERS:
            assert quick_inline(text, link) == markdown_it(parser(), text), text
    assert render_inline("[es] [a](tel:1) [b](javascript:x)", InlineStyle()) == (
        '[es] <a href="tel:1">a</a> [b](javascript:x)'
    )
    for text in ("[a [b] c](d)", "[a `]` b](c)", "[a](b c)", "![i](a.png)", "x\\*", "``a``"):
        assert quick_inline(text, inline._link) is None, text


def test_a_reading_kept_for_one_parser_serves_the_other_only_where_it_holds() -> None:
    """The build's gate reads a translation with the checks' parser, then the renderer reads
    it with its own (the reading is kept): a link only the renderer refuses is text there."""
    for text in ("[a](ftp://x.org/f) and **b**", "[a](https://x.org) or [c](ftp://x) *d*"):
        for first, second in (PARSERS, PARSERS[::-1]):
            with kept_readings():
                for parser, link in (first, second):
                    assert quick_inline(text, link) == markdown_it(parser(), text), text
    assert render_inline("[a](ftp://x.org/f) and **b**", InlineStyle()) == (
        "[a](ftp://x.org/f) and <strong>b</strong>"
    )


def test_readings_are_kept_only_inside_the_block() -> None:
    from kit.source import inline_tokens

    text = "Call [the clinic](tel:+1-555-0142) *now*."
    with kept_readings():
        with kept_readings():
            quick_inline(text, inline._link)
        assert text in inline_tokens._KEPT  # the inner block leaves it to the outer one
    assert not inline_tokens._KEPT
    quick_inline(text, inline._link)
    assert not inline_tokens._KEPT
