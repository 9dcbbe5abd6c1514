"""Alt text, rules A1-A13 (reference §11): source images, then each locale's translations."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kit.checks.alt_text import (
    check_catalog,
    check_source,
    redundant_prefix,
    source_problems,
    text_problems,
)
from kit.checks.scan import ImageUse

from ._helpers import catalog, checks, entry, po, rules, source


def source_checks(body: str) -> list[str]:
    return checks(list(check_source(source(body), "en", "en")))


GOOD = '![Nurse checking a baby\'s temperature with an ear thermometer.](img/ear.png "Use an ear thermometer.")\n'


def test_a_good_figure_passes() -> None:
    assert source_checks(GOOD) == []


@pytest.mark.parametrize(
    ("body", "check"),
    [
        ("![](img/divider.png)\n", "alt.missing"),  # A1
        ('<img src="img/x.png">\n', "alt.missing"),  # A1, raw HTML
        (
            '<!-- kit-image: decorative -->\n![](img/divider.png "Divider")\n',
            "alt.decorative-title",
        ),  # A2
        ('![](img/ear.png "Use an ear thermometer.")\n', "alt.empty-informative"),  # A3
        ('![ear.png](img/ear.png "Use an ear thermometer.")\n', "alt.placeholder"),  # A4 file name
        (
            '![image](img/ear.png "Use an ear thermometer.")\n',
            "alt.placeholder",
        ),  # A4 placeholder word
        ('![https://x.org/a.png](img/ear.png "Caption.")\n', "alt.placeholder"),  # A4 URL
        ('![Image of a thermometer.](img/ear.png "Use it.")\n', "alt.redundant-prefix"),  # A5
        (f'![{"A very long description. " * 6}](img/ear.png "Caption.")\n', "alt.too-long"),  # A6
        (
            '![Use an ear thermometer.](img/ear.png "Use an ear thermometer.")\n',
            "alt.redundant",
        ),  # A7
        ("[![](img/home.svg)](index.html)\n", "alt.functional"),  # A8
        (
            '![A growth chart for babies.](img/growth.png "Growth chart.")\n\n## Next\n',
            "alt.long-description",
        ),  # A10
        ('![Nurse with a thermometer](img/ear.png "Caption.")\n', "alt.punctuation"),  # A11
        ("![Nurse with a thermometer.](img/ear.png)\n", "alt.caption"),  # A12
    ],
)
def test_source_rules(body: str, check: str) -> None:
    assert check in source_checks(body)


def test_decorative_mark_allows_empty_alt() -> None:
    assert source_checks("<!-- kit-image: decorative -->\n![](img/divider.png)\n") == []


def test_complex_image_with_a_list_after_it_has_a_long_description() -> None:
    body = (
        '<!-- kit-image: complex -->\n![Treatment phases over two years.](img/p.svg "Treatment phases.")\n\n'
        "- Induction: 1 month.\n- Consolidation: 2 months.\n"
    )
    assert source_checks(body) == []


def test_image_in_a_link_with_alt_is_fine_but_repeating_the_link_text_is_redundant() -> None:
    assert source_checks("[![Home page.](img/home.svg)](index.html)\n") == ["alt.caption"]
    assert "alt.redundant" in source_checks("[Home page ![Home page](img/home.svg)](index.html)\n")


def test_words_drawn_in_an_svg_must_be_in_the_alt() -> None:  # A9
    image = ImageUse(
        "img/p.svg", "Treatment timeline.", "Phases.", 8, svg_words=("Induction", "Maintenance")
    )
    assert [p.check for p in source_problems(image, "en")] == ["alt.text-in-image"]
    ok = replace(image, alt="Timeline: induction, then maintenance.")
    assert source_problems(ok, "en") == []


@pytest.mark.parametrize(
    ("alt", "language"),
    [
        ("Imagen de un termómetro.", "es"),
        ("Bild von einem Thermometer.", "de"),
        ("Изображение термометра.", "ru"),
        ("体温计的图片。", "zh"),
        ("체온계의 사진.", "ko"),
        ("hình ảnh của nhiệt kế.", "vi"),
        ("An image of a thermometer.", "en"),
    ],
)
def test_image_of_prefix_in_each_language(alt: str, language: str) -> None:
    assert redundant_prefix(alt, language)


def test_prefix_words_inside_a_sentence_are_fine() -> None:
    assert not redundant_prefix("Ảnh hưởng của thuốc lên gan.", "vi")
    assert [p.check for p in text_problems("Nurse taking a photo of a baby.", "en")] == []


TRANSLATED_BODY = (
    '![Nurse checking a baby\'s temperature.](img/ear.png "Use an ear thermometer.")\n'
)
ALT = "Nurse checking a baby's temperature."
TITLE = "Use an ear thermometer."


def locale_checks(
    alt_msgstr: str, code: str = "es", title_msgstr: str = "Use un termómetro de oído."
) -> list[str]:
    unit = source(TRANSLATED_BODY)
    catalog_po = po(
        entry("Fever in babies", "Fiebre"), entry(ALT, alt_msgstr), entry(TITLE, title_msgstr)
    )
    return checks(list(check_catalog(catalog(unit, catalog_po, rules(code)))))


def test_translated_alt_passes() -> None:
    assert locale_checks("Enfermera que toma la temperatura de un bebé.") == []


@pytest.mark.parametrize(
    ("msgstr", "code", "check"),
    [
        ("", "es", "alt.untranslated"),
        (ALT, "es", "alt.identical"),
        ("Nurse checking temperature of baby.", "zh_Hans", "alt.language"),
        ("Imagen de una enfermera que toma la temperatura.", "es", "alt.redundant-prefix"),
        ("Use un termómetro de oído.", "es", "alt.redundant"),
        ("enfermera.png", "es", "alt.placeholder"),
        ("Enfermera que toma la temperatura", "es", "alt.punctuation"),
    ],
)
def test_translated_alt_rules(msgstr: str, code: str, check: str) -> None:
    assert check in locale_checks(msgstr, code)


def test_identical_alt_can_be_allow_listed() -> None:
    unit = source(TRANSLATED_BODY)
    catalog_po = po(entry("Fever in babies", "Fiebre"), entry(ALT, ALT))
    locale = rules("es", identical_allowed=frozenset({ALT.casefold()}))
    assert checks(list(check_catalog(catalog(unit, catalog_po, locale)))) == []


def test_untranslated_alt_is_not_reported_before_translation_starts() -> None:
    unit = source(TRANSLATED_BODY)
    assert list(check_catalog(catalog(unit, po(entry(ALT), entry(TITLE))))) == []
