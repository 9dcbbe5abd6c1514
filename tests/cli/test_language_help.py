"""The notice of free language help: [language_help] in kit.toml, on pages and handouts."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kit.words import lookup as words
from tests.cli.conftest import Run, translate_as_itself
from tests.conftest import require_tool

HELP = '[branding]\nphone = "+1 555 0100"\n[language_help]\nlanguages = ["en", "es", "ar", "so"]\n'


@pytest.fixture
def helped(project: Path) -> Iterator[Path]:
    toml = project / "kit.toml"
    text = toml.read_text().replace('["es", "ar"]', '["es", "ar", "so"]') + HELP
    toml.write_text(text, encoding="utf-8")
    yield project
    words._PROJECT.clear()
    words.language_name.cache_clear()


def _help_findings(kit: Run) -> list[tuple[str, str, int]]:
    out = json.loads(kit("check", "--format", "json", code=1).stdout)["findings"]
    return [
        (f["check"], f["locale"], f["line"])
        for f in out
        if str(f["check"]).startswith("language-help.")
    ]


def test_every_page_and_handout_carries_each_translated_line_in_its_own_language(
    kit: Run, helped: Path
) -> None:
    kit("extract")
    kit("init", "es", "ar", "so")
    translate_as_itself(helped, "es")
    kit("build", "--locale", "es", "--jobs", "1")
    html = (helped / "dist" / "es" / "fever.html").read_text(encoding="utf-8")
    notice = html[html.index('<ul class="kit-language-help">') :]
    notice = notice[: notice.index("</ul>")]
    assert (
        '<li lang="en" dir="ltr">Free language help is available to you. Call <a href="tel:+15550100" dir="ltr">+1&nbsp;555&nbsp;0100</a>'
        in notice
    )
    assert '<li lang="es" dir="ltr">Tiene a su disposición servicios gratuitos' in notice
    assert '<li lang="ar" dir="rtl">تتوفر لك خدمات المساعدة اللغوية مجانًا.' in notice
    assert 'lang="so"' not in notice  # not translated: left out, and reported by kit check
    pdftotext = require_tool("pdftotext", "poppler-utils")
    pdf = helped / "dist" / "es" / "fever.pdf"
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Free language help is available to you" in text
    assert "servicios gratuitos de asistencia lingüística" in text


def test_editing_a_help_line_rebuilds_every_page_that_prints_it(kit: Run, helped: Path) -> None:
    """The Somali line lives in so/kit.po, and every page prints it: a fix to it must reach
    the Spanish page at the next incremental build, not wait for a change to that page."""
    kit("extract")
    kit("init", "es", "ar", "so")
    translate_as_itself(helped, "es")
    so = helped / "locales" / "so" / "LC_MESSAGES" / "kit.po"
    text = so.read_text(encoding="utf-8")
    start = text.index('"Free language help')
    end = text.index('msgstr ""', start) + len('msgstr ""')
    line = 'msgstr "Caawimo luqadeed oo bilaash ah ayaa la heli karaa. Wac %(phone)s."'
    so.write_text(text[:start] + text[start:end].replace('msgstr ""', line) + text[end:])
    page = helped / "dist" / "es" / "fever.html"
    kit("build", "--format", "html", "--locale", "es", "--jobs", "1")
    assert "Caawimo luqadeed oo bilaash ah" in page.read_text(encoding="utf-8")
    so.write_text(so.read_text().replace("la heli karaa", "laguu heli karaa"))
    kit("build", "--format", "html", "--locale", "es", "--jobs", "1")
    assert "ayaa laguu heli karaa" in page.read_text(encoding="utf-8")


def test_check_reports_missing_and_unreviewed_notices(kit: Run, helped: Path) -> None:
    kit("extract")
    kit("init", "es", "so")
    found = _help_findings(kit)
    assert ("language-help.missing", "so", _line(helped, "so")) in found
    assert ("language-help.unreviewed", "es", _line(helped, "es")) in found
    assert ("language-help.unreviewed", "ar", 0) in found  # kit's draft, no kit.po yet
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
    assert not any(c == "es" for _, c, _ in _help_findings(kit))


def _line(project: Path, code: str) -> int:
    text = (project / "locales" / code / "LC_MESSAGES" / "kit.po").read_text().split("\n")
    at = next(i for i, ln in enumerate(text, start=1) if "Free language help" in ln)
    return at if text[at - 1].startswith("msgid") else at - 1  # a wrapped msgid: msgid ""


def test_a_bad_language_code_is_a_config_error(kit: Run, helped: Path) -> None:
    toml = helped / "kit.toml"
    toml.write_text(toml.read_text().replace('"so"]', '"xx-nope"]'), encoding="utf-8")
    result = kit("status", code=2)
    assert "language_help.languages" in result.output


def _break(project: Path, code: str) -> int:
    """A translator's syntax error in ``code``'s kit.po (an unterminated string): its line."""
    po = project / "locales" / code / "LC_MESSAGES" / "kit.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    at = _line(project, code)
    end = next(i for i in range(at, len(lines)) if lines[i].startswith("msgstr"))
    lines[end] = 'msgstr "Caawimo luqadeed oo bilaash ah'
    po.write_text("\n".join(lines), encoding="utf-8")
    return end + 1


def test_a_broken_help_line_catalog_leaves_its_line_out_and_other_pages_build(
    kit: Run, helped: Path
) -> None:
    """A Somali translator's syntax error in so/kit.po failed every page of every locale, as
    each page prints the Somali line. Now the other locales' pages build without that line, the
    Somali pages fail, and the error is said once, at its line, with exit 2, build after build
    until it is fixed."""
    kit("extract")
    kit("init", "es", "ar", "so")
    translate_as_itself(helped, "es")
    translate_as_itself(helped, "so")
    line = _break(helped, "so")
    for _ in range(2):  # the second build: the English and Spanish pages are up to date
        result = kit("build", "--format", "html", "--jobs", "1", code=2)
        error = f"Error: locales/so/LC_MESSAGES/kit.po:{line}: unterminated string"
        assert result.stderr.count(error) == 1, result.stderr
        assert "failed fever/so/html" in result.stderr  # its own words cannot be read
        assert "summary:" in result.stderr and ", 1 failed" in result.stderr
    for code in ("en", "es"):
        html = (helped / "dist" / code / "fever.html").read_text(encoding="utf-8")
        assert '<li lang="es" dir="ltr">Tiene a su disposición' in html
        assert 'lang="so"' not in html.split('<ul class="kit-language-help">')[1]
    assert not (helped / "dist" / "so" / "fever.html").exists()
    po = helped / "locales" / "so" / "LC_MESSAGES" / "kit.po"
    po.write_text(po.read_text().replace("bilaash ah\n", 'bilaash ah. Wac %(phone)s."\n'))
    kit("build", "--format", "html", "--jobs", "1")  # fixed: every page has the Somali line
    for code in ("en", "es", "so"):
        html = (helped / "dist" / code / "fever.html").read_text(encoding="utf-8")
        assert '<li lang="so" dir="ltr">Caawimo luqadeed oo bilaash ah. Wac' in html


def test_a_broken_help_line_catalog_is_an_input_error_of_kit_check(kit: Run, helped: Path) -> None:
    """``kit check`` reports everything else, then the file it could not read, and exits 2."""
    kit("extract")
    kit("init", "es", "so")
    line = _break(helped, "so")
    result = kit("check", "--format", "json", code=2)
    found = json.loads(result.stdout)["findings"]
    assert ("language-help.unreviewed", "es") in {(f["check"], f["locale"]) for f in found}
    assert result.stderr.count(f"locales/so/LC_MESSAGES/kit.po:{line}: unterminated") == 1
