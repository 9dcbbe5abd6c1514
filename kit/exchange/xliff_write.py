"""Exchange units to XLIFF bytes: 2.1 (the current OASIS standard) or 1.2 (what many CAT
tools still prefer). Same input, same bytes.

States (kit → XLIFF; ``kit.exchange.xliff_read`` maps them back):

| kit | XLIFF 2.1 ``<segment>`` | XLIFF 1.2 ``<trans-unit>`` / ``<target>`` |
|---|---|---|
| untranslated | ``state="initial"``, no target | ``approved="no"``, no target |
| fuzzy | ``initial`` + ``subState="kit:fuzzy"`` | ``approved="no"``, ``state="needs-review-translation"``, ``state-qualifier="fuzzy-match"`` |
| must retranslate | ``initial`` + ``subState="kit:must-retranslate"``, reason in a note | ``approved="no"``, ``state="needs-translation"``, ``state-qualifier="rejected-inaccurate"``, reason in a note |
| translated | ``translated`` | ``approved="yes"``, ``state="translated"`` |
| reviewed | ``reviewed`` | ``approved="yes"``, ``state="signed-off"`` |

Inline codes: 2.1 ``<pc>`` (paired) and ``<ph>`` with their Markdown in ``<originalData>``;
1.2 ``<bpt>``/``<ept>`` and ``<ph>`` holding the Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from kit.exchange.inline import Code, Part
from kit.exchange.units import ExchangeFile, Group, Note, Unit, XState
from kit.exchange.xmlout import serialize

XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XML = "http://www.w3.org/XML/1998/namespace"
VERSIONS = ("2.1", "1.2")
_CONTENT = frozenset({"source", "target", "note", "data"})  # text: never indented

_STATE2 = {
    XState.UNTRANSLATED: ("initial", None),
    XState.FUZZY: ("initial", "kit:fuzzy"),
    XState.MUST_RETRANSLATE: ("initial", "kit:must-retranslate"),
    XState.TRANSLATED: ("translated", None),
    XState.REVIEWED: ("reviewed", None),
}
_STATE12 = {
    XState.FUZZY: ("no", "needs-review-translation", "fuzzy-match"),
    XState.MUST_RETRANSLATE: ("no", "needs-translation", "rejected-inaccurate"),
    XState.TRANSLATED: ("yes", "translated", None),
    XState.REVIEWED: ("yes", "signed-off", None),
}
# XLIFF 2 <pc>/<ph> type and subType; 1.2 ctype.
_TYPE2 = {
    "bold": ("fmt", "xlf:b"),
    "italic": ("fmt", "xlf:i"),
    "bold-italic": ("fmt", "xlf:b"),
    "link": ("link", None),
    "image": ("image", None),
    "code": ("other", None),
    "break": ("fmt", "xlf:lb"),
}
_CTYPE12 = {"bold": "bold", "italic": "italic", "link": "link", "image": "image", "break": "lb"}


def write_xliff(doc: ExchangeFile, version: str = "2.1") -> bytes:
    root = _xliff2(doc) if version == "2.1" else _xliff12(doc)
    return serialize(root, _CONTENT)


# XLIFF 2.1


def _xliff2(doc: ExchangeFile) -> etree._Element:
    root = etree.Element(
        _q(XLIFF2, "xliff"),
        nsmap={None: XLIFF2},
        version="2.1",
        srcLang=doc.source_lang,
        trgLang=doc.target_lang,
    )
    file = etree.SubElement(root, _q(XLIFF2, "file"), id=doc.slug, original=doc.original)
    file.set(_q(XML, "space"), "preserve")
    if doc.notes:
        _notes2(file, doc.notes)
    for item in doc.items:
        if isinstance(item, Group):
            group = etree.SubElement(file, _q(XLIFF2, "group"), id=item.id, name="plural")
            for unit in item.units:
                _unit2(group, unit)
        else:
            _unit2(file, item)
    return root


def _unit2(parent: etree._Element, unit: Unit) -> None:
    el = etree.SubElement(parent, _q(XLIFF2, "unit"), id=unit.id)
    if unit.notes:
        _notes2(el, unit.notes)
    codes = [p for p in (*unit.source, *unit.target) if isinstance(p, Code)]
    if codes:
        data = etree.SubElement(el, _q(XLIFF2, "originalData"))
        seen: set[str] = set()
        for code in codes:
            ref = _data_ref(code)
            if ref not in seen:
                seen.add(ref)
                item = etree.SubElement(data, _q(XLIFF2, "data"), id=ref)
                item.text = code.native
    state, sub = _STATE2[unit.state]
    segment = etree.SubElement(el, _q(XLIFF2, "segment"), state=state)
    if sub:
        segment.set("subState", sub)
    _content2(etree.SubElement(segment, _q(XLIFF2, "source")), unit.source)
    if unit.target:
        _content2(etree.SubElement(segment, _q(XLIFF2, "target")), unit.target)


def _data_ref(code: Code) -> str:
    return {"open": f"d{code.id}", "close": f"d{code.id}e", "ph": f"d{code.id}"}[code.kind]


def _notes2(parent: etree._Element, notes: Iterable[Note]) -> None:
    box = etree.SubElement(parent, _q(XLIFF2, "notes"))
    for note in notes:
        el = etree.SubElement(box, _q(XLIFF2, "note"), category=note.category)
        if note.category == "kit":
            el.set("priority", "1")
        el.text = note.text


def _content2(el: etree._Element, parts: tuple[Part, ...]) -> None:
    stack = [el]
    for part in parts:
        top = stack[-1]
        if isinstance(part, str):
            _append_text(top, part)
            continue
        kind, sub = _TYPE2[part.type]
        if part.kind == "close":
            stack.pop()
            continue
        if part.kind == "open":
            child = etree.SubElement(
                top,
                _q(XLIFF2, "pc"),
                id=part.id,
                dataRefStart=f"d{part.id}",
                dataRefEnd=f"d{part.id}e",
                type=kind,
            )
            stack.append(child)
        else:
            child = etree.SubElement(
                top, _q(XLIFF2, "ph"), id=part.id, dataRef=f"d{part.id}", type=kind
            )
        if sub:
            child.set("subType", sub)


# XLIFF 1.2


def _xliff12(doc: ExchangeFile) -> etree._Element:
    root = etree.Element(_q(XLIFF12, "xliff"), nsmap={None: XLIFF12}, version="1.2")
    file = etree.SubElement(
        root,
        _q(XLIFF12, "file"),
        original=doc.original,
        datatype="po",
        attrib={"source-language": doc.source_lang, "target-language": doc.target_lang},
    )
    header = etree.SubElement(file, _q(XLIFF12, "header"))
    etree.SubElement(header, _q(XLIFF12, "tool"), attrib={"tool-id": "kit", "tool-name": "kit"})
    for note in doc.notes:
        etree.SubElement(
            header, _q(XLIFF12, "note"), attrib={"from": note.category}
        ).text = note.text
    body = etree.SubElement(file, _q(XLIFF12, "body"))
    for item in doc.items:
        if isinstance(item, Group):
            group = etree.SubElement(
                body, _q(XLIFF12, "group"), id=item.id, restype="x-gettext-plurals"
            )
            for unit in item.units:
                _unit12(group, unit)
        else:
            _unit12(body, item)
    return root


def _unit12(parent: etree._Element, unit: Unit) -> None:
    approved, state, qualifier = _STATE12.get(unit.state, ("no", None, None))
    el = etree.SubElement(parent, _q(XLIFF12, "trans-unit"), id=unit.id, approved=approved)
    el.set(_q(XML, "space"), "preserve")
    _content12(etree.SubElement(el, _q(XLIFF12, "source")), unit.source)
    if unit.target:
        target = etree.SubElement(el, _q(XLIFF12, "target"))
        if state:
            target.set("state", state)
        if qualifier:
            target.set("state-qualifier", qualifier)
        _content12(target, unit.target)
    for note in unit.notes:
        attrib = {"from": note.category}
        if note.category == "kit":
            attrib["priority"] = "1"
        etree.SubElement(el, _q(XLIFF12, "note"), attrib=attrib).text = note.text


def _content12(el: etree._Element, parts: tuple[Part, ...]) -> None:
    for part in parts:
        if isinstance(part, str):
            _append_text(el, part)
            continue
        tag = {"open": "bpt", "close": "ept", "ph": "ph"}[part.kind]
        child = etree.SubElement(el, _q(XLIFF12, tag), id=part.id)
        if part.kind != "close":
            child.set("ctype", _CTYPE12.get(part.type, f"x-{part.type}"))
        child.text = part.native


def _append_text(el: etree._Element, text: str) -> None:
    children = list(el)
    if children:
        children[-1].tail = (children[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"
