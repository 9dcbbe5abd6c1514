"""Inline Markdown rendering, left-to-right isolation in right-to-left text, UI strings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.bidi import isolate_ltr
from kit.html.inline import InlineStyle, plain_inline, render_inline
from kit.words.lookup import language_name, ui_html
from tests.html.support import locale

AR = InlineStyle(rtl=True, ltr_lang="en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("خذ 500 mg يوميا.", 'خذ <bdi dir="ltr" lang="en">500 mg</bdi> يوميا.'),
        ("اتصل على +1 555 0100 الآن.", 'اتصل على <bdi dir="ltr">+1 555 0100</bdi> الآن.'),
        ("حرارة 38 °C أو أكثر", 'حرارة <bdi dir="ltr" lang="en">38 °C</bdi> أو أكثر'),
        # dashed digits: each group is a number of its own next to Arabic letters, and the
        # groups would show right to left (tests/browser/test_bidi_numbers.py)
        ("اتصل على 555-0100.", 'اتصل على <bdo dir="ltr">555-0100</bdo>.'),
        ("اتصل على ٥٥٥-٠١٠٠.", 'اتصل على <bdo dir="ltr">٥٥٥-٠١٠٠</bdo>.'),
        ("تماس ۵۵۵-۰۱۰۰ بگیرید", 'تماس <bdo dir="ltr">۵۵۵-۰۱۰۰</bdo> بگیرید'),
        ("بتاريخ 2018-12-01.", 'بتاريخ <bdo dir="ltr">2018-12-01</bdo>.'),
        ("لمدة 10-20 يوما", "لمدة 10-20 يوما"),  # a range: read from the right, as it shows
        ("لمدة ١٠-٢٠ يوما", "لمدة ١٠-٢٠ يوما"),
        ("نحو 90 طفلاً، أي 3%.", "نحو 90 طفلاً، أي 3%."),
        ("جين KMT2A (MLL) شائع.", 'جين <bdi dir="ltr" lang="en">KMT2A (MLL)</bdi> شائع.'),
        ("دواء (vincristine).", 'دواء <bdi dir="ltr" lang="en">(vincristine)</bdi>.'),
        (
            "انظر https://example.org/a?b=1.",
            'انظر <bdi dir="ltr" lang="en">https://example.org/a?b=1</bdi>.',
        ),
        ("اكتب إلى help@example.org،", 'اكتب إلى <bdi dir="ltr" lang="en">help@example.org</bdi>،'),
        ("Erwinia asparaginase فقط", '<bdi dir="ltr" lang="en">Erwinia asparaginase</bdi> فقط'),
        ("الجرعة 1.5 mg/m2 يوميا", 'الجرعة <bdi dir="ltr" lang="en">1.5 mg/m2</bdi> يوميا'),
        ("5 < 6 & 7", "5 &lt; 6 &amp; 7"),
        (
            "<b>x</b>",
            '&lt;<bdi dir="ltr" lang="en">b&gt;x&lt;/b&gt;</bdi>',
        ),  # escaped, still isolated
    ],
)
def test_isolate_ltr(text: str, expected: str) -> None:
    assert isolate_ltr(text, "en") == expected


def test_isolation_never_breaks_markup() -> None:
    html = render_inline("خذ **500 mg** من [vincristine](https://example.org/v) `ALL`", AR)
    assert html == (
        'خذ <strong><bdi dir="ltr" lang="en">500&nbsp;mg</bdi></strong> من <a href="https://example.org/v">'
        '<bdi dir="ltr" lang="en">vincristine</bdi></a> <code dir="ltr">ALL</code>'
    )


def test_ltr_text_is_left_alone() -> None:
    """No isolation in left-to-right text (the no-break space keeps a dose on one line)."""
    assert (
        render_inline("Take 500 mg of vincristine.", InlineStyle())
        == "Take 500&nbsp;mg of vincristine."
    )


_PLAIN = st.text(
    alphabet=st.characters(blacklist_characters="\\`*_[]!<>&\n", blacklist_categories=("Cs",)),
    max_size=60,
)


@given(_PLAIN)
def test_fast_path_matches_the_parser(text: str) -> None:
    """Text without Markdown characters skips markdown-it; the result must be identical."""
    from kit.html import inline

    tokens = inline._parser().parseInline(inline.strip_bidi_controls(text))
    children = tokens[0].children or [] if tokens else []
    slow = "".join(inline._token(tok, InlineStyle()) for tok in children)
    assert render_inline(text, InlineStyle()) == slow


# Pieces that exercise CommonMark's flanking rules around ``*``: letters of three scripts,
# digits, ASCII and Unicode punctuation and symbols, Unicode spaces, runs of one to four.
_EMPHASIS_PIECES = st.sampled_from(
    [
        "*", "**", "***", "****", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "a", "Bé",
        "500", "mg", ".", ",", ":", ";", "?", "(", ")", "'", '"', "-", "+", "%", "°", "€", "¿",
        "«", "»", "“", "”", "،", "ب", "طفل", "中", "\u200f", "=", "/", "#", "~", "^",
    ]
)  # fmt: skip
_WORD = st.lists(
    st.sampled_from(["a", "Bé", "500", "mg", "ب", "طفل", "中", "°", "€", "'", "-", "(", ".", " "]),
    min_size=1,
    max_size=4,
).map("".join)
_OUTSIDE = st.sampled_from(["", "", "", ".", ",", ":", "(", ")", "«", "»", "a", "\u00a0"])
_WRAPPED = st.tuples(_OUTSIDE, st.sampled_from(["", "*", "**", "**", "***"]), _WORD, _OUTSIDE).map(
    lambda w: f"{w[0]}{w[1]}{w[2]}{w[1]}{w[3]}"
)  # mostly pairs, some that do not pair
_EMPHASIS_TEXT = st.one_of(
    st.lists(_EMPHASIS_PIECES, max_size=14).map("".join),
    st.lists(_WRAPPED, max_size=6).map(" ".join),
    st.lists(_WRAPPED, max_size=6).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12).map(
        lambda t: f"**{t}** {t}*"
    ),
)


@settings(max_examples=300, deadline=None)
@given(_EMPHASIS_TEXT)
def test_emphasis_shortcut_matches_the_parser(text: str) -> None:
    """Segments whose only markup is ``*``/``**`` skip markdown-it when their runs pair
    plainly (``inline._quick``); the HTML and the plain text must be identical to
    markdown-it's, left to right and right to left."""
    from kit.html import inline

    cleaned = inline.strip_bidi_controls(text).replace("\0", "\ufffd")
    for style in (InlineStyle(), AR):
        assert render_inline(text, style) == inline._parsed(cleaned, style)
    assert plain_inline(text) == inline._plain_parsed(inline.strip_bidi_controls(text))


