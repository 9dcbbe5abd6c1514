"""Reading XML that comes back from outside (XLIFF, TMX): no entities resolved, no DTD or
network access, and a file that is not well-formed is a ``CatalogError`` at its line."""

from __future__ import annotations

from lxml import etree

from kit.errors import CatalogError


def parse_returned(data: bytes, path: str) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise CatalogError(
            f"not well-formed XML: {exc.msg}", path=path, line=line, hint="export it again"
        ) from exc
