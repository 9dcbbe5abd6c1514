"""kit's own words in a project: kit.po through init, update, status, check, review, build."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kit.po import read_po
from kit.words import lookup as words
from tests.cli.conftest import Run, translate_as_itself
from tests.conftest import require_tool


@pytest.fixture
def two(project: Path) -> Path:
    toml = project / "kit.toml"
    toml.write_text(toml.read_text().replace('["es", "ar"]', '["es", "so"]'), encoding="utf-8")
    yield project
    words.forget_project_words()


def _po(project: Path, code: str) -> Path:
    return project / "locales" / code / "LC_MESSAGES" / "kit.po"


def _findings(kit: Run, *args: str) -> list[dict[str, object]]:
    out = kit("check", "--format", "json", *args).stdout  # warnings: exit 0 (fail_on error)
    return [f for f in json.loads(out)["findings"] if str(f["check"]).startswith("words.")]


def test_init_starts_kit_po_from_kits_drafts_or_untranslated(kit: Run, two: Path) -> None:
    kit("extract")
    result = kit("init", "es", "so")
    assert "locales/es/LC_MESSAGES/kit.po (kit's words (draft translation))" in result.output
    assert "locales/so/LC_MESSAGES/kit.po (kit's words (to translate))" in result.output
    es = {e.msgid: e.msgstr for e in read_po(_po(two, "es")).entries}
    assert es["Languages"] == "Idiomas"
    assert all(not e.msgstr for e in read_po(_po(two, "so")).entries)
    msgfmt = require_tool("msgfmt", "gettext")
    for code in ("es", "so"):
        subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(_po(two, code))], check=True)
    _po(two, "es").write_text("# mine\n" + _po(two, "es").read_text(), encoding="utf-8")
    assert "kit.po (left as it is)" in kit("init", "es").output
    assert _po(two, "es").read_text().startswith("# mine\n")


def test_check_reports_each_missing_frame_string_at_its_po_line(kit: Run, two: Path) -> None:
    kit("extract")
    kit("init", "so")
    text = _po(two, "so").read_text()
    text = text.replace('msgid "Languages"\nmsgstr ""', 'msgid "Languages"\nmsgstr "Luqadaha"')
    _po(two, "so").write_text(text, encoding="utf-8")
    missing = [f for f in _findings(kit, "--locale", "so") if f["check"] == "words.missing"]
    lines = text.split("\n")
    for finding in missing:
        assert finding["path"] == "locales/so/LC_MESSAGES/kit.po"
        assert lines[int(finding["line"]) - 1].startswith("msgid ")  # the entry's msgid line
    assert len(missing) == len(read_po(_po(two, "so")).entries) - 1
    assert not any("Languages" in str(f["message"]) for f in missing)
    # kit ships no Somali draft: the message says what pages show instead
    assert all(str(f["message"]).endswith("; pages show it in English, marked") for f in missing)


def test_a_catalog_with_nothing_translated_is_one_finding_at_its_header(
    kit: Run, two: Path
) -> None:
    """A new locale's kit.po is one finding, as a page catalog nobody started is, not 31
    warnings that bury the rest of the report."""
    kit("extract")
    kit("init", "so")
    found = _findings(kit, "--locale", "so")
    lines = _po(two, "so").read_text().split("\n")
    count = len(read_po(_po(two, "so")).entries)
    assert [(f["check"], f["line"]) for f in found] == [
        ("words.not-started", lines.index('msgid ""') + 1)
    ]
    assert found[0]["message"] == (
        f"nothing translated yet ({count} words): pages show kit's words in English (marked)"
    )
    assert found[0]["path"] == "locales/so/LC_MESSAGES/kit.po"


def test_a_missing_word_says_which_fallback_pages_show(kit: Run, two: Path) -> None:
    """kit ships a Spanish draft, so a word the project's es/kit.po leaves empty is shown
    from that draft, not in English; es_MX falls back to the project's es catalog first."""
    kit("extract")
    kit("init", "es", "es_MX")
    es, mx = _po(two, "es"), _po(two, "es_MX")
    _set_word(es, "Languages", "Idiomas", "")
    found = [f for f in _findings(kit, "--locale", "es") if f["check"] == "words.missing"]
    assert [f["message"] for f in found] == [
        "frame text not translated: “Languages”; pages show “Idiomas” from kit's unreviewed es draft"
    ]
    _set_word(es, "Languages", "", "Lenguas")
    _reviewed(mx)  # es_MX's words, seeded from es, reviewed for Mexico but this one
    _set_word(mx, "Languages", "Idiomas", "")
    found = [f for f in _findings(kit, "--locale", "es_MX") if f["check"] == "words.missing"]
    assert [f["message"] for f in found] == [
        "frame text not translated: “Languages”; pages show “Lenguas” from the project's es catalog"
    ]


