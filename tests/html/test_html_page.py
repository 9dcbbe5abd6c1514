"""Whole pages: language and direction, title, headings, landmarks, skip link, language
switcher, notices, banner, no scripts and no external resources; and the index."""

from __future__ import annotations

import itertools
import re

import pytest

from kit.catalog.localize import PublishPolicy
from kit.config import BrandingSection
from kit.html.render import render_index, render_page
from tests.html.support import (
    EN,
    Node,
    document,
    full_translation,
    localized,
    parse_html,
    po_file,
    published,
    reviewed_log,
    site,
)

MARKDOWN = (
    "## When to call\n\nCall us when the fever is high.\n\n#### Very high\n\nOver 40 °C.\n\n"
    "![A thermometer](images/thermometer.svg)\n\n| Age | Dose |\n| --- | --- |\n| 1 | 2 mL |\n"
    "\nSee [ClinicalTrials.gov](https://clinicaltrials.gov/).\n"
)
DOC = document(MARKDOWN)
HEADER = "Last-Translator: Ana Ruiz <ana@example.org>\n"


def page(code: str, complete: bool = True, reviewed: bool = False, **policy: object) -> str:
    translations = full_translation(DOC, f"[{code}]")
    if not complete:
        translations["Call us when the fever is high."] = ""
    po = po_file(translations, HEADER)
    review = reviewed_log(po) if reviewed else None
    ldoc = (
        localized(DOC, code, po, PublishPolicy(**policy), review)
        if code != "en"
        else localized(DOC)
    )  # type: ignore[arg-type]
    others = [localized(DOC, c, po) for c in ("es", "ar", "zh_Hans") if c != code]
    return render_page(ldoc, site(), published(DOC, localized(DOC), ldoc, *others))


def html_element(text: str) -> Node:
    return parse_html(text).root.find("html")


@pytest.mark.parametrize(
    ("code", "lang", "direction"),
    [("en", "en", "ltr"), ("es", "es", "ltr"), ("ar", "ar", "rtl"), ("zh_Hans", "zh-Hans", "ltr")],
)
def test_lang_and_dir(code: str, lang: str, direction: str) -> None:
    root = html_element(page(code))
    assert root.attrs["lang"] == lang and root.attrs["dir"] == direction


