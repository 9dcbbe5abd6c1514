"""What the checks derive from a source document alone, derived once per document.

``kit check`` checks the same source document in every locale; what depends only on the
document (its prose segments and their word counts, its message keys, its image alt texts)
is remembered here, by the document object's identity, instead of recomputed per catalog.
The document is held with its value, so an identity is never confused with a freed
document's; the oldest entries go once ``LIMIT`` documents are held.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from kit.model import Document

T = TypeVar("T")
LIMIT = 4096


def per_document(func: Callable[[Document], T]) -> Callable[[Document], T]:
    """``func(doc)`` computed once per document object (``func`` must be pure)."""
    held: dict[int, tuple[Document, T]] = {}

    @wraps(func)
    def cached(doc: Document) -> T:
        found = held.get(id(doc))
        if found is not None and found[0] is doc:
            return found[1]
        value = func(doc)
        if len(held) >= LIMIT:
            del held[next(iter(held))]
        held[id(doc)] = (doc, value)
        return value

    return cached
