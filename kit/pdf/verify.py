"""PDF/UA checks on a finished handout's bytes, for ``kit check --pdf`` (issue 18).

kit's own reading of the machine-checkable PDF/UA-1 rules its handouts must meet, with
pikepdf only (the independent checkers outloud and pdfua run in kit's test suite; outloud
needs PyMuPDF, which is AGPL, so it is not a runtime dependency). Each problem names a check
id registered in ``kit.checks.registry`` (``pdf.*``):

- ``pdf.tagged``: marked as tagged, a structure tree, a document ``/Lang``, the title shown
  (``DisplayDocTitle``), a ``pdfuaid`` part in the XMP metadata;
- ``pdf.table-headers``: a table with no header cell, or a header cell with neither
  ``/Scope`` nor an id that a data cell's ``/Headers`` names;
- ``pdf.artifacts``: marked content that is neither in the tag tree nor an artifact
  (running footers, page numbers);
- ``pdf.links``: a link annotation outside a Link structure element, or without ``/Contents``;
- ``pdf.figures``: a Figure without ``/Alt``;
- ``pdf.unicode``: a font without a ``/ToUnicode`` map (copy, search and screen readers get
  no text); ``pdf.glyph-text``: glyphs that map to no text (a warning: WeasyPrint leaves the
  second glyph of some clusters empty, and ``kit.pdf.unicode`` repairs only the lam-alef
  case it can prove).

No IO: bytes in, problems out. A PDF that pikepdf cannot open is one ``pdf.tagged`` problem.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class PdfProblem:
    check: str  # a pdf.* id of kit.checks.registry
    page: int  # 1-based; 0 for the document as a whole
    message: str


def verify(data: bytes) -> tuple[PdfProblem, ...]:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        return (PdfProblem("pdf.tagged", 0, f"not a readable PDF: {exc}"),)
    with pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        root = pdf.Root.get("/StructTreeRoot")
        problems = list(_document(pdf, root))
        if root is not None:
            elements = list(_walk(root))
            problems += _tables(elements, pages)
            problems += _figures(elements, pages)
            problems += _artifacts(pdf, root, {e.objgen for e in elements})
            problems += _links(pdf, elements)
        problems += _fonts(pdf)
    return tuple(problems)


def _document(pdf: pikepdf.Pdf, root: pikepdf.Object | None) -> Iterator[PdfProblem]:
    mark = pdf.Root.get("/MarkInfo")
    if root is None or mark is None or not bool(mark.get("/Marked", False)):
        yield PdfProblem("pdf.tagged", 0, "the PDF is not tagged (no structure tree)")
    if not str(pdf.Root.get("/Lang", "")):
        yield PdfProblem("pdf.tagged", 0, "the document has no /Lang")
    prefs = pdf.Root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        yield PdfProblem("pdf.tagged", 0, "viewers show the file name, not the title")
    if b"pdfuaid:part" not in _xmp(pdf):
        yield PdfProblem("pdf.tagged", 0, "the XMP metadata does not claim PDF/UA (pdfuaid)")


def _xmp(pdf: pikepdf.Pdf) -> bytes:
    meta = pdf.Root.get("/Metadata")
    return bytes(meta.read_bytes()) if isinstance(meta, pikepdf.Stream) else b""


def _walk(root: pikepdf.Object) -> list[pikepdf.Dictionary]:
    out: list[pikepdf.Dictionary] = []
    seen: set[tuple[int, int]] = set()
    stack = [root.get("/K")]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node.is_indirect and node.objgen in seen:
                continue
            seen.add(node.objgen)
            out.append(node)
            stack.append(node.get("/K"))
    return out


def _page_of(element: pikepdf.Dictionary, pages: dict[tuple[int, int], int]) -> int:
    page = element.get("/Pg")
    return pages.get(page.objgen, 0) if page is not None else 0


def _tables(
    elements: list[pikepdf.Dictionary], pages: dict[tuple[int, int], int]
) -> Iterator[PdfProblem]:
    for table in (e for e in elements if e.S == "/Table"):
        cells = [e for e in _walk(table) if e.get("/S") in ("/TH", "/TD")]
        headers = [c for c in cells if c.S == "/TH"]
        named = {str(h) for c in cells for h in _attr(c, "/Headers") or ()}
        if cells and not headers:
            yield PdfProblem(
                "pdf.table-headers", _page_of(table, pages), "a table has no header cell"
            )
        loose = [
            h for h in headers if _attr(h, "/Scope") is None and str(h.get("/ID")) not in named
        ]
        if loose:
            yield PdfProblem(
                "pdf.table-headers",
                _page_of(table, pages),
                f"{len(loose)} header cell(s) have no /Scope and no data cell names them",
            )


def _attr(element: pikepdf.Dictionary, key: str) -> pikepdf.Object | None:
    attrs = element.get("/A")
    for attr in attrs if isinstance(attrs, pikepdf.Array) else [attrs]:
        if isinstance(attr, pikepdf.Dictionary) and key in attr:
            return attr[key]
    return None


def _figures(
    elements: list[pikepdf.Dictionary], pages: dict[tuple[int, int], int]
) -> Iterator[PdfProblem]:
    for figure in (e for e in elements if e.S == "/Figure"):
        if not str(figure.get("/Alt", "")).strip() and "/ActualText" not in figure:
            yield PdfProblem("pdf.figures", _page_of(figure, pages), "a figure has no /Alt text")


def _artifacts(
    pdf: pikepdf.Pdf, root: pikepdf.Object, in_tree: set[tuple[int, int]]
) -> Iterator[PdfProblem]:
    tree = root.get("/ParentTree")
    nums = tree.get("/Nums", ()) if tree is not None else ()
    for index in range(0, len(nums) - 1, 2):
        key, entry = int(nums[index]), nums[index + 1]
        if not isinstance(entry, pikepdf.Array) or key >= len(pdf.pages):
            continue
        outside = sum(
            1 for e in entry if isinstance(e, pikepdf.Dictionary) and e.objgen not in in_tree
        )
        if outside:
            yield PdfProblem(
                "pdf.artifacts",
                key + 1,
                f"{outside} piece(s) of tagged content are outside the tag tree and not artifacts",
            )


def _links(pdf: pikepdf.Pdf, elements: list[pikepdf.Dictionary]) -> Iterator[PdfProblem]:
    in_link: set[tuple[int, int]] = set()
    for element in elements:
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if (
                isinstance(kid, pikepdf.Dictionary)
                and kid.get("/Type") == "/OBJR"
                and element.S == "/Link"
            ):
                in_link.add(kid.Obj.objgen)
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.get("/Annots", ()):
            if annot.get("/Subtype") != "/Link":
                continue
            if annot.objgen not in in_link:
                yield PdfProblem(
                    "pdf.links", number, "a link is not inside a Link structure element"
                )
            if not str(annot.get("/Contents", "")).strip():
                yield PdfProblem("pdf.links", number, "a link annotation has no /Contents")


def _fonts(pdf: pikepdf.Pdf) -> Iterator[PdfProblem]:
    seen: set[str] = set()
    for number, page in enumerate(pdf.pages, start=1):
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if resources is not None else None
        for font in fonts.values() if fonts is not None else ():
            name = str(font.get("/BaseFont", "?"))
            if name in seen or font.get("/Subtype") == "/Type3":
                continue
            seen.add(name)
            cmap = font.get("/ToUnicode")
            if not isinstance(cmap, pikepdf.Stream):
                yield PdfProblem("pdf.unicode", number, f"font {name} has no /ToUnicode map")
            elif (empty := cmap.read_bytes().count(b"> <>")) > 0:
                yield PdfProblem(
                    "pdf.unicode", number, f"font {name}: {empty} glyph(s) map to no text"
                )
