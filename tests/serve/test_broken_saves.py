"""A broken save of any kind (template, kit.toml, source front matter, catalog) keeps the
last good page and reports the error with its path:line; fixing the file clears it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.commands.serve import Preview
from kit.config import load_config
from kit.project import Project
from kit.serve.watch import Scope
from tests.serve.support import sample_copy

KEY = ("infant-all", "es")
TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "page.html.j2"
HEAD_LINE = TEMPLATE.read_text(encoding="utf-8").splitlines().index("{% block head %}") + 1
EVERYTHING = Scope(everything=True)
CASES = [
    (
        "templates/page.html.j2",
        lambda t: t.replace("{% block head %}", "{% block head %}{% if %}", 1),
        EVERYTHING,
        f"templates/page.html.j2:{HEAD_LINE}",
    ),
    (
        "kit.toml",
        lambda t: t + "\n[bogus]\nx = 1\n",
        Scope(everything=True, config=True),
        "kit.toml:",
    ),
    (
        "source/infant-all.md",
        lambda t: "---\ntitle: [unclosed\n---\n",
        Scope(pages=frozenset({("infant-all", "*")})),
        "source/infant-all.md:2",
    ),
    (
        "locales/es/LC_MESSAGES/infant-all.po",
        lambda t: t.replace("msgstr", 'msgstr "', 1),
        Scope(pages=frozenset({KEY})),
        "locales/es/LC_MESSAGES/infant-all.po:",
    ),
]


@pytest.mark.parametrize(("name", "damage", "scope", "where"), CASES, ids=[c[0] for c in CASES])
def test_broken_save_keeps_the_last_good_page(
    tmp_path: Path, name: str, damage: object, scope: Scope, where: str
) -> None:
    root = sample_copy(tmp_path / "project")
    preview = Preview(Project(load_config(root)), ("es",), tmp_path / "cache")
    preview.rebuild(EVERYTHING)
    good_page = preview.content("es/infant-all.html")
    assert good_page is not None and not preview.page_data(KEY).errors
    path = root / name
    good = path.read_text(encoding="utf-8")
    path.write_text(damage(good), encoding="utf-8")  # type: ignore[operator]
    assert "es/infant-all.html" in preview.rebuild(scope)
    errors = preview.page_data(KEY).errors
    assert errors and errors[0].where.startswith(where), errors
    page = preview.content("es/infant-all.html")
    assert page is not None
    assert "Leucemia linfoblástica aguda (LLA) en bebés".encode() in page  # the last good page
    path.write_text(good, encoding="utf-8")
    preview.rebuild(scope)
    assert not preview.page_data(KEY).errors


def test_another_locales_broken_catalog_leaves_this_pages_findings_current(
    tmp_path: Path,
) -> None:
    """The Arabic translator's syntax error made every translator's findings stop updating
    in the preview (``kit check`` raised): the Spanish translator's page now gets its findings
    from the others' report, and the Arabic page keeps the ones it had."""
    root = sample_copy(tmp_path / "project")
    preview = Preview(Project(load_config(root)), ("es", "ar"), tmp_path / "cache")
    preview.rebuild(EVERYTHING)
    preview.check(set())
    arabic = preview.findings[("infant-all", "ar")]
    assert arabic
    assert not any(f.message == "numbers differ: added 99" for f in preview.findings[KEY])
    es = root / "locales" / "es" / "LC_MESSAGES" / "infant-all.po"
    text = es.read_text(encoding="utf-8")
    at = text.index('msgstr "', text.index('msgstr "') + 1) + len('msgstr "')  # an entry's
    es.write_text(text[:at] + "99 " + text[at:], encoding="utf-8")  # the Spanish translator's
    broken = root / "locales" / "ar" / "LC_MESSAGES" / "infant-all.po"
    broken.write_text(broken.read_text(encoding="utf-8").replace("msgstr", 'msgstr "', 1))
    preview.check(set())
    assert preview.findings[("infant-all", "ar")] == arabic  # kept, not emptied
    assert any(f.message == "numbers differ: added 99" for f in preview.findings[KEY])


def test_a_broken_source_keeps_its_pages_last_findings(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "project")
    preview = Preview(Project(load_config(root)), ("es",), tmp_path / "cache")
    preview.rebuild(EVERYTHING)
    preview.check(set())
    before = preview.findings[KEY]
    assert before
    source = root / "source" / "infant-all.md"
    source.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    preview.check(set())
    assert preview.findings[KEY] == before
