"""What the checks derive from a source document alone, derived once per document.

``kit check`` checks the same source document in every locale; what depends only on the
document (its prose segments and their word counts, its message keys, its image alt texts)
is remembered here for as long as the document object lives (a weak reference: a
long-running ``kit serve`` holds nothing of the documents it let go), instead of being
recomputed for every catalog.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from kit.model import Document

T = TypeVar("T")


def per_document(func: Callable[[Document], T]) -> Callable[[Document], T]:
    """``func(doc)`` computed once per document object (``func`` must be pure, and its
    value must not hold the document itself)."""
    held: dict[int, tuple[weakref.ref[Document], T]] = {}

    @wraps(func)
    def cached(doc: Document) -> T:
        key = id(doc)
        found = held.get(key)
        if found is not None and found[0]() is doc:
            return found[1]
        value = func(doc)
        held[key] = (weakref.ref(doc, lambda _: held.pop(key, None)), value)
        return value

    return cached
