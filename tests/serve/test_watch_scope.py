"""Which pages a saved file touches: only those are redone."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.serve.watch import Folders, Scope, combined, scope_of

ROOT = Path("/p")
FOLDERS = Folders(ROOT / "kit.toml", ROOT / "source", ROOT / "locales", ROOT / "templates")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("locales/es/LC_MESSAGES/fever.po", Scope(pages=frozenset({("fever", "es")}))),
        ("locales/es/LC_MESSAGES/fever.review.json", Scope(pages=frozenset({("fever", "es")}))),
        ("locales/es/glossary.csv", Scope(pages=frozenset({("*", "es")}))),
        # kit's words: es pages, es_MX pages (fallback), every page's language-help line
        ("locales/es/LC_MESSAGES/kit.po", Scope(everything=True)),
        ("locales/fever.pot", Scope()),
        ("source/fever.md", Scope(pages=frozenset({("fever", "*")}))),
        ("source/images/x.png", Scope(everything=True)),
        ("templates/page.html.j2", Scope(everything=True)),
        ("kit.toml", Scope(everything=True, config=True)),
        ("locales/es/LC_MESSAGES/.fever.po.swp", Scope()),
        ("locales/es/LC_MESSAGES/fever.po~", Scope()),
        ("dist/es/fever.html", Scope()),
    ],
)
def test_scope_of(path: str, expected: Scope) -> None:
    assert scope_of(ROOT / path, FOLDERS) == expected


def test_a_batch_of_saves_is_one_scope() -> None:
    paths = [ROOT / "locales/es/LC_MESSAGES/a.po", ROOT / "locales/ar/LC_MESSAGES/b.po"]
    assert combined(paths, FOLDERS) == Scope(pages=frozenset({("a", "es"), ("b", "ar")}))
