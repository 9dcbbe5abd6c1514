"""The preview shows the real page: a marked page, marks stripped, is byte for byte what
``kit build`` writes; ``kit build`` output never carries a preview attribute."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit import __version__
from kit.commands.build import BuildOptions, run_build
from kit.commands.loaders import load_documents, localize_one
from kit.commands.preview_data import marked, segment_ids
from kit.config import load_config
from kit.html.render import render_page
from kit.project import Project
from kit.serve.markers import strip, to_spans, wrap
from kit.site import Published, Site
from tests.serve.support import sample_copy


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(load_config(sample_copy(tmp_path_factory.mktemp("sample"))))
    report = run_build(project, BuildOptions(locales=("es", "ar"), formats=("html",)))
    assert not report.errors
    return project


@pytest.mark.parametrize("code", ["en", "es", "ar"])
def test_marked_page_stripped_is_the_built_page(built: Project, code: str) -> None:
    config = built.config
    locales = (config.source_locale, *built.locales(("es", "ar")))
    site = Site(config, config.source_locale, locales, __version__)
    docs, errors = load_documents(built)
    assert docs and not errors
    locale = next(loc for loc in locales if loc.code == code)
    for doc in docs:
        ldoc = localize_one(built, doc, locale)
        published_html = (config.output_dir / code / f"{doc.slug}.html").read_bytes()
        links = [
            loc for loc in locales if (config.output_dir / loc.code / f"{doc.slug}.html").exists()
        ]
        titles = tuple(localize_one(built, doc, loc).text(doc.title).text for loc in links)
        published = Published(doc.slug, doc.meta.title, tuple(links), titles)
        page = render_page(marked(ldoc, segment_ids(ldoc)), site, published)
        assert strip(page).encode("utf-8") == published_html
        spans = to_spans(page)
        assert "\ue000" not in spans and "\x1f" not in spans
        assert spans.count('data-kit-seg="') >= len(segment_ids(ldoc)) - 1
        assert b"data-kit" not in published_html and b"kit-seg" not in published_html


def test_marks_leave_tags_and_titles_alone() -> None:
    html = f'<title>{wrap(1, "Hi")}</title><img alt="{wrap(2, "a cat")}"><p>{wrap(12, "x <b>y</b>")}</p>'
    assert to_spans(html) == (
        '<title>Hi</title><img alt="a cat">'
        '<p><span class="kit-seg" data-kit-seg="12">x <b>y</b></span></p>'
    )


@given(st.integers(min_value=0, max_value=10**6), st.text())
def test_strip_undoes_wrap(number: int, text: str) -> None:
    text = strip(text)  # the marks are Private Use Area characters a source never holds
    assert strip(wrap(number, text)) == text