def _reviewed(path: Path) -> None:
    """Every fuzzy flag cleared, as a translator does who reviewed each word."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("#, fuzzy, ", "#, ").replace("#, fuzzy\n", ""), "utf-8")


def _set_word(path: Path, msgid: str, old: str, new: str) -> None:
    entry = f'msgid "{msgid}"\nmsgstr '
    text = path.read_text(encoding="utf-8")
    assert f'{entry}"{old}"' in text
    path.write_text(text.replace(f'{entry}"{old}"', f'{entry}"{new}"'), encoding="utf-8")


def test_a_regional_page_shows_the_same_words_whatever_else_the_build_holds(
    kit: Run, two: Path
) -> None:
    """es_MX's page falls back to the project's es words whether or not es pages were built
    in the same process before it: same inputs, same bytes."""
    kit("extract")
    kit("init", "es", "es_MX")
    es, mx = _po(two, "es"), _po(two, "es_MX")
    es.write_text(es.read_text().replace('msgstr "Idiomas"', 'msgstr "Lenguas"'))
    mx.write_text(mx.read_text().replace('msgstr "Idiomas"', 'msgstr ""'))
    for code in ("es", "es_MX"):
        translate_as_itself(two, code)
    page = two / "dist" / "es_MX" / "fever.html"
    words.forget_project_words()  # a fresh process: no es page built before
    kit("build", "--format", "html", "--locale", "es_MX", "--jobs", "1")
    alone = page.read_text(encoding="utf-8")
    shutil.rmtree(two / "dist")
    kit("build", "--format", "html", "--locale", "es", "--locale", "es_MX", "--jobs", "1")
    after_es = page.read_text(encoding="utf-8")
    for html in (alone, after_es):  # (the language switcher differs: es is published now)
        assert ">Lenguas<" in html and "Idiomas" not in html
    # and a change to the es words rebuilds the es_MX page that shows them
    es.write_text(es.read_text().replace('msgstr "Lenguas"', 'msgstr "Lenguajes"'))
    kit("build", "--format", "html", "--locale", "es_MX", "--jobs", "1")
    assert ">Lenguajes<" in page.read_text(encoding="utf-8")


def test_a_locale_without_kit_po_is_reported_once(kit: Run, two: Path) -> None:
    kit("extract")
    found = _findings(kit, "--locale", "so")
    assert [(f["check"], f["line"]) for f in found] == [("words.not-started", 0)]
    assert "English (marked)" in str(found[0]["message"])


def test_update_marks_a_word_whose_english_kit_changed_for_retranslation(
    kit: Run, two: Path
) -> None:
    kit("extract")
    kit("init", "es")
    path = _po(two, "es")
    # As if the project's catalog came from an older kit that said "Questions? Phone ...".
    old = path.read_text().replace(
        'msgid "Questions? Call %(phone)s."', 'msgid "Questions? Phone %(phone)s."'
    )
    path.write_text(old, encoding="utf-8")
    assert "locales/es/LC_MESSAGES/kit.po" in kit("update").output
    entry = next(e for e in read_po(path).entries if e.msgid == "Questions? Call %(phone)s.")
    assert "fuzzy" in entry.flags and entry.previous_msgid == "Questions? Phone %(phone)s."
    found = [f for f in _findings(kit, "--locale", "es") if f["check"] == "words.must-retranslate"]
    assert [f["line"] for f in found] == [entry.line]
    # the fuzzy word is not used: the page falls back to kit's own Spanish
    assert words.translations(read_po(path)).get(entry.msgid) is None


def test_status_counts_and_review_signs_off_the_words_catalog(kit: Run, two: Path) -> None:
    kit("extract")
    kit("init", "es")
    rows = json.loads(kit("status", "--format", "json").stdout)["catalogs"]
    row = next(r for r in rows if r["document"] == "kit" and r["locale"] == "es")
    total = len(read_po(_po(two, "es")).entries)
    assert row["translated"]["messages"] == total and row["review"]["reviewed"] == 0
    assert any(f["check"] == "words.unreviewed" for f in _findings(kit, "--locale", "es"))
    kit(
        "review",
        "--locale",
        "es",
        "--document",
        "kit",
        "--reviewer",
        "Dr. Ana Ruiz",
        "--role",
        "translator",
    )
    assert (two / "locales" / "es" / "LC_MESSAGES" / "kit.review.json").exists()
    rows = json.loads(kit("status", "--format", "json").stdout)["catalogs"]
    row = next(r for r in rows if r["document"] == "kit" and r["locale"] == "es")
    assert row["review"]["reviewed"] == total
    assert not any(f["check"] == "words.unreviewed" for f in _findings(kit, "--locale", "es"))


def test_the_projects_words_override_kits_and_untranslated_ones_fall_back_marked(
    kit: Run, two: Path
) -> None:
    (two / "kit.toml").write_text(
        (two / "kit.toml").read_text() + '[branding]\nphone = "+1 555 0100"\n', encoding="utf-8"
    )
    kit("extract")
    kit("init", "es", "so")
    path = _po(two, "es")
    text = re.sub(
        r'(msgid "Questions\? Call %\(phone\)s\."\nmsgstr )".*"',
        r'\1"¿Dudas? Llame a la línea de intérpretes: %(phone)s."',
        path.read_text(),
    )
    # an entry the project left empty: kit's own Spanish is used (one fallback rule)
    text = text.replace('msgid "Languages"\nmsgstr "Idiomas"', 'msgid "Languages"\nmsgstr ""')
    path.write_text(text, encoding="utf-8")
    so = _po(two, "so")
    so.write_text(
        so.read_text().replace(
            'msgid "Languages"\nmsgstr ""', 'msgid "Languages"\nmsgstr "Luqadaha"'
        ),
        encoding="utf-8",
    )
    for code in ("es", "so"):
        translate_as_itself(two, code)
    kit("build", "--format", "html", "--locale", "es", "--locale", "so", "--jobs", "1")
    es_html = (two / "dist" / "es" / "fever.html").read_text(encoding="utf-8")
    assert "¿Dudas? Llame a la línea de intérpretes:" in es_html
    assert ">Idiomas<" in es_html and "Saltar al contenido principal" in es_html
    so_html = (two / "dist" / "so" / "fever.html").read_text(encoding="utf-8")
    assert ">Luqadaha<" in so_html
    assert '<a class="kit-skip" href="#main"><span lang="en">Skip to main content</span></a>' in (
        so_html
    )


def test_the_source_language_is_named_in_the_language_of_each_sentence(kit: Run, two: Path) -> None:
    # A Somali translator has done "Translated from ..." and "About this handout", not yet
    # "Languages" nor the handout links: the Somali sentence names English in Somali, and
    # the English fallbacks name it in English, on the page and in the handout.
    kit("extract")
    kit("init", "so")
    so = _po(two, "so")
    _set_word(so, "About this handout", "", "Ku saabsan warqaddan")
    _set_word(
        so,
        "Translated from the %(language)s version reviewed on %(date)s.",
        "",
        "Waxaa laga turjumay nooca %(language)s ee la hubiyay %(date)s.",
    )
    translate_as_itself(two, "so")
    kit("build", "--locale", "so", "--jobs", "1")
    page = (two / "dist" / "so" / "fever.html").read_text(encoding="utf-8")
    assert "Waxaa laga turjumay nooca Ingiriisi ee la hubiyay" in page
    assert '<span lang="en">Bilingual, with English</span>' in page
    assert '<span lang="en">PDF, Somali and English, pages: ' in page
    pdftotext = require_tool("pdftotext", "poppler-utils")
    for name in ("fever.pdf", "fever.bilingual.pdf"):
        pdf = two / "dist" / "so" / name
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Waxaa laga turjumay nooca Ingiriisi ee la hubiyay" in " ".join(text.split())


def test_the_slug_kit_is_reserved_for_kits_words(kit: Run, two: Path) -> None:
    page = two / "source" / "kit.md"
    page.write_text((two / "source" / "hands.md").read_text().replace("slug: hands", "slug: kit"))
    result = kit("extract", code=2)
    assert "source/kit.md:4: slug 'kit' is reserved" in result.output


def test_a_regional_variant_starts_from_the_projects_own_words(kit: Run, two: Path) -> None:
    """The hospital reworded its Spanish interpreter line; es_MX, started later, must not
    print kit's generic Spanish draft instead. Its kit.po is seeded from es/kit.po, fuzzy
    (as its page catalogs are), so its pages show the hospital's Spanish words until a
    person reviews them for Mexico."""
    (two / "kit.toml").write_text(
        (two / "kit.toml").read_text() + '[branding]\nphone = "+1 555 0100"\n', encoding="utf-8"
    )
    kit("extract")
    kit("init", "es")
    es = _po(two, "es")
    line = "¿Dudas? Llame a la línea de intérpretes: %(phone)s."
    _set_word(es, "Questions? Call %(phone)s.", "¿Preguntas? Llame al %(phone)s.", line)
    assert (
        "kit.po (kit's words (seeded from es, fuzzy until reviewed))" in kit("init", "es_MX").output
    )
    entry = next(
        e for e in read_po(_po(two, "es_MX")).entries if e.msgid == "Questions? Call %(phone)s."
    )
    assert entry.msgstr == line and "fuzzy" in entry.flags
    found = _findings(kit, "--locale", "es_MX")
    assert [f["check"] for f in found] == ["words.not-started"]  # not 31 "kit changed" ones
    assert "nothing reviewed for es_MX yet (" in str(found[0]["message"])
    assert "words seeded from es, fuzzy): pages show words from the project's es catalog" in str(
        found[0]["message"]
    )
    mx = _po(two, "es_MX")  # one word reviewed for Mexico: the others are listed one by one
    mx.write_text(mx.read_text().replace('#, fuzzy\nmsgid "Languages"', 'msgid "Languages"'))
    seeded = [
        f for f in _findings(kit, "--locale", "es_MX") if f["check"] == "words.must-retranslate"
    ]
    assert seeded and all(
        str(f["message"]).startswith("seeded from es, not reviewed for es_MX: ") for f in seeded
    )
    translate_as_itself(two, "es_MX")
    words.forget_project_words()
    kit("build", "--format", "html", "--locale", "es_MX", "--jobs", "1")
    page = (two / "dist" / "es_MX" / "fever.html").read_text(encoding="utf-8")
    assert "¿Dudas? Llame a la línea de intérpretes:" in page
