"""The frame in 20 languages US children's hospitals serve: a page and a handout in each.

Built end to end (extract, init, build) from a small document: the content translated from
tests/fixtures/pdf/translations.json where it has the language, else only the title (the rest
falls back to English, marked). In every page kit's own words are translated or visibly
marked English (``lang="en"``), axe-core finds nothing, the handout renders with no missing
glyph (the build fails otherwise), and right-to-left footers read in logical order.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.cli import main
from kit.po import read_po, write_po_if_changed
from kit.words import lookup as words
from tests.browser import test_axe
from tests.browser.test_axe import Tab, check_page
from tests.pdf.helpers import FIXTURES, REPO, TRANSLATIONS
from tests.pdf.test_footer_rtl import footer

pytestmark = [pytest.mark.browser, pytest.mark.slow]
browser, axe_source, tab = test_axe.browser, test_axe.axe_source, test_axe.tab  # fixtures

LOCALES = "es zh_Hans zh_Hant vi tl ar ko ru ht fr pt_BR pl hi ja so fa am my ne ur".split()
TITLES = {  # drafts for the test only: the title of the fixture document
    "tl": "Lagnat sa mga bata",
    "ht": "Lafyèv nan timoun",
    "fr": "La fièvre chez l'enfant",
    "pt_BR": "Febre em crianças",
    "pl": "Gorączka u dzieci",
    "so": "Qandhada carruurta",
    "ne": "बालबालिकामा ज्वरो",
}
FRAME = (
    "Skip to main content",
    "Languages",
    "Questions? Call",
    "Reviewed:",
    "All pages and languages",
    "Draft translation",
    "Translated from the",
    "Free language help",
    "Read the English version",
)
_ENGLISH = re.compile(r'<(span|li|p|a)\b[^>]*\blang="en"[^>]*>.*?</\1>', re.S)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("twenty")
    shutil.copytree(FIXTURES / "source", root / "source")
    shutil.copytree(REPO / "templates", root / "templates")
    codes = ", ".join(f'"{c}"' for c in LOCALES)
    (root / "kit.toml").write_text(
        f'[project]\nname = "t"\nlocales = [{codes}]\n'
        '[branding]\norganization = "Example Children\'s Hospital"\nphone = "+1 555 0100"\n'
        '[publish]\nthreshold = 100\nbelow_threshold = "banner"\n'
        "[print]\nlarge_print = false\nbilingual = false\n"
        f'[language_help]\nlanguages = ["en", {codes}]\n',
        encoding="utf-8",
    )

    def kit(*args: str) -> str:
        result = CliRunner().invoke(main, ["--project", str(root), *args])
        assert result.exit_code == 0, result.output
        return result.output

    kit("extract")
    kit("init", *LOCALES)
    for code in LOCALES:
        path = root / "locales" / code / "LC_MESSAGES" / "fever.po"
        po = read_po(path)
        table = TRANSLATIONS.get(code, {"Fever in children": TITLES.get(code, "")})
        entries = tuple(e.with_changes(msgstr=table.get(e.msgid, "")) for e in po.entries)
        write_po_if_changed(path, po.with_entries(entries))
    kit("build", "--jobs", "2")
    words.forget_project_words()
    return root / "dist"


@pytest.mark.parametrize("code", LOCALES)
def test_the_frame_is_translated_or_marked_and_the_page_is_axe_clean(
    code: str, dist: Path, tab: Tab, axe_source: str
) -> None:
    page = dist / code / "fever.html"
    html = page.read_text(encoding="utf-8")
    outside_english = _ENGLISH.sub("", html)
    leaked = [w for w in FRAME if w in outside_english]
    assert not leaked, f"English frame words not marked lang=en in {code}: {leaked}"
    assert (dist / code / "fever.pdf").stat().st_size > 0  # rendered: no missing glyph
    problems = check_page(tab, page, axe_source)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", ["ar", "fa", "ur"])
def test_right_to_left_handout_footers_read_right_to_left(code: str, dist: Path) -> None:
    line = footer((dist / code / "fever.pdf").read_bytes())
    words_ = [w for _, w in line]
    dot = next(x for x, w in line if w == "·")
    # version (with 2.1) left of the separator, the review date right of it
    assert next(x for x, w in line if w == "2.1") < dot, words_
    assert any(x > dot and re.search(r"[0-9٠-٩۰-۹]{4}", w) for x, w in line), words_
