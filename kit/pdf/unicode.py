"""Give every glyph a Unicode value: a pikepdf step of ``kit.pdf.postprocess`` (issue 18).

WeasyPrint maps each glyph to the text of its HarfBuzz cluster, and when a cluster has more
glyphs than one it gives the whole text to the first glyph and an empty string to the
others. In Arabic that happens to lam-alef with a mark between the letters (``لًا``: lam,
tanween, alef): the mark glyph gets ``لًا`` and the lam-alef ligature gets nothing, so the
ligature has no Unicode value (PDF/UA-1 7.21.7) and text extraction puts the mark in the
wrong place.

(WeasyPrint keeps the first mapping it sees for a glyph, so the ligature stays empty even
where it is drawn alone later.)

The repair is narrow: a glyph with an empty mapping, drawn right after exactly one glyph
whose text holds both combining marks and letters: the marks stay with that glyph and the
letters go to the empty one. Anything else is left as WeasyPrint wrote it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pikepdf

_ENTRY = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]*)>")
_TOKENS = re.compile(rb"/([^\s/<>\[\]()]+)\s+[-\d.]+\s+Tf|<([0-9a-fA-F]*)>")


def fill_empty_mappings(pdf: pikepdf.Pdf) -> None:
    fonts = _fonts_with_empty_entries(pdf)
    if not fonts:
        return
    before = _preceding_glyphs(pdf, fonts)
    for objgen, (font, table) in fonts.items():
        changes: dict[str, str] = {}
        for empty in (g for g, text in table.items() if not text):
            owners = [
                glyph
                for glyph in sorted(before.get((objgen, empty), set()))
                if all(_split(table.get(glyph, ""))) and glyph not in changes
            ]
            if len(owners) == 1:  # the one glyph that took this glyph's letters
                changes[owners[0]], changes[empty] = _split(table[owners[0]])
        if changes:
            _rewrite(font, changes)


def _split(text: str) -> tuple[str, str]:
    marks = "".join(ch for ch in text if unicodedata.category(ch) == "Mn")
    letters = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return marks, letters


def _fonts_with_empty_entries(
    pdf: pikepdf.Pdf,
) -> dict[tuple[int, int], tuple[pikepdf.Object, dict[str, str]]]:
    found: dict[tuple[int, int], tuple[pikepdf.Object, dict[str, str]]] = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if resources is not None else None
        for font in fonts.values() if fonts is not None else ():
            cmap = font.get("/ToUnicode")
            if font.objgen in found or not isinstance(cmap, pikepdf.Stream):
                continue
            data = cmap.read_bytes()
            if b"> <>" not in data:
                continue
            table = {
                gid.decode().lower(): bytes.fromhex(hexa.decode()).decode("utf-16-be")
                for gid, hexa in _ENTRY.findall(data)
            }
            found[font.objgen] = (font, table)
    return found


def _preceding_glyphs(
    pdf: pikepdf.Pdf, fonts: dict[tuple[int, int], tuple[pikepdf.Object, dict[str, str]]]
) -> dict[tuple[tuple[int, int], str], set[str]]:
    """For each (font, glyph), the glyphs drawn right before it in the same font."""
    out: dict[tuple[tuple[int, int], str], set[str]] = defaultdict(set)
    for page in pdf.pages:
        names = {
            str(name)[1:]: font.objgen
            for name, font in page.obj.Resources.get("/Font", {}).items()
            if font.objgen in fonts
        }
        current, last = None, None
        contents = page.obj.Contents
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        data = b"\n".join(stream.read_bytes() for stream in streams)
        for name, hexa in _TOKENS.findall(data):
            if name:
                current, last = names.get(name.decode()), None
                continue
            if current is None:
                continue
            text = hexa.decode().lower()
            for i in range(0, len(text) - 3, 4):
                gid = text[i : i + 4]
                if last is not None:
                    out[(current, gid)].add(last)
                last = gid
    return out


def _rewrite(font: pikepdf.Object, changes: dict[str, str]) -> None:
    def entry(match: re.Match[bytes]) -> bytes:
        gid = match.group(1).decode().lower()
        if gid not in changes:
            return match.group(0)
        return b"<%s> <%s>" % (match.group(1), changes[gid].encode("utf-16-be").hex().encode())

    font.ToUnicode.write(_ENTRY.sub(entry, font.ToUnicode.read_bytes()))
