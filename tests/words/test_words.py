"""kit's own words: one table, one lookup, one fallback rule for pages and handouts."""

from __future__ import annotations

import string

import pytest

from kit.locales import parse_locale
from kit.words import lookup as words
from kit.words.table import UI_STRINGS


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def test_every_locale_has_every_key_with_the_same_placeholders() -> None:
    english = UI_STRINGS["en"]
    for code, table in UI_STRINGS.items():
        assert set(table) == set(english), code
        for key, text in table.items():
            assert _fields(text) == _fields(english[key]), (code, key)


def test_page_and_handout_words_share_the_fallback_rule() -> None:
    # A handout word and a page word behave alike for a locale kit has no words for.
    for key in ("page", "reviewed"):
        text, fallback = words.lookup(parse_locale("am"), key)
        assert fallback and text == UI_STRINGS["en"][key]
    html = words.ui_html(parse_locale("fa"), "version", version="2.1")
    assert html == '<span lang="en" dir="ltr">Version 2.1</span>'


def test_a_regional_locale_uses_its_language() -> None:
    assert words.ui_html(parse_locale("es_MX"), "about") == "Sobre esta hoja informativa"
    assert words.lookup(parse_locale("es_MX"), "languages") == ("Idiomas", False)


def test_a_key_missing_in_one_locale_falls_back_to_english_for_that_key_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    partial = {k: v for k, v in UI_STRINGS["es"].items() if k != "page"}
    monkeypatch.setitem(UI_STRINGS, "es", partial)
    es = parse_locale("es")
    assert words.lookup(es, "page") == ("Page {page} of {pages}", True)
    assert words.lookup(es, "about") == ("Sobre esta hoja informativa", False)
    assert words.ui_html(es, "page", page="1", pages="2") == '<span lang="en">Page 1 of 2</span>'


def test_values_are_escaped_and_isolated_in_right_to_left_text() -> None:
    assert "<bdi" in words.ui_html(parse_locale("ar"), "version", version="2.1 beta")
    assert "&lt;b&gt;" in words.ui_html(parse_locale("es"), "translated_by", name="<b>A</b>")


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        words.lookup(parse_locale("es"), "no_such_word")
