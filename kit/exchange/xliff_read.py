"""XLIFF 2.x and 1.2 back to units, with the line of each unit for findings.

What a CAT tool may have done to the file and is read anyway: segmented a unit into several
``<segment>``s (2.x) or ``<mrk mtype="seg">``s (1.2, as Trados does), turned ``<pc>`` into
``<sc>``/``<ec>`` or ``<bpt>``/``<ept>`` into ``<g>`` or ``<bx>``/``<ex>``, added notes,
``<alt-trans>`` or ``<sm>``/``<em>`` annotations. Inline codes in a target are trusted only
for their id and kind: their Markdown comes from the current source (``inline.restore``).

The parser expands no entities, loads no DTD and reaches no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from lxml import etree

from kit.errors import CatalogError
from kit.exchange.inline import Kind, Ref
from kit.exchange.units import XState
from kit.exchange.xmlin import parse_returned

XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"

Content = tuple[str | Ref, ...]


@dataclass(frozen=True)
class ReturnedUnit:
    id: str
    line: int
    source: Content
    target: Content | None  # None: no target at all
    state: XState  # what the file claims
    natives: tuple[tuple[str, Kind, str], ...] = ()  # (id, kind, Markdown) the file carries


@dataclass(frozen=True)
class ReturnedFile:
    slug: str
    target_lang: str
    version: str
    units: tuple[ReturnedUnit, ...]
    line: int = 1


def read_xliff(data: bytes, path: str) -> tuple[ReturnedFile, ...]:
    root = parse_returned(data, path)
    if root.tag == f"{{{XLIFF2}}}xliff":
        return tuple(_file2(f, root, path) for f in root.iter(f"{{{XLIFF2}}}file"))
    if root.tag == f"{{{XLIFF12}}}xliff":
        return tuple(_file12(f, path) for f in root.iter(f"{{{XLIFF12}}}file"))
    raise CatalogError(
        f"not an XLIFF 2.x or 1.2 file (root element {root.tag!s})",
        path=path,
        line=_line(root),
        hint="import the .xlf files 'kit export xliff' wrote, as the CAT tool returned them",
    )


def _line(el: etree._Element) -> int:
    line = getattr(el, "sourceline", None)
    return line if isinstance(line, int) else 0


def _slug(file: etree._Element, path: str) -> str:
    original = file.get("original") or file.get("id") or ""
    slug = PurePosixPath(original.replace("\\", "/")).name.removesuffix(".po")
    if not slug:
        raise CatalogError(
            "the <file> element names no catalog",
            path=path,
            line=_line(file),
            hint="its 'original' attribute should be the catalog's path as kit wrote it",
        )
    return slug


# XLIFF 2.x


def _file2(file: etree._Element, root: etree._Element, path: str) -> ReturnedFile:
    units = tuple(_unit2(u) for u in file.iter(f"{{{XLIFF2}}}unit"))
    lang = root.get("trgLang") or ""
    return ReturnedFile(_slug(file, path), lang, root.get("version", "2.0"), units, _line(file))


def _unit2(unit: etree._Element) -> ReturnedUnit:
    natives: list[tuple[str, Kind, str]] = []
    data = {d.get("id", ""): d.text or "" for d in unit.iter(f"{{{XLIFF2}}}data")}
    codes = tuple(f"{{{XLIFF2}}}{tag}" for tag in ("pc", "ph", "sc", "ec"))
    for text in unit.iter(f"{{{XLIFF2}}}source"):
        for el in text.iter(*codes):
            natives.extend(_natives2(el, data))
    source: list[str | Ref] = []
    target: list[str | Ref] = []
    states: list[tuple[str, str]] = []
    has_target = False
    for part in unit.iterchildren():
        tag = etree.QName(part).localname
        if tag not in ("segment", "ignorable"):
            continue
        src = part.find(f"{{{XLIFF2}}}source")
        tgt = part.find(f"{{{XLIFF2}}}target")
        source.extend(_content(src, _inline2))
        if tgt is not None:
            has_target = True
            target.extend(_content(tgt, _inline2))
        elif tag == "ignorable":
            target.extend(_content(src, _inline2))
        if tag == "segment":
            states.append((part.get("state", "initial"), part.get("subState", "")))
    state = _state2(states, bool(has_target and target))
    return ReturnedUnit(
        unit.get("id", ""),
        _line(unit),
        tuple(source),
        tuple(target) if has_target else None,
        state,
        tuple(natives),
    )


def _natives2(el: etree._Element, data: dict[str, str]) -> list[tuple[str, Kind, str]]:
    tag = etree.QName(el).localname
    id_ = el.get("id", "")
    if tag == "pc":
        return [
            (id_, "open", data.get(el.get("dataRefStart", ""), "")),
            (id_, "close", data.get(el.get("dataRefEnd", ""), "")),
        ]
    if tag == "sc":
        return [(id_, "open", data.get(el.get("dataRef", ""), ""))]
    if tag == "ec":
        return [(el.get("startRef", id_), "close", data.get(el.get("dataRef", ""), ""))]
    return [(id_, "ph", data.get(el.get("dataRef", ""), ""))]


def _inline2(el: etree._Element) -> list[str | Ref] | None:
    tag = etree.QName(el).localname
    if tag == "pc":
        return [
            Ref(el.get("id", ""), "open"),
            *_content(el, _inline2),
            Ref(el.get("id", ""), "close"),
        ]
    if tag == "sc":
        return [Ref(el.get("id", ""), "open")]
    if tag == "ec":
        return [Ref(el.get("startRef", el.get("id", "")), "close")]
    if tag == "ph":
        return [Ref(el.get("id", ""), "ph")]
    if tag == "mrk":
        return _content(el, _inline2)
    return []  # sm, em and unknown annotations carry no text


def _state2(states: list[tuple[str, str]], has_target: bool) -> XState:
    if not has_target:
        return XState.UNTRANSLATED
    if any(sub == "kit:must-retranslate" for _, sub in states):
        return XState.MUST_RETRANSLATE
    names = {state for state, _ in states}
    if "initial" in names or not names:
        return XState.FUZZY
    if "translated" in names:
        return XState.TRANSLATED
    return XState.REVIEWED


# XLIFF 1.2


def _file12(file: etree._Element, path: str) -> ReturnedFile:
    units = tuple(_unit12(u) for u in file.iter(f"{{{XLIFF12}}}trans-unit"))
    return ReturnedFile(
        _slug(file, path), file.get("target-language", ""), "1.2", units, _line(file)
    )


def _unit12(unit: etree._Element) -> ReturnedUnit:
    src = unit.find(f"{{{XLIFF12}}}source")
    tgt = unit.find(f"{{{XLIFF12}}}target")
    natives: list[tuple[str, Kind, str]] = []
    if src is not None:
        for el in src.iter(f"{{{XLIFF12}}}bpt", f"{{{XLIFF12}}}ept", f"{{{XLIFF12}}}ph"):
            kind: Kind = {"bpt": "open", "ept": "close"}.get(etree.QName(el).localname, "ph")  # type: ignore[assignment]
            natives.append((el.get("id", ""), kind, el.text or ""))
    target = tuple(_content(tgt, _inline12)) if tgt is not None else None
    state = _state12(unit.get("approved"), tgt, bool(target))
    return ReturnedUnit(
        unit.get("id", ""),
        _line(unit),
        tuple(_content(src, _inline12)),
        target,
        state,
        tuple(natives),
    )


def _inline12(el: etree._Element) -> list[str | Ref] | None:
    tag = etree.QName(el).localname
    id_ = el.get("id", "")
    if tag in ("bpt", "bx"):
        return [Ref(id_, "open")]
    if tag in ("ept", "ex"):
        return [Ref(el.get("rid", id_) if tag == "ex" else id_, "close")]
    if tag in ("ph", "x"):
        return [Ref(id_, "ph")]
    if tag == "g":
        return [Ref(id_, "open"), *_content(el, _inline12), Ref(id_, "close")]
    if tag == "mrk":
        return _content(el, _inline12)
    return []


def _state12(approved: str | None, target: etree._Element | None, has_target: bool) -> XState:
    if not has_target or target is None:
        return XState.UNTRANSLATED
    state = target.get("state", "")
    qualifier = target.get("state-qualifier", "")
    signed = state in ("signed-off", "final")
    if approved == "yes" or (approved is None and (signed or state == "translated")):
        return XState.REVIEWED if signed else XState.TRANSLATED
    if qualifier.startswith("rejected-"):
        return XState.MUST_RETRANSLATE
    return XState.FUZZY


def _content(el: etree._Element | None, inline: object) -> list[str | Ref]:
    """The text and code references inside ``el``, in order."""
    if el is None:
        return []
    out: list[str | Ref] = []
    if el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):  # not a comment or processing instruction
            out.extend(inline(child) or [])  # type: ignore[operator]
        if child.tail:
            out.append(child.tail)
    return out
