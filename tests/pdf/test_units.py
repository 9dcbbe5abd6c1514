"""The pure pieces of the PDF renderer, without rendering anything."""

from __future__ import annotations

import time

import pytest

from kit.locales import parse_locale
from kit.pdf.bidi import FSI, LRI, LRO, PDF, PDI, RLI, isolate_bidi
from kit.pdf.css import counter_content, css_string
from kit.pdf.fonts import CJK, CORE, package_for, stack_for
from kit.pdf.glyphs import findings
from kit.pdf.limits import RenderTimeout, time_limit
from kit.pdf.view import person, scope_ids, split_sections
from kit.source.parse import parse_document
from kit.words.numerals import counter_style


@pytest.mark.parametrize(
    ("code", "first"),
    [
        ("en", "Noto Sans"),
        ("es", "Noto Sans"),
        ("vi", "Noto Sans"),
        ("ru", "Noto Sans"),
        ("zh_Hans", "Noto Sans CJK SC"),
        ("zh_Hant", "Noto Sans CJK TC"),
        ("zh_Hant_HK", "Noto Sans CJK HK"),
        ("zh_TW", "Noto Sans CJK TC"),
        ("zh", "Noto Sans CJK SC"),
        ("ja", "Noto Sans CJK JP"),
        ("ko", "Noto Sans CJK KR"),
        ("ar", "Noto Sans Arabic"),
        ("fa", "Noto Sans Arabic"),
        ("ur", "Noto Naskh Arabic"),
        ("hi", "Noto Sans Devanagari"),
        ("ne", "Noto Sans Devanagari"),
        ("bn", "Noto Sans Bengali"),
        ("am", "Noto Sans Ethiopic"),
        ("ti", "Noto Sans Ethiopic"),
        ("my", "Noto Sans Myanmar"),
        ("th", "Noto Sans Thai"),
        ("km", "Noto Sans Khmer"),
        ("he", "Noto Sans Hebrew"),
        ("sr_Latn", "Noto Sans"),
    ],
)
def test_font_stack_per_locale(code: str, first: str) -> None:
    stack = stack_for(parse_locale(code))
    assert stack.families[0] == first
    assert "Noto Sans" in stack.families
    assert stack.css.endswith("sans-serif")
    assert not any("CJK JP" in f for f in stack.families) or code == "ja"


def test_font_packages() -> None:
    assert package_for("Noto Sans CJK SC") == CJK
    assert package_for("Noto Sans Ethiopic") == CORE
    assert package_for("Noto Naskh Arabic") == CORE


def test_css_string_is_safe_inside_a_style_element() -> None:
    value = css_string('Page "1" </style><script>\\ \n')
    assert "</style" not in value and "<" not in value
    assert value.startswith('"') and value.endswith('"')
    assert "\\22 " in value and "\\5c " in value and "\\a " in value


def test_page_label_becomes_css_counters() -> None:
    assert counter_content("Page %(page)s of %(pages)s", "decimal") == (
        '"Page " counter(page, decimal) " of " counter(pages, decimal)'
    )
    label = "%(pages)s쪽 중 %(page)s쪽"
    assert counter_content(label, "decimal").startswith("counter(pages, decimal)")


@pytest.mark.parametrize(
    ("code", "style"),
    [
        ("ar", "decimal"),  # CLDR 42+: Western digits for ar, Arabic-Indic for ar_SA, ar_EG
        ("ar_SA", "arabic-indic"),
        ("ar_MA", "decimal"),
        ("fa", "persian"),
        ("hi", "decimal"),  # CLDR: Hindi's default is Western digits, Nepali's Devanagari
        ("ne", "devanagari"),
        ("bn", "bengali"),
        ("my", "myanmar"),
        ("en", "decimal"),
        ("zh_Hans", "decimal"),
        ("ur", "decimal"),
    ],
)
def test_counter_style(code: str, style: str) -> None:
    assert counter_style(parse_locale(code)) == style


def test_kit_toml_digits_choose_another_numbering_system() -> None:
    assert counter_style(parse_locale("hi"), "deva") == "devanagari"
    assert counter_style(parse_locale("fa"), "latn") == "decimal"