def test_localized_title_and_one_h1_without_skipped_levels() -> None:
    root = html_element(page("es"))
    assert root.find("title").text() == "[es] Fever in babies"
    levels = [int(n.tag[1]) for n in root.iter() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_landmarks_and_skip_link() -> None:
    root = html_element(page("es"))
    body = root.find("body")
    assert [n.tag for n in root.iter()].count("main") == 1
    top = [c for c in body.children if isinstance(c, Node)]
    assert [n.tag for n in top] == ["a", "header", "main", "footer"]  # nothing outside landmarks
    skip = top[0]
    assert skip.attrs["href"] == "#main" and skip.text() == "Saltar al contenido principal"
    assert root.find("main").attrs["id"] == "main"


def test_language_switcher() -> None:
    root = html_element(page("ar"))
    nav = root.find("nav")
    links = {a.attrs["hreflang"]: a for a in nav.find_all("a")}
    assert set(links) == {"en", "es", "ar", "zh-Hans"}
    assert links["es"].text() == "Español" and links["es"].attrs["href"] == "../es/fever.html"
    assert links["zh-Hans"].text() == "中文 (简体)" and links["zh-Hans"].attrs["lang"] == "zh-Hans"
    assert links["en"].attrs["dir"] == "ltr"  # an LTR name inside an RTL page
    assert links["ar"].attrs["aria-current"] == "page" and links["ar"].attrs["href"] == "fever.html"
    alternates = [
        n.attrs["hreflang"] for n in root.find_all("link") if n.attrs.get("rel") == "alternate"
    ]
    assert sorted(alternates) == ["en", "es", "zh-Hans"]


def test_translated_page_notices_draft() -> None:
    text = page("es")
    assert "Traducido de la versión en inglés revisada el 5 de marzo de 2024." in text
    assert "Traducido por Ana Ruiz." in text and "ana@example.org" not in text
    assert "Traducción preliminar, aún no revisada por un traductor médico calificado." in text


def test_translated_page_notices_reviewed() -> None:
    text = page("es", reviewed=True)
    assert (
        "Traducción revisada por Dr. Ana Ruiz (medical translator) el 1 de abril de 2024." in text
    )
    assert "preliminar" not in text


def test_source_page_shows_review_date_only() -> None:
    text = page("en")
    assert "Reviewed: March 5, 2024" in text
    assert "Translated from" not in text and "kit-fallback" not in text


def test_partial_page_banner_and_notice() -> None:
    text = page("es", complete=False, threshold=100, below_threshold="banner")
    root = html_element(text)
    banner = next(n for n in root.iter() if "kit-banner" in n.attrs.get("class", ""))
    assert "no está completa" in banner.text()
    link = banner.find("a")
    assert link.attrs["href"] == "../en/fever.html" and link.text() == "Leer la versión en inglés"
    assert "Algunas partes de esta página aún no están traducidas" in text
    fallback = next(n for n in root.iter() if "kit-fallback" in n.attrs.get("class", "").split())
    assert fallback.attrs["lang"] == "en" and "dir" not in fallback.attrs
    assert fallback.find("span").text() == "Sin traducir (inglés)"


def test_complete_page_has_no_banner() -> None:
    text = page("es")
    assert "kit-banner" not in text and "kit-partial" not in text


def test_fallback_in_rtl_page_switches_direction() -> None:
    root = html_element(page("ar", complete=False, threshold=0))
    fallback = next(n for n in root.iter() if "kit-fallback" in n.attrs.get("class", "").split())
    assert (fallback.attrs["lang"], fallback.attrs["dir"]) == ("en", "ltr")
    label = fallback.find("span")
    assert (label.attrs["lang"], label.attrs["dir"]) == ("ar", "rtl")


@pytest.mark.parametrize("code", ["en", "es", "ar"])
def test_no_script_and_no_external_resources(code: str) -> None:
    text = page(code)
    parsed = parse_html(text)
    assert not [t for t, _ in parsed.tags if t in ("script", "iframe", "object", "embed", "style")]
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            if name == "src" or (tag == "link" and name == "href"):
                assert not re.match(r"^[a-z]+:|^//", value or ""), (tag, value)
    external = [
        dict(a)["href"]
        for t, a in parsed.tags
        if t == "a" and re.match("https?:", dict(a).get("href") or "")
    ]
    assert external == ["https://clinicaltrials.gov/"]  # only the document's own link
    assert "http-equiv" not in text


def test_viewport_allows_zoom_and_print_stylesheet_is_linked() -> None:
    root = html_element(page("es"))
    viewport = next(m for m in root.find_all("meta") if m.attrs.get("name") == "viewport")
    assert (
        "user-scalable" not in viewport.attrs["content"]
        and "maximum-scale" not in viewport.attrs["content"]
    )
    assert any(n.attrs.get("href") == "assets/kit.css" for n in root.find_all("link"))


def test_branding_in_page() -> None:
    branding = BrandingSection(
        organization="Example Children's", phone="+1 555 0100", base_url="https://example.org/ed/"
    )
    es = localized(DOC, "es", po_file(full_translation(DOC, "[es]")))
    text = render_page(es, site(branding=branding), published(DOC, localized(DOC), es))
    root = html_element(text)
    assert root.find("title").text() == "[es] Fever in babies | Example Children's"
    assert (
        '¿Preguntas? Llame al <a href="tel:+15550100" dir="ltr">+1&nbsp;555&nbsp;0100</a>.' in text
    )
    canonical = next(n for n in root.find_all("link") if n.attrs.get("rel") == "canonical")
    assert canonical.attrs["href"] == "https://example.org/ed/es/fever.html"


def test_same_input_same_bytes() -> None:
    assert page("ar", complete=False, threshold=0) == page("ar", complete=False, threshold=0)


def test_index_lists_documents_and_languages() -> None:
    es = localized(DOC, "es", po_file(full_translation(DOC, "[es]")))
    ar = localized(DOC, "ar", po_file(full_translation(DOC, "[ar]")))
    text = render_index(site(), [published(DOC, localized(DOC), es, ar)])
    root = html_element(text)
    assert root.attrs["lang"] == "en" and root.find("h1").text() == "Patient education"
    assert root.find("h2").text() == "Fever in babies"
    items = {a.attrs["hreflang"]: a for a in root.find_all("a") if a.attrs.get("hreflang")}
    assert items["ar"].text() == "العربية" and items["ar"].attrs["dir"] == "rtl"
    assert items["ar"].attrs["href"] == "ar/fever.html"
    assert "– Arabic" in text and "– Spanish" in text
    assert "<style>" in text and "--kit-primary" in text  # the stylesheet travels inline


def test_index_without_documents() -> None:
    text = render_index(site(), [])
    assert "No pages are published yet." in text


def test_english_fallback_for_a_locale_without_ui_strings() -> None:
    fr = localized(DOC, "fr", po_file(full_translation(DOC, "[fr]")))
    text = render_page(fr, site(), published(DOC, localized(DOC), fr))
    assert (
        '<a class="kit-skip" href="#main"><span lang="en">Skip to main content</span></a>' in text
    )
    assert EN.code == "en"


STEPS = document("## Steps\n\n1. Wash your hands.\n2. Put on a mask.\n\n- Soap\n- Water\n")


def _list_page(code: str, digits: str | None = None) -> Node:
    from dataclasses import replace

    from kit.config import LocaleOverrides

    po = po_file(full_translation(STEPS, f"[{code}]"), HEADER)
    ldoc = localized(STEPS, code, po)
    the_site = site(locales=(code,))
    if digits is not None:
        config = replace(the_site.config, locale={code: LocaleOverrides(digits=digits)})
        the_site = replace(the_site, config=config)
    return html_element(render_page(ldoc, the_site, published(STEPS, localized(STEPS), ldoc)))


@pytest.mark.parametrize(
    ("code", "style"),
    [("fa", "persian"), ("mr", "devanagari"), ("es", None), ("ar", None), ("ur", None)],
)
def test_ordered_lists_count_in_the_locale_digits_as_handouts_do(
    code: str, style: str | None
) -> None:
    """CLDR's default numbering: Persian digits for Farsi (۱ ۲ ۳), Devanagari for Marathi,
    Western for Spanish and (CLDR 42 on) Arabic and Urdu; the handout's CSS uses the same
    (``kit.pdf.numerals``). Bullet lists have no numbers."""
    root = _list_page(code)
    ordered = root.find("main").find("ol")
    expected = {"style": f"list-style-type: {style}"} if style else {}
    assert ordered.attrs == expected
    assert root.find("main").find("ul").attrs == {}


def test_kit_toml_digits_choose_the_list_numbers_too() -> None:
    assert _list_page("fa", digits="latn").find("ol").attrs == {}
    assert _list_page("es", digits="arab").find("ol").attrs == {
        "style": "list-style-type: arabic-indic"
    }


def test_dates_and_handout_sizes_on_a_page_use_the_digits_its_handouts_print() -> None:
    """A page and its handout print the same date in the same digits: with Arabic-Indic
    digits chosen for ar, "Translated from ... reviewed on ٥ مارس ٢٠٢٤" and the handout's
    "pages: ٢"; with CLDR's default for ar (Western digits since CLDR 42) both stay 5 and 2."""
    from dataclasses import replace

    from kit.config import LocaleOverrides
    from kit.site import HandoutFile

    po = po_file(full_translation(DOC, "[ar]"), HEADER)
    ldoc = localized(DOC, "ar", po)
    handouts = (HandoutFile("standard", "fever.pdf", 2, 24_000),)
    plain = site(locales=("ar",))
    chosen = replace(
        plain, config=replace(plain.config, locale={"ar": LocaleOverrides(digits="arab")})
    )
    pages = published(DOC, localized(DOC), ldoc)
    arabic = render_page(ldoc, chosen, pages, handouts)
    assert "٥ مارس ٢٠٢٤" in arabic and "5 مارس 2024" not in arabic
    assert "PDF، العربية، عدد الصفحات: ٢، ٢٤ كيلوبايت" in arabic
    western = render_page(ldoc, plain, pages, handouts)
    assert "5 مارس 2024" in western and "عدد الصفحات: 2، 24 كيلوبايت" in western


def test_a_date_in_an_english_fallback_phrase_keeps_western_digits() -> None:
    """Persian digits chosen for fa, but kit has no Persian words: the phrase is English,
    marked, and so is its date: "reviewed on March 5, 2024", not "March ۵, ۲۰۲۴"."""
    from dataclasses import replace

    from kit.config import LocaleOverrides

    ldoc = localized(DOC, "fa", po_file(full_translation(DOC, "[fa]"), HEADER))
    plain = site(locales=("fa",))
    chosen = replace(
        plain, config=replace(plain.config, locale={"fa": LocaleOverrides(digits="arabext")})
    )
    text = render_page(ldoc, chosen, published(DOC, localized(DOC), ldoc))
    assert "reviewed on March 5, 2024" in text and "۲۰۲۴" not in text
