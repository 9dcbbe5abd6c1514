"""What the JSON files kept beside a catalog (review sign-offs, back-translations) share:
one rule for how they are written, and one for how a broken one is reported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kit.errors import CatalogError


def dumps(data: Any) -> str:
    """Sorted, one-space-indented JSON: small diffs, easy merges."""
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


@contextmanager
def reading(what: str, path: str, writer: str) -> Iterator[None]:
    """Turn what goes wrong while parsing the sidecar into a ``CatalogError`` naming it."""
    hint = f"restore it from git; it is written by '{writer}'"
    try:
        yield
    except json.JSONDecodeError as exc:
        raise CatalogError(
            f"{what} not valid JSON: {exc.msg}", path=path, line=exc.lineno, hint=hint
        ) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogError(f"{what} malformed: {exc}", path=path, hint=hint) from exc
