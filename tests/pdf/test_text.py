"""What a reader (and a screen reader) gets from the text layer: poppler's ``pdftotext``.

Footer with "Page X of Y" in the locale's digits, review date and version, provenance
lines, the draft notice, the online URL, and the text of every segment extracted back out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
import segno

from kit.config import Config
from kit.locales import parse_locale
from kit.pdf.profiles import STANDARD
from kit.pdf.render import handout_html, render_handout
from kit.pdf.view import default_renderers
from kit.words.numerals import localize_digits
from tests.pdf.conftest import Render
from tests.pdf.helpers import (
    TRANSLATIONS,
    figure_alts,
    localized,
    open_pdf,
    page_texts,
    pdftotext,
    squash,
)

ALT = "A thermometer showing 38 degrees"  # image alt text is not page text


def _pages(data: bytes) -> list[str]:
    return [squash(t) for t in page_texts(data, len(open_pdf(data).pages))]


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("en", "Page {page} of {pages}"),
        ("es", "Página {page} de {pages}"),
        ("ar", "صفحة {page} من {pages}"),
        ("zh_Hans", "第 {page} 页，共 {pages} 页"),
        ("fa", "Page {page} of {pages}"),  # no Farsi wording: English, in English digits
        ("hi", "Page {page} of {pages}"),
    ],
)
def test_every_page_says_page_x_of_y_in_the_locales_digits(
    render: Render, code: str, label: str
) -> None:
    pages = _pages(render(code, "large-print"))
    assert len(pages) >= 2  # large print runs over a page break
    locale = parse_locale(code)
    english = label.startswith("Page ")
    for number, text in enumerate(pages, start=1):
        expected = label.format(page=number, pages=len(pages))
        assert squash(expected if english else localize_digits(expected, locale)) in text


def test_an_english_fallback_in_a_persian_handout_is_english_whole(config: Config) -> None:
    # A Persian translator has translated "Reviewed" and the page label but not yet "Next
    # review": each sentence's date and numbers are in its own language.
    from kit.words import lookup as words
    from kit.words.messages import MESSAGES

    reviewed = {MESSAGES["reviewed"]: "بازبینی: %(date)s"}
    label = {MESSAGES["page"]: "صفحهٔ %(page)s از %(pages)s"}

    def handout(words_of_fa: dict[str, str]) -> tuple[str, str]:
        words.install_project_words("fa", words_of_fa)
        try:
            ldoc = localized(config, "fa")
            html = handout_html(ldoc, config, STANDARD, default_renderers())
            pdf = render_handout(ldoc, config, STANDARD, default_renderers())
        finally:
            words.forget_project_words()
        return html, squash(pdftotext(pdf))

    html, text = handout(reviewed | label)
    assert squash("Next review: March 1, 2027") in text
    assert "۲۰۲۴" in text and "Page" not in text
    assert "counter(page, persian)" in html  # poppler reorders the footer: its CSS says it
    html, text = handout(reviewed)
    assert squash("Page 1 of 2") in text and "counter(page, decimal)" in html


def test_locale_digits() -> None:
    assert localize_digits("Page 1 of 2", parse_locale("ar_SA")) == "Page ١ of ٢"
    assert localize_digits("1", parse_locale("ar")) == "1"  # CLDR 42+
    assert localize_digits("1", parse_locale("hi"), "deva") == "१"  # [locale.hi] digits
    assert localize_digits("1", parse_locale("fa")) == "۱"
    assert localize_digits("1", parse_locale("hi")) == "1"
    assert localize_digits("1", parse_locale("ne")) == "१"
    assert localize_digits("1", parse_locale("bn")) == "১"
    assert localize_digits("1", parse_locale("my")) == "၁"
    assert localize_digits("1", parse_locale("ar_MA")) == "1"
    assert localize_digits("1", parse_locale("ur")) == "1"


@pytest.mark.parametrize(
    ("code", "footer"),
    [
        ("en", "Reviewed: March 1, 2024 · Version 2.1"),
        ("es", "Revisado: 1 de marzo de 2024 · Versión 2.1"),
        ("ko", "검토일: 2024년 3월 1일 · 버전 2.1"),
        ("ar", "تاريخ المراجعة: 1 مارس 2024 · الإصدار 2.1"),
    ],
)
def test_footer_has_review_date_and_version_on_every_page(
    render: Render, code: str, footer: str
) -> None:
    for text in _pages(render(code, "large-print")):
        if code == "ar":  # poppler reverses lam-alef (المراجعة): check the other words
            assert all(w in text for w in ("تاريخ", "1", "مارس", "2024", "2.1")), text
        else:
            assert squash(footer.replace(" · ", "\n")) in text  # two lines in large print


def test_provenance_of_a_reviewed_translation(render: Render) -> None:
    text = squash(pdftotext(render("es")))
    for line in (
        "Revisado: 1 de marzo de 2024",
        "Próxima revisión: 1 de marzo de 2027",
        "Versión 2.1",
        "Traducido de la versión en inglés revisada el 1 de marzo de 2024.",
        "Traducido por Ana García.",
        "Traducción revisada por Dr. Lucía Pérez (pediatric nurse, certified medical interpreter)"
        " el 2 de abril de 2024.",
        "Método de revisión: back-translation.",
    ):
        assert squash(line) in text, line
    assert "ana@example.org" not in text
    assert squash("Traducción preliminar") not in text


def test_unreviewed_translation_says_draft(config: Config) -> None:
    data = render_handout(
        localized(config, "es", review=None), config, STANDARD, default_renderers()
    )
    text = squash(pdftotext(data))
    draft = "Traducción preliminar, aún no revisada por un traductor médico calificado."
    assert text.count(squash(draft)) == 2  # under the title and in "about this handout"
    assert squash("Traducción revisada por") not in text


def test_partly_translated_handout_says_so(config: Config) -> None:
    missing = ("Give your child plenty to drink.",)
    data = render_handout(
        localized(config, "es", missing=missing), config, STANDARD, default_renderers()
    )
    text = squash(pdftotext(data))
    assert squash("Algunas partes se muestran en inglés") in text
    assert squash("Sin traducir (inglés)") in text
    assert squash(missing[0]) in text


def test_source_handout_has_no_translation_lines(render: Render) -> None:
    text = squash(pdftotext(render("en")))
    assert squash("Reviewed: March 1, 2024") in text
    assert squash("Next review: March 1, 2027") in text
    assert "Translated" not in text and "Draft" not in text


def test_qr_code_and_url_point_to_the_online_page(render: Render, config: Config) -> None:
    url = "https://example.org/patient-education/vi/fever.html"
    assert squash(url) in squash(pdftotext(render("vi")))
    html = handout_html(localized(config, "vi"), config, STANDARD, default_renderers())
    expected = segno.make(url, error="m", micro=False).svg_data_uri(
        scale=1, border=4, dark="#000", light="#fff"
    )
    assert f'src="{expected}"' in html.replace("&amp;", "&") or f'src="{expected}"' in html


# --- extraction round trip ---------------------------------------------------------------

EXACT = ("es", "vi", "ru", "zh_Hans", "zh_Hant", "ja", "ko", "am")
RTL_WORDS = ("fa", "ur", "he")
# Shaped glyphs that do not map back one by one; kit.pdf.tagging gives their runs /ActualText.
ACTUAL_TEXT = ("hi", "bn", "my", "th", "km")
KNOWN_FAILURES = {
    "ar": "Arabic: poppler reverses the two letters of a lam-alef ligature (الأطفال → األطفال)"
    " and detaches harakat when it rebuilds right-to-left lines; /ActualText on right-to-left"
    " runs is reordered a second time by poppler, so it cannot fix this",
}


def _segments(code: str) -> list[str]:
    return [v for k, v in TRANSLATIONS[code].items() if k != ALT]


def _words(text: str) -> list[str]:
    """Letters, marks and digits of each word: right-to-left lines come back reordered."""
    out = []
    for word in text.split():
        kept = "".join(ch for ch in word if unicodedata.category(ch)[0] in "LMN")
        if kept:
            out.append(unicodedata.normalize("NFC", kept))
    return out


@pytest.mark.parametrize("code", EXACT)
def test_text_extracts_exactly(render: Render, code: str) -> None:
    text = squash(pdftotext(render(code)))
    missing = [s for s in _segments(code) if squash(s) not in text]
    assert not missing


@pytest.mark.parametrize("code", RTL_WORDS)
def test_right_to_left_text_extracts_word_for_word(render: Render, code: str) -> None:
    text = squash(pdftotext(render(code)))
    missing = [w for s in _segments(code) for w in _words(s) if w not in text]
    assert not missing


def test_arabic_without_ligatures_or_harakat_extracts(render: Render) -> None:
    text = squash(pdftotext(render("ar")))
    words = [w for s in _segments("ar") for w in _words(s)]
    plain = [
        w for w in words if "ل" not in w and not any(unicodedata.category(c) == "Mn" for c in w)
    ]
    assert len(plain) >= 10
    assert [w for w in plain if w not in text] == []


@pytest.mark.parametrize(
    "code",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=r, strict=True))
        for c, r in KNOWN_FAILURES.items()
    ],
)
def test_text_extraction_known_failures(render: Render, code: str) -> None:
    text = squash(pdftotext(render(code)))
    missing = [w for s in _segments(code) for w in _words(s) if w not in text]
    assert not missing


@pytest.mark.parametrize("code", ACTUAL_TEXT)
def test_complex_scripts_extract_through_actual_text(render: Render, code: str) -> None:
    """Devanagari, Bengali, Myanmar, Thai, Khmer: word for word, thanks to /ActualText."""
    data = render(code)
    pdf = open_pdf(data)
    assert b"/ActualText" in pdf.pages[0].Contents.read_bytes()
    text = squash(pdftotext(data))
    missing = [w for s in _segments(code) for w in _words(s) if w not in text]
    assert not missing


def test_no_base_url_means_no_qr_code(config: Config) -> None:
    offline = replace(config, branding=replace(config.branding, base_url=""))
    data = render_handout(localized(offline, "es"), offline, STANDARD, default_renderers())
    assert len(figure_alts(open_pdf(data))) == 1  # the drawing only
    assert "example.org" not in pdftotext(data)


def test_a_hindi_handout_uses_one_numbering_system(render: Render) -> None:
    # CLDR's default for Hindi is Western digits: body, list numbers, dates and page numbers
    # agree (the footer once said "Page १ of २" under a body written with 1, 2, 3).
    text = pdftotext(render("hi"))
    assert not re.search("[०-९]", text), text[-200:]
    assert re.search("[0-9]", text)


def test_kit_toml_digits_is_read_and_checked(tmp_path: Path) -> None:
    from kit.config import parse_config
    from kit.errors import KitError

    data = {"project": {"locales": ["hi"]}, "locale": {"hi": {"digits": "deva"}}}
    assert parse_config(data, tmp_path).overrides("hi").digits == "deva"
    data["locale"]["hi"]["digits"] = "roman"
    with pytest.raises(KitError):
        parse_config(data, tmp_path)


def test_a_reviewer_who_signed_twice_on_a_day_is_named_once(config: Config) -> None:
    """One clinician signed off without a stage, then again as the clinical stage, the same
    day: the handout names them once, not twice word for word."""
    from kit.catalog.review import ReviewStatus
    from kit.pdf.view import about_notes

    ldoc = localized(config, "es")
    assert ldoc.provenance is not None and ldoc.provenance.review is not None
    first = ldoc.provenance.review.reviewers[0]
    again = replace(first, stage="clinical")
    other = replace(first, reviewer="Dr. Tomás Ruiz", method="")
    review: ReviewStatus = replace(ldoc.provenance.review, reviewers=(again, first, other))
    twice = replace(ldoc, provenance=replace(ldoc.provenance, review=review))
    names = [str(n.html) for n in about_notes(twice, ldoc.locale) if n.kind == "reviewed-by"]
    assert len(names) == 2
    assert "Lucía Pérez" in names[0] and "Tomás Ruiz" in names[1]


def test_a_page_without_a_version_prints_no_version_line(tmp_path: Path) -> None:
    # ``version`` is optional in the front matter: a handout without one said "Version" with
    # nothing after it, in "About this handout" and in every page's footer.
    from tests.pdf.helpers import build_handouts

    source = (
        '---\ntitle: "Drinks"\nsummary: "How much to drink."\nslug: drinks\n'
        "reviewed: 2024-03-01\n---\n\nGive water often.\n"
    )
    words = {
        "Drinks": "Bebidas",
        "How much to drink.": "Cuánto beber.",
        "Give water often.": "Dé agua a menudo.",
    }
    dist = build_handouts(tmp_path, "drinks", source, "es", words)
    for pdf, word in (
        (dist / "en" / "drinks.pdf", "Version"),
        (dist / "es" / "drinks.pdf", "Versión"),
    ):
        text = pdftotext(pdf.read_bytes())
        assert "Reviewed" in text or "Revisado" in text
        assert word not in text, text