def test_bidi_isolates_replace_bdi_and_inline_dir() -> None:
    html = '<p dir="rtl">خذ <bdi dir="ltr">500 mg</bdi> <span dir="rtl">x</span> <bdi>y</bdi></p>'
    out = isolate_bidi(html)
    assert f'<bdi dir="ltr">{LRI}500 mg{PDI}</bdi>' in out
    assert f'<span dir="rtl">{RLI}x{PDI}</span>' in out
    assert f"<bdi>{FSI}y{PDI}</bdi>" in out
    assert out.startswith('<p dir="rtl">خذ')  # blocks keep their dir, no isolate
    assert out.count(PDI) == 3


def test_bdo_keeps_its_override_inside_its_isolate() -> None:
    """kit.bidi writes a phone number in Arabic-Indic digits as ``<bdo dir="ltr">``: an
    isolate alone would still show its dash-joined groups right to left."""
    out = isolate_bidi('<p dir="rtl">اتصل <bdo dir="ltr">٥٥٥-٠١٤٢</bdo>.</p>')
    assert out == f'<p dir="rtl">اتصل <bdo dir="ltr">{LRI}{LRO}٥٥٥-٠١٤٢{PDF}{PDI}</bdo>.</p>'


def test_bidi_keeps_everything_else_byte_for_byte() -> None:
    html = '<p>a &amp; b &#1234; <!-- c --> <br> <img src="x" alt="y"> </span></p>'
    assert isolate_bidi(html) == html
    nested = '<span dir="ltr">a <span dir="rtl">b</span> c</span>'
    assert (
        isolate_bidi(nested)
        == f'<span dir="ltr">{LRI}a <span dir="rtl">{RLI}b{PDI}</span> c{PDI}</span>'
    )


def test_glyph_findings_name_characters_and_code_points() -> None:
    found = findings(
        [
            '.notdef glyph rendered for Unicode string unsupported by fonts: "\u0378" (U+0378)',
            '.notdef glyph rendered for Unicode string unsupported by fonts: "\u0378" (U+0378)',
            'Image "data:image/png;base64,AAAA" has no required alt description',
            'Missing required "lang" attribute at the root of the document',
            "Failed to load image at 'file:///x/y.png': URLFetchingError: nope",
            "Failed to load image at 'file:///etc/passwd': RefusedURL: outside",
            "Ignored `foo: bar` at 1:1, unknown property.",
        ]
    )
    assert found.missing_glyphs == ("\u0378",)
    assert found.missing_alt == ("an inline data: image",)
    assert found.missing_lang
    assert len(found.failed) == 1 and "y.png" in found.failed[0]
    sentences = found.sentences()
    assert "U+0378" in sentences[0]


def test_time_limit_interrupts_and_restores() -> None:
    with pytest.raises(RenderTimeout), time_limit(0.05):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pass
    with time_limit(5):
        pass  # no alarm left behind
    time.sleep(0.01)


def test_sections_split_at_headings() -> None:
    doc = parse_document(
        "---\ntitle: T\nsummary: S\nslug: s\nreviewed: 2024-01-01\n---\n\nIntro.\n\n## A\n\nOne.\n\n### B\n\nTwo.\n",
        "source/s.md",
    )
    sections = split_sections(doc.blocks)
    assert [len(s) for s in sections] == [1, 2, 2]


def test_scope_ids_prefixes_ids_and_their_references() -> None:
    html = '<h2 id="a">x</h2><div aria-labelledby="t1 t2"><a href="#a">y</a><a href="https://e.org/#z">z</a></div>'
    out = scope_ids(html, "es-1-")
    assert 'id="es-1-a"' in out and 'aria-labelledby="es-1-t1 es-1-t2"' in out
    assert 'href="#es-1-a"' in out and 'href="https://e.org/#z"' in out


def test_person_drops_the_email_address() -> None:
    assert person("Ana García <ana@example.org>") == "Ana García"
    assert person("Team Lead") == "Team Lead"
