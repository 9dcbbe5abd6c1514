"""Pages link to their PDF handouts with the page count and size of the files next to them:
the build renders the PDFs first; an unchanged build stays up to date; a handout that was not
built is not offered; a build that makes no PDF removes the handouts its inputs would not
make any more (an earlier translation) and a withheld page's handouts, so no page offers, and
no ``dist/`` holds, a handout of a translation that is not current."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
from pypdf import PdfReader

from kit.commands.handout_files import page_count
from kit.po import read_po, write_po_if_changed
from tests.bundle.conftest import translate_all
from tests.cli.conftest import Run


def test_a_page_offers_its_handouts_with_language_pages_and_size(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    translate_all(project, "es", "fever")
    out = kit("build", "--locale", "es", "--format", "html,pdf", "--jobs", "1").output
    assert " 0 failed" in out
    es = project / "dist" / "es"
    html = (es / "fever.html").read_text(encoding="utf-8")
    links = re.findall(
        r'<li><a href="([^"]+)" type="application/pdf"[^>]*>([^<]+)</a> '
        r'<span class="kit-handout-details">\(([^)]+)\)</span>',
        html,
    )
    assert [href for href, _, _ in links] == [
        "fever.pdf",
        "fever.large-print.pdf",
        "fever.bilingual.pdf",
    ]
    assert [label for _, label, _ in links] == [
        "Letra normal",
        "Letra grande",
        "Bilingüe, con inglés",
    ]
    for href, _, details in links:
        pages = len(PdfReader(es / href).pages)
        kilobytes = round((es / href).stat().st_size / 1000)
        language = "español y inglés" if "bilingual" in href else "español"
        assert details == f"PDF, {language}, páginas: {pages}, {kilobytes} kB"
    assert '<h2 id="kit-handouts-title">Hojas informativas para imprimir</h2>' in html
    index = (project / "dist" / "index.html").read_text(encoding="utf-8")
    assert 'href="es/fever.bilingual.pdf"' in index and 'href="en/fever.large-print.pdf"' in index
    # nothing changed: nothing is rebuilt, and the pages keep the same bytes
    again = kit("build", "--locale", "es", "--format", "html,pdf", "--jobs", "1").output
    assert "summary: 0 built," in again
    assert (es / "fever.html").read_text(encoding="utf-8") == html


def test_a_handout_that_was_not_built_is_not_offered(kit: Run, project: Path) -> None:
    kit("extract")
    kit("init", "es")
    translate_all(project, "es", "fever")
    kit("build", "--locale", "es", "--format", "html")
    html = (project / "dist" / "es" / "fever.html").read_text(encoding="utf-8")
    assert "kit-handouts" not in html and ".pdf" not in html


def test_a_file_that_is_not_a_readable_pdf_is_not_offered(tmp_path: Path) -> None:
    """A truncated or foreign file where a handout should be (a copy cut short, another tool's
    output) is left out of the page, not described with made-up numbers."""
    good = tmp_path / "good.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.add_blank_page()
        pdf.save(good)
    assert page_count(good) == 2 == len(PdfReader(good).pages)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:40])
    text = tmp_path / "text.pdf"
    text.write_text("not a PDF\n", encoding="utf-8")
    assert page_count(cut) is None and page_count(text) is None
    assert page_count(tmp_path / "missing.pdf") is None


def test_an_html_only_build_lists_each_folder_once_and_still_finds_the_handouts(
    kit: Run, project: Path
) -> None:
    """An HTML-only build writes no PDF, so it looks for handouts in a listing of each output
    folder taken once (``handout_files(..., listed=True)``): a page rebuilt by it must offer
    the PDFs an earlier build left, exactly as a ``stat`` of each name would."""
    kit("extract")
    kit("init", "es")
    translate_all(project, "es", "fever")
    kit("build", "--locale", "es", "--format", "html,pdf", "--jobs", "1")
    page = project / "dist" / "es" / "fever.html"
    before = page.read_text(encoding="utf-8")
    page.unlink()  # the page must be made again, by an HTML-only build
    out = kit("build", "--locale", "es", "--format", "html", "--jobs", "1").output
    assert "written dist/es/fever.html" in out, out
    assert page.read_text(encoding="utf-8") == before
    assert 'href="fever.bilingual.pdf"' in before


def test_a_handout_added_between_two_builds_is_found_by_the_second(tmp_path: Path) -> None:
    """Listings last one build (``forget_listings``, which each build calls first): a process
    that builds again (``kit serve``) sees the PDFs that appeared in between."""
    from kit.commands import handout_files as module
    from kit.config import load_config

    (tmp_path / "kit.toml").write_text('[project]\nname = "t"\n', encoding="utf-8")
    config = load_config(tmp_path)
    folder = config.output_dir / "en"
    folder.mkdir(parents=True)
    module.forget_listings()
    assert module.handout_files(config, "fever", "en", listed=True) == ()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.save(folder / "fever.pdf")
    assert module.handout_files(config, "fever", "en", listed=True) == ()  # listed before
    module.forget_listings()
    listed = module.handout_files(config, "fever", "en", listed=True)
    assert listed == module.handout_files(config, "fever", "en")
    assert [h.name for h in listed] == ["fever.pdf"]


def _edit(project: Path, code: str, msgid: str, msgstr: str) -> None:
    path = project / "locales" / code / "LC_MESSAGES" / "fever.po"
    po = read_po(path)
    entries = tuple(e.with_changes(msgstr=msgstr) if e.msgid == msgid else e for e in po.entries)
    write_po_if_changed(path, po.with_entries(entries))


HANDOUTS = ("fever.pdf", "fever.large-print.pdf", "fever.bilingual.pdf")


def test_an_html_only_build_removes_handouts_of_an_earlier_translation(
    kit: Run, project: Path
) -> None:
    """The page of a changed translation must not offer the PDFs of the old one."""
    kit("extract")
    kit("init", "es")
    translate_all(project, "es", "fever")
    kit("build", "--locale", "es", "--format", "html,pdf", "--jobs", "1")
    es, en = project / "dist" / "es", project / "dist" / "en"
    english = (en / "fever.html").read_text(encoding="utf-8")
    _edit(project, "es", "Give 2 tablets after breakfast.", "[es] Dé 2 tabletas tras el desayuno.")
    out = kit("build", "--locale", "es", "--format", "html", "--jobs", "1").output
    for name in HANDOUTS:
        assert f"removed  dist/es/{name}: made from other inputs" in out, out
        assert not (es / name).exists()
    page = (es / "fever.html").read_text(encoding="utf-8")
    assert "Dé 2 tabletas" in page and ".pdf" not in page
    assert "es/fever.pdf" not in (project / "dist" / "index.html").read_text(encoding="utf-8")
    assert (en / "fever.html").read_text(encoding="utf-8") == english  # its PDFs are current
    assert 'href="fever.pdf"' in english and (en / "fever.pdf").exists()
    kit("build", "--locale", "es", "--format", "html,pdf", "--jobs", "1")  # made again
    page = (es / "fever.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in page and (es / name).exists() for name in HANDOUTS)


def test_an_html_only_build_removes_a_withheld_pages_handouts(kit: Run, project: Path) -> None:
    """A withheld translation never stays online, as a page or as a PDF, whatever formats
    the build makes."""
    kit("extract")
    kit("init", "es")
    translate_all(project, "es", "fever")
    kit("build", "--locale", "es", "--format", "html,pdf", "--jobs", "1")
    _edit(project, "es", "Give 2 tablets after breakfast.", "[es] Dé 20 tabletas tras el desayuno.")
    out = kit("build", "--locale", "es", "--format", "html", "--jobs", "1").output
    es = project / "dist" / "es"
    for name in (*HANDOUTS, "fever.html"):
        assert f"withheld  dist/es/{name}: translation.numbers" in out, out
        assert not (es / name).exists()
    # the English handouts were made while Spanish was published too (a PDF build plans them
    # with the page's languages): they are not what a build would make now either
    assert "removed  dist/en/fever.pdf: made from other inputs" in out, out
    assert not (project / "dist" / "en" / "fever.pdf").exists()
