"""Digests of the catalogs kit last wrote (``.kit-cache/catalogs.json``), so that the next
``kit update`` can keep the text of unchanged entries instead of formatting them again
(``kit.po.canonical``). Safe to delete: without it every catalog is formatted in full.
A record that is missing, stale or unreadable only costs time, never changes output."""

from __future__ import annotations

import json
from pathlib import Path

from kit.files import write_bytes_if_changed

RECORDS_FILE = Path(".kit-cache") / "catalogs.json"


def load_records(root: Path) -> dict[str, str]:
    """``{catalog path relative to the project: digest}``; empty when absent or unreadable."""
    try:
        data = json.loads((root / RECORDS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def save_records(root: Path, records: dict[str, str]) -> None:
    """Write the records (atomically); a cache that cannot be written is skipped."""
    path = root / RECORDS_FILE
    data = json.dumps(dict(sorted(records.items())), indent=0).encode("utf-8") + b"\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_if_changed(path, data)
    except OSError:
        pass
