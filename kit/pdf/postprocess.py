"""The last step of a handout: what WeasyPrint cannot write into the PDF, fixed with pikepdf.

- **Page furniture as artifacts.** WeasyPrint tags the text of page margin boxes (running
  footer, "Page X of Y") as marked content with an ``/MCID`` but links the structure elements
  it makes for it nowhere into the tag tree (its code says artifacts there need PDF 2.0). A
  screen reader skips them, but checkers see tagged content outside the tree, and it is
  wrong for PDF/UA-1 (ISO 14289-1 7.1: page furniture is an artifact). Every marked-content
  sequence whose structure element is not reachable from the ``StructTreeRoot`` becomes
  ``/Artifact <</Type /Pagination>> BDC``, and its ``ParentTree`` entry becomes ``null``.
- **A caption left alone** at the foot of a page (WeasyPrint makes a ``Table`` holding only
  the ``Caption`` there, and a second ``Table`` with the rows on the next page) moves into
  the table that has the rows, and the empty ``Table`` goes.
- **Every glyph with a Unicode value** (``kit.pdf.unicode``: Arabic lam-alef after a mark).
- **Links printed as well as shown.** Link annotations get the Print flag (``/F 4``), so
  print and screen agree.

The result is byte-reproducible: no clock, no random ``/ID`` (qpdf derives it from the
content), the same input gives the same bytes. ``postprocess`` costs a few per cent of a
render (bench/bench_pdf.py measures it).
"""

from __future__ import annotations

import io
import itertools
import re

import pikepdf

from kit.pdf.unicode import fill_empty_mappings

_MARKED = re.compile(
    rb"/(\w+)\s*<</MCID (\d+)(?:\s*/ActualText\s*(?:<[0-9A-Fa-f]*>|\((?:[^()\\]|\\.)*\)))?>>\s*BDC"
)
ARTIFACT = b"/Artifact <</Type /Pagination>> BDC"
PRINT_FLAG = 4


def postprocess(data: bytes) -> bytes:
    """The handout's bytes with page furniture as artifacts and printable links."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is not None:
            _furniture_to_artifacts(pdf, root)
            _join_lone_captions(root)
        fill_empty_mappings(pdf)
        for page in pdf.pages:
            for annot in page.get("/Annots", ()):
                if annot.get("/Subtype") == "/Link":
                    annot.F = int(annot.get("/F", 0)) | PRINT_FLAG
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True)
    return out.getvalue()


def _furniture_to_artifacts(pdf: pikepdf.Pdf, root: pikepdf.Object) -> None:
    in_tree = _reachable(root)
    nums = root.ParentTree.Nums
    for index in range(0, len(nums), 2):
        key, entry = int(nums[index]), nums[index + 1]
        if not isinstance(entry, pikepdf.Array) or key >= len(pdf.pages):
            continue  # an annotation's entry, not a page's
        orphans = {
            mcid
            for mcid, element in enumerate(entry)
            if isinstance(element, pikepdf.Dictionary) and element.objgen not in in_tree
        }
        if orphans:
            _mark_artifacts(pdf.pages[key], orphans)
            for mcid in orphans:
                entry[mcid] = pikepdf.Object.parse(b"null")


def _join_lone_captions(root: pikepdf.Object) -> None:
    tables = [e for e in _elements(root) if e.get("/S") == "/Table"]
    for lone, rows in itertools.pairwise(tables):
        kids = _kids(lone)
        if not kids or any(k.get("/S") != "/Caption" for k in kids):
            continue
        if any(k.get("/S") == "/Caption" for k in _kids(rows)):
            continue
        for caption in kids:
            caption.P = rows
        rows.K = pikepdf.Array([*kids, *_kids(rows)])
        parent = lone.P
        parent.K = pikepdf.Array([k for k in _kids(parent) if k.objgen != lone.objgen])


def _kids(element: pikepdf.Object) -> list[pikepdf.Object]:
    """The structure-element children (not marked content) of ``element``, in order."""
    kids = element.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def _elements(root: pikepdf.Object) -> list[pikepdf.Object]:
    """Every structure element in document order."""
    out: list[pikepdf.Object] = []
    stack = list(reversed(_kids(root)))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(_kids(node)))
    return out


def _reachable(root: pikepdf.Object) -> set[tuple[int, int]]:
    """The object numbers of every structure element in the tag tree."""
    seen: set[tuple[int, int]] = set()
    stack = [root.K] if "/K" in root else []
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
            if "/K" in node:
                stack.append(node.K)
    return seen


def _mark_artifacts(page: pikepdf.Page, mcids: set[int]) -> None:
    contents = page.obj.Contents
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    for stream in streams:
        data = stream.read_bytes()
        fixed = _MARKED.sub(lambda m: ARTIFACT if int(m.group(2)) in mcids else m.group(0), data)
        if fixed != data:
            stream.write(fixed)
