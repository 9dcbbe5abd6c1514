"""Print profiles on paper: type sizes, margins, page size, bilingual layout, grey-safe colour."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kit.config import Config, LocaleOverrides
from kit.pdf.css import contrast_on_white, text_color
from kit.pdf.profiles import BILINGUAL, LARGE_PRINT, PAGE_POINTS, STANDARD
from kit.pdf.render import handout_html, profiles_for, render_handout
from kit.pdf.view import default_renderers
from kit.site import handout_names
from tests.pdf.conftest import Render
from tests.pdf.helpers import (
    TRANSLATIONS,
    TextRun,
    localized,
    open_pdf,
    pdftotext,
    squash,
    tags,
    text_runs,
    walk_structure,
    with_print,
)


def _body_runs(data: bytes, bottom_margin_pt: float) -> list[TextRun]:
    pdf = open_pdf(data)
    runs = [r for i in range(len(pdf.pages)) for r in text_runs(pdf, i)]
    return [r for r in runs if r.y > bottom_margin_pt]  # the footer sits in the bottom margin


@pytest.mark.parametrize("code", ["en", "ar", "zh_Hans"])
def test_large_print_is_at_least_18pt_with_22_20_headings(render: Render, code: str) -> None:
    bottom = (LARGE_PRINT.margin_in + LARGE_PRINT.footer_pt / 72) * 72
    runs = _body_runs(render(code, "large-print"), bottom)
    sizes = {r.size_pt for r in runs}
    assert min(sizes) >= 18, sorted(sizes)
    assert {22.0, 20.0, 18.0} <= sizes
    assert min(r.x for r in runs) >= 72 - 0.5  # 1-inch margin
    assert max(r.y for r in runs) <= 792 - 72 + 0.5


@pytest.mark.parametrize("code", ["en", "vi", "ko"])
def test_standard_body_is_14pt_and_nothing_under_12pt(render: Render, code: str) -> None:
    bottom = (STANDARD.margin_in + STANDARD.footer_pt / 72) * 72
    runs = _body_runs(render(code), bottom)
    sizes = [r.size_pt for r in runs]
    assert min(sizes) >= 12
    assert max(set(sizes), key=sizes.count) in (12.0, 14.0)
    assert 14.0 in sizes and 22.0 in sizes  # body and h1


def test_large_print_css_turns_hyphenation_off(config: Config) -> None:
    html = handout_html(localized(config, "es"), config, LARGE_PRINT, default_renderers())
    assert "hyphens: none !important" in html
    standard = handout_html(localized(config, "es"), config, STANDARD, default_renderers())
    assert "hyphens: manual !important" in standard


@pytest.mark.parametrize(
    ("size", "points"), [("letter", PAGE_POINTS["letter"]), ("A4", PAGE_POINTS["A4"])]
)
def test_page_size_from_config(render: Render, size: str, points: tuple[float, float]) -> None:
    pdf = open_pdf(render("es", "standard", size))
    for page in pdf.pages:
        box = [float(v) for v in page.MediaBox]
        assert box[2] == pytest.approx(points[0], abs=0.5)
        assert box[3] == pytest.approx(points[1], abs=0.5)


def test_page_size_per_locale(config: Config) -> None:
    per_locale = replace(config, locale={"vi": LocaleOverrides(page_size="A4")})
    data = render_handout(localized(per_locale, "vi"), per_locale, STANDARD, default_renderers())
    pdf = open_pdf(data)
    assert float(pdf.pages[0].MediaBox[3]) == pytest.approx(841.89, abs=0.5)
    assert "size: letter" in handout_html(
        localized(per_locale, "es"), per_locale, STANDARD, default_renderers()
    )


def test_handout_names_follow_the_print_settings(config: Config) -> None:
    assert handout_names("fever", config.print, is_source=False) == (
        "fever.pdf",
        "fever.large-print.pdf",
        "fever.bilingual.pdf",
    )
    assert handout_names("fever", config.print, is_source=True) == (
        "fever.pdf",
        "fever.large-print.pdf",
    )
    plain = with_print(config, large_print=False, bilingual=False)
    assert handout_names("fever", plain.print, is_source=False) == ("fever.pdf",)


def test_the_renderer_writes_the_names_the_build_plans(config: Config) -> None:
    plain = with_print(config, large_print=False, bilingual=False)
    for cfg in (config, plain):
        for ldoc in (localized(cfg, "es"), localized(cfg, "en")):
            written = tuple(p.filename("fever") for p in profiles_for(ldoc, cfg))
            assert written == handout_names("fever", cfg.print, ldoc.is_source)


@pytest.mark.parametrize("code", ["es", "ar", "zh_Hans"])
def test_bilingual_has_both_languages_side_by_side(render: Render, code: str) -> None:
    data = render(code, "bilingual")
    pdf = open_pdf(data)
    assert str(pdf.Root.Lang) == {"zh_Hans": "zh-Hans"}.get(code, code)
    text = squash(pdftotext(data))
    for english in (
        "Fever in children",
        "When to call",
        "Give your child plenty to drink.",
        "At home",
    ):
        assert squash(english) in text
    structure = tags(pdf)
    assert structure.count("H1") == 1
    assert "Table" not in structure  # side by side is a layout, not a data table (issue 18)
    target = {"zh_Hans": "zh-Hans"}.get(code, code)
    parts = [str(e.Lang) for e in walk_structure(pdf) if e.S == "/Div" and "/Lang" in e]
    assert parts.count("en") >= 4 and parts.count(target) >= 4  # names, summary, 2 sections, about
    assert parts.count("en") == parts.count(target)
    headings = [t for t in structure if t.startswith("H")]
    assert headings.count("H2") >= 6  # two sections and "about" in each language
    if code == "es":
        for spanish in TRANSLATIONS["es"].values():
            if "termómetro" not in spanish:
                assert squash(spanish) in text


def test_bilingual_right_to_left_target_sits_right_of_english(render: Render) -> None:
    boxes = pdftotext(render("ar", "bilingual"), "-bbox", "-f", "1", "-l", "1")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>'
    words = [(float(m[1]), float(m[2]), m[3]) for m in re.finditer(pattern, boxes)]
    middle = 612 / 2
    for english in ("When", "English"):
        x, y, _ = next(w for w in words if w[2] == english)
        assert x < middle
        arabic = [w for w in words if abs(w[1] - y) < 6 and re.search("[\u0600-\u06ff]", w[2])]
        assert arabic and all(w[0] > middle for w in arabic), (english, arabic)


def test_bilingual_sections_are_aligned_row_by_row(config: Config) -> None:
    html = handout_html(localized(config, "ar"), config, BILINGUAL, default_renderers())
    rows = re.findall(
        r'<div class="bi-row[^"]*">\s*<div class="bi-part" lang="en" dir="ltr">(.*?)</div>\s*'
        r'<div class="bi-part" lang="ar" dir="rtl">',
        html,
        re.S,
    )
    assert len(rows) == 5  # language names, summary, two sections, about
    assert "When to call" in rows[2] and "At home" in rows[3]


def test_text_is_grey_safe(render: Render) -> None:
    pdf = open_pdf(render("en"))
    for run in text_runs(pdf, 0):
        grey = run.fill[0] if len(run.fill) == 1 else None
        rgb = run.fill if len(run.fill) == 3 else (grey, grey, grey)
        hex_color = "#" + "".join(f"{round(float(c) * 255):02x}" for c in rgb)  # type: ignore[arg-type]
        assert contrast_on_white(hex_color) >= 7, hex_color


def test_light_branding_colour_falls_back_to_black() -> None:
    assert text_color("#1d4f91") == "#1d4f91"
    assert text_color("#66ccff") == "#000000"
    assert text_color("not a colour") == "#000000"
    assert text_color("#fff") == "#000000"
