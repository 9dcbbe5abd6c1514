"""kit's own words: gettext catalogs, one lookup, one fallback rule for pages and handouts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.locales import parse_locale
from kit.po import read_po
from kit.words import lookup as words
from kit.words.messages import MESSAGES

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "kit" / "words" / "locales"
SHIPPED_CODES = ("es", "zh_Hans", "vi", "ar", "ko", "ru", "tl")


@pytest.fixture(autouse=True)
def _no_project_words() -> Iterator[None]:
    saved = dict(words._PROJECT)
    words._PROJECT.clear()
    yield
    words._PROJECT.clear()
    words._PROJECT.update(saved)
    words.language_name.cache_clear()


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"%\((\w+)\)s", text))


def test_the_shipped_template_is_what_babel_extracts_from_code_and_templates() -> None:
    # Changing a word in kit/words/messages.py or templates/*.j2 without re-extracting fails.
    script = ROOT / "scripts" / "extract-kit-words.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    pot = read_po(SHIPPED / "kit.pot")
    msgids = {e.msgid for e in pot.entries}
    assert set(MESSAGES.values()) <= msgids
    refs = {r for e in pot.entries for r in e.references}
    assert any(r.startswith("templates/base.html.j2:") for r in refs)  # {% trans %}/_() found


@pytest.mark.parametrize("code", SHIPPED_CODES)
def test_every_shipped_catalog_translates_every_word_with_the_same_placeholders(
    code: str,
) -> None:
    pot = read_po(SHIPPED / "kit.pot")
    po = read_po(SHIPPED / code / "LC_MESSAGES" / "kit.po")
    assert [e.msgid for e in po.entries] == [e.msgid for e in pot.entries]
    for entry in po.entries:
        assert entry.msgstr, (code, entry.msgid)
        assert _fields(entry.msgstr) == _fields(entry.msgid), (code, entry.msgid)
    assert po.header.translator_comments[0].startswith("DRAFT")  # needs a qualified translator


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
@pytest.mark.parametrize("code", SHIPPED_CODES)
def test_gnu_msgfmt_accepts_every_shipped_catalog(code: str) -> None:
    path = SHIPPED / code / "LC_MESSAGES" / "kit.po"
    done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


def test_page_and_handout_words_share_the_fallback_rule() -> None:
    # A handout word and a page word behave alike for a locale kit has no words for.
    for key in ("page", "reviewed"):
        text, fallback = words.lookup(parse_locale("am"), key)
        assert fallback and text == MESSAGES[key]
    html = words.ui_html(parse_locale("fa"), "version", version="2.1")
    assert html == '<span lang="en" dir="ltr">Version 2.1</span>'


def test_a_regional_locale_uses_its_language() -> None:
    assert words.ui_html(parse_locale("es_MX"), "about") == "Sobre esta hoja informativa"
    assert words.lookup(parse_locale("es_MX"), "languages") == ("Idiomas", False)


def test_the_project_catalog_overrides_kits_words_word_by_word() -> None:
    es = parse_locale("es")
    words.install_project_words("es", {MESSAGES["call"]: "¿Dudas? Llame a la línea %(phone)s."})
    assert words.ui_plain(es, "call", phone="555") == "¿Dudas? Llame a la línea 555."
    assert words.lookup(es, "about") == ("Sobre esta hoja informativa", False)  # kit's still


def test_a_project_catalog_gives_words_to_a_locale_kit_has_none_for() -> None:
    so = parse_locale("so")
    assert words.ui_html(so, "languages") == '<span lang="en">Languages</span>'
    words.install_project_words("so", {"Languages": "Luqadaha"})
    assert words.ui_html(so, "languages") == "Luqadaha"


def test_a_translation_whose_placeholders_do_not_fit_falls_back_to_marked_english() -> None:
    es = parse_locale("es")
    words.install_project_words("es", {MESSAGES["version"]: "Versión %(versoin)s"})
    assert words.ui_html(es, "version", version="2") == '<span lang="en">Version 2</span>'


def test_values_are_escaped_and_isolated_in_right_to_left_text() -> None:
    assert "<bdi" in words.ui_html(parse_locale("ar"), "version", version="2.1 beta")
    assert "&lt;b&gt;" in words.ui_html(parse_locale("es"), "translated_by", name="<b>A</b>")


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        words.lookup(parse_locale("es"), "no_such_word")


def test_template_plurals_follow_cldr_rules_through_the_catalog(tmp_path: Path) -> None:
    from kit.html.page import Gettext
    from kit.html.templates import environment

    (tmp_path / "t.j2").write_text(
        "{% trans count=n %}{{ count }} page{% pluralize %}{{ count }} pages{% endtrans %}",
        encoding="utf-8",
    )
    template = environment(str(tmp_path)).get_template("t.j2")
    ru = parse_locale("ru")  # one / few / many: 1 страница, 3 страницы, 5 страниц
    words.install_project_words(
        "ru",
        {
            "%(count)s page\0%(count)s pages": "%(count)s страница\0%(count)s страницы\0%(count)s страниц"
        },
    )

    def render(locale: str, n: int) -> str:
        g = Gettext(parse_locale(locale))
        return template.render(n=n, gettext=g, ngettext=g.ngettext)

    assert [render("ru", n) for n in (1, 3, 5, 21)] == [
        "1 страница",
        "3 страницы",
        "5 страниц",
        "21 страница",
    ]
    assert ru.nplurals == 3
    assert render("en", 2) == "2 pages"
    assert render("so", 1) == '<span lang="en">1 page</span>'  # untranslated: marked


def test_check_reports_a_translation_whose_placeholders_differ_at_its_line() -> None:
    from kit.checks.finding import Place
    from kit.checks.words import check_words
    from kit.po import parse_po

    po = parse_po(
        'msgid ""\nmsgstr "Language: es\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-format\nmsgid "Version %(version)s"\nmsgstr "Versión %(versoin)s"\n\n'
        'msgid "Languages"\nmsgstr ""\n',
        "kit.po",
    )
    found = check_words(po, Place("es", "kit", "kit.po"), None, {})
    assert [(f.check, f.severity.value, f.line) for f in found] == [
        ("words.placeholders", "error", 5),
        ("words.missing", "warning", 8),
    ]


def test_a_date_inside_an_english_fallback_is_written_in_english() -> None:
    import datetime as dt

    from kit.words.lookup import date_locale, long_date

    fa, es = parse_locale("fa"), parse_locale("es")
    day = dt.date(2026, 1, 1)
    assert long_date(day, date_locale(fa, "translated_from")) == "January 1, 2026"
    assert long_date(day, date_locale(es, "translated_from")) == "1 de enero de 2026"


def test_a_language_name_is_in_the_language_of_the_word_around_it() -> None:
    # A translator who translated "Translated from ..." but not yet "Languages" (or the other
    # way round) gets "Ingiriisi" inside the Somali sentence and "English" inside the English
    # fallback: never "English" in a Somali sentence nor "Ingiriisi" in an English one.
    en, so = parse_locale("en"), parse_locale("so")
    words.install_project_words(
        "so", {MESSAGES["translated_from"]: "Waxaa laga turjumay nooca %(language)s (%(date)s)."}
    )
    assert words.language_name(en, so, "translated_from") == "Ingiriisi"
    assert words.language_name(en, so, "banner") == "English"
    words.install_project_words("so", {MESSAGES["languages"]: "Luqadaha"})
    assert words.language_name(en, so, "translated_from") == "English"


def test_handout_details_list_languages_and_numbers_as_their_own_sentence() -> None:
    from kit.html.handouts import handout_links
    from kit.site import BILINGUAL, HandoutFile

    en, fa = parse_locale("en"), parse_locale("fa")
    files = (HandoutFile(BILINGUAL, "x.bilingual.pdf", 12, 24_000),)
    # the section heading translated, the details not: the details stay English, whole
    words.install_project_words("fa", {MESSAGES["handouts"]: "برگه‌های چاپی"})
    (link,) = handout_links(files, fa, en)
    assert link.details == (
        '<span lang="en" dir="ltr">PDF, Persian and English, pages: 12, 24 kB</span>'
    )
    assert link.label == '<span lang="en" dir="ltr">Bilingual, with English</span>'
    words.install_project_words(
        "fa",
        {
            MESSAGES["handout_details"]: "PDF، %(language)s، صفحه‌ها: %(pages)s، %(size)s",
            MESSAGES["handout_bilingual"]: "دوزبانه، با %(language)s",
        },
    )
    (link,) = handout_links(files, fa, en)
    assert "فارسی و انگلیسی" in link.details and "۱۲" in link.details
    assert "انگلیسی" in link.label and "lang=" not in link.label


def test_the_project_catalog_is_read_again_only_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build installs the project's words before every page: an unchanged kit.po is parsed
    once, an edited one (``kit serve`` rebuilding) is read again, a removed one is gone."""
    from kit.commands import words as project_words
    from kit.config import load_config
    from kit.project import Project

    (tmp_path / "kit.toml").write_text('[project]\nname = "t"\nlocales = ["so"]\n', "utf-8")
    project = Project(load_config(tmp_path))
    so = parse_locale("so")
    path = project_words.words_po_path(project, so)
    path.parent.mkdir(parents=True)

    def write(word: str, settled: bool) -> None:
        path.write_text(f'msgid ""\nmsgstr ""\n\nmsgid "Languages"\nmsgstr "{word}"\n', "utf-8")
        # the file's ctime is now: a settled file is one the clock has moved past
        monkeypatch.setattr(project_words, "_SETTLED_NS", -(10**12) if settled else 2 * 10**9)

    parsed: list[Path] = []
    real = project_words.read_po
    monkeypatch.setattr(project_words, "read_po", lambda p: parsed.append(p) or real(p))
    write("Luqadaha", settled=True)
    for _ in range(3):
        project_words.load_project_words(project, so)
        assert words.translate(so, "Languages") == ("Luqadaha", False)
    assert len(parsed) == 1
    write("Luqadaaha", settled=True)
    project_words.load_project_words(project, so)
    assert words.translate(so, "Languages") == ("Luqadaaha", False)
    assert len(parsed) == 2
    write("Luqad", settled=False)  # just written: read every time until it has settled
    project_words.load_project_words(project, so)
    project_words.load_project_words(project, so)
    assert words.translate(so, "Languages") == ("Luqad", False) and len(parsed) == 4
    path.unlink()
    project_words.load_project_words(project, so)
    assert words.translate(so, "Languages")[0] == "Languages"
