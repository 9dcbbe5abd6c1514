"""The catalog file layer: PO/POT text <-> frozen dataclasses, GNU-identical output.

``parse_po``/``read_po`` read strictly (``CatalogError`` with path:line), ``format_po``
writes byte for byte what GNU ``msgcat`` 0.21 writes, ``write_po_if_changed`` puts a
catalog on disk atomically and only when the bytes change (through ``kit.files``).
Nothing else in kit reads or writes PO/POT text.
"""

from kit.po.model import PoEntry, PoFile
from kit.po.read import parse_po, read_po
from kit.po.save import replace_po_if_unchanged, write_po_if_changed
from kit.po.write import format_po

__all__ = [
    "PoEntry",
    "PoFile",
    "format_po",
    "parse_po",
    "read_po",
    "replace_po_if_unchanged",
    "write_po_if_changed",
]
