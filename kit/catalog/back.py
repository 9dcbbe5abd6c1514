"""Back-translations: an independent translation of each translation back into the source
language, kept beside the catalog as ``<slug>.back.json`` (written by ``kit import
back-translation``).

Each record holds the source and the translation it was made from, so a back-translation
stops counting by itself once either changes. Pure functions; reading and writing the file is
in ``kit.commands``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kit.catalog import sidecar
from kit.catalog.sidecar import reading
from kit.catalog.states import first_msgstr
from kit.po.model import PoEntry

SIDE_SUFFIX = ".back.json"
FORMAT_VERSION = 1


def back_path(po_path: Path) -> Path:
    """``x.po`` → ``x.back.json`` beside it."""
    return po_path.with_name(po_path.stem + SIDE_SUFFIX)


@dataclass(frozen=True)
class BackTranslation:
    context: str | None
    source: str
    translation: str
    back: str


@dataclass(frozen=True)
class BackLog:
    records: tuple[BackTranslation, ...] = ()

    def current(self, entry: PoEntry) -> BackTranslation | None:
        """The back-translation of the entry's current source and translation, if any."""
        for record in self.records:
            if (record.context, record.source, record.translation) == (
                entry.msgctxt,
                entry.msgid,
                first_msgstr(entry),
            ):
                return record
        return None

    def with_record(self, record: BackTranslation) -> BackLog:
        """Add a record, replacing the one for the same source and translation."""
        key = (record.context, record.source, record.translation)
        kept = tuple(r for r in self.records if (r.context, r.source, r.translation) != key)
        return BackLog(tuple(sorted((*kept, record), key=_order)))


def _order(r: BackTranslation) -> tuple[str, str, str]:
    return (r.context or "", r.source, r.translation)


def dumps(log: BackLog) -> str:
    data = {
        "format": FORMAT_VERSION,
        "records": [
            {"context": r.context, "source": r.source, "translation": r.translation, "back": r.back}
            for r in log.records
        ],
    }
    return sidecar.dumps(data)


def loads(text: str, path: str) -> BackLog:
    with reading("back-translations are", path, "kit import back-translation"):
        data = json.loads(text)
        records = tuple(
            BackTranslation(
                None if item["context"] is None else str(item["context"]),
                str(item["source"]),
                str(item["translation"]),
                str(item["back"]),
            )
            for item in data["records"]
        )
    return BackLog(records)
