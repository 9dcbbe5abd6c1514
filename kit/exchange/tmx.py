"""Translation memories in TMX 1.4b: kit's current translations out, an agency's memory in.

Export: one ``<tu>`` per distinct (context, source, translation) of a locale, with the
documents it comes from as ``x-kit-document`` properties; inline Markdown as ``<bpt>``/
``<ept>``/``<ph>`` holding the Markdown, as in XLIFF 1.2. Plural messages are left out (TMX has
no plural forms). Same input, same bytes: no creation date.

Import: the pairs of a TMX for one source and one target language, as plain Markdown (inline
elements' text kept), for ``kit update`` to offer as fuzzy suggestions, never as translations.
A ``<tuv>`` language matches a locale when it is the locale's BCP 47 tag, or that tag plus a
region (``es-MX`` for ``es``), case-insensitively.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from kit.errors import CatalogError
from kit.exchange.inline import Code, Part, align, split
from kit.exchange.xmlin import parse_returned
from kit.exchange.xmlout import serialize

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    context: str | None = None
    documents: tuple[str, ...] = ()


def write_tmx(pairs: Iterable[Pair], source_lang: str, target_lang: str, version: str) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="kit",
        creationtoolversion=version,
        segtype="block",
        attrib={"o-tmf": "kit", "adminlang": "en", "srclang": source_lang, "datatype": "unknown"},
    )
    body = etree.SubElement(root, "body")
    for pair in sorted(pairs, key=lambda p: (p.context or "", p.source, p.target)):
        key = "\x04".join((pair.context or "", pair.source, pair.target))
        tu = etree.SubElement(body, "tu", tuid="t" + hashlib.sha256(key.encode()).hexdigest()[:12])
        for doc in pair.documents:
            etree.SubElement(tu, "prop", type="x-kit-document").text = doc
        if pair.context is not None:
            etree.SubElement(tu, "prop", type="x-context").text = pair.context
        source = split(pair.source)
        _tuv(tu, source_lang, source)
        _tuv(tu, target_lang, align(pair.target, source))
    return serialize(root, frozenset({"seg", "prop"}))


def _tuv(tu: etree._Element, lang: str, parts: tuple[Part, ...]) -> None:
    tuv = etree.SubElement(tu, "tuv", attrib={XML_LANG: lang})
    seg = etree.SubElement(tuv, "seg")
    for part in parts:
        if isinstance(part, str):
            children = list(seg)
            if children:
                children[-1].tail = (children[-1].tail or "") + part
            else:
                seg.text = (seg.text or "") + part
            continue
        seg.append(_code(part))


def _code(code: Code) -> etree._Element:
    if code.kind == "open":
        el = etree.Element("bpt", i=code.id, x=code.id, type=code.type)
    elif code.kind == "close":
        el = etree.Element("ept", i=code.id)
    else:
        el = etree.Element("ph", x=code.id, type=code.type)
    el.text = code.native
    return el


def read_tmx(data: bytes, path: str) -> tuple[tuple[str, str, str], ...]:
    """The variants of every unit, as (unit index, language, text) in file order."""
    root = _parse(data, path)
    out: list[tuple[str, str, str]] = []
    for index, tu in enumerate(root.iter("tu")):
        for tuv in tu.iter("tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            if seg is not None:
                out.append((str(index), lang, _text(seg)))
    return tuple(out)


def source_lang(data: bytes, path: str) -> str:
    header = _parse(data, path).find("header")
    return header.get("srclang", "") if header is not None else ""


def pairs(variants: tuple[tuple[str, str, str], ...], source: str, target: str) -> dict[str, str]:
    """Source text → target text for one language pair (the first translation of a source
    wins; a unit with several target variants offers its first)."""
    units: dict[str, dict[str, str]] = {}
    for index, lang, text in variants:
        for wanted in (source, target):
            if matches(lang, wanted):
                units.setdefault(index, {}).setdefault(wanted, text)
    memory: dict[str, str] = {}
    for unit in units.values():
        if unit.get(source) and unit.get(target):
            memory.setdefault(unit[source], unit[target])
    return memory


def matches(lang: str, bcp47: str) -> bool:
    lang, bcp47 = lang.lower(), bcp47.lower()
    return lang == bcp47 or lang.startswith(bcp47 + "-")


def _parse(data: bytes, path: str) -> etree._Element:
    root = parse_returned(data, path)
    if root.tag != "tmx":
        raise CatalogError(
            f"not a TMX file (root element {root.tag!s})",
            path=path,
            hint="import the .tmx file the agency's CAT tool exported",
        )
    return root


def _text(seg: etree._Element) -> str:
    """A segment's text with the native data of its inline elements (``<sub>`` excluded)."""
    out = [seg.text or ""]
    for child in seg:
        if isinstance(child.tag, str) and child.tag in ("bpt", "ept", "ph", "it", "hi", "ut"):
            out.append(_text(child) if child.tag == "hi" else "".join(_own_text(child)))
        out.append(child.tail or "")
    return "".join(out)


def _own_text(el: etree._Element) -> list[str]:
    parts = [el.text or ""]
    for child in el:
        if child.tag != "sub":
            parts.extend(_own_text(child))
        parts.append(child.tail or "")
    return parts
