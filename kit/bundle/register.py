"""The issued-version register: one JSON line per output issued, committed in the project as
``register/issued.jsonl`` so that "the handout given on this date" can be found and rebuilt.

Each line (keys sorted, UTF-8, one object per line, appended only)::

    {"commit": "<git commit of the inputs>", "document": "infant-all", "epoch": 1714521600,
     "files": {"es/infant-all.html": "<sha256>", "es/infant-all.pdf": "<sha256>", ...},
     "issued": "2026-12-04", "kit": "0.1.0", "locale": "es",
     "reviewers": ["Dr. Ana Ruiz (clinical reviewer, 2024-04-15)"],
     "source_reviewed": "2018-12-01", "version": "1.0"}

``files`` are paths inside ``dist/`` and the sha256 of their bytes; ``epoch`` is the
``SOURCE_DATE_EPOCH`` the files were built with (the commit's time), so ``kit reproduce`` can
rebuild them byte for byte from ``commit``. Pure functions: the IO is in
``kit.commands.register``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from kit.errors import KitError

REGISTER = "register/issued.jsonl"


@dataclass(frozen=True)
class IssuedRow:
    document: str
    locale: str
    version: str
    source_reviewed: str  # ISO date
    reviewers: tuple[str, ...]
    commit: str
    epoch: int
    issued: str  # ISO date
    kit: str
    files: tuple[tuple[str, str], ...]  # (path inside dist/, sha256), sorted

    @property
    def same_issue(self) -> tuple[str, str, str, tuple[tuple[str, str], ...]]:
        """What makes two rows the same issue (issuing again changes nothing)."""
        return (self.document, self.locale, self.commit, self.files)


def to_line(row: IssuedRow) -> str:
    data = {
        "document": row.document,
        "locale": row.locale,
        "version": row.version,
        "source_reviewed": row.source_reviewed,
        "reviewers": list(row.reviewers),
        "commit": row.commit,
        "epoch": row.epoch,
        "issued": row.issued,
        "kit": row.kit,
        "files": dict(row.files),
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n"


def parse_register(text: str, path: str = REGISTER) -> tuple[IssuedRow, ...]:
    """Every row; a damaged line is a ``KitError`` with its line number."""
    rows: list[IssuedRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            rows.append(
                IssuedRow(
                    document=str(data["document"]),
                    locale=str(data["locale"]),
                    version=str(data["version"]),
                    source_reviewed=str(data["source_reviewed"]),
                    reviewers=tuple(str(r) for r in data["reviewers"]),
                    commit=str(data["commit"]),
                    epoch=int(data["epoch"]),
                    issued=str(data["issued"]),
                    kit=str(data["kit"]),
                    files=tuple(sorted((str(k), str(v)) for k, v in data["files"].items())),
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KitError(
                f"not a register row: {exc}",
                path=path,
                line=number,
                hint="each line is one JSON object as kit issue writes it (see the README)",
            ) from exc
    return tuple(rows)


def new_rows(existing: Iterable[IssuedRow], rows: Iterable[IssuedRow]) -> tuple[IssuedRow, ...]:
    """The rows not registered yet (the same document, locale, commit and files)."""
    seen = {row.same_issue for row in existing}
    return tuple(row for row in rows if row.same_issue not in seen)
