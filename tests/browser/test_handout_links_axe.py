"""Pages and the index that link to their PDF handouts stay axe-clean and reflow, in a
left-to-right and a right-to-left language (the markup of ``kit.html.handouts``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.site import BILINGUAL, LARGE_PRINT, STANDARD, HandoutFile, Published
from tests.browser.test_axe import ROOT, Tab, axe_source, browser, check_page, tab  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def files(slug: str) -> tuple[HandoutFile, ...]:
    return (
        HandoutFile(STANDARD, f"{slug}.pdf", 2, 23094),
        HandoutFile(LARGE_PRINT, f"{slug}.large-print.pdf", 4, 24699),
        HandoutFile(BILINGUAL, f"{slug}.bilingual.pdf", 4, 34208),
    )


def test_pages_and_index_with_handout_links_pass(
    tmp_path: Path,
    tab: Tab,  # noqa: F811
    axe_source: str,  # noqa: F811
) -> None:
    from kit.html.render import render_index, render_page, stylesheet
    from tests.html.support import document, localized, published, site

    failures: list[str] = []
    for case in ("lists", "fallback", "rtl-isolation"):
        folder = ROOT / "tests" / "fixtures" / "html" / case
        doc = document((folder / "source.md").read_text(encoding="utf-8"))
        catalog = next(iter(sorted(folder.glob("*.po"))), None)
        ldoc = (
            localized(doc, catalog.stem, catalog.read_text(encoding="utf-8"))
            if catalog
            else localized(doc)
        )
        out = tmp_path / ldoc.locale.code / f"{case}.html"
        (out.parent / "assets").mkdir(parents=True, exist_ok=True)
        (out.parent / "assets" / "kit.css").write_bytes(stylesheet(site()))
        pub: Published = published(doc, ldoc)
        html = render_page(ldoc, site(), pub, files(doc.slug))
        assert 'class="kit-handouts"' in html
        out.write_text(html, encoding="utf-8")
        failures.extend(f"{case}: {p}" for p in check_page(tab, out, axe_source))
        index = tmp_path / f"index-{case}.html"
        pdfs = {(doc.slug, loc.code): files(doc.slug) for loc in pub.locales}
        index.write_text(render_index(site(), [pub], pdfs), encoding="utf-8")
        assert "kit-index-handouts" in index.read_text(encoding="utf-8")
        failures.extend(f"index {case}: {p}" for p in check_page(tab, index, axe_source))
    assert not failures, "\n".join(failures)
