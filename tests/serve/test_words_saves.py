"""A save of a locale's kit.po (kit's own words) reaches the preview at once, as a catalog
save does: the translator of the frame sees their word without restarting ``kit serve``."""

from __future__ import annotations

import shutil
from pathlib import Path

from kit.commands.serve import Preview, folders
from kit.config import load_config
from kit.project import Project
from kit.serve.watch import Scope, scope_of
from kit.words import lookup
from tests.serve.support import sample_copy


def test_a_saved_word_is_shown_on_the_pages_that_use_it(tmp_path: Path) -> None:
    root = sample_copy(tmp_path / "project")
    toml = root / "kit.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[language_help]\nlanguages = ["es"]\n')
    words = root / "locales" / "es" / "LC_MESSAGES" / "kit.po"
    shutil.copy(lookup.SHIPPED / "es" / "LC_MESSAGES" / "kit.po", words)
    project = Project(load_config(root))
    preview = Preview(project, ("es", "ar"), tmp_path / "cache")
    try:
        preview.rebuild(Scope(everything=True))
        page = preview.content("es/infant-all.html")
        assert page is not None and b">Idiomas<" in page
        text = words.read_text(encoding="utf-8")
        words.write_text(
            text.replace(
                'msgid "Languages"\nmsgstr "Idiomas"', 'msgid "Languages"\nmsgstr "Lenguas"'
            ).replace("Tiene a su disposición", "Usted tiene a su disposición"),
            encoding="utf-8",
        )
        changed = preview.rebuild(scope_of(words.resolve(), folders(project)))
        assert {"es/infant-all.html", "ar/infant-all.html"} <= set(changed)
        page = preview.content("es/infant-all.html")
        assert page is not None and b">Lenguas<" in page
        arabic = preview.content("ar/infant-all.html")  # the Spanish line of the help notice
        assert arabic is not None and "Usted tiene a su disposición".encode() in arabic
    finally:
        lookup.forget_project_words()