def test_emphasis_shortcut_is_taken_for_plain_bold_and_not_otherwise() -> None:
    from kit.html import inline

    assert inline._quick("Give **5 mL** of *this*.") == (
        ("text", "Give "),
        ("strong_open", ""),
        ("text", "5 mL"),
        ("strong_close", ""),
        ("text", " of "),
        ("em_open", ""),
        ("text", "this"),
        ("em_close", ""),
        ("text", "."),
    )
    for text in ("**a *b* c**", "***a***", "**a:**b", "** a**", "**a", "a*b*c", "*a**"):
        assert inline._quick(text) is None, text
    assert render_inline("**a *b* c**", InlineStyle()) == "<strong>a <em>b</em> c</strong>"


def test_text_with_nothing_to_do_is_exactly_what_needs_no_cleaning_or_parsing() -> None:
    """``inline._NOTHING_TO_DO`` lets a segment skip the bidi-control and NUL cleaning and
    the parser: it must match every character that one of those would touch, and no other."""
    from kit.html import inline

    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        touched = (
            inline.strip_bidi_controls(char) != char
            or char == "\0"
            or inline._MARKDOWN_SPECIAL.search(char) is not None
        )
        assert (inline._NOTHING_TO_DO.search(char) is not None) == touched, hex(code)


def test_plain_inline() -> None:
    assert plain_inline("What is **infant** [ALL](x.html)?") == "What is infant ALL?"
    assert plain_inline("Line\\\nbreak") == "Line break"


def test_ui_strings_escape_and_isolate_values() -> None:
    assert (
        ui_html(locale("es"), "translated_by", name="<b>Ana</b>")
        == "Traducido por &lt;b&gt;Ana&lt;/b&gt;."
    )
    assert (
        ui_html(locale("ar"), "translated_by", name="Ana Ruiz")
        == 'ترجمة: <bdi dir="ltr">Ana Ruiz</bdi>.'
    )
    assert ui_html(locale("fr"), "languages") == '<span lang="en">Languages</span>'
    assert ui_html(locale("fa"), "languages") == '<span lang="en" dir="ltr">Languages</span>'


def test_language_names_inside_sentences() -> None:
    en = locale("en")
    names = {
        code: language_name(en, locale(code), "translated_from")
        for code in ("es", "zh_Hans", "ar", "ru", "fr")
    }
    assert names == {
        "es": "inglés",
        "zh_Hans": "英语",
        "ar": "الإنجليزية",
        "ru": "английский",
        "fr": "English",
    }
