"""kit.pdf.tagging and kit.pdf.postprocess: what WeasyPrint 70 leaves out of the tag tree."""

from __future__ import annotations

import pikepdf
import pytest
from weasyprint.pdf import tags as weasyprint_tags
from weasyprint.pdf.stream import Stream

from kit.pdf import engine, tagging
from kit.pdf.postprocess import postprocess
from kit.pdf.verify import verify
from tests.pdf.conftest import Render
from tests.pdf.helpers import open_pdf, walk_structure
from tests.pdf.test_pdfua import HANDOUTS


def test_the_hooks_are_installed_on_this_weasyprint() -> None:
    assert weasyprint_tags._build_box_tree is tagging._build_box_tree
    assert Stream.marked is tagging._marked
    tagging.install()  # idempotent
    assert weasyprint_tags._build_box_tree is tagging._build_box_tree


@pytest.mark.parametrize(("code", "profile"), HANDOUTS)
def test_kit_verify_passes_every_fixture_handout(render: Render, code: str, profile: str) -> None:
    assert verify(render(code, profile)) == ()


def test_running_footer_and_page_numbers_are_artifacts(render: Render) -> None:
    pdf = open_pdf(render("en"))
    for page in pdf.pages:
        stream = page.Contents.read_bytes()
        assert stream.count(b"/Artifact <</Type /Pagination>> BDC") == 2  # note, page number
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    reachable = {e.objgen for e in walk_structure(pdf)}
    for entry in (nums[i + 1] for i in range(0, len(nums), 2)):
        if isinstance(entry, pikepdf.Array):
            assert all(e.objgen in reachable for e in entry if isinstance(e, pikepdf.Dictionary))


def test_links_are_printable_and_inside_link_elements(render: Render) -> None:
    pdf = open_pdf(render("es"))
    annots = [a for p in pdf.pages for a in p.get("/Annots", ()) if a.Subtype == "/Link"]
    assert annots and all(int(a.F) & 4 for a in annots)
    assert any("example.org" in str(a.Contents) for a in annots)  # the printed URL


def test_each_language_has_its_own_lang_and_headers_their_scope() -> None:
    html = (
        '<html lang="es"><head><title>T</title></head><body><main>'
        '<div lang="en"><p>Fever</p></div><div lang="es"><p>Fiebre</p></div>'
        '<p>Dar <span lang="en">paracetamol</span>.</p>'
        '<table><thead><tr><th scope="col">Peso</th><th>Dosis</th></tr></thead>'
        '<tbody><tr><th scope="row">5 kg</th><td>2,5 mL</td></tr></tbody></table>'
        "</main></body></html>"
    )
    result = engine.render(html, base_url="file:///nonexistent/", roots=())
    pdf = open_pdf(result.data)
    elements = list(walk_structure(pdf))
    langs = [(str(e.S), str(e.Lang)) for e in elements if "/Lang" in e]
    assert langs == [("/Div", "en"), ("/Div", "es"), ("/Span", "en")]
    scopes = [str(e.A.Scope) for e in elements if e.S == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row"]
    cell = next(e for e in elements if e.S == "/TD")
    assert len(cell.A.Headers) == 2  # its row header and its column header


def test_postprocess_is_byte_reproducible(render: Render) -> None:
    data = render("ar", "bilingual")
    assert postprocess(data) == postprocess(data)


def test_a_caption_left_at_the_foot_of_a_page_joins_its_table() -> None:
    filler = "".join(f"<p>Line {n}</p>" for n in range(41))  # the caption ends page 1
    rows = "".join(f'<tr><th scope="row">{n} kg</th><td>{n} mL</td></tr>' for n in range(30))
    html = (
        '<html lang="en"><head><title>T</title><style>@page { size: A6 } '
        "caption { break-after: auto }</style></head><body><main>"
        f"{filler}<table><caption>Doses</caption>"
        f'<thead><tr><th scope="col">Weight</th><th scope="col">Dose</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></main></body></html>"
    )
    result = engine.render(html, base_url="file:///nonexistent/", roots=())
    pdf = open_pdf(result.data)
    tables = [e for e in walk_structure(pdf) if e.S == "/Table"]
    assert tables
    for table in tables:
        kids = [str(k.S) for k in table.K if isinstance(k, pikepdf.Dictionary) and "/S" in k]
        assert kids and kids != ["/Caption"]  # no Table holds a caption alone
    assert sum(str(k.S) == "/Caption" for t in tables for k in t.K if "/S" in k) == 1


ARABIC = '<html lang="ar" dir="rtl"><head><title>T</title><style>html {{ font-family: "Noto Sans Arabic" }}</style></head><body><main>{}</main></body></html>'


def test_lam_alef_after_a_mark_gets_its_letters() -> None:
    """لًا: WeasyPrint gives the tanween glyph all three letters and the ligature none."""
    text = "<p>أعطِ طفلًا.</p><p>صغيرًا الماء. لا تنتظر.</p>"  # the ligature's first use: لًا
    result = engine.render(ARABIC.format(text), base_url="file:///nonexistent/", roots=())
    assert result.ok
    pdf = open_pdf(result.data)
    font = next(f for f in pdf.pages[0].Resources.Font.values() if "Arabic" in str(f.BaseFont))
    cmap = font.ToUnicode.read_bytes()
    assert b"> <>" not in cmap
    assert "لا".encode("utf-16-be").hex().encode() in cmap  # the ligature: lam, alef
    assert not [p for p in verify(result.data) if p.check.startswith(("pdf.unicode", "pdf.glyph"))]


@pytest.mark.parametrize("code", ["es", "ar"])
def test_the_printed_phone_number_is_a_link(render: Render, code: str) -> None:
    pdf = open_pdf(render(code))
    annots = [a for p in pdf.pages for a in p.get("/Annots", ()) if a.Subtype == "/Link"]
    phone = [a for a in annots if str(a.A.URI) == "tel:+15550100"]
    assert phone and all(str(a.Contents) == "tel:+15550100" for a in phone)
    assert verify(render(code)) == ()  # inside a Link element, like every link
