"""Glossaries in TBX (ISO 30042), as terminology tools export them: ``locales/<ll>/glossary.tbx``.

Both TBX 2 (``martif``/``termEntry``/``langSet``/``tig``) and TBX 3
(``tbx``/``conceptEntry``/``langSec``/``termSec``) are read, namespace-agnostic: each concept entry's terms in the source language
become the term, its terms in the locale's language the approved targets (several terms are
variants). Entries missing either language are skipped: a TBX file often covers many
languages. A file that is not well-formed XML is a ``CatalogError`` with its line.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from kit.checks.glossary import Glossary, Term
from kit.errors import CatalogError

_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_tbx(text: str, path: str, source_language: str, target_language: str) -> Glossary:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise CatalogError(
            f"glossary is not well-formed TBX: {exc}",
            path=path,
            line=line,
            hint="export the termbase again, or fix the XML at that line",
        ) from exc
    terms: list[Term] = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        by_lang = _terms_by_language(entry)
        sources = by_lang.get(source_language, [])
        targets = by_lang.get(target_language, [])
        if sources and targets:
            note = " ".join(_texts(entry, ("descrip", "note", "definition")))[:200]
            terms += [Term(s, tuple(targets), note, _line_of(text, s)) for s in sources]
    return Glossary(tuple(terms), path)


def _terms_by_language(entry: ET.Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for lang_set in entry:
        if _local(lang_set.tag) not in ("langSet", "langSec"):
            continue
        lang = (
            (lang_set.get(_LANG) or lang_set.get("lang") or "")
            .replace("-", "_")
            .split("_")[0]
            .lower()
        )
        words = [
            " ".join("".join(t.itertext()).split())
            for t in lang_set.iter()
            if _local(t.tag) == "term"
        ]
        found.setdefault(lang, []).extend(w for w in words if w)
    return found


def _texts(entry: ET.Element, names: tuple[str, ...]) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in entry.iter() if _local(e.tag) in names]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _line_of(text: str, term: str) -> int:
    match = re.search(r">\s*" + re.escape(term) + r"\s*<", text)
    return text.count("\n", 0, match.start()) + 1 if match else 0
