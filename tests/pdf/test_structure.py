"""Tagged PDF/UA-1 structure of a handout in every script (pikepdf).

Every locale of the fixture document is rendered once; a render that logged a missing
glyph would have raised, so reaching these assertions already means zero .notdef glyphs.
"""

from __future__ import annotations

import itertools

import pytest

from kit.locales import parse_locale
from kit.pdf.fonts import stack_for
from kit.pdf.postprocess import postprocess
from tests.pdf.conftest import Render
from tests.pdf.helpers import TRANSLATIONS, figure_alts, fonts, open_pdf, tags, walk_structure

LOCALES = ("en", *sorted(TRANSLATIONS))
SYMBOL_FONTS = {"Noto-Sans-Symbols", "Noto-Sans-Symbols2"}


def _font_name(family: str) -> str:
    return family.replace(" ", "-")


@pytest.mark.parametrize("code", LOCALES)
def test_catalog_is_tagged_pdf_ua(render: Render, code: str) -> None:
    pdf = open_pdf(render(code))
    root = pdf.Root
    assert root.MarkInfo.Marked is True  # type: ignore[comparison-overlap]
    assert "/StructTreeRoot" in root
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert str(root.Lang) == parse_locale(code).bcp47
    assert pdf.pdf_version == "1.7"
    meta = pdf.open_metadata()
    assert meta.get("pdfuaid:part") == "1"
    assert meta.get("dc:title") == str(pdf.docinfo.Title)
    assert all(p.get("/Tabs") == "/S" for p in pdf.pages)


@pytest.mark.parametrize("code", LOCALES)
def test_headings_start_at_h1_and_never_skip(render: Render, code: str) -> None:
    headings = [
        t for t in tags(open_pdf(render(code))) if t in {"H1", "H2", "H3", "H4", "H5", "H6"}
    ]
    assert headings[0] == "H1"
    assert headings.count("H1") == 1
    levels = [int(h[1]) for h in headings]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), headings


@pytest.mark.parametrize("code", LOCALES)
def test_every_figure_has_alt_text(render: Render, code: str) -> None:
    alts = figure_alts(open_pdf(render(code)))
    assert len(alts) == 2, alts  # the thermometer drawing and the QR code
    assert all(alt.strip() for alt in alts)
    if code != "en":
        assert TRANSLATIONS[code]["A thermometer showing 38 degrees"] in alts
    assert any("https://example.org/patient-education/" in alt for alt in alts)


@pytest.mark.parametrize("code", LOCALES)
def test_fonts_embedded_with_tounicode_and_from_the_locale_stack(render: Render, code: str) -> None:
    embedded = fonts(open_pdf(render(code)))
    assert embedded
    assert all(f.embedded and f.to_unicode for f in embedded), embedded
    stack = {_font_name(f) for f in stack_for(parse_locale(code)).families}
    stack |= {_font_name(f) for f in stack_for(parse_locale("en")).families}
    names = {f.name.removesuffix("-Bold") for f in embedded}
    assert names <= stack | SYMBOL_FONTS, names - stack  # no surprise DejaVu


@pytest.mark.parametrize(
    ("code", "family"), [("zh_Hans", "SC"), ("zh_Hant", "TC"), ("ja", "JP"), ("ko", "KR")]
)
def test_cjk_uses_the_right_regional_glyphs(render: Render, code: str, family: str) -> None:
    names = {f.name for f in fonts(open_pdf(render(code)))}
    assert f"Noto-Sans-CJK-{family}" in names, names
    assert not {n for n in names if "CJK" in n and not n.startswith(f"Noto-Sans-CJK-{family}")}


def test_urdu_prints_in_naskh_not_nastaliq(render: Render) -> None:
    names = {f.name for f in fonts(open_pdf(render("ur")))}
    assert "Noto-Naskh-Arabic" in names
    assert not any("Nastaliq" in n for n in names)


def test_metadata_dates_come_from_the_review_date(render: Render) -> None:
    pdf = open_pdf(render("es"))
    assert str(pdf.docinfo.CreationDate).startswith("D:20240301")
    assert str(pdf.docinfo.ModDate).startswith("D:20240402")  # the translation's sign-off
    # No random /ID: qpdf (kit.pdf.postprocess) derives it from the content, so it is the
    # same for the same input.
    assert postprocess(render("es")) == postprocess(render("es"))


def test_structure_tree_elements_have_parents(render: Render) -> None:
    pdf = open_pdf(render("ar"))
    elements = list(walk_structure(pdf))
    assert elements
    assert all("/P" in element for element in elements)
