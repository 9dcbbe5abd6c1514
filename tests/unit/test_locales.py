"""Locale codes are parsed once with Babel; anything else is a clear error."""

import pytest
from babel import Locale, localedata

from kit.errors import LocaleError
from kit.locales import parse_locale


@pytest.mark.parametrize(
    ("code", "bcp47", "direction", "native"),
    [
        ("es", "es", "ltr", "Español"),
        ("zh_Hans", "zh-Hans", "ltr", "中文 (简体)"),
        ("zh-Hant", "zh-Hant", "ltr", "中文 (繁體)"),
        ("ar", "ar", "rtl", "العربية"),
        ("fa", "fa", "rtl", "فارسی"),
        ("he", "he", "rtl", "עברית"),
        ("ur", "ur", "rtl", "اردو"),
        ("pt_BR", "pt-BR", "ltr", "Português (Brasil)"),
        ("tl", "tl", "ltr", "Tagalog"),
    ],
)
def test_known_locales(code: str, bcp47: str, direction: str, native: str) -> None:
    info = parse_locale(code)
    assert (info.bcp47, info.direction, info.native_name) == (bcp47, direction, native)


def test_plural_forms_come_from_cldr() -> None:
    assert parse_locale("ru").plural_forms.startswith("nplurals=3;")
    assert parse_locale("zh_Hans").plural_forms == "nplurals=1; plural=0;"


@pytest.mark.parametrize("code", ["xx", "../etc", "/etc/passwd", "es/../../x", "", "e", "es_ZZZZZ"])
def test_bad_codes_are_refused(code: str) -> None:
    with pytest.raises(LocaleError):
        parse_locale(code)


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        ("hmn", "CLDR has this language as hnj (Hmong Njua) or mww (Hmong Daw): use that code"),
        ("prs", "CLDR has this language as fa_AF (Dari): use that code"),
        ("sm", "CLDR names Samoan (sm) but has no locale data for it"),
        ("mh_MH", "CLDR names Marshallese (mh) but has no locale data for it"),
        ("xx", "use a code Babel/CLDR knows, such as es, zh_Hans, pt_BR or ar"),
    ],
)
def test_an_unknown_code_gets_a_hint_that_says_why(code: str, hint: str) -> None:
    """A hospital that serves Hmong, Dari or Samoan families learns what to type instead, or
    that CLDR (and so kit) lacks the language: not a suggestion that the code was mistyped."""
    with pytest.raises(LocaleError) as caught:
        parse_locale(code)
    assert caught.value.hint.startswith(hint)
    for suggested in ("hnj", "mww", "fa_AF"):
        if suggested in hint:
            assert parse_locale(suggested).code == suggested


def test_dari_is_called_dari() -> None:
    """Afghan families look for دری (Dari) in the language switcher, not "Persian
    (Afghanistan)"; Iranian Persian and other regional locales keep CLDR's usual names."""
    dari = parse_locale("fa_AF")
    assert (dari.native_name, dari.english_name) == ("دری", "Dari")
    assert parse_locale("fa").native_name == "فارسی"
    assert parse_locale("es_MX").english_name == "Spanish (Mexico)"


def test_name_in_another_language() -> None:
    assert parse_locale("es").name_in(parse_locale("en")) == "Spanish"


def test_direction_agrees_with_cldr_for_every_locale_babel_knows() -> None:
    """kit finds a locale's direction from its script, without loading its CLDR data; CLDR's
    own character order must give the same answer for each of Babel's locales."""
    differ, compared = [], 0
    for code in localedata.locale_identifiers():
        try:
            direction = parse_locale(code).direction
        except LocaleError:  # variants such as be_TARASK are not kit locale codes
            continue
        compared += 1
        cldr = Locale.parse(code).character_order
        if direction != ("rtl" if cldr == "right-to-left" else "ltr"):
            differ.append((code, cldr))
    assert differ == []
    assert compared > 1000


@pytest.mark.parametrize("code", ["az_IR", "pa_PK", "uz_AF", "iw", "ji", "ks", "sd_IN", "ff_Adlm"])
def test_direction_of_aliases_and_regional_scripts(code: str) -> None:
    assert parse_locale(code).direction == (
        "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
    )


def test_parsing_a_locale_loads_no_cldr_locale_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A no-op build parses every locale of kit.toml and needs nothing more of them: loading
    each locale's CLDR data was most of its time. Names load it when first asked for."""
    loaded: list[str] = []
    real_get = localedata.get_locale_data  # what every Locale asks, even when Babel has the data

    def get_locale_data(name: str) -> localedata.LocaleDataDict:
        loaded.append(name)
        return real_get(name)

    monkeypatch.setattr(localedata, "get_locale_data", get_locale_data)
    parse_locale.cache_clear()
    infos = [parse_locale(code) for code in ("es", "ar", "fa", "so", "am", "zh_Hans", "pt_BR")]
    assert loaded == []
    assert [i.direction for i in infos] == ["ltr", "rtl", "rtl", "ltr", "ltr", "ltr", "ltr"]
    assert infos[2].native_name == "فارسی"
