"""XML bytes with readable indentation that never touches text content.

lxml's ``pretty_print`` indents an element whose children are all elements, which is exactly
a ``<source>`` that starts with an inline code: it would add whitespace to the text a
translator sees. Here only the structural elements are indented; content elements (named by
``leaves``) are written as they are.
"""

from __future__ import annotations

from lxml import etree


def serialize(root: etree._Element, leaves: frozenset[str]) -> bytes:
    _indent(root, 0, leaves)
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return body + b"\n"


def _indent(el: etree._Element, level: int, leaves: frozenset[str]) -> None:
    if etree.QName(el).localname in leaves:
        return
    children = list(el)
    if not children:
        return
    el.text = "\n" + "  " * (level + 1)
    for child in children:
        _indent(child, level + 1, leaves)
        child.tail = "\n" + "  " * (level + 1)
    children[-1].tail = "\n" + "  " * level
