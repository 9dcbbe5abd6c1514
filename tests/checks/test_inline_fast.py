"""The short path of the inline analysis (``kit.checks.inline_fast``) says what markdown-it-py
says, on generated messages; and it does answer for the usual markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.checks.inline_fast import simple_inline
from kit.checks.markdown import _collect, _parser, has_markup, parse_inline


def markdown_it(text: str):  # type: ignore[no-untyped-def]
    tokens = _parser().parseInline(text)
    return _collect(tokens[0].children or [] if tokens else [])


PIECES = st.sampled_from(
    [
        "a",
        "take",
        "2.5",
        "mL",
        "٣",
        "文",
        "нет",
        "é",
        " ",
        " ",
        "  ",
        "\u00a0",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "(",
        ")",
        "'",
        '"',
        "-",
        "/",
        "*",
        "**",
        "***",
        "`",
        "``",
        "[",
        "]",
        "](",
        "[the page](https://example.org/p/1)",
        "[x](/rel/a.html)",
        "[a b](page.html#s)",
        "[x](HTTPS://Example.ORG/A?b=1)",
        "[x](javascript:alert)",
        "[x]( y )",
        "[x](<y>)",
        "`code`",
        "` c `",
        "`a b`",
        "**bold**",
        "*it*",
        "**a b**",
        "_x_",
        "&amp;",
        "<b>",
        "\\*",
        "![i](a.png)",
        "\n",
        "~",
        "#",
        "%20",
        "%",
        "\t",
        "\u3000",
        "«",
        "»",
        "¿",
        "²",
        "\u0301",
        "[",
        "](https://e.org/a_b)",
        "](a)",
        "](a b)",
        "](mailto:x@y.z)",
        "!",
        "[es] ",
        "[pt_BR] ",
        "[1]",
        "[a][b]",
        "[a] (b)",
        "[a]\n(b)",
        "[a [b] c](d)",
        "[a](b",
        "[call](tel:+1-555-0100)",
        "[write](mailto:care@example.org)",
        "[back](../index.html#top)",
        "[here](#dose)",
        "[x](//evil.example)",
        "[x](data:text/html,x)",
        "](tel:555)",
        "](../a_b.html)",
        "_",
        "__",
        "pt_BR",
    ]
)
TEXT = st.lists(PIECES, max_size=14).map("".join)


@settings(max_examples=6000, deadline=None)
@given(TEXT)
def test_the_short_path_agrees_with_markdown_it(text: str) -> None:
    simple = simple_inline(text)
    if simple is None:
        return
    full = markdown_it(text)
    assert (simple.text, simple.links, simple.code, simple.emphasis, simple.stray) == (
        full.text,
        full.links,
        full.code,
        full.emphasis,
        full.stray,
    )
    assert full.images == full.html == ()
    if has_markup(text):  # else parse_inline answers plain=True before the short path
        assert parse_inline.__wrapped__(text) == full


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 1.,*`[]()/:h_<>&!\\#"), max_size=30))
def test_the_short_path_agrees_on_dense_markup(text: str) -> None:
    test_the_short_path_agrees_with_markdown_it.hypothesis.inner_test(text)  # type: ignore[attr-defined]


def test_the_usual_markup_takes_the_short_path() -> None:
    for text in (
        "Give **2.5 mL** twice a day.",
        "Read [the clinic page](https://example.org/p/12) or call 555-0142.",
        "Run `kit` and *rest*, then **eat** something.",
        "[es] Call [the clinic](tel:+1-555-0142) or see [dosing](../dosing.html#child) [1].",
        "[pt_BR] Write to [us](mailto:care@example.org); **do not** wait.",
    ):
        assert simple_inline(text) is not None
        assert parse_inline(text) == parse_inline.__wrapped__(text)
    assert simple_inline("a*b*c") is None  # intraword: CommonMark's rules decide


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 1.,[]()!/:\n\u00a0"), max_size=30))
def test_text_without_markup_is_read_as_written(text: str) -> None:
    """``has_markup`` false (literal brackets, no ``](``): markdown-it-py finds no markup and
    the reader sees the text itself, so ``parse_inline`` may skip the parse."""
    if has_markup(text):
        return
    full = markdown_it(text)
    assert full.text.split() == text.split()
    assert full[1:] == ((), (), (), (), 0, (), False)
    assert parse_inline.__wrapped__(text) == (text, (), (), (), (), 0, (), True)
