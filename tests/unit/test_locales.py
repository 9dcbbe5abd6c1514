"""Locale codes are parsed once with Babel; anything else is a clear error."""

import pytest

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


def test_name_in_another_language() -> None:
    assert parse_locale("es").name_in(parse_locale("en")) == "Spanish"
